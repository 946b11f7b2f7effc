"""Named entities across the library: every mention of one cluster, in every article."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MentionRef:
    """One mention of an entity cluster somewhere in the library."""

    article_id: int
    title: str
    start: int
    end: int
    text: str
    label: str
    cluster: str
