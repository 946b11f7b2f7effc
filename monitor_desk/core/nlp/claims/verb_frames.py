"""Cue finders on verbs that report without a clause of their own.

Prepositional verbs ("talked about taxes"), phrasal verbs of speech ("lashed out at",
"shrugged off"), backing given ("Roloson supports Clinton") and what a poll or study
found ("a new survey finds Clinton ahead"). Reporting verbs with a clause are read in
``verbs``, the other cue shapes in ``frames``.
"""

from __future__ import annotations

from typing import Any

from .lexicon import SOURCE_NOUNS
from .senses import appearance, can_speak
from .tree import ClaimParts, char_span, speaker_span, subject_of

# What a phrasal cue's preposition is about: "lashed out at", "sounded off on"; not where
# to ("she walked back to the car").
_ABOUT = frozenset({"at", "on", "about", "against", "over"})


def prep_verb_parts(verb: Any, preps: frozenset[str]) -> ClaimParts | None:
    """ "talked about taxes", "pushed for a vote": the preposition's object is the content."""
    prep = next(
        (
            c
            for c in verb.children
            if c.i > verb.i and c.dep_ in ("prep", "prt") and c.lower_ in preps
        ),
        None,
    )
    if prep is None or prep.right_edge.i == prep.i:
        return None
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is not None and pobj.ent_type_ in ("DATE", "TIME"):
        return None  # "speaking in London on Saturday": when, not what
    if pobj is not None and pobj.lemma_.lower() in ("condition", "behalf", "basis"):
        return None  # "spoke on condition of anonymity", "on behalf of": how, not what
    speaker = subject_of(verb)
    if speaker is None and verb.tag_ in ("VB", "VBG"):
        return None  # "talking about taxes is easy": an activity, nobody's statement
    if verb.tag_ == "VBN" and verb.lemma_.lower() == "focus":
        return None  # "a campaign focused on jobs": what it is about, not a stance
    if appearance(verb):
        return None  # "things look good for Lund": how matters look
    doc = verb.doc
    content = char_span(doc, prep.i + 1, prep.right_edge.i)
    return ClaimParts(char_span(doc, verb.i, prep.i), speaker, content)


def backing_parts(verb: Any) -> ClaimParts | None:
    """ "Roloson supports Clinton", "most presidents have supported trade treaties", "Cruz
    supports tightening enforcement": backing given by someone who can speak is a stance."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:  # "supports squeezing out ...": a gerund clause backed
        obj = next(
            (
                c
                for c in verb.children
                if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG" and c.i > verb.i
            ),
            None,
        )
    # "she did support the strikers": given; not "do you support ...?", "does not support"
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    done = (
        subject is not None
        and any(c.dep_ == "aux" and c.lemma_ == "do" and c.i > subject.i for c in verb.children)
        and not any(c.dep_ == "neg" for c in verb.children)
    )
    if obj is None or (verb.tag_ == "VB" and not done):
        return None  # "will support", "urged them to support": a backing not yet given
    speaker = subject_of(verb)
    if speaker is None:
        return None
    if obj.pos_ != "PROPN" and not can_speak(speaker):
        return None  # "the fund supports schools"; but "most presidents supported the treaty"
    doc = verb.doc
    return ClaimParts(
        char_span(doc, verb.i, verb.i), speaker, char_span(doc, obj.left_edge.i, obj.right_edge.i)
    )


# What finds things: "the poll found ...", "a 2014 paper found ...".
_FINDERS = SOURCE_NOUNS | frozenset({"paper", "research", "investigation", "review", "audit"})


def finding_parts(verb: Any) -> ClaimParts | None:
    """ "A new survey finds Clinton with a small lead", "..., the poll found.": what a poll
    or study found, said without a clause."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.dep_ == "relcl" and subject is not None and subject.lower_ in ("that", "which"):
        subject = verb.head
    if subject is None or subject.lemma_.lower() not in _FINDERS:
        return None
    doc = verb.doc
    objects = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "oprd", "xcomp")]
    sent = verb.sent
    if objects:  # with what follows on the verb: "found Clinton with a lead of 4 points"
        first = min(c.left_edge.i for c in objects)
        after = [c for c in verb.children if c.i >= first and not c.is_punct]
        last = max(c.right_edge.i for c in after)
    elif verb.dep_ in ("relcl", "parataxis", "ccomp") and subject.left_edge.i > sent.start:
        # "Most voters back the plan, the poll found."
        first, last = sent.start, subject.left_edge.i - 1
        while last > first and doc[last].is_punct:
            last -= 1
        if verb.right_edge.i < sent.end - 2 or sum(t.is_alpha for t in doc[first:last]) < 3:
            return None
    else:
        return None
    return ClaimParts(
        char_span(doc, verb.i, verb.i), speaker_span(subject), char_span(doc, first, last)
    )


def phrasal_parts(verb: Any, particles: frozenset[str]) -> ClaimParts | None:
    """ "lashed out at the press", "shrugged off the criticism", "talked up her record":
    a phrasal verb of speech, read only when someone who can speak is its subject and
    something follows the particle (``particles``: the particles that make it a cue)."""
    prt = next(
        (
            c
            for c in verb.children
            if c.lower_ in particles
            # "back" is parsed as an adverb: "walked back his remarks"
            and ((c.dep_ == "prt" and c.i > verb.i) or (c.dep_ == "advmod" and c.i == verb.i + 1))
        ),
        None,
    )
    if prt is None:
        return None
    speaker = subject_of(verb)
    if not can_speak(speaker):
        return None  # "the storm brushed off the coast", "the tax talks up nothing"
    after = next(
        (
            c
            for c in verb.children
            if c.i > prt.i
            and (c.dep_ in ("dobj", "ccomp") or (c.dep_ == "prep" and c.lower_ in _ABOUT))
        ),
        None,
    )
    if verb.lemma_.lower() == "shoot" and after is not None and after.dep_ != "ccomp":
        after = None  # "shot back at the guards": gunfire; a reply is a clause or quotation
    # "“Not so,” she shot back": the reply before the verb
    before = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    if after is None and before is None:
        return None
    doc = verb.doc
    if before is not None:  # "“Not so,” she shot back with a laugh": not "a laugh"
        first, last = before.left_edge.i, before.right_edge.i
    else:
        assert after is not None
        first = after.i + 1 if after.dep_ == "prep" else after.left_edge.i
        last = after.right_edge.i
    if last < first:
        return None
    return ClaimParts(char_span(doc, verb.i, prt.i), speaker, char_span(doc, first, last))
