"""Cue words in a sense that reports nothing: set phrases, things as subjects, negations.

A cue word is a cue only in some of its uses. These tests veto a reading the finders
would otherwise make, where what the analyst would see is not a statement by anyone:

- set phrases built on a speech verb ("That said, ...", "All told, ...", "time will
  tell", "needless to say");
- verbs that report only with someone speaking ("the figures underscore the risk",
  "the firm posted a loss", "the data signal a slowdown", "it was written into law");
- an object reading with no speaker at all inside an infinitive or a subject clause
  ("to defend the merger had become impossible");
- a refusal to answer ("did not respond to requests for comment"): nothing was said;
- anaphoric light-verb readings ("made the proposal", "delivered his remarks"): the
  statement is reported elsewhere, this sentence only says it was made;
- acts owed, awaited or only possible ("had to tell the judge", "has yet to apologize",
  "the chance to show the same"): nothing has been said yet;
- the author's advice ("investors may want to wait"): nobody named wants anything;
- how things look ("things look good for Lund"): an appearance, nobody looks for anything;
- an interviewer's question line ("Q: Will you run?"): a question, not a claim;
- backing told of someone quoted, in the phrase that names them ("said Ana Ruiz, a
  delegate who backs Lund"): it introduces the speaker, it is not a claim of its own.
"""

from __future__ import annotations

from typing import Any

from .lexicon import PERSON_NOUNS


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


_SPEAKING_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "who", "whom"})
_SPEAKING_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Bodies that speak through their people: "the authorities signalled a fall in wages".
_INSTITUTION_NOUNS = _words(
    "authority government administration ministry party court council committee campaign"
    " agency union department office commission panel"
    " parliament congress senate cabinet regime embassy police army military"
)

# Verbs whose object reading reports something only when someone (not something) is the
# subject: "the senator wrote a letter" but "the rule writes off", "the data signal".
OBJECT_NEEDS_SPEAKER: frozenset[str] = _words(
    "post respond underscore write signal name tweet defend refer echo boast promise"
)
# Verbs whose negation means nothing was said: "did not respond to requests for comment".
_SILENT_WHEN_NEGATED = frozenset({"respond", "reply", "comment", "answer", "return"})
# Verbs whose object is the one who feels: "the vote worries the party".
_EXPERIENCER_OBJECT = frozenset({"worry"})
# A subject-less object reading in these roles is an action, not a report.
_EMBEDDED_DEPS = frozenset({"xcomp", "csubj", "ccomp"})
_ANAPHORIC_DETERMINERS = _words("the this that these those his her its their our my your")


def can_speak(span: Any | None) -> bool:
    """Whether a speaker span names someone who can say something: a person, a group, an
    institution, a personal pronoun, a proper noun or a noun for people."""
    if span is None:
        return False
    root = span.root
    return (
        root.lower_ in _SPEAKING_PRONOUNS
        or root.ent_type_ in _SPEAKING_ENTITIES
        or root.pos_ == "PROPN"
        or root.lemma_.lower() in PERSON_NOUNS
        or root.lemma_.lower() in _INSTITUTION_NOUNS
    )


def set_phrase(verb: Any) -> bool:
    """ "That said, ...", "All told, ...", "Only time will tell", "needless to say", and
    "who asked not to be named" (the terms of speaking, not what was said)."""
    if any(
        c.dep_ == "xcomp"
        and c.lemma_.lower() in ("name", "identify", "quote")
        and any(a.dep_ == "auxpass" for a in c.children)
        for c in verb.children
    ):
        return True
    doc = verb.doc
    prev = doc[verb.i - 1].lower_ if verb.i > 0 else ""
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    lemma = verb.lemma_.lower()
    opens = verb.i < 2 or doc[verb.i - 2].is_punct or doc[verb.i - 2].is_space
    if lemma in ("say", "tell") and prev in ("that", "all") and nxt is not None:
        return nxt.text == "," and opens  # "That said, ...", "All told, ..." opening a clause
    if lemma == "tell" and prev == "will" and verb.i >= 2 and doc[verb.i - 2].lower_ == "time":
        return True
    return lemma == "say" and prev == "to" and verb.i >= 2 and doc[verb.i - 2].lower_ == "needless"


def non_reporting_object(verb: Any, lemma: str, speaker: Any | None) -> bool:
    """An object reading of ``verb`` that reports nothing (see the module's list)."""
    if lemma in OBJECT_NEEDS_SPEAKER and not can_speak(speaker):
        return True
    if unrealised_act(verb):
        return True  # "had to tell the judge", "the chance to show the same"
    if lemma in _EXPERIENCER_OBJECT:
        return True  # "the convergence worries the Gulf": the Gulf worries, nobody speaks
    if speaker is None and (verb.dep_ in _EMBEDDED_DEPS or verb.tag_ == "VB"):
        return True  # "to defend the merger ...", "Email me at ...": an act, no speaker
    return lemma in _SILENT_WHEN_NEGATED and any(c.dep_ == "neg" for c in verb.children)


# Nouns of a chance, a duty or an intent: an infinitive on them is an act not done ("an
# opportunity to show", "pressure to show", "the power to confirm").
_UNREALISED_NOUNS = _words(
    "opportunity chance effort pressure power order request decision plan attempt"
    " obligation right inability unwillingness reluctance refusal"
)
_ADVICE_MODALS = frozenset({"may", "might", "could", "should"})


def unrealised_act(verb: Any) -> bool:
    """ "had to tell the judge", "has yet to apologize", "the chance to show the same":
    an act owed, awaited or possible, not one done (its object reports nothing)."""
    doc = verb.doc
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "have" and verb.i >= 2:
        before = doc[verb.i - 2]
        if doc[verb.i - 1].lower_ == "to" and (before.i == verb.head.i or before.lower_ == "yet"):
            return True  # not "had this to say about ...", which reports what was said
    return (
        verb.dep_ == "acl"
        and verb.head.lemma_.lower() in _UNREALISED_NOUNS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def advice(verb: Any) -> bool:
    """ "Investors may want to wait", "she might want to apologise": the author's advice,
    not what anyone wants (nor what they would do in it)."""
    node = verb
    for _ in range(3):
        if node.lemma_.lower() == "want" and any(
            c.dep_ == "aux" and c.lower_ in _ADVICE_MODALS for c in node.children
        ):
            return True
        if node.dep_ != "xcomp":
            return False
        node = node.head
    return False


def interview_label(name: Any) -> bool:
    """ "Q: Will you run?": the interviewer's question line names no speaker."""
    return len(name) == 1 and name[0].text in ("Q", "Q.")


def appearance(verb: Any) -> bool:
    """ "Things look good for Lund", "it sounds better for the bank": how matters look,
    not anyone looking to or for something."""
    return verb.lemma_.lower() in ("look", "sound") and any(
        c.dep_ == "acomp" and c.i > verb.i for c in verb.children
    )


def introduces_speaker(part: Any, parts: list[Any]) -> bool:
    """A backing cue inside the speaker phrase of another claim ("..., said Ana Ruiz, a
    delegate who backs Lund"): who the speaker is, not what anyone claimed."""
    if not part.rule.startswith("backing"):
        return False
    start = part.cue[0]
    return any(
        other is not part
        and other.speaker is not None
        and other.speaker.start_char <= start < other.speaker.end_char
        for other in parts
    )


def anaphoric_noun(noun: Any) -> bool:
    """A light verb's noun that points back to a statement reported elsewhere: "made the
    proposal", "delivered his remarks" — not "made similar comments", "issued a warning"."""
    return any(
        c.dep_ in ("det", "poss") and c.lower_ in _ANAPHORIC_DETERMINERS for c in noun.children
    )


def said_to_be(verb: Any) -> bool:
    """ "The bank said to be seeking a merger ...", "a ship reported to have sunk": a
    reduced passive that hangs hearsay on a noun; the noun is talked about, it does not
    speak (the small model reads "said" as the noun's verb)."""
    if verb.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return any(
        c.dep_ == "xcomp"
        and c.i == verb.i + 3
        and verb.doc[verb.i + 1].lower_ == "to"
        and verb.doc[verb.i + 2].lower_ in ("be", "have")
        for c in verb.children
    )


# Verbs of arriving at a view: "came to the conclusion", "reached the conclusion",
# "drew the conclusion", "arrived at the view".
_ARRIVE_THROUGH_PREP = {"come": "to", "arrive": "at"}
_ARRIVE_WITH_OBJECT = frozenset({"reach", "draw"})


def arriving_verb(noun: Any) -> Any | None:
    """The verb a speech noun is arrived at with ("came to the conclusion that ..."): its
    subject holds the view, and the verb belongs to the cue."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in _ARRIVE_WITH_OBJECT:
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        verb = head.head
        if _ARRIVE_THROUGH_PREP.get(verb.lemma_.lower()) == head.lower_:
            return verb
    return None
