"""Highlights, their tags and notes. Callers hold the transaction."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from . import search
from .anchoring import make_anchor
from .db import utc_now
from .errors import InvalidInputError, NotFoundError
from .models import Highlight, Tag

_SPACES = re.compile(r"\s+")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


def normalize_tag(name: str) -> str:
    """``" Arms control / ABM "`` → ``"Arms control/ABM"``: trimmed parts, no empty levels."""
    parts = [_SPACES.sub(" ", p).strip() for p in name.split("/")]
    parts = [p for p in parts if p]
    if not parts:
        raise InvalidInputError(f"{name!r} is not a tag name.")
    return "/".join(parts)


def check_color(color: str | None) -> str | None:
    if color is None or color == "":
        return None
    if not _COLOR.match(color):
        raise InvalidInputError(f"{color!r} is not a colour; use #RRGGBB.")
    return color.lower()


def tagged_highlights_sql(tag: str) -> tuple[str, list[str]]:
    """A subquery of the ids of highlights with ``tag`` or one of its sub-tags
    ("claim" matches "claim/denial", never "claimant"); LIKE's wildcards in the name are
    escaped, so a tag is matched literally."""
    name = normalize_tag(tag)
    escaped = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    sql = """SELECT ht.highlight_id FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id
             WHERE t.name = ? OR t.name LIKE ? ESCAPE '\\'"""
    return sql, [name, escaped + "/%"]


def tag_id(db: Database, name: str, create: bool = True) -> int:
    name = normalize_tag(name)
    row = db.execute("SELECT id FROM tags WHERE name = ?", [name]).fetchone()
    if row:
        return int(row[0])
    if not create:
        raise NotFoundError(f"There is no tag {name!r}.")
    return int(
        db.execute("INSERT INTO tags(name, created) VALUES (?, ?)", [name, utc_now()]).lastrowid
        or 0
    )


def _reindex(db: Database, highlight_id: int) -> None:
    row = db.execute(
        """SELECT h.article_id, a.title, h.exact, h.note FROM highlights h
           JOIN articles a ON a.id = h.article_id WHERE h.id = ?""",
        [highlight_id],
    ).fetchone()
    tags = tags_of(db, [highlight_id]).get(highlight_id, [])
    article_id, title, exact, note = row
    body = "\n".join(x for x in (exact, note, " ".join(tags)) if x)
    search.index_row(db, "highlight", highlight_id, article_id, title, body)


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
    _reindex(db, hid)
    return hid


def set_tags(db: Database, highlight_id: int, tags: Iterable[str], reindex: bool = True) -> None:
    ids = list(dict.fromkeys(tag_id(db, t) for t in tags))
    db.execute("DELETE FROM highlight_tags WHERE highlight_id = ?", [highlight_id])
    db.conn.executemany(
        "INSERT INTO highlight_tags(highlight_id, tag_id) VALUES (?, ?)",
        [(highlight_id, t) for t in ids],
    )
    if reindex:
        _reindex(db, highlight_id)


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
    _reindex(db, highlight_id)


def delete_highlight(db: Database, highlight_id: int) -> None:
    if db.execute("DELETE FROM highlights WHERE id = ?", [highlight_id]).rowcount == 0:
        raise NotFoundError(f"There is no highlight {highlight_id}.")
    search.unindex_rows(db, "highlight", [highlight_id])


def tags_of(db: Database, highlight_ids: Sequence[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for chunk_start in range(0, len(highlight_ids), 500):
        chunk = list(highlight_ids[chunk_start : chunk_start + 500])
        marks = ",".join("?" * len(chunk))
        for hid, name in db.execute(
            f"""SELECT ht.highlight_id, t.name FROM highlight_tags ht
                JOIN tags t ON t.id = ht.tag_id WHERE ht.highlight_id IN ({marks})
                ORDER BY t.name COLLATE NOCASE""",
            chunk,
        ):
            out.setdefault(hid, []).append(name)
    return out


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


def list_tags(db: Database) -> list[Tag]:
    return [
        Tag(*r)
        for r in db.execute(
            """SELECT t.id, t.name, t.color, COUNT(ht.highlight_id) FROM tags t
               LEFT JOIN highlight_tags ht ON ht.tag_id = t.id
               GROUP BY t.id ORDER BY COUNT(ht.highlight_id) DESC, t.name COLLATE NOCASE"""
        )
    ]


def _highlights_with_tag(db: Database, tid: int) -> list[int]:
    return [
        r[0] for r in db.execute("SELECT highlight_id FROM highlight_tags WHERE tag_id = ?", [tid])
    ]


def rename_tag(db: Database, old: str, new: str) -> None:
    tid = tag_id(db, old, create=False)
    new = normalize_tag(new)
    other = db.execute("SELECT id FROM tags WHERE name = ? AND id != ?", [new, tid]).fetchone()
    if other:
        raise InvalidInputError(f"A tag {new!r} exists already; merge the two instead.")
    db.execute("UPDATE tags SET name = ? WHERE id = ?", [new, tid])
    for hid in _highlights_with_tag(db, tid):
        _reindex(db, hid)


def merge_tags(db: Database, source: str, target: str) -> int:
    """Move every highlight of ``source`` to ``target`` and delete ``source``; returns count."""
    sid = tag_id(db, source, create=False)
    tid = tag_id(db, target, create=True)
    if sid == tid:
        return 0
    moved = _highlights_with_tag(db, sid)
    db.execute(
        """INSERT OR IGNORE INTO highlight_tags(highlight_id, tag_id)
           SELECT highlight_id, ? FROM highlight_tags WHERE tag_id = ?""",
        [tid, sid],
    )
    db.execute("DELETE FROM tags WHERE id = ?", [sid])
    for hid in moved:
        _reindex(db, hid)
    return len(moved)


def recolor_tag(db: Database, name: str, color: str | None) -> None:
    tid = tag_id(db, name, create=False)
    db.execute("UPDATE tags SET color = ? WHERE id = ?", [check_color(color), tid])


def delete_tag(db: Database, name: str) -> int:
    tid = tag_id(db, name, create=False)
    touched = _highlights_with_tag(db, tid)
    db.execute("DELETE FROM tags WHERE id = ?", [tid])
    for hid in touched:
        _reindex(db, hid)
    return len(touched)


# -- undo support: what a tag was (notes_restore.py puts it back) ------------------------


@dataclass(frozen=True, slots=True)
class TagSnapshot:
    """A tag as it was: its row and the highlights that carried it (for undo)."""

    id: int
    name: str
    color: str | None
    created: str
    highlight_ids: tuple[int, ...]
