"""``lib.cues``: the cues the analyst taught the claim extractor for this library.

A taught ``cue`` makes a verb the lexicon lacks ("trumpet") a reporting verb; a ``never``
rule stops a verb from making claims ("make" + object: "made the proposal"). They are
listed and revocable next to the entity corrections, travel in the JSON export, and apply
at the next analysis of any article — import, re-analysis, the worker processes alike,
since the library reads them (``taught``) and passes them into the analysis. Teaching one
rewrites no stored claim: ``articles_with`` names the articles to re-analyse.
"""

from __future__ import annotations

import builtins
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, cast

from .changes import Changes, Created
from .connection import Component
from .db import utc_now
from .errors import InvalidInputError, NotFoundError
from .views.cues import inflections

if TYPE_CHECKING:  # the extractor loads with the analysis, not with the library
    from .nlp.claims.taught import TaughtCues as TaughtSet

CueKind = Literal["cue", "never"]
KINDS: tuple[CueKind, ...] = ("cue", "never")
_LEMMA = re.compile(r"[a-z][a-z'-]{0,39}")


@dataclass(frozen=True, slots=True)
class TaughtCue:
    """One taught cue: ``lemma``; ``kind`` cue / never; ``object_only`` (never rules: only
    where the content is the verb's bare object); ``note``: why, in the analyst's words."""

    id: int
    lemma: str
    kind: CueKind
    object_only: bool
    created: str
    note: str = ""

    def describe(self) -> str:
        if self.kind == "cue":
            return f"Treat “{self.lemma}” as a reporting verb"
        if self.object_only:
            return f"Never treat “{self.lemma}” + object as a claim"
        return f"Never treat “{self.lemma}” as a claim"


def checked_lemma(lemma: str) -> str:
    """The lemma as stored (lower case, one word), or ``InvalidInputError``."""
    word = " ".join(str(lemma).split()).lower()
    if not _LEMMA.fullmatch(word):
        raise InvalidInputError(
            f"“{lemma}” is not a word to teach: give one English verb, such as “trumpet”."
        )
    return word


def checked_kind(kind: str, object_only: bool) -> CueKind:
    if kind not in KINDS:
        raise InvalidInputError(f"Unknown taught cue {kind!r}: use cue or never.")
    if object_only and kind != "never":
        raise InvalidInputError("Only a never rule can be limited to the object frame.")
    return cast(CueKind, kind)


class Cues(Component):
    def list(self) -> builtins.list[TaughtCue]:
        with self._connection.reading() as db:
            return [
                TaughtCue(r[0], r[1], r[2], bool(r[3]), r[4], r[5])
                for r in db.execute(
                    "SELECT id, lemma, kind, object_only, created, note FROM taught_cues"
                    " ORDER BY id"
                )
            ]

    def taught(self) -> TaughtSet:
        """What the analysis applies (a plain value: passed to every analysis)."""
        from .nlp.claims.taught import TaughtCues as TaughtSet

        cues = self.list()
        return TaughtSet.of(
            [c.lemma for c in cues if c.kind == "cue"],
            [(c.lemma, c.object_only) for c in cues if c.kind == "never"],
        )

    def add(
        self, lemma: str, kind: str = "cue", object_only: bool = False, note: str = ""
    ) -> Created:
        """Teach a cue (it applies at the next analysis); ``Created.id`` is its row.

        A lemma is taught once: teaching it again, either way, is refused until the first
        is removed."""
        word = checked_lemma(lemma)
        cue_kind = checked_kind(kind, object_only)
        with self._connection.writing() as db:
            row = db.execute("SELECT kind FROM taught_cues WHERE lemma = ?", [word]).fetchone()
            if row is not None:
                raise InvalidInputError(
                    f"“{word}” is already taught ({row[0]}); remove it first to change it."
                )
            cid = db.execute(
                """INSERT INTO taught_cues(lemma, kind, object_only, created, note)
                   VALUES (?, ?, ?, ?, ?)""",
                [word, cue_kind, int(object_only), utc_now(), " ".join(note.split())],
            ).lastrowid
        return Created(int(cid or 0), Changes.of(library=True))

    def get(self, lemma: str) -> TaughtCue:
        word = checked_lemma(lemma)
        for cue in self.list():
            if cue.lemma == word:
                return cue
        raise NotFoundError(f"“{word}” is not a taught cue.")

    def remove(self, lemma: str) -> Changes:
        """Revoke a taught cue: the next analysis reads the lemma as the lexicon does."""
        word = checked_lemma(lemma)
        with self._connection.writing() as db:
            cur = db.execute("DELETE FROM taught_cues WHERE lemma = ?", [word])
            if not cur.rowcount:
                raise NotFoundError(f"“{word}” is not a taught cue.")
        return Changes.of(library=True)

    def articles_with(self, lemma: str) -> builtins.list[int]:
        """The articles whose current text has a form of ``lemma`` ("trumpeted",
        "trumpets"): those a re-analysis may change. From the full-text index."""
        forms = inflections(checked_lemma(lemma))
        query = " OR ".join(f'"{f}"' for f in forms)
        with self._connection.reading() as db:
            rows = db.execute(
                """SELECT DISTINCT rowid / 4 FROM search_fts
                   WHERE search_fts MATCH ? AND rowid % 4 = 0 ORDER BY 1""",
                [f"body : ({query})"],
            ).fetchall()
        return [int(r[0]) for r in rows]
