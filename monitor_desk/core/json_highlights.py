"""The highlights of one exported article, merged into the library.

Each is placed by its quote on the article's current text, exactly as highlights are on a
re-import of a changed file (``anchoring.reanchor``): the export's offsets and hash are
trusted only when its quote really is that stretch of the text it names, so a highlight
never lands on words it did not quote. One that cannot be found comes in as an orphan.

Merging adds what the library lacks and nothing twice: highlights are compared on
everything the analyst sees (place, quote, note, tags, colour, status, creation time) and
counted, so two distinct highlights on one span both arrive, and importing the same file
again adds nothing.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlite_utils import Database

from .anchoring import Anchor, make_anchor, reanchor, text_sha256
from .highlights import set_tags

Key = tuple[Any, ...]

_INSERT = """INSERT INTO highlights(article_id, revision_id, start, "end", exact, prefix, suffix,
                 text_sha256, color, note, status, created, modified)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""


def _placed(
    h: dict[str, Any], own: tuple[int, str, str], current: tuple[int, str, str]
) -> dict[str, Any]:
    """Where ``h`` (checked: offsets inside its own revision's text) goes in this library;
    ``own`` and ``current``: (revision id, text, hash) of its revision and of the article's."""
    own_rev, own_text, own_hash = own
    rev_id, text, sha = current
    quoted = own_text[h["start"] : h["end"]] == h["exact"]
    own_sha = own_hash if quoted else ""
    lost = {"revision_id": own_rev, "start": h["start"], "end": h["end"], "exact": h["exact"],
            "prefix": h["prefix"], "suffix": h["suffix"], "text_sha256": own_sha,
            "status": "orphan"}  # fmt: skip
    if h["status"] == "orphan":
        return lost  # lost before the export; it keeps the place it was lost from
    # An empty hash when the quote is not at its offsets: found by the quote, or orphaned.
    found = reanchor(
        Anchor(h["start"], h["end"], h["exact"], h["prefix"], h["suffix"], own_sha), text, sha
    )
    if found.orphan:
        return lost
    at = make_anchor(text, found.start, found.end, sha)
    return {"revision_id": rev_id, "start": at.start, "end": at.end, "exact": at.exact,
            "prefix": at.prefix, "suffix": at.suffix, "text_sha256": sha,
            "status": "anchored"}  # fmt: skip


def _key(p: dict[str, Any], note: str, color: str | None, created: str, tags: Any) -> Key:
    return (p["status"], p["revision_id"], p["start"], p["end"], p["exact"], note,
            color, created, tags)  # fmt: skip


def _existing(db: Database, article_id: int) -> Counter[Key]:
    tags: dict[int, set[int]] = {}
    for hid, tid in db.execute(
        """SELECT ht.highlight_id, ht.tag_id FROM highlight_tags ht
           JOIN highlights h ON h.id = ht.highlight_id WHERE h.article_id = ?""",
        [article_id],
    ):
        tags.setdefault(hid, set()).add(tid)
    found: Counter[Key] = Counter()
    for hid, status, rev, start, end, exact, note, color, created in db.execute(
        'SELECT id, status, revision_id, start, "end", exact, note, color, created '
        "FROM highlights WHERE article_id = ?",
        [article_id],
    ):
        placed = {"status": status, "revision_id": rev, "start": start, "end": end,
                  "exact": exact}  # fmt: skip
        found[_key(placed, note, color, created, frozenset(tags.get(hid, ())))] += 1
    return found


def _tag_ids(db: Database, names: list[str], known: dict[str, int]) -> frozenset[int] | None:
    """The ids of existing tags named so; None when one does not exist yet (then the
    highlight cannot already be here). ``known`` caches names found (ids never change
    during an import)."""
    ids = set()
    for name in names:
        if name not in known:
            row = db.execute("SELECT id FROM tags WHERE name = ?", [name]).fetchone()
            if row is None:
                return None
            known[name] = int(row[0])
        ids.add(known[name])
    return frozenset(ids)


def merge_highlights(
    db: Database,
    article_id: int,
    highlights: list[dict[str, Any]],
    rev_ids: dict[int, int],
    texts: dict[int, str],
    known_tags: dict[str, int],
) -> int:
    """Add ``highlights`` (checked, of one article) that the library lacks; returns how
    many. ``rev_ids``/``texts``: the export's revision numbers → library ids / texts;
    ``known_tags``: a cache of tag ids by name, shared by the articles of one import."""
    current = db.execute(
        """SELECT r.id, r.text, r.text_sha256 FROM articles a
           JOIN revisions r ON r.id = a.current_revision_id WHERE a.id = ?""",
        [article_id],
    ).fetchone()
    here = _existing(db, article_id)
    own = {n: (rev_ids[n], text, text_sha256(text)) for n, text in texts.items()}
    added = 0
    for h in highlights:
        p = _placed(h, own[h["revision"]], current)
        key = _key(p, h["note"], h["color"], h["created"], _tag_ids(db, h["tags"], known_tags))
        if here[key] > 0:
            here[key] -= 1
            continue
        hid = int(
            db.execute(
                _INSERT,
                [article_id, p["revision_id"], p["start"], p["end"], p["exact"], p["prefix"],
                 p["suffix"], p["text_sha256"], h["color"], h["note"], p["status"],
                 h["created"], h["modified"]],
            ).lastrowid
            or 0
        )  # fmt: skip
        set_tags(db, hid, h["tags"])
        added += 1
    return added
