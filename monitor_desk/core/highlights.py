"""Highlights: a stretch of an article's text, anchored, with a note, a colour and tags.
Callers hold the transaction."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from . import search
from .anchoring import Anchor, make_anchor, reanchor
from .db import utc_now
from .errors import InvalidInputError, NotFoundError
from .models import Highlight
from .tags import check_color, tag_id, tagged_highlights_sql, tags_of


def add_highlight(
    db: Database,
    article_id: int,
    start: int,
    end: int,
    tags: Iterable[str] = (),
    note: str = "",
    color: str | None = None,
) -> int:
    row = db.execute(
        """SELECT r.id, r.text, r.text_sha256 FROM articles a
           JOIN revisions r ON r.id = a.current_revision_id WHERE a.id = ?""",
        [article_id],
    ).fetchone()
    if row is None:
        raise NotFoundError(f"There is no article {article_id}.")
    revision_id, text, sha = row
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
    set_tags(db, hid, tags, reindex=False)
    search.index_highlight(db, hid)
    return hid


def set_tags(db: Database, highlight_id: int, tags: Iterable[str], reindex: bool = True) -> None:
    ids = list(dict.fromkeys(tag_id(db, t) for t in tags))
    db.execute("DELETE FROM highlight_tags WHERE highlight_id = ?", [highlight_id])
    db.conn.executemany(
        "INSERT INTO highlight_tags(highlight_id, tag_id) VALUES (?, ?)",
        [(highlight_id, t) for t in ids],
    )
    if reindex:
        search.index_highlight(db, highlight_id)


def update_highlight(
    db: Database,
    highlight_id: int,
    tags: Iterable[str] | None = None,
    note: str | None = None,
    color: str | None = ...,  # type: ignore[assignment]
) -> None:
    if db.execute("SELECT 1 FROM highlights WHERE id = ?", [highlight_id]).fetchone() is None:
        raise NotFoundError(f"There is no highlight {highlight_id}.")
    sets: dict[str, Any] = {"modified": utc_now()}
    if note is not None:
        sets["note"] = note
    if color is not ...:
        sets["color"] = check_color(color)
    assignments = ", ".join(f"{k} = :{k}" for k in sets)
    db.execute(f"UPDATE highlights SET {assignments} WHERE id = :id", {**sets, "id": highlight_id})
    if tags is not None:
        set_tags(db, highlight_id, tags, reindex=False)
    search.index_highlight(db, highlight_id)


def delete_highlight(db: Database, highlight_id: int) -> None:
    if db.execute("DELETE FROM highlights WHERE id = ?", [highlight_id]).rowcount == 0:
        raise NotFoundError(f"There is no highlight {highlight_id}.")
    search.unindex_rows(db, "highlight", [highlight_id])


_HIGHLIGHT_COLUMNS = """h.id, h.article_id, h.revision_id, h.start, h."end", h.exact, h.prefix,
    h.suffix, h.text_sha256, h.color, h.note, h.status, h.created, h.modified"""


def scope_where(article_id: int | None, tag: str | None) -> tuple[list[str], list[Any]]:
    """WHERE terms (over ``highlights h``) for one article's highlights (None: all) that
    carry ``tag`` or a sub-tag (None: any)."""
    where: list[str] = []
    params: list[Any] = []
    if article_id is not None:
        where.append("h.article_id = ?")
        params.append(article_id)
    if tag is not None:
        sub, sub_params = tagged_highlights_sql(tag)
        where.append(f"h.id IN ({sub})")
        params += sub_params
    return where, params


def list_highlights(
    db: Database, article_id: int | None = None, tag: str | None = None
) -> list[Highlight]:
    where, params = scope_where(article_id, tag)
    sql = f"SELECT {_HIGHLIGHT_COLUMNS} FROM highlights h"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY h.article_id, h.start, h.id"
    rows = [Highlight(*r) for r in db.execute(sql, params)]
    tag_map = tags_of(db, [h.id for h in rows])
    for h in rows:
        h.tags = tag_map.get(h.id, [])
    return rows


def get_highlight(db: Database, highlight_id: int) -> Highlight:
    row = db.execute(
        f"SELECT {_HIGHLIGHT_COLUMNS} FROM highlights h WHERE h.id = ?", [highlight_id]
    ).fetchone()
    if row is None:
        raise NotFoundError(f"There is no highlight {highlight_id}.")
    h = Highlight(*row)
    h.tags = tags_of(db, [h.id]).get(h.id, [])
    return h


# -- undo support: put back exactly what was there ---------------------------------------


def restore_highlight(db: Database, h: Highlight) -> None:
    """Write ``h`` back exactly (same id, anchor, times, note, colour, tags).

    Re-inserts a deleted highlight or overwrites the current state of an edited one;
    missing tags are created.
    """
    values = [
        h.article_id, h.revision_id, h.start, h.end, h.exact, h.prefix, h.suffix,
        h.text_sha256, check_color(h.color), h.note or "", h.status, h.created, h.modified,
    ]  # fmt: skip
    if db.execute("SELECT 1 FROM highlights WHERE id = ?", [h.id]).fetchone():
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
    set_tags(db, h.id, h.tags, reindex=False)
    _follow_current_revision(db, h)
    search.index_highlight(db, h.id)


def _follow_current_revision(db: Database, h: Highlight) -> None:
    """A highlight put back after its article got a new revision (undo of a delete made
    before a re-import) is re-anchored like every other one was, never left on old offsets."""
    row = db.execute(
        """SELECT r.id, r.text, r.text_sha256 FROM articles a
           JOIN revisions r ON r.id = a.current_revision_id WHERE a.id = ?""",
        [h.article_id],
    ).fetchone()
    if row is None or row[0] == h.revision_id or h.status != "anchored":
        return
    revision_id, text, sha = row
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
