"""Document-level repairs: one name, one label, everywhere in the article.

The small model tags a name in one sentence and misses it (or labels it differently) in the
next; news stories also open with an ALL-CAPS dateline place ("SALVADOR, Feb 26 -").
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence

Spans = list[tuple[int, int, str]]
_PROPAGATED = frozenset(("PERSON", "ORG", "GPE", "LOC"))
_VOTED = _PROPAGATED | {"LAW", "NORP", "EVENT", "FAC", "PRODUCT", "WORK_OF_ART"}
_DATELINE_RE = re.compile(
    r"^[ \t]*([A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){0,3})(?=[ \t]*(?:,|[ \t]\d))",
    re.MULTILINE,
)
_MIN_NAME = 3
_REPLACEABLE = frozenset(("PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"))
_NOT_PLACES_WORDS = (
    "MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY JANUARY FEBRUARY MARCH APRIL "
    "MAY JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER NOTE NOTES UPDATE SCHEDULE "
    "RESULTS TABLE"
)
_NOT_PLACES = frozenset(_NOT_PLACES_WORDS.split())


def _overlaps(spans: Spans, starts: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(starts, end)
    return i > 0 and spans[i - 1][1] > start


def add_datelines(text: str, body_start: int, spans: Spans) -> Spans:
    """An all-caps place opening a line before a comma or a date is a GPE; it replaces a
    person or organisation the model saw there, never a date."""
    out = spans
    for m in _DATELINE_RE.finditer(text, body_start):
        start, end = m.span(1)
        if sum(c.isalpha() for c in m.group(1)) < _MIN_NAME or m.group(1) in _NOT_PLACES:
            continue
        clashes = [s for s in out if s[0] < end and start < s[1]]
        if any(s[2] not in _REPLACEABLE for s in clashes):
            continue
        out = sorted([s for s in out if s not in clashes] + [(start, end, "GPE")])
    return out


def propagate_labels(
    text: str, body_start: int, spans: Spans, blocked: Sequence[tuple[int, int]]
) -> Spans:
    """Give a repeated name its majority label, tag its untagged repeats, and tag a
    surname alone as the person whose full name appears in the article."""
    votes: dict[str, Counter[str]] = {}
    for start, end, label in spans:
        if label in _VOTED:
            votes.setdefault(text[start:end], Counter())[label] += 1
    for start, end, label in spans:
        if label == "PERSON" and " " in text[start:end]:
            surname = text[start:end].rsplit(" ", 1)[1]
            if len(surname) >= _MIN_NAME and surname[:1].isupper():
                # The surname of a person named in full here is strong evidence: it
                # outweighs one stray model vote ("Petrova" as GPE).
                votes.setdefault(surname, Counter())["PERSON"] += 2
    if not votes:
        return spans
    best = {name: c.most_common(1)[0][0] for name, c in votes.items()}
    out = [
        (s, e, best.get(text[s:e], label) if label in _VOTED else label) for s, e, label in spans
    ]
    names = sorted(
        (
            n
            for n, label in best.items()
            if label in _PROPAGATED and len(n) >= _MIN_NAME and n[:1].isupper()
        ),
        key=len,
        reverse=True,
    )
    # str.find per name beats compiling one alternation regex per article.
    taken = sorted(out)
    starts = [s[0] for s in taken]
    added: Spans = []
    for name in names:
        label = best[name]
        pos = text.find(name, body_start)
        while pos >= 0:
            end = pos + len(name)
            if (
                _is_word_edge(text, pos - 1)
                and _is_word_edge(text, end)
                and not _overlaps(taken, starts, pos, end)
                and not any(s < end and pos < e for s, e in blocked)
            ):
                i = bisect.bisect_left(starts, pos)
                taken.insert(i, (pos, end, label))
                starts.insert(i, pos)
                added.append((pos, end, label))
            pos = text.find(name, end)
    return taken if added else out


def _is_word_edge(text: str, index: int) -> bool:
    """True when ``text[index]`` cannot continue a name (or lies outside the text)."""
    if index < 0 or index >= len(text):
        return True
    char = text[index]
    return not (char.isalnum() or char in "-_")
