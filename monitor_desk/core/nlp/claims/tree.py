"""The pieces every cue finder shares: the parts of a claim, spans and speakers.

``ClaimParts`` holds character offsets of the cue and the content and the speaker as a
spaCy span; ``extract`` turns them into ``Claim`` objects (quotes, kind, names).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .lexicon import INHERIT_DEPS

_RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
# A speaker keeps its relative clause ("Mr. Brown, who organised ...") but not a
# participle or adverbial clause hanging off it.
_SPEAKER_CUTS = frozenset({"acl", "advcl"})


@dataclass(slots=True)
class ClaimParts:
    cue: tuple[int, int]
    speaker: Any | None
    """The speaker as a spaCy Span, or None."""
    content: tuple[int, int]
    strong: bool = False
    """A speech verb with a third-person subject: kept even inside another's content."""
    absorbs: bool = False
    """Its content holds even strong cues ("According to X, Y said ..." is X's claim)."""
    rule: str = ""
    """Which finder and path produced the parts (for measuring rules, not shown)."""


def char_span(doc: Any, first: int, last: int) -> tuple[int, int]:
    """Character span of tokens ``first..last`` (inclusive)."""
    end_tok = doc[last]
    return doc[first].idx, end_tok.idx + len(end_tok.text)


def subject_of(verb: Any) -> Any | None:
    """The speaker of a verbal cue: its subject, or the agent of a passive."""
    node = verb
    for _ in range(4):
        for c in _subject_first(node):
            if c.dep_ == "nsubj":
                if c.lower_ in _RELATIVE_PRONOUNS and node.dep_ == "relcl":
                    return speaker_span(node.head)
                return speaker_span(c)
            if c.dep_ == "nsubjpass":
                agent = next((a for a in node.children if a.dep_ == "agent"), None)
                pobj = (
                    next((p for p in agent.children if p.dep_ == "pobj"), None) if agent else None
                )
                return speaker_span(pobj) if pobj is not None else None
            if c.dep_ == "expl":
                return None
        if node.dep_ == "advcl" and node.tag_ == "VBN":
            # "Asked about the book, Brown replied ...": the one asked is not the asker
            return None
        if node.dep_ in INHERIT_DEPS and node.head.i != node.i:
            dep = node.dep_
            node = node.head
            if node.pos_ == "ADP" and node.head.i != node.i:
                node = node.head  # "responded by saying ...": the subject of "responded"
            elif node.pos_ in ("NOUN", "PROPN", "PRON") and node.head.i != node.i:
                if dep == "acl" and node.dep_ != "dobj":
                    return speaker_span(node)  # "a group urging ...": the group
                node = node.head  # "issued a statement saying ...": the issuer
        else:
            return None
    return None


def _subject_first(node: Any) -> list[Any]:
    """Children with the subject nearest the verb first: in wire copy the dateline can
    read as a second subject ("DENVER, March 2 - Acme Corp said ...": Acme Corp)."""
    children = list(node.children)
    subjects = [c for c in children if c.dep_ == "nsubj"]
    if len(subjects) < 2:
        return children
    before = [c for c in subjects if c.i < node.i]
    nearest = before[-1] if before else subjects[0]
    return [nearest] + [c for c in children if c is not nearest]


def speaker_span(head: Any) -> Any:
    first, last = head.left_edge.i, head.right_edge.i
    for c in head.children:
        if c.dep_ in _SPEAKER_CUTS and c.i > head.i:
            last = min(last, c.left_edge.i - 1)
    return head.doc[first : last + 1]
