"""The outlets an article cites, and their reliability grades (one per outlet, library-wide)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .models import CitationItem, Span

RELIABILITY = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Cannot be judged",
}
"""The Admiralty scale for source reliability."""


@dataclass(slots=True)
class SourceEntry:
    """One outlet cited by one article: when, where and what it supports."""

    outlet: str
    reliability: str | None
    items: list[CitationItem] = field(default_factory=list)
    citations: list[Span] = field(default_factory=list)
    covers: list[tuple[int, int]] = field(default_factory=list)
    """Sentence spans (start, end) the outlet's citations support, in text order."""
