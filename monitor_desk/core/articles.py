"""Articles and their revisions: inserting, revising (re-anchoring the highlights).
Callers hold the transaction."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from . import search
from .anchoring import Anchor, reanchor
from .db import utc_now

if TYPE_CHECKING:
    from .ingest import ParsedDocument

_ARTICLE_FIELDS = ("publication", "volume", "issue", "author")


def article_values(doc: ParsedDocument) -> dict[str, Any]:
    meta = doc.metadata
    return {
        "title": doc.title,
        "publication": meta.get("publication"),
        "volume": meta.get("volume"),
        "issue": meta.get("issue"),
        "author": meta.get("author"),
        "date": doc.date or meta.get("date"),
        "metadata_json": json.dumps(meta, ensure_ascii=False, sort_keys=True),
    }


def insert_article(db: Database, doc: ParsedDocument, source_path: str | None, sha: str) -> int:
    now = utc_now()
    cur = db.execute(
        """INSERT INTO articles(source_path, title, publication, volume, issue, date, author,
                                metadata_json, imported, modified)
           VALUES (:source_path, :title, :publication, :volume, :issue, :date, :author,
                   :metadata_json, :now, :now)""",
        {**article_values(doc), "source_path": source_path, "now": now},
    )
    article_id = int(cur.lastrowid or 0)
    add_revision(db, article_id, doc, sha, number=1)
    return article_id


def add_revision(db: Database, article_id: int, doc: ParsedDocument, sha: str, number: int) -> int:
    cur = db.execute(
        """INSERT INTO revisions(article_id, number, text, body_start, text_sha256, encoding,
                                 created)
           VALUES (?, ?, ?, ?, ?, ?, ?)""",
        [article_id, number, doc.text, doc.body_start, sha, doc.encoding, utc_now()],
    )
    revision_id = int(cur.lastrowid or 0)
    db.execute(
        "UPDATE articles SET current_revision_id = ?, modified = ? WHERE id = ?",
        [revision_id, utc_now(), article_id],
    )
    search.index_row(db, "article", article_id, article_id, doc.title, doc.text[doc.body_start :])
    return revision_id


def revise_article(db: Database, article_id: int, doc: ParsedDocument, sha: str) -> tuple[int, int]:
    """Add a new revision, update the metadata and re-anchor highlights.

    Returns (revision id, number of highlights that became orphans).
    """
    number = db.execute(
        "SELECT COALESCE(MAX(number), 0) + 1 FROM revisions WHERE article_id = ?", [article_id]
    ).fetchone()[0]
    values = article_values(doc)
    db.execute(
        """UPDATE articles SET title = :title, publication = :publication, volume = :volume,
                  issue = :issue, date = :date, author = :author, metadata_json = :metadata_json
           WHERE id = :id""",
        {**values, "id": article_id},
    )
    revision_id = add_revision(db, article_id, doc, sha, number)
    return revision_id, reanchor_highlights(db, article_id, revision_id, doc.text, sha)


def reanchor_highlights(
    db: Database, article_id: int, revision_id: int, text: str, sha: str
) -> int:
    orphans = 0
    rows = db.execute(
        """SELECT id, start, "end", exact, prefix, suffix, text_sha256 FROM highlights
           WHERE article_id = ? AND status = 'anchored'""",
        [article_id],
    ).fetchall()
    now = utc_now()
    for hid, start, end, exact, prefix, suffix, old_sha in rows:
        result = reanchor(Anchor(start, end, exact, prefix, suffix, old_sha), text, sha)
        if result.orphan:
            orphans += 1
            db.execute(
                "UPDATE highlights SET status = 'orphan', modified = ? WHERE id = ?", [now, hid]
            )
            continue
        new_exact = text[result.start : result.end]
        db.execute(
            """UPDATE highlights SET revision_id = ?, start = ?, "end" = ?, exact = ?,
                      prefix = ?, suffix = ?, text_sha256 = ?, modified = ? WHERE id = ?""",
            [
                revision_id,
                result.start,
                result.end,
                new_exact,
                text[max(0, result.start - 32) : result.start],
                text[result.end : result.end + 32],
                sha,
                now,
                hid,
            ],
        )
    return orphans
