"""Impersonal Russian cues: an institution that speaks without a subject ("В Кремле
заявили, что …", "Как сообщили в полиции, …", "…, заявили в министерстве") and a
document that speaks through an impersonal verb ("в заявлении МИД говорится, что …",
"как говорится в заявлении X, …").

Precision first: the plural verb has no subject of its own and a "в"-phrase in the
locative whose noun is an institution (``INSTITUTION_NOUNS``, an ORG span, or a place
that is one: Кремль, Белый дом). "В Москве заявили" names a city, not a speaker, and
"сообщили в полицию" (accusative) names who was told; neither is a claim, nor "Сообщается,
что …" with no document named.
"""

from __future__ import annotations

from ..claims.quotes import QuoteIndex
from .claims_cues import (
    RuParts,
    case_of,
    clause_span,
    marked_clause,
    previous_word,
    span_around,
    speaker_tokens,
    subject_index,
    verb_content,
)
from .claims_tree import (
    IMPERSONAL_VERBS,
    INSTITUTION_NOUNS,
    INSTITUTION_PLACES,
    SPEECH_VERBS,
    STATEMENT_NOUNS,
    Parse,
)

Spans = list[tuple[int, int, str, str]]
"""Named spans as (start, end, type, normal form)."""


def institution_cues(p: Parse, quotes: QuoteIndex, named: Spans) -> list[RuParts]:
    """В Кремле заявили, что …: the institution of the locative speaks."""
    found = []
    for v, lemma in enumerate(p.lemmas):
        if lemma not in SPEECH_VERBS or p.pos[v] != "VERB":
            continue
        feats = p.feats[v]
        if feats.get("VerbForm") != "Fin" or feats.get("Number") != "Plur":
            continue
        if subject_index(p, v) is not None or p.child(v, "nsubj:pass") is not None:
            continue  # "Депутаты заявили": the subject speaks (claims_cues)
        where = _where(p, v, named)
        if where is None:
            continue
        content, rule, direct = verb_content(p, v, lemma, quotes, speaker=where)
        if content is None and _bare(p, v):
            # "…, заверили в правительстве." parsed as a second root of the sentence
            content, rule = _aside(p, v), "aside"
        if content is None:
            continue
        chars = p.chars(*_institution_tokens(p, where))
        found.append(
            RuParts((p.starts[v], p.stops[v]), where, content, f"institution-{rule}", direct, chars)
        )
    return found


def _where(p: Parse, v: int, named: Spans) -> int | None:
    """The institution phrase of ``v``, or of the verb it is joined to ("В МИД заявили и
    подчеркнули, что …")."""
    verbs = [v, p.heads[v]] if p.rels[v] == "conj" and p.heads[v] >= 0 else [v]
    for verb in verbs:
        where = next((c for c in p.children[verb] if _institution(p, c, named)), None)
        if where is not None:
            return where
    return None


def _institution_tokens(p: Parse, where: int) -> tuple[int, int]:
    """The institution's noun phrase without the preposition and the words around it that
    join it to the sentence ("и в Думе же": Думе)."""
    first, last = speaker_tokens(p, where)
    while first < where and p.rels[first] in ("case", "cc", "advmod", "discourse"):
        first += 1
    while last > where and p.rels[last] in ("advmod", "discourse"):
        last -= 1
    return first, last


def _institution(p: Parse, c: int, named: Spans) -> bool:
    """Whether child ``c`` is "в" + an institution in the locative."""
    if p.rels[c] != "obl" or case_of(p, c) != "в" or p.feats[c].get("Case") != "Loc":
        return False
    at = p.starts[c]
    span = next((n for n in named if n[0] <= at < n[1]), None)
    if span is not None and span[2] == "ORG":
        return True
    if span is not None and span[2] == "LOC" and span[3].casefold() in INSTITUTION_PLACES:
        return True  # "в Белом доме"; a city or a country is no institution
    return p.lemmas[c] in INSTITUTION_NOUNS


def statement_cues(p: Parse) -> list[RuParts]:
    """В заявлении МИД говорится, что …; заявление X о том, что …; как говорится в
    заявлении X, …; …, говорится в сообщении X."""
    found = []
    for n, lemma in enumerate(p.lemmas):
        if lemma not in STATEMENT_NOUNS or p.pos[n] != "NOUN":
            continue
        x = p.child(n, "nmod")
        if x is None:
            continue
        head = p.heads[n]
        content = None
        if head >= 0 and p.lemmas[head] in IMPERSONAL_VERBS and case_of(p, n) == "в":
            clause = next((c for c in p.children[head] if marked_clause(p, c)), None)
            content = clause_span(p, clause) if clause is not None else _aside(p, head)
        if content is None:
            clause = next((c for c in p.children[n] if marked_clause(p, c) and c > n), None)
            if clause is None:
                about = next((c for c in p.children[n] if p.lemmas[c] in ("то", "тот")), None)
                if about is not None and case_of(p, about) == "о":
                    clause = next((c for c in p.children[about] if marked_clause(p, c)), None)
            content = clause_span(p, clause) if clause is not None else None
        if content is None:
            continue
        found.append(RuParts((p.starts[n], p.stops[n]), x, content, "statement"))
    return found


def _bare(p: Parse, v: int) -> bool:
    """Whether ``v`` has no object, no "о …" and no conjunction of its own: "…, а в мэрии
    отметили юбилей" is not what the mayor's office said."""
    return not any(
        p.rels[c] in ("obj", "cc") or (p.rels[c] == "obl" and case_of(p, c) == "о")
        for c in p.children[v]
    )


def _aside(p: Parse, v: int) -> tuple[int, int] | None:
    """What an impersonal verb set apart by "как" or a comma attributes: "Как говорится
    в заявлении, …" / "…, говорится в сообщении"."""
    first, last = p.bounds(v)
    s, e = p.subtree(v)
    while s < v and p.pos[s] == "PUNCT":
        s += 1
    mark = p.child(v, "mark", "advmod")
    as_clause = mark is not None and p.lemmas[mark] == "как"
    comma = s > first and "," in p.text[p.stops[previous_word(p, s, first)] : p.starts[s]]
    if not (as_clause or comma) or (s == first and e >= last):
        return None
    return span_around(p, s, e, first, last)
