"""The Russian cue finders: reporting verbs, "по словам X", "как сообщает X", "X: «…»"
and quotations with a dash-introduced speaker (impersonal cues: ``claims_impersonal``).

Each finder gives ``RuParts``: character spans of the cue and the content and the
speaker's head token; ``claims.py`` turns them into ``Claim`` objects. Precision first: a
verb reports only with a clause, a quotation, a colon or an "о …" object of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..claims.quotes import QuoteIndex
from .claims_tree import (
    ABOUT_VERBS,
    ACCORDING_NOUNS,
    COMPLEMENTIZERS,
    NAMING_VERBS,
    SPEECH_VERBS,
    Parse,
)

# Between a quotation and its cue: «…», — сказал он / «…?» — спросил он
_DASH_BEFORE_CUE = re.compile(r"^[,!?.…]?\s*[—–-]\s*$")
_COLON_THEN = re.compile(r"[ \t]*:\s*")
_SPEAKER_CUTS = frozenset({"acl", "acl:relcl", "parataxis", "ccomp", "advcl"})


@dataclass(slots=True)
class RuParts:
    cue: tuple[int, int]
    speaker: int | None
    """The speaker's head token, or None."""
    content: tuple[int, int]
    rule: str
    direct: bool = False
    """Direct speech without quotation marks (a dialogue dash)."""
    speaker_chars: tuple[int, int] | None = None
    """The speaker's span when it is not the head's noun phrase."""


def speaker_tokens(p: Parse, head: int) -> tuple[int, int]:
    """The speaker's noun phrase: its subtree without clauses hanging off it."""
    first, last = p.subtree(head)
    for c in p.children[head]:
        if c > head and (p.rels[c] in _SPEAKER_CUTS or p.words[c] in ",("):
            last = min(last, p.subtree(c)[0] - 1)
    while first < head and p.pos[first] == "PUNCT" and p.words[first] not in '«„"':
        first += 1
    while last > head and p.pos[last] == "PUNCT" and p.words[last] not in "»“":
        last -= 1
    opened = sum(p.words[i] in "«„" for i in range(first, last + 1))
    closed = sum(p.words[i] in "»“" for i in range(first, last + 1))
    if opened > closed and last + 1 < len(p.words) and p.words[last + 1] in "»“":
        last += 1  # агентство «Интерфакс»: both marks or neither
    return first, last


def verb_cues(p: Parse, quotes: QuoteIndex) -> list[RuParts]:
    found = []
    for v, lemma in enumerate(p.lemmas):
        if lemma not in SPEECH_VERBS or p.pos[v] != "VERB":
            continue
        if p.feats[v].get("VerbForm") in ("Inf", "Part", "Conv"):
            continue  # "отказался сообщить", "заявленный": no one states anything here
        speaker = subject_index(p, v)
        content, rule, direct = verb_content(p, v, lemma, quotes)
        if content is None or speaker is None:
            continue
        found.append(RuParts((p.starts[v], p.stops[v]), speaker, content, rule, direct))
    return found


def subject_index(p: Parse, v: int) -> int | None:
    subj = p.child(v, "nsubj")
    if subj is None and p.rels[v] == "conj" and p.heads[v] >= 0:
        subj = p.child(p.heads[v], "nsubj")  # "заявил и подчеркнул": one subject
    return subj


def verb_content(
    p: Parse, v: int, lemma: str, quotes: QuoteIndex, speaker: int | None = None
) -> tuple[tuple[int, int] | None, str, bool]:
    """What the reporting verb ``v`` attributes, the rule that found it and whether it is
    direct speech without quotation marks; ``speaker`` is the speaker's head when it is
    not the verb's subject ("…, заявили в министерстве": the ministry)."""
    text = p.text
    first, last = p.bounds(v)
    # «…», — заявил министр: the quotation right before the cue
    if found := _quote_before(p, v, quotes):
        return found, "dash-quote", False
    # — Мы готовы, — сказала она: dialogue without quotation marks
    k = v - 1
    while k > first and p.pos[k] == "PUNCT":
        k -= 1
    if p.words[first] in "—–" and _DASH_BEFORE_CUE.match(text[p.stops[k] : p.starts[v]]):
        start = p.stops[first]
        end = p.stops[k]
        if end > start and p.sent_of[v] == p.sent_of[first]:
            return (start, end), "dash-dialogue", True
    # заявил журналистам: «…» / заявил: переговоры продолжатся
    colon = _colon_after(p, v)
    if colon is not None:
        after = colon + 1
        if after <= last:
            q = quotes.containing(p.starts[after], p.stops[after])
            end = q[1] if q and q[0] == p.starts[after] else p.stops[last]
            return (p.starts[after], end), "colon", False
    for c in p.children[v]:
        if p.rels[c] in ("ccomp", "advcl") and marked_clause(p, c):
            return clause_span(p, c), "that-clause", False
    for c in p.children[v]:
        # "заявил, переговоры продолжатся" needs a comma before the clause
        clause_start = p.subtree(c)[0]
        if (
            p.rels[c] == "ccomp"
            and p.pos[c] in ("VERB", "ADJ", "NOUN")
            and clause_start > v
            and p.words[clause_start] in ",:"
        ):
            return clause_span(p, c), "bare-clause", False
    for c in p.children[v]:
        if p.rels[c] in ("obl", "obj") and case_of(p, c) == "о":
            # "заявил о том, что …": the clause; "сообщил о своей отставке": the object
            clause = next((g for g in p.children[c] if marked_clause(p, g)), None)
            if p.lemmas[c] in ("то", "тот") and clause is not None:
                return clause_span(p, clause), "about-that", False
            if lemma in ABOUT_VERBS and p.pos[c] != "PRON":  # "сообщил об этом": no content
                s, e = p.subtree(c)
                return p.chars(s + 1, e), "about", False
    if lemma in NAMING_VERBS:
        obj = p.child(v, "obj")
        # "назвал итоги обнадеживающими": a predicate in the instrumental, not "в 2005 году"
        pred = p.child(v, "xcomp", "obl")
        if pred is not None and (p.feats[pred].get("Case") != "Ins" or case_of(p, pred)):
            pred = None
        if obj is not None and pred is not None and pred > obj:
            return (p.starts[p.subtree(obj)[0]], p.stops[p.subtree(pred)[1]]), "naming", False
    # Переговоры продолжатся, сообщил министр. / Как сообщает «Интерфакс», …
    if p.rels[v] in ("parataxis", "advcl") and p.heads[v] >= 0:
        s, e = p.subtree(v)
        while s < v and p.pos[s] == "PUNCT":
            s += 1
        mark = p.child(v, "mark", "advmod")
        as_clause = mark is not None and p.lemmas[mark] == "как"
        subj = p.child(v, "nsubj") if speaker is None else speaker
        inverted = subj is not None and subj > v
        before = text[p.stops[previous_word(p, s, first)] : p.starts[s]] if s > first else ""
        parenthetical = as_clause or (inverted and s > first and "," in before)
        if parenthetical and (found := span_around(p, s, e, first, last)):
            return found, "as-clause", False
    return None, "", False


def span_around(p: Parse, s: int, e: int, first: int, last: int) -> tuple[int, int] | None:
    """What a parenthetical cue (tokens ``s..e``) attributes in its sentence: the words
    before it, or after it, or — inside the sentence ("должны, по мнению России, страны
    Запада") — the whole sentence."""
    before = s > first
    after = any(p.pos[k] != "PUNCT" for k in range(e + 1, last + 1))
    if before and after:
        return p.starts[first], p.stops[last]
    if before:
        return p.starts[first], p.stops[previous_word(p, s, first)]
    if after:
        return p.starts[e + 1], p.stops[last]
    return None


def _prev_stop(p: Parse, i: int) -> int:
    return p.stops[i - 1] if i > 0 else 0


def previous_word(p: Parse, i: int, first: int) -> int:
    """The last token before ``i`` that is not punctuation (``first`` at the least)."""
    k = i - 1
    while k > first and p.pos[k] == "PUNCT":
        k -= 1
    return max(k, first)


def _quote_before(p: Parse, v: int, quotes: QuoteIndex) -> tuple[int, int] | None:
    """The quotation that ends right before the cue (``«…», — заявил``), or one the cue
    interrupts (``«Мы готовы, — сказал он, — к диалогу»``)."""
    text = p.text
    inside = quotes.containing(p.starts[v], p.stops[v])
    if inside is not None:
        dash = text.rfind("—", inside[0], p.starts[v])
        if dash > inside[0] and not text[dash + 1 : p.starts[v]].strip():
            return inside
        return None
    k = v - 1
    while k >= 0 and p.pos[k] == "PUNCT" and p.words[k] not in '»“”"':
        k -= 1
    if k < 0:
        return None
    q = quotes.containing(p.starts[k], p.stops[k])
    if q is None or q[1] != p.stops[k]:
        return None
    if _DASH_BEFORE_CUE.match(text[q[1] : p.starts[v]]) or text[q[1] : p.starts[v]].strip() in (
        ",—",
        "—",
    ):
        return q
    return None


def _colon_after(p: Parse, v: int) -> int | None:
    """A colon after the cue and its own words ("заявил журналистам:")."""
    last = p.bounds(v)[1]
    for k in range(v + 1, min(v + 6, last + 1)):
        if p.words[k] == ":":
            return k
        if p.heads[k] != v and p.heads[k] >= 0 and p.heads[p.heads[k]] != v:
            return None
        if p.words[k] in ",;":
            return None
    return None


def case_of(p: Parse, i: int) -> str | None:
    c = p.child(i, "case")
    return p.lemmas[c] if c is not None else None


def marked_clause(p: Parse, clause: int) -> bool:
    mark = p.child(clause, "mark")
    return mark is not None and p.lemmas[mark] in COMPLEMENTIZERS and mark < clause


def clause_span(p: Parse, c: int) -> tuple[int, int]:
    """A complement clause without its complementizer and the comma before it."""
    s, e = p.subtree(c)
    while s < c and (p.pos[s] == "PUNCT" or p.lemmas[s] in COMPLEMENTIZERS):
        s += 1
    return p.chars(s, e)


def according_cues(p: Parse) -> list[RuParts]:
    """по словам X, по мнению X, по данным X: the rest of the sentence is X's."""
    found = []
    for n, lemma in enumerate(p.lemmas):
        if lemma not in ACCORDING_NOUNS or n == 0 or p.lemmas[n - 1] != "по":
            continue
        x = p.child(n, "nmod")
        if x is None or x < n:
            continue
        first, last = p.bounds(n)
        s, e = p.subtree(n)
        content = span_around(p, min(s, n - 1), e, first, last)
        if content is None:
            continue
        found.append(RuParts((p.starts[n - 1], p.stops[n]), x, content, "according"))
    return found


def colon_quotes(p: Parse, quotes: QuoteIndex, names: list[tuple[int, int]]) -> list[RuParts]:
    """Лавров: «…» — a name (a PER or ORG span, or a proper noun), a colon, a quotation."""
    found = []
    for k, word in enumerate(p.words):
        if word != ":" or k == 0 or k + 1 >= len(p.words):
            continue
        q = quotes.containing(p.starts[k + 1], p.stops[k + 1])
        if q is None or q[0] != p.starts[k + 1]:
            continue
        h = k - 1
        named = next((n for n in names if n[0] <= p.starts[h] < n[1]), None)
        if named is not None:
            chars = named
        elif p.pos[h] == "PROPN":
            top = p.heads[h] if p.rels[h] == "flat:name" and p.heads[h] >= 0 else h
            first, _ = speaker_tokens(p, top)
            chars = (p.starts[min(first, top)], p.stops[h])
        else:
            continue
        found.append(RuParts((p.starts[k], p.stops[k]), h, q, "name-colon", speaker_chars=chars))
    return found
