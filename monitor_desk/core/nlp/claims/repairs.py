"""Repairs for the small model's typical misparses around attribution cues.

Each repair is narrow: it takes back a piece the parser hung in the wrong place, and only
in a shape where the cue's reading is not in doubt.

- ``stray_that_clause``: "his assertions while in Washington that Moscow ..." — the
  ``that`` clause right after a nominal cue, hung on another noun.
- ``dangling_end``: a content that stops at a preposition whose object the parser sent
  elsewhere ("... view the treaty as the “cornerstone ...” raised ...").
- ``fronted_speaker``: "While in the United States Ivanov also repeated ..." — the name
  read as the object of the fronted phrase; it is the subject of the cue.
- ``misattached_that_clause``: "agreed for the first time that ..." — the verb's clause
  read as a relative clause of a noun in between.
- ``through_dash_aside``: "would consider–but no more than consider–proposed changes" —
  the rest of the clause after a dash aside hung elsewhere.
"""

from __future__ import annotations

from typing import Any

_PERSON_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Words that may stand between a nominal cue and its clause: a short adverbial or
# prepositional aside ("while in the United States", "last week", "on Monday").
_ASIDE_POS = frozenset({"ADP", "DET", "PROPN", "NOUN", "ADJ", "ADV", "NUM", "SCONJ", "PUNCT"})
_MAX_ASIDE = 8


def stray_that_clause(noun: Any) -> Any | None:
    """The ``that`` clause following ``noun`` closely but attached elsewhere, if any."""
    doc = noun.doc
    end = min(noun.i + _MAX_ASIDE + 2, noun.sent.end)
    for i in range(noun.i + 1, end):
        tok = doc[i]
        if tok.lower_ == "that" and tok.dep_ == "mark":
            clause = tok.head
            if clause.head.i == noun.i or clause.i <= tok.i:
                return None  # attached to the noun already, or not a clause
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
                return None
            return clause
        if tok.pos_ not in _ASIDE_POS or tok.text in (",", ";", ":", "(", ")"):
            return None
        if tok.pos_ == "SCONJ" and tok.lower_ not in ("while", "since"):
            return None
    return None


def dangling_end(doc: Any, last: int, limit: int) -> int:
    """Extend a span that ends on a bare preposition over the noun phrase after it."""
    tok = doc[last]
    if tok.pos_ != "ADP" or any(c.dep_ == "pobj" for c in tok.children) or last + 1 >= limit:
        return last
    for chunk in doc.noun_chunks:
        if chunk.start == last + 1 or (chunk.start == last + 2 and doc[last + 1].is_punct):
            return min(chunk.end - 1, limit - 1)
        if chunk.start > last + 2:
            break
    return last


def fronted_speaker(verb: Any) -> Any | None:
    """A name right before a subject-less verb, swallowed by a fronted phrase."""
    if verb.dep_ not in ("ROOT", "conj") or any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children
    ):
        return None
    doc = verb.doc
    # "Washington, for its part, expressed ...": the name read as an adverbial noun.
    for child in verb.children:
        if (
            child.i < verb.i
            and child.dep_ == "npadvmod"
            and child.pos_ == "PROPN"
            and child.ent_type_ in _PERSON_LABELS
        ):
            ent = next((e for e in doc.ents if e.start <= child.i < e.end), None)
            if ent is not None:
                return ent
    i = verb.i - 1
    while i >= verb.sent.start and doc[i].pos_ in ("ADV", "AUX", "PART") and doc[i].text != ",":
        i -= 1
    if i < verb.sent.start:
        return None
    tok = doc[i]
    if tok.pos_ != "PROPN" or tok.ent_type_ not in _PERSON_LABELS or tok.ent_iob_ == "":
        return None
    ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
    if ent is None or ent.end != tok.i + 1 or ent.start == verb.sent.start:
        return None
    # The name must sit in a phrase fronted before the verb and attached to it: a chain
    # of prepositions, their objects and compounds up to a child of the verb that opens
    # the sentence ("While in the United States Ivanov ...").
    node = ent.root
    while node.head.i != verb.i:
        if node.dep_ not in ("pobj", "compound", "prep") or node.head.i == node.i:
            return None
        node = node.head
    opening = doc[verb.sent.start : node.left_edge.i]
    if node.dep_ != "prep" or any(t.dep_ != "mark" for t in opening):
        return None
    return ent


def misattached_that_clause(verb: Any) -> list[Any]:
    """A "that" clause the parser hung on a noun of an intervening phrase.

    "agreed for the first time that Russia would ...", "indicated after those meetings
    that ...": the small model reads the clause as a relative clause of "time" or
    "meetings"; it is the complement of the cue.
    """
    for child in verb.children:
        if child.dep_ != "prep" or child.i < verb.i:
            continue
        for tok in child.subtree:
            if (
                tok.dep_ in ("relcl", "acl")
                and tok.left_edge.lower_ == "that"
                and _has_own_subject(tok)
            ):
                return [tok]
    return []


def _has_own_subject(clause: Any) -> bool:
    """A subject of its own, not the relative "that": on the verb, or on an auxiliary the
    parser made its head ("that negotiations remained deadlocked": "negotiations" hangs
    on "remained")."""
    heads = [clause] + [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that"
        for head in heads
        for c in head.children
    )


_DASHES = frozenset({"–", "—", "--"})


def through_dash_aside(doc: Any, last: int) -> int:
    """A clause cut at a dash aside runs on to the end of its sentence.

    "agreed that Russia would consider–but no more than consider–proposed U.S. changes":
    the parser hangs what follows the aside elsewhere; it is still what was agreed.
    """
    nxt = last + 1
    if nxt >= len(doc) or doc[nxt].text not in _DASHES:
        return last
    sent = doc[last].sent
    closing = next((t.i for t in doc[nxt + 1 : sent.end] if t.text in _DASHES), None)
    if closing is None or closing + 1 >= sent.end:
        return last  # a dash that ends the clause, not an aside inside it
    end = sent.end - 1
    while end > closing and doc[end].is_punct:
        end -= 1
    return end


_CLOSING = frozenset({",", "''", "”", '"', "’", "'", "—", "–", "--"})
_CORE_DEPS = frozenset({"aux", "auxpass", "neg", "advmod", "npadvmod"})
_REPORT_DEPS = frozenset({"dobj", "nsubj", "ccomp", "xcomp", "intj", "parataxis", "dep"})


def fronted_report(verb: Any) -> tuple[int, int] | None:
    """Token range of what a speech verb reports when the parser hung it before the verb
    as something other than a clause: ``“Technicals,” Bob said`` (an object),
    ``Taxes rise and people get nervous, said Ms. Link`` (a second subject).

    The report runs from the sentence's start to a comma or closing quotation mark right
    before the speaker and the verb; every token of it hangs on the verb."""
    doc = verb.doc
    sent = verb.sent
    first = verb.i
    for c in sorted(verb.children, key=lambda c: -c.i):
        if c.i > verb.i:
            continue
        if c.right_edge.i == first - 1 and (
            c.dep_ in _CORE_DEPS or (c.dep_ == "nsubj" and c.left_edge.i > sent.start)
        ):
            first = c.left_edge.i  # "Bob said", "has also said": the cue's own clause
            if c.dep_ == "nsubj":
                break
        else:
            break
    sep = first - 1
    if sep <= sent.start or doc[sep].text not in _CLOSING:
        return None
    last = sep
    while last > sent.start and (doc[last].is_punct and doc[last].text in _CLOSING):
        last -= 1
    tokens = doc[sent.start : last + 1]
    if not all(t.i == verb.i or verb in t.ancestors for t in tokens if not t.is_space):
        return None
    # what hangs on the verb there is a report, not a scene-setting adverbial ("Since
    # then, Germany has responded ...") nor the speaker alone ("Dan Gross, ..., tweeted")
    tops = [c for c in verb.children if sent.start <= c.i <= last and not c.is_punct]
    if not tops or any(c.dep_ not in _REPORT_DEPS for c in tops):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if any(c.dep_ == "nsubj" for c in tops) and len(subjects) < 2:
        return None
    end = sep if doc[sep].text != "," else last
    return sent.start, end
