"""Cue finders for attributions that are not a reporting verb with a clause.

"according to X", "In a new poll, ...", headline colons ("Gingrich: ..."), nominal cues
("his assertions that ..."), prepositional verbs ("talked about"), attitudes after a
copula ("wary of"), light verbs with speech nouns ("made comments") and chants ("chants
of “…”"). Verbs that are cues without a clause (prepositional, phrasal, backing,
findings) are read in ``verb_frames``.
"""

from __future__ import annotations

from typing import Any

from .lexicon import (
    COMPLEMENT_VERB_CUES,
    COPULA_SUBJECT_NOUNS,
    INTENT_NOUNS,
    MANNER_NOUNS,
    NOUN_CONTENT_PREPS,
    NOUN_CUES,
    OWNED_CONTENT_PREPS,
    PERSONAL_OBJECT_VERBS,
    SOURCE_NOUNS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    VERB_CUES,
)
from .repairs import dangling_end, stray_that_clause
from .senses import anaphoric_noun, arriving_verb, interview_label
from .tree import ClaimParts, char_span, speaker_span, subject_of

_DASHES = frozenset({"-", "–", "—", "--"})
_SPEAKING_VERBS = VERB_CUES | SPEECH_VERBS | COMPLEMENT_VERB_CUES | PERSONAL_OBJECT_VERBS
# Prepositions of place and time: "made her announcement in Gdansk" says where, not what.
# ("took aim at", "takes issue with" keep theirs).
_SETTING = frozenset(
    {"in", "during", "after", "before", "since", "near", "outside", "inside"}
    | {"across", "throughout", "by", "from", "until"}
)
_NAME_LINKS = frozenset({"on", "from", "of", "the", "and", "de", "van", "von", "al"})


def according_parts(according: Any) -> ClaimParts | None:
    doc = according.doc
    to = doc[according.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in according.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() in MANNER_NOUNS:
        return None  # "acted according to its own interest": a manner, not a source
    phrase_end = max(pobj.right_edge.i, to.i)
    sent = according.sent
    before = (sent.start, according.i - 1)
    after = (phrase_end + 1, sent.end - 1)
    words_before = sum(1 for t in doc[before[0] : before[1] + 1] if t.is_alpha)
    words_after = sum(1 for t in doc[after[0] : after[1] + 1] if t.is_alpha)
    first, last = before if words_before >= words_after else after
    if last < first or max(words_before, words_after) == 0:
        return None
    return ClaimParts(
        char_span(doc, according.i, to.i),
        speaker_span(pobj),
        char_span(doc, first, last),
        absorbs=True,
    )


def noun_parts(noun: Any) -> ClaimParts | None:
    doc = noun.doc
    children = list(noun.children)
    clauses = [
        c
        for c in children
        if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" for m in c.children)
    ]
    owner = next((c for c in children if c.dep_ == "poss"), None)
    if noun.lemma_.lower() not in NOUN_CUES:
        if owner is None:
            return None  # "a decision", "support": attributed only when someone's
        clauses = [
            c
            for c in children
            if c.dep_ in ("acl", "ccomp", "xcomp", "relcl")
            and c.i > noun.i
            and any(m.dep_ in ("mark", "aux") for m in c.children)
        ]
        if not clauses:
            clauses = [
                c
                for c in children
                if c.dep_ == "prep" and c.i > noun.i and c.lower_ in NOUN_CONTENT_PREPS
            ]
    if not clauses and noun.lemma_.lower() in NOUN_CUES:
        stray = stray_that_clause(noun)
        clauses = [stray] if stray is not None else []
    if (
        clauses
        and noun.lemma_.lower() in INTENT_NOUNS
        and doc[clauses[0].left_edge.i].lower_ == "to"
    ):
        return None  # "Trump's decision to skip the debate": an act, not a statement
    if clauses:
        first = min(c.left_edge.i for c in clauses)
        last = dangling_end(doc, max(c.right_edge.i for c in clauses), noun.sent.end)
    elif owner is not None:
        # "his comments about Curiel", not "his announcement in Richmond" (where), "his
        # call for reform" (measured 0.38) or "his hints to the contrary" (no content)
        preps = [
            c
            for c in children
            if c.dep_ == "prep" and c.i > noun.i and c.lower_ in OWNED_CONTENT_PREPS
        ]
        if not preps:
            return None
        first, last = preps[0].left_edge.i, preps[0].right_edge.i
    else:
        return None
    speaker = speaker_span(owner) if owner is not None else None
    if speaker is not None and speaker[-1].tag_ == "POS":
        speaker = speaker[:-1]
    cue = char_span(doc, noun.i, noun.i)
    arrived = arriving_verb(noun) if owner is None else None
    if arrived is not None:  # "came to the conclusion that ...": the one who came to it
        speaker = subject_of(arrived)
        cue = char_span(doc, arrived.i, noun.i)
    return ClaimParts(cue, speaker, char_span(doc, first, last))


def copula_parts(copula: Any) -> ClaimParts | None:
    """ "His view is that ...", "her response was to ...": a stance named, then stated.

    The subject is a noun of speech or opinion; the clause after the copula is the
    content, and the subject's possessor (or its "from"/"of" phrase) the speaker.
    """
    subject = next((c for c in copula.children if c.dep_ == "nsubj" and c.i < copula.i), None)
    if subject is None or subject.lemma_.lower() not in COPULA_SUBJECT_NOUNS:
        return None
    clauses = [c for c in copula.children if c.i > copula.i and c.dep_ in ("ccomp", "xcomp")]
    if not clauses:
        return None
    doc = copula.doc
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if owner is None:
        src = next(
            (c for c in subject.children if c.dep_ == "prep" and c.lower_ in ("from", "among")),
            None,
        )
        owner = next((c for c in src.children if c.dep_ == "pobj"), None) if src else None
    speaker = speaker_span(owner) if owner is not None else None
    if speaker is not None and speaker[-1].tag_ == "POS":
        speaker = speaker[:-1]
    first = min(c.left_edge.i for c in clauses)
    last = max(c.right_edge.i for c in clauses)
    return ClaimParts(char_span(doc, subject.i, copula.i), speaker, char_span(doc, first, last))


def source_phrase_parts(prep: Any) -> ClaimParts | None:
    """ "In a new poll, ...", "in Forbes' words, ...": the phrase is the source."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in SOURCE_NOUNS:
        return None
    doc = prep.doc
    sent = prep.sent
    first_own, last_own = prep.i, prep.right_edge.i
    before = (sent.start, first_own - 1)
    after = (last_own + 1, sent.end - 1)
    words_before = sum(1 for t in doc[before[0] : before[1] + 1] if t.is_alpha)
    words_after = sum(1 for t in doc[after[0] : after[1] + 1] if t.is_alpha)
    if max(words_before, words_after) < 3:
        return None
    first, last = before if words_before >= words_after else after
    root = sent.root
    if root.pos_ == "VERB" and root.lemma_.lower() in _SPEAKING_VERBS and first <= root.i <= last:
        return None  # "In a letter, the FBI said ...": the letter is where, the FBI speaks
    speaker = doc[pobj.left_edge.i : pobj.right_edge.i + 1]
    owner = next((c for c in pobj.children if c.dep_ == "poss"), None)
    if owner is not None:  # "in Ash's view": Ash
        speaker = speaker_span(owner)
        if speaker[-1].tag_ == "POS":
            speaker = speaker[:-1]
    # the cue is the phrase up to its noun: "In their view", "in the latest poll"
    return ClaimParts(char_span(doc, prep.i, pobj.i), speaker, char_span(doc, first, last))


def headline_parts(colon: Any, text: str, people: frozenset[str]) -> ClaimParts | None:
    """ "Gingrich: Trump must decide ...", "TAPPER: ...": a name, a colon, a line said.

    The name is one to five capitalised words opening a line (or after a dash); the
    content runs to the end of the line. A lone place name is a dateline, not a speaker.
    """
    doc = colon.doc
    first = colon.i
    while first > 0 and colon.i - first < 5:
        prev = doc[first - 1]
        if prev.is_space or prev.is_punct:
            break
        first -= 1
    if first == colon.i:
        return None
    name = doc[first : colon.i]
    before = doc[first - 1] if first > 0 else None
    before_text = before.text if before is not None else "\n"
    # a dash opens a name only when spaced: "... - David Lund: ..." but not "Afro-Asians:"
    opens_line = "\n" in before_text or (
        before is not None and before_text in _DASHES and bool(before.whitespace_)
    )
    if not (opens_line or name[0].is_sent_start):
        return None
    if not name[0].text[:1].isupper() or not all(
        t.text[:1].isupper() or t.lower_ in _NAME_LINKS for t in name
    ):
        return None
    if len(name.ents) == 1 and name.ents[0].label_ in ("GPE", "DATE", "TIME"):
        return None
    if not any(
        t.pos_ == "PROPN" or t.text.lower() in people or t.lemma_.lower() in SOURCE_NOUNS
        for t in name
    ):
        return None  # "Breaking:", "Correction:", "Contributing:" are labels, not speakers
    if interview_label(name):
        return None  # "Q: Will you run?"
    start = colon.idx + 1
    line_end = text.find("\n", start)
    end = line_end if line_end >= 0 else len(text)
    if sum(1 for w in text[start:end].split() if any(c.isalpha() for c in w)) < 3:
        return None
    return ClaimParts(char_span(doc, colon.i, colon.i), name, (start, end))


def attitude_parts(adjective: Any) -> ClaimParts | None:
    """ "Democratic leaders are wary of ...", "she was confident that ...": a stance."""
    copula = adjective.head
    if any(c.dep_ == "expl" or (c.dep_ == "nsubj" and c.lower_ == "it") for c in copula.children):
        return None  # "it is certain that ...": the author's own judgement
    content_children = [
        c for c in adjective.children if c.i > adjective.i and c.dep_ in ("prep", "ccomp", "xcomp")
    ]
    if not content_children:
        return None
    first = content_children[0]
    doc = adjective.doc
    start = first.i + 1 if first.dep_ == "prep" else first.left_edge.i
    last = max(c.right_edge.i for c in content_children)
    if last < start:
        return None
    cue = char_span(doc, min(copula.i, adjective.i), adjective.i)
    return ClaimParts(cue, subject_of(copula), char_span(doc, start, last))


def light_verb_parts(
    verb: Any, nouns: frozenset[str] = SPEECH_NOUNS, bare: bool = True
) -> ClaimParts | None:
    """ "made similar comments", "raised concerns about ...", "made it clear that ...",
    "took aim at ..." (``nouns``: the nouns that make the verb a cue; ``bare``: whether
    the noun alone, with nothing on it, is a content)."""
    noun = next(
        (
            c
            for c in verb.children
            if c.i > verb.i
            and c.dep_ in ("dobj", "ccomp", "oprd", "acomp")
            and c.lemma_.lower() in nouns
        ),
        None,
    )
    if noun is None:
        return None
    doc = verb.doc
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i > noun.i]
    clauses += [
        c
        for c in noun.children
        if c.i > noun.i
        and (c.dep_ in ("acl", "ccomp", "relcl") or (c.dep_ == "prep" and c.lower_ not in _SETTING))
    ]
    if clauses:
        first = min(c.left_edge.i for c in clauses)
        if doc[first].dep_ == "prep":
            first += 1
        last = max(c.right_edge.i for c in clauses)
        content = char_span(doc, first, max(first, last))
        cue = char_span(doc, verb.i, noun.i)
    else:
        if not bare or anaphoric_noun(noun):
            return None  # "made the proposal": said elsewhere, only its making is told here
        content = char_span(doc, noun.left_edge.i, noun.right_edge.i)
        cue = char_span(doc, verb.i, verb.i)
    return ClaimParts(cue, subject_of(verb), content, absorbs=True)


def chant_parts(noun: Any) -> ClaimParts | None:
    """ "chants of “Four more years!”", "their chant of ...": what a crowd shouted; the
    speaker is the noun's owner when it has one ("their", "the crowd's")."""
    of = next(
        (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > noun.i),
        None,
    )
    if of is None or of.right_edge.i == of.i:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    speaker = speaker_span(owner) if owner is not None else None
    if speaker is not None and speaker[-1].tag_ == "POS":
        speaker = speaker[:-1]
    doc = noun.doc
    return ClaimParts(
        char_span(doc, noun.i, noun.i), speaker, char_span(doc, of.i + 1, of.right_edge.i)
    )
