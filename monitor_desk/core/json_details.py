"""An export's analyst edits merged into an article the library already has."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from .article_edits import analyst_fields
from .search import set_title


def merge_analyst_fields(db: Database, article_id: int, art: dict[str, Any]) -> None:
    """Fields the export's analyst set and this library's analyst has not are taken over
    (an edit made here is never overwritten by one from elsewhere)."""
    if art.get("language_override"):  # the analyst's language, unless one was set here
        db.execute(
            """UPDATE articles SET language_override = ?
               WHERE id = ? AND language_override IS NULL""",
            [art["language_override"], article_id],
        )
    mine = analyst_fields(db, article_id)
    theirs = [f for f in art["analyst_fields"] if f not in mine]
    if not theirs:
        return
    values: dict[str, Any] = {f: art[f] for f in theirs}
    if "date" in theirs:
        values.update(date_source=art["date_source"], date_precision=art["date_precision"])
    values["analyst_fields"] = json.dumps(sorted(mine | set(theirs)))
    sets = ", ".join(f"{k} = :{k}" for k in values)
    db.execute(f"UPDATE articles SET {sets} WHERE id = :id", {**values, "id": article_id})
    if "title" in theirs:
        set_title(db, article_id)
