"""``lib.corrections``: the analyst's entity corrections, listed and revocable in one place.

Making or revoking a correction rewrites the stored mentions it touches at once (see
core/entity_corrections.py); articles analysed later get it when their analysis is stored.
"""

from __future__ import annotations

import builtins
import json
from dataclasses import dataclass

from . import entity_corrections as ec
from . import search
from .changes import Changes, Created
from .connection import Component
from .db import utc_now
from .errors import InvalidInputError, NotFoundError


@dataclass(frozen=True, slots=True)
class Correction:
    """One correction: ``kind`` is retype / merge / split / ignore / add; ``names`` what it
    applies to; ``target`` the new type (retype, add) or canonical name (merge)."""

    id: int
    kind: str
    names: tuple[str, ...]
    target: str | None
    created: str

    def describe(self) -> str:
        names = ", ".join(f"“{n}”" for n in self.names)
        return {
            "retype": f"{names}: type {self.target}",
            "merge": f"{names} → “{self.target}”",
            "split": f"{names} kept apart",
            "ignore": f"{names} is not an entity",
            "add": f"{names}: added as {self.target}",
        }[self.kind]


def checked(kind: str, names: list[str], target: str | None) -> tuple[list[str], str | None]:
    """The correction as stored, or ``InvalidInputError`` saying what is wrong with it."""
    if kind not in ec.KINDS:
        raise InvalidInputError(f"Unknown correction {kind!r}: use one of {', '.join(ec.KINDS)}.")
    names = [" ".join(str(n).split()) for n in names]
    if not names or not all(names):
        raise InvalidInputError("A correction needs a name.")
    if kind in ("retype", "add"):
        target = (target or "").strip().upper()
        if target not in ec.ENTITY_LABELS:
            raise InvalidInputError(
                f"Unknown entity type {target!r}: use one of {', '.join(ec.ENTITY_LABELS)}."
            )
    elif kind == "merge":
        target = " ".join((target or "").split())
        if not target:
            raise InvalidInputError("A merge needs the name to merge into (--into).")
    else:
        target = None
    return names, target


class Corrections(Component):
    def list(self) -> builtins.list[Correction]:
        with self._lock:
            return [
                Correction(r[0], r[1], tuple(json.loads(r[2])), r[3], r[4])
                for r in self.db.execute(
                    "SELECT id, kind, names_json, target, created FROM corrections ORDER BY id"
                )
            ]

    def add(
        self,
        kind: str,
        names: builtins.list[str],
        target: str | None = None,
        progress: ec.Progress | None = None,
    ) -> Created:
        """Teach a correction and apply it to every stored mention (slow for a large
        library: call it off the GUI thread). ``Created.id`` revokes it."""
        names, target = checked(kind, names, target)
        with self._connection.writing() as db:
            cid = int(
                db.execute(
                    """INSERT INTO corrections(kind, names_json, target, created)
                       VALUES (?, ?, ?, ?)""",
                    [kind, json.dumps(names, ensure_ascii=False), target, utc_now()],
                ).lastrowid
                or 0
            )
            rules = ec.load_rules(db)
            keys = ec.names_touched(kind, names, target, rules)
            articles = ec.apply_names(db, keys, rules, progress)
            search.index_claims_of(db, articles)
        return Created(cid, Changes.of(articles=articles, library=True))

    def revoke(self, correction_id: int, progress: ec.Progress | None = None) -> Changes:
        """Take a correction back: the mentions it changed show what the model found."""
        with self._connection.writing() as db:
            row = db.execute(
                "SELECT kind, names_json, target FROM corrections WHERE id = ?", [correction_id]
            ).fetchone()
            if row is None:
                raise NotFoundError(f"There is no correction {correction_id}.")
            before = ec.load_rules(db)
            keys = ec.names_touched(row[0], json.loads(row[1]), row[2], before)
            db.execute("DELETE FROM corrections WHERE id = ?", [correction_id])
            articles = ec.apply_names(db, keys, ec.load_rules(db), progress)
            search.index_claims_of(db, articles)
        return Changes.of(articles=articles, library=True)
