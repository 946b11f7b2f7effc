"""Near-duplicate links in the JSON export: ids differ between libraries, so a link names
its original as the export finds an article (its source path, else its first text's hash)
and is resolved once every article of the export is merged. Exports made before links
existed have none."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlite_utils import Database

from .errors import InvalidInputError

FindArticle = Callable[[Database, dict[str, Any]], "int | None"]


def export_link(db: Database, article_id: int) -> dict[str, Any] | None:
    row = db.execute(
        """SELECT o.source_path, r.text_sha256 FROM articles a
           JOIN articles o ON o.id = a.near_duplicate_of
           JOIN revisions r ON r.article_id = o.id
           WHERE a.id = ? ORDER BY r.number LIMIT 1""",
        [article_id],
    ).fetchone()
    return {"source_path": row[0], "text_sha256": row[1]} if row else None


def checked_link(art: dict[str, Any], where: str) -> dict[str, Any] | None:
    link = art.get("near_duplicate_of")
    if link is None:
        return None
    where = f"{where}.near_duplicate_of"
    if not isinstance(link, dict):
        raise InvalidInputError(f"{where}: must be an object or null.")
    path, sha = link.get("source_path"), link.get("text_sha256")
    if path is not None and not isinstance(path, str):
        raise InvalidInputError(f"{where}.source_path: must be text or null.")
    if not isinstance(sha, str):
        raise InvalidInputError(f"{where}.text_sha256: must be text.")
    return {"source_path": path, "text_sha256": sha}


def _as_article(link: dict[str, Any]) -> dict[str, Any]:
    return {"source_path": link["source_path"], "revisions": [{"text_sha256": link["text_sha256"]}]}


def merge_links(db: Database, articles: list[dict[str, Any]], find: FindArticle) -> None:
    """Link each merged article to its original when both are in the library and the
    article has no link yet (inside the caller's transaction)."""
    for art in articles:
        if art.get("near_duplicate_of") is None:
            continue
        article_id = find(db, art)
        original = find(db, _as_article(art["near_duplicate_of"]))
        if article_id is None or original is None or original == article_id:
            continue
        db.execute(
            "UPDATE articles SET near_duplicate_of = ? WHERE id = ? AND near_duplicate_of IS NULL",
            [original, article_id],
        )
