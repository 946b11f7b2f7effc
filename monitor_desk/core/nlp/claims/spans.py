"""Edges of a claim's spans as a reader marks them.

The finders take whole subtrees from the parse; a reader (and PolNeAR) draws some edges
elsewhere: the preposition a verb or noun takes is part of the cue ("referred to | the
plan", "his support for | the tax"), not of what was said.
"""

from __future__ import annotations

from typing import Any

from .tree import ClaimParts

# Finders whose content can open with the cue's own preposition; an infinitive's "to"
# (a particle, not a preposition) stays in the content: "vowed | to fight on".
_PREPOSITION_RULES = frozenset({"object", "noun", "clause"})


def preposition_into_cue(doc: Any, part: ClaimParts) -> ClaimParts:
    """Move a preposition that opens the content, right after the cue, into the cue."""
    if part.rule.split(":", 1)[0] not in _PREPOSITION_RULES:
        return part
    start, end = part.content
    if start < part.cue[1] or doc.text[part.cue[1] : start].strip():
        return part
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(span) < 2:
        return part
    first = span[0]
    if first.pos_ != "ADP" or first.lower_ == "as":
        return part
    rest = span[1]
    part.cue = (part.cue[0], first.idx + len(first.text))
    part.content = (rest.idx, end)
    return part
