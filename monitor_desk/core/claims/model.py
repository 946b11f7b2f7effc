"""A claim as the library stores it, and the words its fields may take."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..changes import Changes
from ..errors import InvalidInputError
from ..models import ClaimKind, Span

CREDIBILITY = {
    1: "Confirmed",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Cannot be judged",
}
"""The Admiralty scale for information credibility."""


_KINDS = ("direct", "indirect", "mixed")


ClaimPart = Literal["speaker", "cue", "content"]


CLAIM_PARTS: tuple[ClaimPart, ...] = ("speaker", "cue", "content")


@dataclass(slots=True)
class StoredClaim:
    """A claim as stored: on the article's current revision, or an orphan (its spans are
    then offsets into the older revision it was made on)."""

    id: int
    article_id: int
    speaker: Span | None
    speaker_name: str | None
    cue: Span
    content: Span
    kind: ClaimKind
    citation: Span | None
    """The citation parentheses that support the claim."""
    credibility: int | None
    origin: Literal["auto", "user"]
    status: Literal["anchored", "orphan"] = "anchored"
    confidence: float | None = None
    """The extractor's confidence, 0–1; None for the analyst's claims and for extracted
    claims analysed before confidence existed (not scored)."""
    edited: bool = False
    """An extracted claim the analyst edited."""

    @property
    def speaker_label(self) -> str:
        if self.speaker_name:
            return self.speaker_name
        return self.speaker.text if self.speaker else ""

    @property
    def vouched(self) -> bool:
        """The analyst made, edited or graded it: their judgement, never muted or hidden."""
        return self.origin == "user" or self.edited or self.credibility is not None

    def below(self, threshold: float) -> bool:
        """An extracted claim scored under ``threshold`` that the analyst has not vouched
        for (a claim not scored yet is never below: nothing is known against it)."""
        return not self.vouched and self.confidence is not None and self.confidence < threshold


def shown_confidence(confidence: float | None, origin: str) -> str:
    """A claim's confidence as the panels, the CLI and reports write it: ``0.87``,
    ``analyst`` for the analyst's own claim, empty when not scored yet (analysed before
    confidence existed: re-analyse to score it)."""
    if origin == "user":
        return "analyst"
    return "" if confidence is None else f"{confidence:.2f}"


def check_credibility(grade: int | None) -> int | None:
    if grade is not None and grade not in CREDIBILITY:
        raise InvalidInputError(f"{grade!r} is not a credibility grade; use 1 to 6.")
    return grade


def check_kind(kind: str) -> str:
    if kind not in _KINDS:
        raise InvalidInputError(f"{kind!r} is not a claim kind; use direct, indirect or mixed.")
    return kind


@dataclass(frozen=True, slots=True)
class ClaimEdit:
    """A claim as a write left it, and what the write changed."""

    claim: StoredClaim
    changes: Changes
