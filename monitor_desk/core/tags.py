"""Tags: names that nest with ``/``, their colours, and what renaming, merging and deleting
one does to the highlights that carry it. Callers hold the transaction."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from . import search
from .changes import NO_CHANGES, Changes, Counted, Created
from .connection import Component
from .db import environment_errors, utc_now
from .errors import InvalidInputError, NotFoundError
from .models import Tag
from .sql import chunks, in_clause

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


def tags_of(db: Database, highlight_ids: Sequence[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for chunk in chunks(highlight_ids):
        for hid, name in db.execute(
            f"""SELECT ht.highlight_id, t.name FROM highlight_tags ht
                JOIN tags t ON t.id = ht.tag_id WHERE ht.highlight_id IN {in_clause(chunk)}
                ORDER BY t.name COLLATE NOCASE""",
            chunk,
        ):
            out.setdefault(hid, []).append(name)
    return out


def tag_ids_of(db: Database, highlight_id: int) -> set[int]:
    return {
        r[0]
        for r in db.execute(
            "SELECT tag_id FROM highlight_tags WHERE highlight_id = ?", [highlight_id]
        )
    }


def _changed(db: Database, tag_ids: Iterable[int], highlight_ids: Iterable[int]) -> Changes:
    """The tags, the highlights that carry(ied) them, and those highlights' articles."""
    hids = sorted(set(highlight_ids))
    articles = {
        r[0]
        for chunk in chunks(hids)
        for r in db.execute(
            f"SELECT DISTINCT article_id FROM highlights WHERE id IN {in_clause(chunk)}", chunk
        )
    }
    return Changes.of(articles=articles, highlights=hids, tags=tag_ids)


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


def rename_tag(db: Database, old: str, new: str) -> Changes:
    tid = tag_id(db, old, create=False)
    new = normalize_tag(new)
    other = db.execute("SELECT id FROM tags WHERE name = ? AND id != ?", [new, tid]).fetchone()
    if other:
        raise InvalidInputError(f"A tag {new!r} exists already; merge the two instead.")
    db.execute("UPDATE tags SET name = ? WHERE id = ?", [new, tid])
    carrying = _highlights_with_tag(db, tid)
    for hid in carrying:
        search.index_highlight(db, hid)
    return _changed(db, [tid], carrying)


def merge_tags(db: Database, source: str, target: str) -> Counted:
    """Move every highlight of ``source`` to ``target`` and delete ``source``; counts them."""
    sid = tag_id(db, source, create=False)
    tid = tag_id(db, target, create=True)
    if sid == tid:
        return Counted(0, NO_CHANGES)
    moved = _highlights_with_tag(db, sid)
    db.execute(
        """INSERT OR IGNORE INTO highlight_tags(highlight_id, tag_id)
           SELECT highlight_id, ? FROM highlight_tags WHERE tag_id = ?""",
        [tid, sid],
    )
    db.execute("DELETE FROM tags WHERE id = ?", [sid])
    for hid in moved:
        search.index_highlight(db, hid)
    return Counted(len(moved), _changed(db, [sid, tid], moved))


def recolor_tag(db: Database, name: str, color: str | None) -> Changes:
    tid = tag_id(db, name, create=False)
    db.execute("UPDATE tags SET color = ? WHERE id = ?", [check_color(color), tid])
    return _changed(db, [tid], _highlights_with_tag(db, tid))


def delete_tag(db: Database, name: str) -> Counted:
    tid = tag_id(db, name, create=False)
    touched = _highlights_with_tag(db, tid)
    changes = _changed(db, [tid], touched)
    db.execute("DELETE FROM tags WHERE id = ?", [tid])
    for hid in touched:
        search.index_highlight(db, hid)
    return Counted(len(touched), changes)


@dataclass(frozen=True, slots=True)
class TagSnapshot:
    """A tag as it was: its row and the highlights that carried it (for undo)."""

    id: int
    name: str
    color: str | None
    created: str
    highlight_ids: tuple[int, ...]


def tag_snapshot(db: Database, name: str) -> TagSnapshot:
    tid = tag_id(db, name, create=False)
    _, tname, color, created = db.execute(
        "SELECT id, name, color, created FROM tags WHERE id = ?", [tid]
    ).fetchone()
    return TagSnapshot(tid, tname, color, created, tuple(sorted(_highlights_with_tag(db, tid))))


def restore_tag(db: Database, snap: TagSnapshot) -> Changes:
    """Make the tag exactly ``snap``: same id, name, colour, created time, and carried by
    exactly the snapshot's highlights (those that still exist). Refused
    (``InvalidInputError``, nothing written) when another tag has its name or its id."""
    clash = db.execute(
        "SELECT id FROM tags WHERE name = ? AND id != ?", [snap.name, snap.id]
    ).fetchone()
    if clash:
        raise InvalidInputError(f"Another tag is called {snap.name!r} now.")
    existing = db.execute("SELECT created FROM tags WHERE id = ?", [snap.id]).fetchone()
    if existing is not None and existing[0] != snap.created:
        raise InvalidInputError(
            f"The tag {snap.name!r} was replaced by another one since: "
            "this change cannot be undone."
        )
    if existing is not None:
        db.execute(
            "UPDATE tags SET name = ?, color = ?, created = ? WHERE id = ?",
            [snap.name, snap.color, snap.created, snap.id],
        )
    else:
        db.execute(
            "INSERT INTO tags(id, name, color, created) VALUES (?, ?, ?, ?)",
            [snap.id, snap.name, snap.color, snap.created],
        )
    before = set(_highlights_with_tag(db, snap.id))
    wanted = {
        r[0]
        for chunk in chunks(snap.highlight_ids)
        for r in db.execute(f"SELECT id FROM highlights WHERE id IN {in_clause(chunk)}", chunk)
    }
    db.conn.executemany(
        "DELETE FROM highlight_tags WHERE highlight_id = ? AND tag_id = ?",
        [(hid, snap.id) for hid in before - wanted],
    )
    db.conn.executemany(
        "INSERT INTO highlight_tags(highlight_id, tag_id) VALUES (?, ?)",
        [(hid, snap.id) for hid in wanted - before],
    )
    # The search index holds tag names: every highlight that had or has the tag changes.
    for hid in sorted(before | wanted):
        search.index_highlight(db, hid)
    return _changed(db, [snap.id], before | wanted)


def undo_tag_change(
    db: Database, snapshots: Sequence[TagSnapshot], created: Sequence[str]
) -> Changes:
    """Undo a rename, merge, recolour or delete: remove the tags it ``created`` and put every
    snapshot back. Callers run it in one transaction, so a refused restore (a name or id
    taken since) leaves every tag as it was instead of half undone."""
    changes = NO_CHANGES
    for name in created:
        changes |= delete_tag(db, name).changes
    for snap in snapshots:
        changes |= restore_tag(db, snap)
    return changes


class Tags(Component):
    """``lib.tags``: the tag list and library-wide tag changes (tags nest with ``/``)."""

    def list(self) -> list[Tag]:
        """Every tag with how many highlights carry it, most used first."""
        with self._connection.reading() as db:
            return list_tags(db)

    @environment_errors
    def create(self, name: str, color: str | None = None) -> Created:
        with self._connection.writing() as db:
            tid = tag_id(db, name)
            if color is not None:
                recolor_tag(db, name, color)
            return Created(tid, Changes.of(tags=[tid]))

    @environment_errors
    def rename(self, old: str, new: str) -> Changes:
        with self._connection.writing() as db:
            return rename_tag(db, old, new)

    @environment_errors
    def merge(self, source: str, target: str) -> Counted:
        """Move every highlight of ``source`` to ``target`` and delete ``source``."""
        with self._connection.writing() as db:
            return merge_tags(db, source, target)

    @environment_errors
    def recolor(self, name: str, color: str | None) -> Changes:
        with self._connection.writing() as db:
            return recolor_tag(db, name, color)

    @environment_errors
    def delete(self, name: str) -> Counted:
        """Delete the tag (its highlights stay); counts the highlights that carried it."""
        with self._connection.writing() as db:
            return delete_tag(db, name)

    def snapshot(self, name: str) -> TagSnapshot:
        """The tag's row and the ids of the highlights carrying it (for undo)."""
        with self._connection.reading() as db:
            return tag_snapshot(db, name)

    @environment_errors
    def restore(self, snapshot: TagSnapshot) -> Changes:
        """Make the tag exactly ``snapshot`` again (id, name, colour, its highlights)."""
        with self._connection.writing() as db:
            return restore_tag(db, snapshot)

    @environment_errors
    def undo_change(self, snapshots: Sequence[TagSnapshot], created: Sequence[str]) -> Changes:
        """Remove the tags a change ``created`` and put ``snapshots`` back: all or nothing."""
        with self._connection.writing() as db:
            return undo_tag_change(db, snapshots, created)
