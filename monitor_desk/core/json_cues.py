"""Taught cues in the JSON export: ``taught_cues`` in the document head, checked, and merged
on import (what this library already taught of a lemma is kept). Nothing is re-analysed:
the exported claims come with their articles, and the cues apply at the next analysis."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from .errors import InvalidInputError
from .taught_cues import checked_kind, checked_lemma

KEY = "taught_cues"


def export_cues(db: Database) -> list[dict[str, Any]]:
    return [
        {"lemma": r[0], "kind": r[1], "object_only": bool(r[2]), "created": r[3], "note": r[4]}
        for r in db.execute(
            "SELECT lemma, kind, object_only, created, note FROM taught_cues ORDER BY id"
        )
    ]


def check_cues(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The export's taught cues, clean, or ``InvalidInputError`` naming the bad one
    (exports made before taught cues existed have none)."""
    raw = doc.get(KEY, [])
    if not isinstance(raw, list):
        raise InvalidInputError(f"{KEY}: expected a list.")
    out = []
    for i, c in enumerate(raw):
        where = f"{KEY}[{i}]"
        if not isinstance(c, dict):
            raise InvalidInputError(f"{where}: expected an object.")
        lemma, kind, only = c.get("lemma"), c.get("kind"), c.get("object_only", False)
        note, created = c.get("note", ""), c.get("created", "")
        if not isinstance(lemma, str) or not isinstance(kind, str):
            raise InvalidInputError(f"{where}: expected a lemma and a kind (text).")
        if not isinstance(only, bool):
            raise InvalidInputError(f"{where}.object_only: expected true or false.")
        if not isinstance(note, str) or not isinstance(created, str):
            raise InvalidInputError(f"{where}: expected note and created as text.")
        try:
            out.append({"lemma": checked_lemma(lemma), "kind": checked_kind(kind, only),
                        "object_only": only, "created": created, "note": note})  # fmt: skip
        except InvalidInputError as exc:
            raise InvalidInputError(f"{where}: {exc}") from exc
    return out


def merge_cues(db: Database, cues: list[dict[str, Any]]) -> list[str]:
    """Add the cues this library has not taught; returns their lemmas."""
    added = []
    for c in cues:
        cur = db.execute(
            """INSERT INTO taught_cues(lemma, kind, object_only, created, note)
               VALUES (?, ?, ?, ?, ?) ON CONFLICT(lemma) DO NOTHING""",
            [c["lemma"], c["kind"], int(c["object_only"]), c["created"], c["note"]],
        )
        if cur.rowcount:
            added.append(c["lemma"])
    return added
