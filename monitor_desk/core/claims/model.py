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

    @property
    def speaker_label(self) -> str:
        if self.speaker_name:
            return self.speaker_name
        return self.speaker.text if self.speaker else ""


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
