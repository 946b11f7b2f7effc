"""Find attribution cues in a parse: one pass over the tokens.

Each finder returns a ``ClaimParts`` (see ``tree``); reporting verbs are read in
``verbs``, the other cue shapes in ``frames``. All lookups are set memberships on
lemmas and dependency labels.
"""

from __future__ import annotations

from typing import Any

from .frames import (
    according_parts,
    attitude_parts,
    chant_parts,
    copula_parts,
    headline_parts,
    light_verb_parts,
    noun_parts,
    source_phrase_parts,
)
from .lexicon import (
    AS_VERBS,
    ATTITUDE_ADJECTIVES,
    BACKING_VERBS,
    CHANT_NOUNS,
    COMPLEMENT_VERB_CUES,
    FINDING_VERBS,
    HEARSAY_ADVERBS,
    LIGHT_VERBS,
    NOUN_CUES,
    PERSONAL_OBJECT_VERBS,
    PHRASAL_CUES,
    POSSESSED_NOUN_CUES,
    PREP_VERB_CUES,
    PRESENT_AS_VERBS,
    QUOTE_ONLY_VERBS,
    SPEECH_VERBS,
    STANCE_NOUN_VERBS,
    VERB_CUES,
)
from .quotes import QuoteIndex
from .spans import preposition_into_cue
from .tree import ClaimParts, char_span
from .verb_frames import backing_parts, finding_parts, phrasal_parts, prep_verb_parts
from .verbs import (
    as_view_parts,
    personal_object_parts,
    put_it_parts,
    quote_only_parts,
    verb_parts,
)


def find_parts(doc: Any, quotes: QuoteIndex) -> list[ClaimParts]:
    """Every cue of ``doc`` with its speaker and content, in token order."""
    parts: list[ClaimParts] = []
    people: frozenset[str] | None = None  # built at the first colon: Doc.ents is not free
    n = len(doc)
    for tok in doc:
        pos = tok.pos_
        if tok.lower_ == "according" and tok.i + 1 < n and doc[tok.i + 1].lower_ == "to":
            part = _tagged(according_parts(tok), "according")
            if part is not None:
                parts.append(part)
        elif pos == "VERB":
            lemma = tok.lemma_.lower()
            part = None
            if lemma in VERB_CUES or lemma in COMPLEMENT_VERB_CUES or lemma in SPEECH_VERBS:
                part = verb_parts(tok, lemma, quotes)
            if part is None and lemma in BACKING_VERBS:
                part = _tagged(backing_parts(tok), "backing")
            if part is None and lemma in QUOTE_ONLY_VERBS:
                part = _tagged(quote_only_parts(tok, quotes), "quote_only")
            if part is None and lemma in LIGHT_VERBS:
                part = _tagged(light_verb_parts(tok), "light")
            if part is None and lemma in STANCE_NOUN_VERBS:  # "took aim at", "had harsh
                nouns, bare = STANCE_NOUN_VERBS[lemma]  # words for", "made no mention of"
                part = _tagged(light_verb_parts(tok, nouns, bare=bare), "light")
            if part is None and lemma in FINDING_VERBS:  # "the survey finds Clinton ahead"
                part = _tagged(finding_parts(tok), "finding")
            if part is None and lemma == "put":
                part = _tagged(put_it_parts(tok, quotes), "put_it")
            # "the senator offered a compromise", "floated the idea"
            if part is None and (lemma in PERSONAL_OBJECT_VERBS or lemma == "float"):
                part = _tagged(personal_object_parts(tok), "personal_object")
            if part is None and lemma in PREP_VERB_CUES:
                part = _tagged(prep_verb_parts(tok, PREP_VERB_CUES[lemma]), "prep_verb")
            if part is None and lemma in PHRASAL_CUES:  # "lashed out at", "shrugged off"
                part = _tagged(phrasal_parts(tok, PHRASAL_CUES[lemma]), "phrasal")
            # "seen as a moderate", "billed herself as the outsider"
            if part is None and (lemma in AS_VERBS or lemma in PRESENT_AS_VERBS):
                part = _tagged(as_view_parts(tok), "as") if _as_phrase(tok) else None
            if part is not None:
                part.rule = f"{part.rule}:{lemma}"
                parts.append(part)
        elif pos == "AUX" and tok.lemma_ == "be" and tok.dep_ in ("ROOT", "ccomp", "conj"):
            part = _tagged(copula_parts(tok), "copula")
            if part is not None:
                parts.append(part)
        elif pos == "ADV" and tok.lower_ in HEARSAY_ADVERBS:
            part = _tagged(_hearsay_parts(tok), "hearsay")
            if part is not None:
                parts.append(part)
        elif pos == "ADJ" and tok.dep_ == "acomp" and tok.lemma_.lower() in ATTITUDE_ADJECTIVES:
            part = _tagged(attitude_parts(tok), "attitude")
            if part is not None:
                parts.append(part)
        elif tok.lower_ == "in" and tok.dep_ == "prep" and tok.is_sent_start:
            part = _tagged(source_phrase_parts(tok), "source_phrase")

            if part is not None:
                parts.append(part)
        elif tok.text == ":" and tok.i > 0:
            if people is None:
                people = _person_words(doc)
            part = _tagged(headline_parts(tok, quotes.text, people), "headline")
            if part is not None:
                parts.append(part)
        elif pos == "NOUN" and (
            tok.lemma_.lower() in NOUN_CUES or tok.lemma_.lower() in POSSESSED_NOUN_CUES
        ):
            part = _tagged(noun_parts(tok), "noun")
            if part is not None:
                parts.append(part)
        elif pos == "NOUN" and tok.lemma_.lower() in CHANT_NOUNS:  # "chants of “…”"
            part = _tagged(chant_parts(tok), "chant")
            if part is not None:
                parts.append(part)
    for part in parts:
        part.content = _without_dangling_end(doc, part.content)
        preposition_into_cue(doc, part)
        if part.speaker is not None and _only_article_before_cue(part.speaker, part.cue):
            part.speaker = None
    return parts


def _only_article_before_cue(speaker: Any, cue: tuple[int, int]) -> bool:
    """A speaker phrase that holds its own cue ("The bank said to be seeking a merger"):
    cut at the cue it would be a bare "The" or "One"; the phrase names no one who spoke."""
    if not speaker.start_char <= cue[0] < speaker.end_char:
        return False
    before = [t for t in speaker if t.idx < cue[0] and not (t.is_punct or t.is_space)]
    return all(t.pos_ in ("DET", "NUM") for t in before) or (
        speaker.root.idx >= cue[0] and not any(t.pos_ in ("PROPN", "PRON") for t in before)
    )


_DANGLING = frozenset({",", ";", ":", "and", "or", "but", "nor", "&"})


def _without_dangling_end(doc: Any, content: tuple[int, int]) -> tuple[int, int]:
    """A content ends on a word, not on ", and" or ", but" the parser left hanging
    ("... friendly ties with Russia, and")."""
    span = doc.char_span(content[0], content[1], alignment_mode="contract")
    if span is None or len(span) < 2:
        return content
    last = span.end - 1
    while last > span.start and (doc[last].lower_ in _DANGLING or doc[last].is_space):
        last -= 1
    if last == span.end - 1:
        return content
    return content[0], doc[last].idx + len(doc[last].text)


def _as_phrase(verb: Any) -> bool:
    """ "see him as a threat": the "as" phrase on the verb, or on its object ("view the
    tax as a mistake", as the small model often hangs it)."""
    return any(
        (c.dep_ == "prep" and c.lower_ == "as")
        or (c.dep_ == "dobj" and any(g.dep_ == "prep" and g.lower_ == "as" for g in c.children))
        # "see the campaign as most unfair": the "as" phrase read as an adverbial clause
        or (
            c.dep_ in ("advcl", "oprd")
            and c.i > verb.i
            and c.left_edge.lower_ == "as"
            and not any(g.dep_ == "nsubj" for g in c.children)  # "as buyers decide"
        )
        for c in verb.children
    )


def _person_words(doc: Any) -> frozenset[str]:
    """Lower-cased words of the document's person names ("Lund" of "Mr. Erik Lund")."""
    return frozenset(t.lower_ for e in doc.ents if e.label_ == "PERSON" for t in e)


def _hearsay_parts(adverb: Any) -> ClaimParts | None:
    """ "The talks reportedly collapsed": someone unnamed reports the clause."""
    head = adverb.head
    if head.pos_ not in ("VERB", "AUX") or head.i == adverb.i:
        return None
    doc = adverb.doc
    rest = [t for t in head.subtree if t.i != adverb.i and not t.is_space]
    while rest and rest[-1].is_punct:
        rest.pop()
    if sum(1 for t in rest if t.is_alpha) < 3:
        return None
    return ClaimParts(
        char_span(doc, adverb.i, adverb.i), None, char_span(doc, rest[0].i, rest[-1].i)
    )


def _tagged(part: ClaimParts | None, rule: str) -> ClaimParts | None:
    if part is not None and not part.rule:
        part.rule = rule
    return part
