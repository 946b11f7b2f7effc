"""Entity corrections in the JSON export: written in the document head, checked, and merged
into the library on import (a correction the library already has is not added twice).

Revisions carry the mentions the model found (``model_label``, ``model_cluster``, hidden
ones included, added ones left out): the importing library applies the corrections itself.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from . import entity_corrections as ec
from .corrections import checked
from .errors import InvalidInputError

MODEL_ENTITIES_SQL = """
    SELECT start, "end", model_label, text, model_cluster, id FROM entities
        WHERE revision_id = :rev AND added = 0
    UNION ALL SELECT start, "end", model_label, text, model_cluster, id FROM entities_hidden
        WHERE revision_id = :rev
    ORDER BY 1, 6"""


def model_entities(db: Database, revision_id: int) -> list[list[Any]]:
    return [list(r[:5]) for r in db.execute(MODEL_ENTITIES_SQL, {"rev": revision_id})]


def export_corrections(db: Database) -> list[dict[str, Any]]:
    return [
        {"kind": k, "names": json.loads(n), "target": t, "created": c}
        for k, n, t, c in db.execute(
            "SELECT kind, names_json, target, created FROM corrections ORDER BY id"
        )
    ]


def check_corrections(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The export's corrections, clean, or ``InvalidInputError`` naming the bad one."""
    raw = doc.get("corrections", [])
    if not isinstance(raw, list):
        raise InvalidInputError("corrections: expected a list.")
    out = []
    for i, c in enumerate(raw):
        where = f"corrections[{i}]"
        if not isinstance(c, dict):
            raise InvalidInputError(f"{where}: expected an object.")
        names = c.get("names")
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise InvalidInputError(f"{where}.names: expected a list of names.")
        target = c.get("target")
        if target is not None and not isinstance(target, str):
            raise InvalidInputError(f"{where}.target: expected text.")
        try:
            names, target = checked(str(c.get("kind")), names, target)
        except InvalidInputError as exc:
            raise InvalidInputError(f"{where}: {exc}") from exc
        created = c.get("created")
        out.append({"kind": c["kind"], "names": names, "target": target,
                    "created": created if isinstance(created, str) else ""})  # fmt: skip
    return out


def merge_corrections(db: Database, corrections: list[dict[str, Any]]) -> None:
    """Add the corrections this library lacks and apply them to its stored mentions."""
    have = {(k, n, t) for k, n, t in db.execute("SELECT kind, names_json, target FROM corrections")}
    new = []
    for c in corrections:
        key = (c["kind"], json.dumps(c["names"], ensure_ascii=False), c["target"])
        if key not in have:
            have.add(key)
            db.execute(
                "INSERT INTO corrections(kind, names_json, target, created) VALUES (?, ?, ?, ?)",
                [*key, c["created"]],
            )
            new.append(c)
    if new:
        rules = ec.load_rules(db)
        keys: set[str] = set()
        for c in new:
            keys |= ec.names_touched(c["kind"], c["names"], c["target"], rules)
        ec.apply_names(db, keys, rules)
