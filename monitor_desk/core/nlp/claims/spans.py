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


# Verbs whose object is who is spoken to ("told reporters to wait"), not part of what
# was said; with the others the object does what the clause says ("urged the council to
# vote", "asked voters to wait").
_ADDRESSEE_VERBS = frozenset(
    {"tell", "warn", "remind", "assure", "inform", "convince", "notify", "advise", "brief"}
)
# "asked the mayor whether ...": who is asked, but "asked the mayor to resign" is what
# was asked
_ADDRESSEE_BEFORE_THAT = frozenset({"ask"})


def object_before_clause(doc: Any, part: ClaimParts) -> ClaimParts:
    """Take the object into an infinitive's content: "urged | the council to vote"."""
    family, _, lemma = part.rule.partition(":")
    if family != "clause" or lemma in _ADDRESSEE_VERBS:
        return part
    cue = doc.char_span(*part.cue, alignment_mode="expand")
    span = doc.char_span(*part.content, alignment_mode="contract")
    if cue is None or span is None or not len(span):
        return part
    verb = next((t for t in cue if t.lemma_.lower() == lemma), None)
    root = span.root
    if verb is None or root.head.i != verb.i or root.dep_ not in ("xcomp", "ccomp"):
        return part
    if root.dep_ == "ccomp" and lemma in _ADDRESSEE_BEFORE_THAT:
        return part
    obj = next(
        (c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i and c.i < span.start),
        None,
    )
    if obj is None or obj.right_edge.i >= span.start or obj.ent_type_ in ("DATE", "TIME"):
        return part  # "promised Monday to act": a time read as the object
    part.content = (doc[obj.left_edge.i].idx, part.content[1])
    return part


_OPENING_MARKS = frozenset("“\"'‘`")


def both_sides_of_aside(doc: Any, part: ClaimParts) -> ClaimParts:
    """A cue set in the middle of what was said takes both sides of it: "The plan, she
    said, is dead" (the parse gives only the part before the cue)."""
    if part.rule.partition(":")[0] != "parataxis" or doc.text[part.content[0]] in _OPENING_MARKS:
        return part  # "“Follow us,” she said, and the boys followed": narration goes on
    cue = doc.char_span(*part.cue, alignment_mode="expand")
    if cue is None or not len(cue):
        return part
    verb, head = cue[0], cue[0].head
    if head.i == verb.i or not any(
        t.is_alpha for t in doc[verb.right_edge.i + 1 : head.right_edge.i + 1]
    ):
        return part
    last = doc[head.right_edge.i]
    part.content = (part.content[0], max(part.content[1], last.idx + len(last.text)))
    return part
