"""Highlights: a stretch of an article's text, anchored, with a note, a colour and tags.
Callers hold the transaction."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from typing import Any

from sqlite_utils import Database

from . import highlight_query, search
from .anchoring import Anchor, make_anchor, reanchor
from .changes import Changes, Created
from .connection import Component
from .db import environment_errors, utc_now
from .errors import InvalidInputError, NotFoundError
from .models import Highlight
from .sql import current_revision
from .tags import check_color, tag_id, tag_ids_of, tags_of


def add_highlight(
    db: Database,
    article_id: int,
    start: int,
    end: int,
    tags: Iterable[str] = (),
    note: str = "",
    color: str | None = None,
) -> Created:
    current = current_revision(db, article_id)
    revision_id, text, sha = current.id, current.text, current.text_sha256
    if not (0 <= start < end <= len(text)):
        raise InvalidInputError(
            f"A highlight must cover some text: {start}..{end} is outside 0..{len(text)}."
        )
    anchor = make_anchor(text, start, end, sha)
    now = utc_now()
    hid = int(
        db.execute(
            """INSERT INTO highlights(article_id, revision_id, start, "end", exact, prefix,
                   suffix, text_sha256, color, note, status, created, modified)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'anchored', ?, ?)""",
            [
                article_id,
                revision_id,
                start,
                end,
                anchor.exact,
                anchor.prefix,
                anchor.suffix,
                sha,
                check_color(color),
                note or "",
                now,
                now,
            ],
        ).lastrowid
        or 0
    )
    tag_ids = set_tags(db, hid, tags, reindex=False)
    search.index_highlight(db, hid)
    return Created(hid, Changes.of(articles=[article_id], highlights=[hid], tags=tag_ids))


def set_tags(
    db: Database, highlight_id: int, tags: Iterable[str], reindex: bool = True
) -> set[int]:
    """Make ``tags`` (created if new) the highlight's tags; returns the ids of the tags it
    had or has now (whose counts may have changed)."""
    ids = list(dict.fromkeys(tag_id(db, t) for t in tags))
    before = tag_ids_of(db, highlight_id)
    db.execute("DELETE FROM highlight_tags WHERE highlight_id = ?", [highlight_id])
    db.conn.executemany(
        "INSERT INTO highlight_tags(highlight_id, tag_id) VALUES (?, ?)",
        [(highlight_id, t) for t in ids],
    )
    if reindex:
        search.index_highlight(db, highlight_id)
    return before | set(ids)


def update_highlight(
    db: Database,
    highlight_id: int,
    tags: Iterable[str] | None = None,
    note: str | None = None,
    color: str | None = ...,  # type: ignore[assignment]
) -> Changes:
    row = db.execute("SELECT article_id FROM highlights WHERE id = ?", [highlight_id]).fetchone()
    if row is None:
        raise NotFoundError(f"There is no highlight {highlight_id}.")
    sets: dict[str, Any] = {"modified": utc_now()}
    if note is not None:
        sets["note"] = note
    if color is not ...:
        sets["color"] = check_color(color)
    assignments = ", ".join(f"{k} = :{k}" for k in sets)
    db.execute(f"UPDATE highlights SET {assignments} WHERE id = :id", {**sets, "id": highlight_id})
    tag_ids: set[int] = set()
    if tags is not None:
        tag_ids = set_tags(db, highlight_id, tags, reindex=False)
    search.index_highlight(db, highlight_id)
    return Changes.of(articles=[row[0]], highlights=[highlight_id], tags=tag_ids)


def delete_highlight(db: Database, highlight_id: int) -> Changes:
    row = db.execute("SELECT article_id FROM highlights WHERE id = ?", [highlight_id]).fetchone()
    tag_ids = tag_ids_of(db, highlight_id)
    if db.execute("DELETE FROM highlights WHERE id = ?", [highlight_id]).rowcount == 0:
        raise NotFoundError(f"There is no highlight {highlight_id}.")
    search.unindex_rows(db, "highlight", [highlight_id])
    return Changes.of(articles=[row[0]], highlights=[highlight_id], tags=tag_ids)


def list_highlights(
    db: Database, article_id: int | None = None, tag: str | None = None
) -> list[Highlight]:
    where = highlight_query.scope_where(article_id, tag)
    sql = f"SELECT {highlight_query.HIGHLIGHT_COLUMNS} FROM highlights h{where.sql()}"
    sql += " ORDER BY h.article_id, h.start, h.id"
    rows = [Highlight(*r) for r in db.execute(sql, where.params)]
    tag_map = tags_of(db, [h.id for h in rows])
    for h in rows:
        h.tags = tag_map.get(h.id, [])
    return rows


def get_highlight(db: Database, highlight_id: int) -> Highlight:
    row = db.execute(
        f"SELECT {highlight_query.HIGHLIGHT_COLUMNS} FROM highlights h WHERE h.id = ?",
        [highlight_id],
    ).fetchone()
    if row is None:
        raise NotFoundError(f"There is no highlight {highlight_id}.")
    h = Highlight(*row)
    h.tags = tags_of(db, [h.id]).get(h.id, [])
    return h


# -- undo support: put back exactly what was there ---------------------------------------


def restore_highlight(db: Database, h: Highlight) -> Changes:
    """Write ``h`` back exactly (same id, anchor, times, note, colour, tags).

    Re-inserts a deleted highlight (its id is free) or overwrites the current state of an
    edited one (the same highlight holds the id); missing tags are created. Ids are never
    reused (schema step 0003), and still: refused (``InvalidInputError``, nothing written)
    when another highlight holds the id, and (``NotFoundError``) when the article is gone.
    """
    existing = db.execute(
        "SELECT article_id, created FROM highlights WHERE id = ?", [h.id]
    ).fetchone()
    if existing is not None and tuple(existing) != (h.article_id, h.created):
        raise InvalidInputError(
            "The highlight was replaced by another one since: this change cannot be undone."
        )
    if (
        existing is None
        and not db.execute("SELECT 1 FROM articles WHERE id = ?", [h.article_id]).fetchone()
    ):
        raise NotFoundError("The highlight's article is no longer in the library.")
    values = [
        h.article_id, h.revision_id, h.start, h.end, h.exact, h.prefix, h.suffix,
        h.text_sha256, check_color(h.color), h.note or "", h.status, h.created, h.modified,
    ]  # fmt: skip
    if existing is not None:
        db.execute(
            """UPDATE highlights SET article_id = ?, revision_id = ?, start = ?, "end" = ?,
                   exact = ?, prefix = ?, suffix = ?, text_sha256 = ?, color = ?, note = ?,
                   status = ?, created = ?, modified = ? WHERE id = ?""",
            [*values, h.id],
        )
    else:
        db.execute(
            """INSERT INTO highlights(article_id, revision_id, start, "end", exact, prefix,
                   suffix, text_sha256, color, note, status, created, modified, id)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [*values, h.id],
        )
    tag_ids = set_tags(db, h.id, h.tags, reindex=False)
    _follow_current_revision(db, h)
    search.index_highlight(db, h.id)
    return Changes.of(articles=[h.article_id], highlights=[h.id], tags=tag_ids)


def _follow_current_revision(db: Database, h: Highlight) -> None:
    """A highlight put back after its article got a new revision (undo of a delete made
    before a re-import) is re-anchored like every other one was, never left on old offsets."""
    try:
        current = current_revision(db, h.article_id)
    except NotFoundError:
        return
    if current.id == h.revision_id or h.status != "anchored":
        return
    revision_id, text, sha = current.id, current.text, current.text_sha256
    found = reanchor(Anchor(h.start, h.end, h.exact, h.prefix, h.suffix, h.text_sha256), text, sha)
    if found.orphan:
        db.execute("UPDATE highlights SET status = 'orphan' WHERE id = ?", [h.id])
        return
    moved = make_anchor(text, found.start, found.end, sha)
    db.execute(
        """UPDATE highlights SET revision_id = ?, start = ?, "end" = ?, exact = ?, prefix = ?,
               suffix = ?, text_sha256 = ? WHERE id = ?""",
        [revision_id, moved.start, moved.end, moved.exact, moved.prefix, moved.suffix, sha, h.id],
    )


class Highlights(Component):
    """``lib.highlights``: make, change, list and put back highlights."""

    @environment_errors
    def add(
        self,
        article_id: int,
        start: int,
        end: int,
        tags: Iterable[str] = (),
        note: str = "",
        color: str | None = None,
    ) -> Created:
        """Highlight ``text[start:end]`` (code points) of the article's current text."""
        with self._connection.writing() as db:
            return add_highlight(db, article_id, start, end, tags, note, color)

    @environment_errors
    def update(
        self,
        highlight_id: int,
        tags: Iterable[str] | None = None,
        note: str | None = None,
        color: str | None = ...,  # type: ignore[assignment]
    ) -> Changes:
        with self._connection.writing() as db:
            return update_highlight(db, highlight_id, tags, note, color)

    @environment_errors
    def delete(self, highlight_id: int) -> Changes:
        with self._connection.writing() as db:
            return delete_highlight(db, highlight_id)

    def get(self, highlight_id: int) -> Highlight:
        with self._connection.reading() as db:
            return get_highlight(db, highlight_id)

    def list(self, article_id: int | None = None, tag: str | None = None) -> list[Highlight]:
        with self._connection.reading() as db:
            return list_highlights(db, article_id, tag)

    def ids(
        self, article_id: int | None = None, tag: str | None = None, text: str = ""
    ) -> highlight_query.HighlightIds:
        """Ordered ids (and orphan count) of the highlights the Notes list shows: of one
        article or all, with ``tag`` or a sub-tag, holding every word of ``text``."""
        with self._connection.reading() as db:
            return highlight_query.highlight_ids(db, article_id, tag, text)

    def by_ids(self, ids: Sequence[int]) -> builtins.list[Highlight]:
        """The highlights with these ids, in the same order (missing ids are left out)."""
        with self._connection.reading() as db:
            return highlight_query.highlights_by_ids(db, ids)

    @environment_errors
    def restore(self, highlight: Highlight) -> Changes:
        """Write a highlight back exactly as given (same id, anchor, times, tags): undo;
        refused when another highlight holds its id."""
        with self._connection.writing() as db:
            return restore_highlight(db, highlight)
