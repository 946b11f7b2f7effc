"""Publication rules in the JSON export: written in the document head, checked, and merged
on import (a rule this library already has for a publication is kept), then applied."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from .errors import InvalidInputError
from .publication_rules import all_rules, checked_rule, rule_for, store_rule


def export_rules(db: Database) -> list[dict[str, Any]]:
    return [
        {"publication": r.publication, "volume": r.volume, "year": r.year, "cadence": r.cadence}
        for r in all_rules(db)
    ]


def check_rules(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The export's rules, clean, or ``InvalidInputError`` naming the bad one (exports made
    before rules existed have none)."""
    raw = doc.get("publication_rules", [])
    if not isinstance(raw, list):
        raise InvalidInputError("publication_rules: expected a list.")
    out = []
    for i, r in enumerate(raw):
        where = f"publication_rules[{i}]"
        if not isinstance(r, dict):
            raise InvalidInputError(f"{where}: expected an object.")
        values = [r.get(k) for k in ("publication", "volume", "year")]
        if not isinstance(values[0], str) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in values[1:]
        ):
            raise InvalidInputError(
                f"{where}: expected a publication (text), a volume and a year (numbers)."
            )
        try:
            rule = checked_rule(values[0], values[1], values[2], r.get("cadence"))
        except InvalidInputError as exc:
            raise InvalidInputError(f"{where}: {exc}") from exc
        out.append({"publication": rule.publication, "volume": rule.volume,
                    "year": rule.year, "cadence": rule.cadence})  # fmt: skip
    return out


def merge_rules(db: Database, rules: list[dict[str, Any]]) -> list[str]:
    """Add the rules this library lacks (its own rule for a publication wins); returns the
    publications whose rule was added."""
    added = []
    for r in rules:
        if rule_for(db, r["publication"]) is None:
            store_rule(db, checked_rule(r["publication"], r["volume"], r["year"], r["cadence"]))
            added.append(r["publication"])
    return added
