"""Find attribution cues in a parse and read their speaker and content off the tree.

Each finder returns a ``ClaimParts``: character offsets of the cue and the content and the
speaker as a spaCy span; ``claims.py`` turns them into ``Claim`` objects (quotes, kind,
names). All lookups are set memberships on lemmas and dependency labels, one pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .cues import (
    AS_VERBS,
    ATTITUDE_ADJECTIVES,
    BACKING_VERBS,
    CLAUSE_DEPS,
    COMPLEMENT_VERB_CUES,
    CONTENT_PREPS,
    HEDGE_VERBS,
    INHERIT_DEPS,
    LIGHT_VERBS,
    NOUN_CONTENT_PREPS,
    NOUN_CUES,
    OBJECT_DEPS,
    POSSESSED_NOUN_CUES,
    PREP_VERB_CUES,
    QUOTE_ONLY_VERBS,
    SOURCE_NOUNS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    VERB_CUES,
)
from .quotes import QuoteIndex

_RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
_FIRST_SECOND_PERSON = frozenset({"i", "we", "you", "me", "us"})
_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you"})
_SPEAKER_CUTS = frozenset({"acl", "advcl"})


@dataclass(slots=True)
class ClaimParts:
    cue: tuple[int, int]
    speaker: Any | None
    """The speaker as a spaCy Span, or None."""
    content: tuple[int, int]
    strong: bool = False
    """A speech verb with a third-person subject: kept even inside another's content."""


def find_parts(doc: Any, quotes: QuoteIndex) -> list[ClaimParts]:
    """Every cue of ``doc`` with its speaker and content, in token order."""
    parts: list[ClaimParts] = []
    n = len(doc)
    for tok in doc:
        pos = tok.pos_
        if tok.lower_ == "according" and tok.i + 1 < n and doc[tok.i + 1].lower_ == "to":
            part = _according_parts(tok)
            if part is not None:
                parts.append(part)
        elif pos == "VERB":
            lemma = tok.lemma_.lower()
            part = None
            if lemma in VERB_CUES or lemma in COMPLEMENT_VERB_CUES or lemma in SPEECH_VERBS:
                part = _verb_parts(tok, lemma, quotes)
            if part is None and lemma in BACKING_VERBS:
                part = _backing_parts(tok)
            if part is None and lemma in QUOTE_ONLY_VERBS:
                part = _quote_only_parts(tok, quotes)
            if part is None and lemma in LIGHT_VERBS:
                part = _light_verb_parts(tok)
            if part is None and lemma in PREP_VERB_CUES:
                part = _prep_verb_parts(tok, PREP_VERB_CUES[lemma])
            if (
                part is None
                and lemma in AS_VERBS
                and any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)
            ):
                part = _verb_parts(tok, "view", quotes)
            if part is not None:
                parts.append(part)
        elif pos == "ADJ" and tok.dep_ == "acomp" and tok.lemma_.lower() in ATTITUDE_ADJECTIVES:
            part = _attitude_parts(tok)
            if part is not None:
                parts.append(part)
        elif tok.lower_ == "in" and tok.dep_ == "prep" and tok.is_sent_start:
            part = _source_phrase_parts(tok)
            if part is not None:
                parts.append(part)
        elif tok.lower_ == ":" and 0 < tok.i - tok.sent.start <= 5:
            part = _headline_parts(tok)
            if part is not None:
                parts.append(part)
        elif pos == "NOUN" and (
            tok.lemma_.lower() in NOUN_CUES or tok.lemma_.lower() in POSSESSED_NOUN_CUES
        ):
            part = _noun_parts(tok)
            if part is not None:
                parts.append(part)
    return parts


def _chars(doc: Any, first: int, last: int) -> tuple[int, int]:
    """Character span of tokens ``first..last`` (inclusive)."""
    end_tok = doc[last]
    return doc[first].idx, end_tok.idx + len(end_tok.text)


def _verb_parts(verb: Any, lemma: str, quotes: QuoteIndex) -> ClaimParts | None:
    doc = verb.doc
    children = list(verb.children)
    if lemma in HEDGE_VERBS and not _has_personal_subject(children):
        return None  # "it appears that ...", "the visit appears to ...": the author's hedge
    if lemma == "quote":
        quoted = _quoted_as_saying(verb, children)
        if quoted is not None:
            return quoted
    content: tuple[int, int] | None = None
    lexical = lemma in VERB_CUES or lemma in COMPLEMENT_VERB_CUES
    clauses = [c for c in children if _is_clause(c)] if lexical else []
    if lexical and not clauses:
        clauses = _misattached_that_clause(verb)
    if clauses:
        first = min(c.left_edge.i for c in clauses)
        last = max(c.right_edge.i for c in clauses)
        content = _chars(doc, first, last)
    elif lexical and (passive := _passive_with_agent(children)) is not None:
        # "The meeting was first reported by Politico": the subject is what was reported.
        content = _chars(doc, passive.left_edge.i, passive.right_edge.i)
    elif (
        lexical
        and verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in children)
    ):
        # "As Politico reported, ...": the main clause is what was reported.
        content = _rest_of_head(verb)
    elif lexical and verb.dep_ == "parataxis" and verb.head.i < verb.i:
        # "We will win, he said": the cue hangs off the clause it reports.
        head = verb.head
        last = verb.left_edge.i - 1
        if last >= head.left_edge.i:
            content = _chars(doc, head.left_edge.i, last)
    elif lemma in VERB_CUES:
        objects = [
            c
            for c in children
            if c.i > verb.i
            and (c.dep_ in OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ in CONTENT_PREPS))
        ]
        if objects:
            first = min(c.left_edge.i for c in objects)
            last = max(c.right_edge.i for c in objects)
            content = _chars(doc, first, last)
    if content is None and lemma in SPEECH_VERBS:
        content = _bare_speech_content(verb, quotes)
    if content is None:
        return None
    first_cue, last_cue = verb.i, verb.i
    for c in children:
        if c.dep_ == "prt" and c.i == last_cue + 1:
            last_cue = c.i
    speaker = _subject(verb)
    strong = (
        (lemma in SPEECH_VERBS or lemma in VERB_CUES)
        and speaker is not None
        and speaker.root.lower_ not in _FIRST_SECOND_PERSON
    )
    return ClaimParts(_chars(doc, first_cue, last_cue), speaker, content, strong)


def _has_personal_subject(children: list[Any]) -> bool:
    subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    if subject.lower_ in _PERSONAL_PRONOUNS:
        return True
    return subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")


def _misattached_that_clause(verb: Any) -> list[Any]:
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
                and any(
                    c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that" for c in tok.children
                )
            ):
                return [tok]
    return []


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
    content = _chars(doc, clause[0].left_edge.i, max(c.right_edge.i for c in clause))
    speaker = _speaker_span(quoted) if quoted is not None else None
    return ClaimParts(_chars(doc, verb.i, verb.i), speaker, content, True)


def _passive_with_agent(children: list[Any]) -> Any | None:
    if not any(c.dep_ == "agent" for c in children):
        return None
    return next((c for c in children if c.dep_ == "nsubjpass"), None)


def _is_clause(child: Any) -> bool:
    if child.dep_ in CLAUSE_DEPS:
        return True
    # "called for the president to resign": an advcl introduced by "for"
    return child.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ == "for" for m in child.children
    )


def _rest_of_head(verb: Any) -> tuple[int, int] | None:
    """The head clause of ``verb`` without the cue's own subtree."""
    first_own, last_own = verb.left_edge.i, verb.right_edge.i
    rest = [t for t in verb.head.subtree if not (first_own <= t.i <= last_own)]
    if not any(t.is_alpha for t in rest):
        return None
    return _chars(verb.doc, rest[0].i, rest[-1].i)


def _subject(verb: Any) -> Any | None:
    """The speaker of a verbal cue: its subject, or the agent of a passive."""
    node = verb
    for _ in range(4):
        for c in node.children:
            if c.dep_ == "nsubj":
                if c.lower_ in _RELATIVE_PRONOUNS and node.dep_ == "relcl":
                    return _speaker_span(node.head)
                return _speaker_span(c)
            if c.dep_ == "nsubjpass":
                agent = next((a for a in node.children if a.dep_ == "agent"), None)
                pobj = (
                    next((p for p in agent.children if p.dep_ == "pobj"), None) if agent else None
                )
                return _speaker_span(pobj) if pobj is not None else None
            if c.dep_ == "expl":
                return None
        if node.dep_ in INHERIT_DEPS and node.head.i != node.i:
            node = node.head
            if node.pos_ == "NOUN" and node.head.i != node.i:
                node = node.head  # "issued a statement saying ...": the issuer
        else:
            return None
    return None


def _speaker_span(head: Any) -> Any:
    first, last = head.left_edge.i, head.right_edge.i
    for c in head.children:
        if c.dep_ in _SPEAKER_CUTS and c.i > head.i:
            last = min(last, c.left_edge.i - 1)
    return head.doc[first : last + 1]


def _according_parts(according: Any) -> ClaimParts | None:
    doc = according.doc
    to = doc[according.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in according.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    phrase_end = max(pobj.right_edge.i, to.i)
    sent = according.sent
    before = (sent.start, according.i - 1)
    after = (phrase_end + 1, sent.end - 1)
    words_before = sum(1 for t in doc[before[0] : before[1] + 1] if t.is_alpha)
    words_after = sum(1 for t in doc[after[0] : after[1] + 1] if t.is_alpha)
    first, last = before if words_before >= words_after else after
    if last < first or max(words_before, words_after) == 0:
        return None
    return ClaimParts(_chars(doc, according.i, to.i), _speaker_span(pobj), _chars(doc, first, last))


def _noun_parts(noun: Any) -> ClaimParts | None:
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
    if clauses:
        first = min(c.left_edge.i for c in clauses)
        last = max(c.right_edge.i for c in clauses)
    elif owner is not None:
        preps = [c for c in children if c.dep_ == "prep" and c.i > noun.i]
        if not preps:
            return None
        first, last = preps[0].left_edge.i, preps[0].right_edge.i
    else:
        return None
    speaker = _speaker_span(owner) if owner is not None else None
    if speaker is not None and speaker[-1].tag_ == "POS":
        speaker = speaker[:-1]
    return ClaimParts(_chars(doc, noun.i, noun.i), speaker, _chars(doc, first, last))


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
    if verb.dep_ != "ROOT" and (before or after):
        head = verb.head
        rest = [t for t in head.subtree if not (first_own <= t.i <= last_own)]
        if rest:
            return _chars(doc, rest[0].i, rest[-1].i)
    if len(before) >= 2 or len(after) >= 2:
        if len(before) >= len(after):
            return _chars(doc, sent.start, first_own - 1)
        return _chars(doc, last_own + 1, sent.end - 1)
    return _adjacent_quote(verb, quotes)


def _quote_only_parts(verb: Any, quotes: QuoteIndex) -> ClaimParts | None:
    content = _adjacent_quote(verb, quotes)
    if content is None:
        return None
    return ClaimParts(_chars(verb.doc, verb.i, verb.i), _subject(verb), content)


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


def _source_phrase_parts(prep: Any) -> ClaimParts | None:
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
    speaker = doc[pobj.left_edge.i : pobj.right_edge.i + 1]
    return ClaimParts(_chars(doc, prep.i, prep.i), speaker, _chars(doc, first, last))


def _headline_parts(colon: Any) -> ClaimParts | None:
    """Headline attribution "Gingrich: Trump must decide ...": a name, a colon, a claim."""
    doc = colon.doc
    sent = colon.sent
    name = doc[sent.start : colon.i]
    if not all(t.pos_ == "PROPN" or t.lower_ == "the" for t in name):
        return None
    rest = doc[colon.i + 1 : sent.end]
    if sum(1 for t in rest if t.is_alpha) < 3:
        return None
    content = _chars(doc, colon.i + 1, sent.end - 1)
    return ClaimParts(_chars(doc, colon.i, colon.i), name, content)


def _prep_verb_parts(verb: Any, preps: frozenset[str]) -> ClaimParts | None:
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
    doc = verb.doc
    content = _chars(doc, prep.i + 1, prep.right_edge.i)
    return ClaimParts(_chars(doc, verb.i, prep.i), _subject(verb), content)


def _attitude_parts(adjective: Any) -> ClaimParts | None:
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
    cue = _chars(doc, min(copula.i, adjective.i), adjective.i)
    return ClaimParts(cue, _subject(copula), _chars(doc, start, last))


def _light_verb_parts(verb: Any) -> ClaimParts | None:
    """ "made similar comments", "raised concerns about ...", "made it clear that ..."."""
    noun = next(
        (
            c
            for c in verb.children
            if c.i > verb.i
            and c.dep_ in ("dobj", "ccomp", "oprd", "acomp")
            and c.lemma_.lower() in SPEECH_NOUNS
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
        if c.i > noun.i and (c.dep_ in ("acl", "ccomp", "relcl") or c.dep_ == "prep")
    ]
    if clauses:
        first = min(c.left_edge.i for c in clauses)
        if doc[first].dep_ == "prep":
            first += 1
        last = max(c.right_edge.i for c in clauses)
        content = _chars(doc, first, max(first, last))
        cue = _chars(doc, verb.i, noun.i)
    else:
        content = _chars(doc, noun.left_edge.i, noun.right_edge.i)
        cue = _chars(doc, verb.i, verb.i)
    return ClaimParts(cue, _subject(verb), content)


def _backing_parts(verb: Any) -> ClaimParts | None:
    """ "Roloson supports Clinton": backing a named candidate or party is a stance."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.pos_ != "PROPN":
        return None
    speaker = _subject(verb)
    if speaker is None:
        return None
    doc = verb.doc
    return ClaimParts(
        _chars(doc, verb.i, verb.i), speaker, _chars(doc, obj.left_edge.i, obj.right_edge.i)
    )
