"""Verb cues: speaker and content of "said", "told", "warned that", "put it", "offered".

A verb's content is its clause, its object, the main clause it hangs off ("As Politico
reported, ...", "We will win, he said") or an adjacent quotation. The other cue shapes
(according to, nouns, colons, light verbs ...) live in ``frames``.
"""

from __future__ import annotations

from typing import Any

from .lexicon import (
    CLAUSE_DEPS,
    COMPLEMENT_VERB_CUES,
    CONTENT_PREPS,
    HEDGE_VERBS,
    OBJECT_DEPS,
    SPEECH_VERBS,
    VERB_CUES,
)
from .quotes import QuoteIndex
from .repairs import (
    fronted_report,
    fronted_speaker,
    misattached_that_clause,
    through_dash_aside,
)
from .senses import advice, non_reporting_object, said_to_be, set_phrase
from .tree import ClaimParts, char_span, speaker_span, subject_of

_FIRST_SECOND_PERSON = frozenset({"i", "we", "you", "me", "us"})
_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you"})
_PRO_FORMS = frozenset({"so", "otherwise"})
# Verbs whose "by saying ..." says how they were done: "responded by saying that ...",
# "began by saying", "concluded by implying that ...".
_ANSWERING = frozenset(
    {"respond", "reply", "answer", "react", "counter", "begin", "open", "end", "close"}
    | {"conclude", "follow", "explain"}
)


def as_view_parts(verb: Any) -> ClaimParts | None:
    """ "voters see him as a threat", "he is widely seen as ...": a view attributed."""
    after = [c for c in verb.children if c.i > verb.i]
    as_phrase = next(
        (
            c
            for c in after
            if c.lower_ == "as"
            or (c.left_edge.lower_ == "as" and not any(g.dep_ == "nsubj" for g in c.children))
        ),
        None,
    )
    obj = next((c for c in after if c.dep_ == "dobj"), None)
    kept = [c for c in (obj, as_phrase) if c is not None]
    if not kept or kept[-1].right_edge.i == kept[-1].i:
        return None
    doc = verb.doc
    content = char_span(doc, kept[0].left_edge.i, kept[-1].right_edge.i)
    return ClaimParts(char_span(doc, verb.i, verb.i), subject_of(verb), content)


def personal_object_parts(verb: Any) -> ClaimParts | None:
    """ "The senator offered a compromise", "Clinton laid out a plan": a person's proposal.

    Only with a person, organisation or personal pronoun as subject: "the deal offered
    relief" is an event, not an attribution.
    """
    children = list(verb.children)
    if not _has_personal_subject(children):
        return None
    obj = next((c for c in children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return None
    doc = verb.doc
    last_cue = verb.i
    for c in children:
        if c.dep_ == "prt" and c.i == last_cue + 1:
            last_cue = c.i
    content = char_span(doc, obj.left_edge.i, obj.right_edge.i)
    return ClaimParts(char_span(doc, verb.i, last_cue), subject_of(verb), content)


def put_it_parts(verb: Any, quotes: QuoteIndex) -> ClaimParts | None:
    """ "As one farmer put it, ...", "she put it bluntly: “...”": a wording reported."""
    children = list(verb.children)
    it = next((c for c in children if c.dep_ == "dobj" and c.lower_ == "it"), None)
    if it is None:
        return None
    content: tuple[int, int] | None = None
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children):
        content = _rest_of_head(verb)
    if content is None:
        content = _adjacent_quote(verb, quotes)
    if content is None:
        return None
    doc = verb.doc
    last = it.i if it.i == verb.i + 1 else verb.i
    return ClaimParts(char_span(doc, verb.i, last), subject_of(verb), content)


def verb_parts(verb: Any, lemma: str, quotes: QuoteIndex) -> ClaimParts | None:
    doc = verb.doc
    children = list(verb.children)
    if lemma in HEDGE_VERBS and not _has_personal_subject(children):
        return None  # "it appears that ...", "the visit appears to ...": the author's hedge
    if set_phrase(verb) or advice(verb):
        return None  # "That said, ...", "time will tell", "you may want to wait"
    if lemma in ("quote", "cite"):  # "cited sources in the ministry as saying that ..."
        quoted = _quoted_as_saying(verb, children)
        if quoted is not None:
            return quoted
    content: tuple[int, int] | None = None
    path = "clause"
    lexical = lemma in VERB_CUES or lemma in COMPLEMENT_VERB_CUES
    clauses = [c for c in children if _is_clause(c)] if lexical else []
    if lexical and not clauses:
        clauses = misattached_that_clause(verb)
    if clauses:
        first = min(c.left_edge.i for c in clauses)
        last = through_dash_aside(doc, max(c.right_edge.i for c in clauses))
        content = char_span(doc, first, last)
    elif lexical and (passive := _passive_with_agent(children)) is not None:
        # "The meeting was first reported by Politico": the subject is what was reported.
        path = "passive"
        content = char_span(doc, passive.left_edge.i, passive.right_edge.i)
    elif (
        lexical
        and verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in children)
    ):
        # "As Politico reported, ...": the main clause is what was reported.
        path = "as_mark"
        content = _rest_of_head(verb)
    elif lexical and verb.dep_ == "parataxis" and verb.head.i < verb.i:
        # "We will win, he said": the cue hangs off the clause it reports.
        head = verb.head
        path = "parataxis"
        last = verb.left_edge.i - 1
        if last >= head.left_edge.i:
            content = char_span(doc, head.left_edge.i, last)
    elif lemma in VERB_CUES and not _named_or_embedded(verb, children):
        objects = [
            c
            for c in children
            if c.i > verb.i
            and (
                c.dep_ in OBJECT_DEPS
                or (c.dep_ == "prep" and c.lower_ in CONTENT_PREPS and not _when(c))
                or (c.dep_ == "advmod" and c.lower_ in _PRO_FORMS)  # "half said so"
            )
        ]
        if objects:
            path = "object"
            first = min(c.left_edge.i for c in objects)
            last = max(c.right_edge.i for c in objects)
            content = char_span(doc, first, last)
    if (
        content is None
        and lemma in SPEECH_VERBS
        and verb.dep_ != "amod"
        and not any(
            c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "to" and c.i > verb.i)
            for c in children
        )
    ):
        # A bare speech verb has no object: "added the item", "the added cost",
        # "responded to the attack" (what was answered, not what was said) are not.
        path = "bare"
        content = _bare_speech_content(verb, quotes)
    fronted = None
    if content is None and lemma in SPEECH_VERBS and verb.dep_ != "amod":
        # "“Technicals,” Bob said": the report parsed as the verb's object or subject
        fronted = fronted_report(verb)
        if fronted is not None:
            path = "fronted"
            content = char_span(doc, *fronted)
        else:
            content = quote_after_sentence(verb, quotes)
    if content is None:
        return None
    first_cue, last_cue = verb.i, verb.i
    for c in children:
        if c.dep_ == "prt" and c.i == last_cue + 1:
            last_cue = c.i
    by = verb.head
    if (
        verb.dep_ == "pcomp"
        and by.lower_ == "by"
        and by.head.lemma_.lower() in _ANSWERING
        and 0 < by.i - by.head.i <= 2
    ):
        first_cue = by.head.i  # "responded by saying that ...": one act of speech
    speaker = subject_of(verb)
    if fronted is not None:  # "..., said Geert Wilders": the subject outside the report
        subject = next(
            (c for c in children if c.dep_ == "nsubj" and not fronted[0] <= c.i <= fronted[1]),
            None,
        )
        speaker = speaker_span(subject) if subject is not None else None
    if speaker is None and verb.dep_ == "acl" and not _named_or_embedded(verb, children):
        speaker = speaker_span(verb.head)  # "Beruff, a Scott ally, called ..."
    if speaker is None:
        speaker = fronted_speaker(verb)
    if said_to_be(verb):
        speaker = None  # "the bank said to be seeking a merger": hearsay, nobody named
    if path == "object" and non_reporting_object(verb, lemma, speaker):
        return None  # "the figures underscore the risk", "did not respond to requests"
    # Only a speech act with a clause or a quotation stands on its own inside another's
    # content; "said he praised the plan" is one claim (measured: 0.23 precision).
    strong = (
        path != "object"
        and (lemma in SPEECH_VERBS or lemma in VERB_CUES)
        and speaker is not None
        and speaker.root.lower_ not in _FIRST_SECOND_PERSON
        # "by saying", "a group urging", "refused to say": the subject is borrowed, and
        # the claim is the outer cue's ("refused to say whether ..." is one claim)
        and verb.dep_ not in ("pcomp", "acl", "xcomp")
    )
    return ClaimParts(char_span(doc, first_cue, last_cue), speaker, content, strong, rule=path)


def _when(prep: Any) -> bool:
    """ "announced on Monday": a time, not what was announced."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _named_or_embedded(verb: Any, children: list[Any]) -> bool:
    """Object readings that are not attributions.

    "a group called Open Doors" (naming, a reduced relative) and a bare infinitive in
    someone else's clause ("said he would praise the plan": the outer cue holds it).
    """
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "oprd" for c in children):
        # but "Beruff, a Scott ally, called the standards “strong”": the verb after a
        # speaker's apposition, misread as a reduced relative
        doc = verb.doc
        return not (
            verb.i > 0
            and doc[verb.i - 1].text == ","
            and verb.head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            and verb.head.i < verb.i
        )
    return verb.dep_ == "ccomp" and verb.tag_ == "VB"


def _has_personal_subject(children: list[Any]) -> bool:
    subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    if subject.lower_ in _PERSONAL_PRONOUNS:
        return True
    return subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")


def _quoted_as_saying(verb: Any, children: list[Any]) -> ClaimParts | None:
    """ "Interfax quoted X as saying that ...", "X was quoted as saying ...": X speaks."""
    as_prep = next((c for c in children if c.dep_ == "prep" and c.lower_ == "as"), None)
    if as_prep is None:
        return None
    saying = next((c for c in as_prep.children if c.dep_ in ("pcomp", "pobj")), None)
    if saying is None:
        return None
    clause = [c for c in saying.children if c.dep_ in ("ccomp", "xcomp", "dobj")]
    if not clause:
        return None
    quoted = next((c for c in children if c.dep_ in ("dobj", "nsubjpass")), None)
    doc = verb.doc
    content = char_span(doc, clause[0].left_edge.i, max(c.right_edge.i for c in clause))
    speaker = speaker_span(quoted) if quoted is not None else None
    return ClaimParts(char_span(doc, verb.i, verb.i), speaker, content, True)


def _passive_with_agent(children: list[Any]) -> Any | None:
    if not any(c.dep_ == "agent" for c in children):
        return None
    return next((c for c in children if c.dep_ == "nsubjpass"), None)


_QUESTION_VERBS = frozenset({"ask", "wonder", "question", "inquire", "enquire"})


def _is_clause(child: Any) -> bool:
    if child.dep_ in CLAUSE_DEPS:
        return True
    if child.dep_ != "advcl" or child.i < child.head.i:
        return False
    marks = {m.lower_ for m in child.children if m.dep_ == "mark"}
    # "called for the president to resign": an advcl introduced by "for"; "asked if he
    # would run": the question asked, which the small model reads as a condition
    return "for" in marks or (
        bool(marks & {"if", "whether"}) and child.head.lemma_.lower() in _QUESTION_VERBS
    )


def _rest_of_head(verb: Any) -> tuple[int, int] | None:
    """The head clause of ``verb`` without the cue's own subtree."""
    first_own, last_own = verb.left_edge.i, verb.right_edge.i
    rest = [t for t in verb.head.subtree if not (first_own <= t.i <= last_own)]
    if not any(t.is_alpha for t in rest):
        return None
    return char_span(verb.doc, rest[0].i, rest[-1].i)


def _bare_speech_content(verb: Any, quotes: QuoteIndex) -> tuple[int, int] | None:
    """Content of "say"-like verbs with no complement in the parse.

    Parenthetical cues ("That, they say, will be easier"), cues after a quotation the
    sentencizer split off ("“...” Trump said.") and cues before a colon and a quotation.
    """
    doc = verb.doc
    sent = verb.sent
    own = verb.subtree
    first_own, last_own = verb.left_edge.i, verb.right_edge.i
    for t in own:  # the cue's own clause: subject, cue, adverbials
        first_own, last_own = min(first_own, t.i), max(last_own, t.i)
    before = [t for t in doc[sent.start : first_own] if t.is_alpha]
    after = [t for t in doc[last_own + 1 : sent.end] if t.is_alpha]
    if verb.dep_ in ("ccomp", "xcomp"):
        # "warned that it would respond": the verb is what someone else reported; its
        # head's clause is that report, not what this verb says
        return _adjacent_quote(verb, quotes)
    if verb.dep_ != "ROOT" and (before or after):
        head = verb.head
        rest = [t for t in head.subtree if not (first_own <= t.i <= last_own)]
        if rest:
            return char_span(doc, rest[0].i, rest[-1].i)
    if len(before) >= 2 or len(after) >= 2:
        if len(before) >= len(after):
            return char_span(doc, sent.start, first_own - 1)
        return char_span(doc, last_own + 1, sent.end - 1)
    return _adjacent_quote(verb, quotes)


def quote_after_sentence(verb: Any, quotes: QuoteIndex) -> tuple[int, int] | None:
    """ "Sam Lee, the party's spokesman, said in a statement. “There are no ballots ...”":
    a sentence that is only its speaker and cue, then a quotation no other cue reports."""
    sent = verb.sent
    if not any(c.dep_ == "nsubj" for c in verb.children) or any(
        t.is_alpha and t.i != verb.i and verb not in t.ancestors for t in sent
    ):
        return None
    if not quotes.text[sent.start_char : sent.end_char].rstrip().endswith((".", ":")):
        return None
    following = quotes.inside(sent.end_char, sent.end_char + 400)
    if not following or quotes.text[sent.end_char : following[0][0]].strip():
        return None
    doc = verb.doc
    q_start, q_end = following[0]
    last = doc.char_span(q_start, q_end, alignment_mode="contract")
    if last is None or not len(last):
        return None
    after = doc[last.end - 1].sent
    if any(
        t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB" and not q_start <= t.idx < q_end
        for t in doc[after.start : min(after.end + 4, len(doc))]
    ):
        return None  # "“...,” the senator said in a statement": that cue's quotation
    return q_start, q_end


def quote_only_parts(verb: Any, quotes: QuoteIndex) -> ClaimParts | None:
    content = _adjacent_quote(verb, quotes)
    if content is None:
        return None
    return ClaimParts(char_span(verb.doc, verb.i, verb.i), subject_of(verb), content)


def _adjacent_quote(verb: Any, quotes: QuoteIndex) -> tuple[int, int] | None:
    """The quotation right before the cue's clause or right after the cue, if any."""
    doc = verb.doc
    sent = verb.sent
    first_own = min(verb.left_edge.i, min((c.left_edge.i for c in verb.children), default=verb.i))
    start = doc[first_own].idx
    for q_start, q_end in reversed(quotes.inside(max(start - 400, 0), start + 1)):
        if q_end <= verb.idx and not quotes.text[q_end:start].strip(" ,\n\t\u00a0"):
            return q_start, q_end
        break
    end = sent.end_char
    following = quotes.inside(verb.idx, end + 400)
    if following and not quotes.text[verb.idx + len(verb.text) : following[0][0]].strip(
        " ,:\n\t\u00a0"
    ):
        return following[0]
    return None
