"""Names the small model misses, found by their shape.

- A run of capitalised words ending in an institutional head noun ("New York Mercantile
  Exchange", "Central Jakarta District Court", "Jeans Mate Corp") is an ORG; it replaces
  entities it contains ("New York" inside the exchange).
- A results line of wire copy, "Name 2 Other Name 1", names two teams (ORG).
- Capitalised words right after a personal title ("President", "Mr.", "striker") that
  the model left untagged are a PERSON.
"""

from __future__ import annotations

import re

from .paragraphs import PARAGRAPH_BREAK

Spans = list[tuple[int, int, str]]
_HEADS = (
    "Corp|Corporation|Inc|Ltd|Co|Plc|plc|AG|SA|NV|GmbH|Group|Bank|Commission|Court|"
    "Department|Exchange|Board|Party|Council|Committee|Ministry|Agency|Association|Union|"
    "Federation|Institute|University|Service|Organisation|Organization|Authority|Fund|"
    "Foundation|Company|Airlines|Assembly|Front|Movement|Bureau|Club|Trust|Holdings|"
    "Industries|Academy|Directorate|Inspectorate|Tribunal|Alliance|Coalition|League"
)
_WORD = r"(?:[A-Z][\w&'’.-]*|[A-Z]{2,})"
_ORG_RE = re.compile(
    rf"\b(?:The\s+)?((?:{_WORD}\s+(?:(?:of|and|for|&|on)\s+(?:the\s+)?)?){{1,5}}(?:{_HEADS})\b\.?)"
)
_SCORE_LINE_RE = re.compile(
    r"^[ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z(][\w.'’()-]*){0,3})[ \t]+\d{1,3}[ \t]+"
    r"([A-Z][\w.'’-]*(?:[ \t]+[A-Z(][\w.'’()-]*){0,3})[ \t]+\d{1,3}[ \t]*$",
    re.MULTILINE,
)
_PERSON_TITLES = (
    "President|Prime Minister|Premier|Minister|Secretary of State|Secretary of Defense|Secretary|"
    "Adviser|Advisor|Senator|Governor|General|Colonel|"
    "Admiral|Ambassador|Chairman|Spokesman|Spokeswoman|Mr\\.?|Mrs\\.?|Ms\\.?|Dr\\.?|"
    "Mayor|Judge|Patriarch|Bishop|Rev\\.|coach|striker|midfielder|defender|goalkeeper|"
    "captain|manager|chairman|spokesman|spokeswoman|leader|dissident|analyst|economist"
)
_TITLED_RE = re.compile(
    rf"\b(?:{_PERSON_TITLES})\s+((?:[A-Z][a-z]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z-]+|[A-Z]\.))"
    r"{0,2})(?![\w-])"
)
_LEADING_STOP = ("The ", "A ", "An ", "In ", "At ", "On ", "But ", "And ", "For ")
_BOUNDARY_RE = re.compile(rf"(?<=[a-z]{{3}})\.\s+|{PARAGRAPH_BREAK.pattern}")


def _merge(spans: Spans, found: Spans) -> Spans:
    """Add ``found`` ORG spans; entities wholly inside one are replaced, partial overlaps
    keep the model's entity."""
    if not found:
        return spans
    out = list(spans)
    for start, end, label in found:
        inside = [s for s in out if start <= s[0] and s[1] <= end]
        clash = [s for s in out if s[0] < end and start < s[1] and s not in inside]
        if clash:
            continue
        for s in inside:
            out.remove(s)
        out.append((start, end, label))
    return sorted(out)


def add_org_phrases(text: str, body_start: int, spans: Spans) -> Spans:
    found: Spans = []
    for m in _ORG_RE.finditer(text, body_start):
        start, end = m.span(1)
        phrase = m.group(1)
        # a sentence end or a line break inside: the name starts after it ("… in Leeds.⏎⏎The
        # UK Independence Party")
        cuts = [cut.end() for cut in _BOUNDARY_RE.finditer(phrase)]
        if cuts:
            start += cuts[-1]
            phrase = phrase[cuts[-1] :]
        for stop in _LEADING_STOP:
            if phrase.startswith(stop):
                start += len(stop)
                phrase = phrase[len(stop) :]
        if phrase.endswith("."):
            end -= 1
        if " " in phrase.strip() or phrase.isupper():
            found.append((start, end, "ORG"))
    return _merge(spans, found)


def add_score_lines(text: str, body_start: int, spans: Spans) -> Spans:
    found = [
        (m.start(g), m.end(g), "ORG")
        for m in _SCORE_LINE_RE.finditer(text, body_start)
        for g in (1, 2)
    ]
    return _merge(spans, found)


def add_titled_persons(text: str, body_start: int, spans: Spans) -> Spans:
    found: Spans = []
    for m in _TITLED_RE.finditer(text, body_start):
        start, end = m.span(1)
        if not any(s[0] < end and start < s[1] for s in spans):
            found.append((start, end, "PERSON"))
    return sorted(spans + found) if found else spans
