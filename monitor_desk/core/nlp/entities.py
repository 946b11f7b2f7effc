"""Entities from a parsed (masked) body, cleaned and mapped back to the full text.

Generic repairs of small-model output: a leading "the", a trailing possessive or number
and a headline prefix ("Cricket - ") are trimmed, titles are cut off person names, an
all-lowercase PERSON is dropped, a title word taken out of "Secretary of State" is dropped,
and adjacent person fragments are merged.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from typing import Any

from .consistency import add_datelines, propagate_labels
from .paragraphs import PARAGRAPH_BREAK
from .prepare import Prepared
from .shape_rules import add_org_phrases, add_score_lines, add_titled_persons


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ENTITY_LABELS = _words(
    "PERSON NORP FAC ORG GPE LOC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE DATE TIME PERCENT "
    "MONEY QUANTITY ORDINAL CARDINAL"
)
NAME_LABELS = _words("PERSON NORP FAC ORG GPE LOC PRODUCT EVENT WORK_OF_ART LAW")
_LEADING_THE_RE = re.compile(r"(?:the|The|THE)\s+")  # used with .match(text, pos)
_TRAILING_RE = re.compile(r"(?:\s*['’]s|['’]|[\s,;:(\-–—]+|\s+(?:of|and|the|for|in|on|at|to))$")
_TRAILING_NUMBER_RE = re.compile(r"(?:\s+\d[\d.,:/-]*)+$")
_SPACED_DASH_RE = re.compile(r"\s[-–—]+\s")
_TITLES = (
    "President|Vice President|Prime Minister|Premier|Deputy|First Deputy|Foreign|Defense|"
    "Defence|Interior|Finance|Economics?|Minister|Secretary|State|Senator|Sen\\.|Rep\\.|"
    "Representative|Governor|Gov\\.|Mayor|General|Gen\\.|Colonel|Col\\.|Admiral|Adm\\.|"
    "Marshal|Ambassador|Envoy|Chairman|Speaker|Chancellor|Patriarch|Pope|King|Queen|Prince|"
    "Mr\\.?|Mrs\\.?|Ms\\.?|Dr\\.?|Sir|Lord|Lady|Adviser|Advisor|Spokesman|Spokeswoman|Chief|"
    "National|Security|U\\.S\\.|US|Russian|Former|former|Acting|acting|Commander|"
    "Prof\\.?|Professor|Rabbi|Constable|MP|MEP|MSP|Rt|Rev\\.?|Reverend|Sergeant|Sgt\\.?|"
    "Lawyer|Treasurer|Tory|Labour|Lib Dem|Bishop|Archbishop|Cardinal|Sheikh|Captain|"
    "Capt\\.?|Major|Lieutenant|Lt\\.?|Inspector|Detective|Superintendent|Justice|Judge"
)
_TRAILING_TITLE_RE = re.compile(r",?\s+(?:MP|MEP|MSP|QC)$")
_LEADING_TITLES_RE = re.compile(rf"(?:(?:{_TITLES})\s+)+")
# Words that complete a title ("Secretary of State") and are not entities on their own.
_TITLE_COMPLEMENT = _words(
    "State Defense Defence Foreign Affairs Interior Justice Treasury Commerce Energy Labor "
    "Labour Agriculture Health Education Transportation Finance Economy Security Emergencies "
    "Emergency Situations Trade Industry Culture Transport Communications Home Office"
)
_LEADING_COMPLEMENT_RE = re.compile(rf"(?:(?:{'|'.join(sorted(_TITLE_COMPLEMENT))})\s+)+")
# A person's title is not an organisation ("Minister of Foreign Affairs").
_TITLE_HEADS = _words("Minister Secretary President Chairman Director Ambassador Spokesman")
_TITLE_HEAD_BEFORE_RE = re.compile(
    r"(?:Secretary|Minister|Ministers|Commissioner|Undersecretary|Under Secretary|Adviser|"
    r"Advisor)(?:\s+\w+)?\s+(?:of|for)\s+(?:the\s+)?\Z"
)
_TITLE_NOUN_AFTER_RE = re.compile(
    r"^\s+(?:Adviser|Advisor|Secretary|Minister|Council Secretary|Spokesman|Spokeswoman)\b"
)


def _after_title(text: str, start: int, end: int, label: str) -> tuple[int, str]:
    """ "Secretary of Defense Walter Hume": the model may tag "Defense Walter Hume" as one
    ORG; cut the title words, and what is left (two or three capitalised words) is a
    person."""
    m = _LEADING_COMPLEMENT_RE.match(text, start, end)
    if not m or m.end() >= end or not _TITLE_HEAD_BEFORE_RE.search(text, max(0, start - 40), start):
        return start, label
    rest = text[m.end() : end].split()
    if label != "PERSON" and 2 <= len(rest) <= 3 and all(w[:1].isupper() for w in rest):
        label = "PERSON"
    return m.end(), label


# Lower-case words before a name, except the particles names start with ("de Gaulle").
_PARTICLES = "de|da|di|du|la|le|van|von|der|den|ter|al|el|bin|ibn|dos|das|del"
_LEADING_LOWER_RE = re.compile(rf"(?:(?!(?:{_PARTICLES})\b)[a-z][\w'’-]*\s+)+(?=[A-Z])")


def strip_titles(name: str) -> str:
    """A person's name without leading titles and post-nominals ("Prime Minister Tony
    Blair" → "Tony Blair", "Philippe Sands QC" → "Philippe Sands")."""
    start, end = 0, len(name)
    if (m := _LEADING_TITLES_RE.match(name)) and m.end() < end:
        start = m.end()
    if (m := _TRAILING_TITLE_RE.search(name, start)) and m.start() > start:
        end = m.start()
    return name[start:end]


def _trim(text: str, start: int, end: int, label: str) -> tuple[int, int]:
    if label in NAME_LABELS:
        # a name does not run over a paragraph break: keep the part it starts in, unless
        # that part ends a sentence there ("Manchester.⏎⏎The UK Independence Party")
        if brk := PARAGRAPH_BREAK.search(text, start, end):
            if text[start : brk.start()].rstrip().endswith((".", "!", "?")):
                start = brk.end()
            else:
                end = brk.start()
        # nor does it start with lower-case words ("rang Lucy", "for Culture")
        if m := _LEADING_LOWER_RE.match(text, start, end):
            start = m.end()
        if m := _LEADING_THE_RE.match(text, start, end):
            start = m.end()
        # "Cricket - Leicestershire": a spaced dash separates phrases, keep the last one.
        for m in _SPACED_DASH_RE.finditer(text, start, end):
            start = m.end()
        if m := _TRAILING_NUMBER_RE.search(text, start, end):
            end = m.start() if m.start() > start else end
    elif label in ("DATE", "TIME") and (m := _SPACED_DASH_RE.search(text, start, end)):
        end = m.start()  # "January - Richard Belmar": the date ends at the dash
    while start < end and (m := _TRAILING_RE.search(text, start, end)) and m.start() > start:
        end = m.start()
    m = _LEADING_TITLES_RE.match(text, start, end) if label == "PERSON" else None
    if m and m.end() < end:
        start = m.end()
    m = _TRAILING_TITLE_RE.search(text, start, end) if label == "PERSON" else None
    if m and m.start() > start:
        end = m.start()  # "Paul Boateng MP", "Philippe Sands QC"
    return start, end


def _is_title_fragment(text: str, start: int, end: int, label: str) -> bool:
    words = text[start:end].split()
    if not words:
        return True
    if all(w in _TITLE_COMPLEMENT for w in words):
        before = text[max(0, start - 40) : start]
        if _TITLE_HEAD_BEFORE_RE.search(before):
            return True
    if label == "ORG" and words[-1] in _TITLE_COMPLEMENT:
        return bool(_TITLE_NOUN_AFTER_RE.match(text, end, min(len(text), end + 30)))
    return False


def entity_spans(doc: Any, prep: Prepared) -> list[tuple[int, int, str]]:
    """(start, end, label) in full-text offsets, sorted, cleaned."""
    return text_entity_rules(prep, model_entity_spans(doc, prep))


def model_entity_spans(doc: Any, prep: Prepared) -> list[tuple[int, int, str]]:
    """The model's entities of ``doc`` (the whole body or one chunk of it), cleaned, in
    full-text offsets; ``text_entity_rules`` then runs once over the whole text."""
    text = prep.text
    omap = prep.offsets
    blocked = _overlap_test([(c.start, c.end) for c in prep.citations])
    out: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        label = ent.label_
        if label not in ENTITY_LABELS:
            continue
        start = omap.start(ent.start_char)
        end = omap.end(ent.end_char)
        if start < prep.body_start:
            continue
        start, end = _trim(text, start, end, label)
        if end <= start:
            continue
        start, label = _after_title(text, start, end, label)
        if label == "ORG" and text[start:end].split(" ", 1)[0] in _TITLE_HEADS:
            continue
        if label == "PERSON" and text[start:end].islower():
            continue
        if _is_title_fragment(text, start, end, label):
            continue
        if blocked(start, end):
            continue
        if out and _mergeable(text, out[-1], start, label):
            out[-1] = (out[-1][0], end, label)
            continue
        out.append((start, end, label))
    return out


def text_entity_rules(
    prep: Prepared, spans: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Entities found from the text itself (datelines, shapes, labels carried over)."""
    text = prep.text
    blocked = [(c.start, c.end) for c in prep.citations]
    out = add_datelines(text, prep.body_start, spans)
    out = add_org_phrases(text, prep.body_start, out)
    out = add_score_lines(text, prep.body_start, out)
    out = add_titled_persons(text, prep.body_start, out)
    out = propagate_labels(text, prep.body_start, out, blocked)
    # Rules above scan the text itself: nothing of theirs may come from inside a citation.
    inside = _overlap_test(blocked)
    return [s for s in out if not inside(s[0], s[1])]


def _overlap_test(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Whether ``start..end`` overlaps any of ``spans``, by bisection: a long text has
    thousands of citations and entities, and testing every pair took minutes."""
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    reach = list(itertools.accumulate((e for _, e in spans), max))  # furthest end so far

    def overlaps(start: int, end: int) -> bool:
        k = bisect.bisect_left(starts, end) - 1  # the spans that start before ``end``
        return k >= 0 and reach[k] > start

    return overlaps


def _mergeable(text: str, prev: tuple[int, int, str], start: int, label: str) -> bool:
    # "Igor" + "Ivanov" tagged as two persons are one name.
    return prev[2] == label == "PERSON" and text[prev[1] : start] == " "
