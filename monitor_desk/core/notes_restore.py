"""Undo support for highlights and tags: put back exactly what a snapshot holds.

A restore writes a row back under its old id. Ids are never reused (schema step 0003), and
a restore still checks that a row now holding the id is the same highlight or tag (same
``created`` time, same article) before overwriting it: a different row there is refused
with a message, never turned into the snapshot. Callers hold the transaction.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlite_utils import Database

from .anchoring import Anchor, make_anchor, reanchor
from .errors import InvalidInputError, NotFoundError
from .models import Highlight
from .notes import (
    TagSnapshot,
    _highlights_with_tag,
    _reindex,
    check_color,
    delete_tag,
    set_tags,
    tag_id,
)


def restore_highlight(db: Database, h: Highlight) -> None:
    """Write ``h`` back exactly (same id, anchor, times, note, colour, tags).

    Re-inserts a deleted highlight (its id is free) or overwrites the current state of an
    edited one (the same highlight holds the id); missing tags are created. Refused
    (``InvalidInputError``, nothing written) when another highlight holds the id, and
    (``NotFoundError``) when the highlight's article is gone.
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
    set_tags(db, h.id, h.tags, reindex=False)
    _follow_current_revision(db, h)
    _reindex(db, h.id)


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


def tag_snapshot(db: Database, name: str) -> TagSnapshot:
    tid = tag_id(db, name, create=False)
    _, tname, color, created = db.execute(
        "SELECT id, name, color, created FROM tags WHERE id = ?", [tid]
    ).fetchone()
    return TagSnapshot(tid, tname, color, created, tuple(sorted(_highlights_with_tag(db, tid))))


def restore_tag(db: Database, snap: TagSnapshot) -> None:
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
        for i in range(0, len(snap.highlight_ids), 500)
        for r in db.execute(
            "SELECT id FROM highlights WHERE id IN ({})".format(
                ",".join("?" * len(snap.highlight_ids[i : i + 500]))
            ),
            list(snap.highlight_ids[i : i + 500]),
        )
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
        _reindex(db, hid)


def undo_tag_change(db: Database, snapshots: Sequence[TagSnapshot], created: Sequence[str]) -> None:
    """Undo a rename, merge, recolour or delete: remove the tags it ``created`` and put every
    snapshot back. Callers run it in one transaction, so a refused restore (a name or id
    taken since) leaves every tag as it was instead of half undone."""
    for name in created:
        delete_tag(db, name)
    for snap in snapshots:
        restore_tag(db, snap)
