"""Duplicates at import: a file whose text is an article's text already in the library.

Texts are compared after normalising line ends and whitespace (a copy saved with CRLF or
re-wrapped is the same text); each revision stores the hash of its normalised text
(``revisions.norm_sha256``, indexed), so the check is one lookup per file.
"""

from __future__ import annotations

import hashlib

from sqlite_utils import Database


def normalize(text: str) -> str:
    """Runs of whitespace (line ends included) become one space; ends are trimmed.
    (``str.split`` is several times faster than a regular expression here.)"""
    return " ".join(text.split())


def normalized_sha256(text: str) -> str:
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()


def stamp_revision(db: Database, revision_id: int, text: str) -> None:
    """Store the normalised hash of a revision inserted without one (a JSON import),
    inside the caller's transaction."""
    db.execute(
        "UPDATE revisions SET norm_sha256 = ? WHERE id = ?", [normalized_sha256(text), revision_id]
    )


def find_duplicate(db: Database, norm_sha: str) -> tuple[int, str] | None:
    """(id, title) of an article whose current text has this normalised hash, if any."""
    row = db.execute(
        """SELECT a.id, a.title FROM revisions r JOIN articles a ON a.current_revision_id = r.id
           WHERE r.norm_sha256 = ? ORDER BY a.id LIMIT 1""",
        [norm_sha],
    ).fetchone()
    return (int(row[0]), str(row[1])) if row else None


def duplicate_reason(article_id: int, title: str) -> str:
    return f"same text as article {article_id} ({title})"
