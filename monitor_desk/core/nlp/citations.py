"""Parenthetical source citations: ``(Reuters, September 25)``, ``(Interfax, March 3; NTV,
March 4)``, ``(see the Monitor, September 20)``.

A parenthesis counts as a citation only when every ``;`` item is ``Outlet, Date`` (or a
known outlet alone), so ``(START II)``, ``(see below)`` or ``(1999)`` are left alone.
Each citation covers the sentences of its paragraph since the previous citation there.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Mapping, Sequence

from ..dates import CITATION_DATE_PATTERN, parse_citation_date, reference_date
from ..models import Citation, CitationItem
from .citations_ru import IN_TEXT_RE, RUSSIAN_OUTLETS, RUSSIAN_PLACES
from .citations_ru import key as russian_key
from .pipeline import gazetteer_patterns

_PAREN_RE = re.compile(r"\(([^()\n]{3,300})\)")
# "Outlet, Date", "Outlet A, Outlet B, Date", "Outlet – Date", "Date" (outlet as before);
# a date may list more days of its month: "September 25, 28".
_EXTRA_DAYS = r"(?P<extra>(?:\s*(?:,|&|and)\s*\d{1,2}(?![\d:]))*)"
_ITEM_RE = re.compile(
    rf"^(?:(?P<outlets>[^;]+?)\s*(?:,|\s[-–—]|:)\s*)?(?P<date>{CITATION_DATE_PATTERN}){_EXTRA_DAYS}\s*\.?$",
    re.IGNORECASE,
)
_DAY_RE = re.compile(r"\d{1,2}")
_LEAD_RE = re.compile(r"^(?:see\s+(?:also\s+)?|см\.\s+(?:также\s+)?)?(?:the\s+)?", re.IGNORECASE)
_CYRILLIC_RE = re.compile(r"[\u0400-\u04FF]")
# An outlet starts with a capital ("Rustavi-2", "Channel 5" keep their digits) or is a web
# address ("gazeta.ru"); anything else in the parentheses ("in Russian") is not a source.
_OUTLET_OK_RE = re.compile(r"^(?:[A-Z\u0400-\u042F«„\"]|[a-z][\w-]*\.[a-z]{2,}\b)[^()]{0,79}$")
_PARAGRAPH_RE = re.compile(r"\n[ \t\r\f\v]*\n")
_SENTENCE_END_RE = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z\u0400-\u042F0-9])")
# A full stop after an initial or a common abbreviation ("U.S.", "Sept.", "Mr.") ends nothing.
_ABBREVIATION_RE = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Prof|Sen|Rep|Gov|No|vs|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))\.$"
)

_KNOWN = (
    "Interfax", "Itar-Tass", "TASS", "RIA Novosti", "Reuters", "AP", "AFP", "Izvestia",
    "Kommersant", "Nezavisimaya Gazeta", "NTV", "ORT", "RTR", "Ekho Moskvy", "Segodnya",
    "Vremya", "Moscow Times", "Monitor", "Xinhua", "BBC", "CNN", "Radio Liberty", "RFE/RL",
    "Rossiiskaya Gazeta", "Komsomolskaya Pravda", "Moskovsky Komsomolets", "Pravda",
    "Vedomosti", "Novaya Gazeta", "Obshchaya Gazeta", "Washington Post", "New York Times",
    "Financial Times", "Wall Street Journal", "UNIAN", "Interfax-Ukraine", "Prime-Tass",
    "Russky Telegraf", "Trud", "Itogi", "Ekspert", "Mayak", "Kyodo", "DPA", "ANSA",
)  # fmt: skip
_ALIASES = {
    "associated press": "AP",
    "agence france presse": "AFP",
    "echo of moscow": "Ekho Moskvy",
}
# Inside an outlet's name function words are lower case, and so is a generic noun
# ("International and Russian agencies"), unless two generic nouns make a proper name
# ("Baltic News Service"). Outlets also match case-insensitively in the library.
_FUNCTION_WORDS = frozenset(["and", "of", "the", "for", "in", "on", "at", "from"])
_GENERIC_WORDS = frozenset(
    [
        "agencies",
        "agency",
        "reports",
        "report",
        "sources",
        "source",
        "media",
        "press",
        "newspapers",
        "newspaper",
        "wire",
        "services",
        "service",
        "television",
        "radio",
        "websites",
        "website",
        "news",
        "dispatches",
        "correspondents",
        "officials",
    ]
)


def _key(name: str) -> str:
    return re.sub(r"[\s\-.]+", " ", name.lower()).strip()


_CANONICAL = {_key(n): n for n in _KNOWN} | {_key(k): v for k, v in _ALIASES.items()}


def normalize_outlet(written: str) -> str:
    """One name per outlet: "ITAR-TASS" and "Itar-Tass" agree; "see the" is dropped; unknown
    outlets keep their words, function words and generic nouns in lower case."""
    name = _LEAD_RE.sub("", " ".join(written.split()))
    if known := _CANONICAL.get(_key(name)):
        return known
    if _CYRILLIC_RE.search(name):
        # "Интерфакса" is Interfax; an outlet not in the table keeps its words, unquoted
        return RUSSIAN_OUTLETS.get(russian_key(name)) or name.strip('«»„“”"')
    words = name.split(" ")
    out = [words[0][:1].upper() + words[0][1:]]
    proper = sum(w.lower() in _GENERIC_WORDS and w[:1].isupper() for w in words[1:]) >= 2
    lower = _FUNCTION_WORDS if proper else _FUNCTION_WORDS | _GENERIC_WORDS
    for word in words[1:]:
        if word.lower() in lower:
            out.append(word.lower())
        elif word.islower():
            out.append(word[:1].upper() + word[1:])
        else:
            out.append(word)
    return " ".join(out)


@functools.lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Place names of the shipped gazetteer: "(Washington, Moscow, May 3)" names no outlet."""
    return frozenset(
        _key(p["pattern"])
        for p in gazetteer_patterns()
        if p.get("label") in ("GPE", "LOC") and isinstance(p.get("pattern"), str)
    ) - frozenset(_CANONICAL)


def _outlet_names(written: str) -> list[str] | None:
    names = [_LEAD_RE.sub("", part.strip()) for part in written.split(",")]
    ok = all(_OUTLET_OK_RE.match(n) and len(n.split()) <= 8 for n in names)
    if not ok or not names:
        return None
    # A place says where, not who: "(Interfax, Moscow, May 4)" cites Interfax, and
    # "(Washington, Moscow, May 3)" cites nobody.
    outlets = [n for n in names if _key(n) not in _places() and _key(n) not in RUSSIAN_PLACES]
    return outlets or None


def _known(name: str) -> bool:
    return _key(name) in _CANONICAL or russian_key(name) in RUSSIAN_OUTLETS


def _dates(
    m: re.Match[str], ref: tuple[int, int | None] | None
) -> tuple[str, str | None, str | None] | None:
    """(date_text, start, end) of an item's date, extra days extending the end."""
    dates = parse_citation_date(m.group("date"), ref)
    if dates is None:
        return None
    start, end = dates
    extra = m.group("extra")
    if extra and start is not None:
        last_day = max(int(d) for d in _DAY_RE.findall(extra))
        try:
            end = dt.date.fromisoformat(start).replace(day=last_day).isoformat()
        except ValueError:
            end = None
    return m.group("date") + extra, start, end


def _parse_item(
    item: str, ref: tuple[int, int | None] | None, previous: list[str]
) -> list[CitationItem] | None:
    """The items one ``;`` part stands for, or None when it is not a source reference."""
    item = " ".join(item.split())
    if m := _ITEM_RE.match(item):
        written = _outlet_names(m.group("outlets")) if m.group("outlets") else previous
        dated = _dates(m, ref)
        if not written or dated is None:
            return None
        date_text, start, end = dated
        return [CitationItem(normalize_outlet(w), date_text, start, end, w) for w in written]
    bare = _outlet_names(item.rstrip("."))
    if bare and all(_known(n) for n in bare):
        return [CitationItem(normalize_outlet(n), None, None, None, n) for n in bare]
    return None


def scan_citations(
    text: str, body_start: int = 0, metadata: Mapping[str, str] | None = None
) -> list[Citation]:
    """Citations in ``text[body_start:]`` with ``covers`` left empty."""
    ref = reference_date(metadata)
    found: list[Citation] = []
    for m in _PAREN_RE.finditer(text, body_start):
        parsed: list[CitationItem] = []
        previous: list[str] = []
        for part in m.group(1).split(";"):
            items = _parse_item(part, ref, previous)
            if items is None:
                break
            parsed.extend(items)
            previous = [i.outlet_text or i.outlet for i in items]
        else:
            found.append(Citation(m.start(), m.end(), m.group(0), tuple(parsed), ()))
    found.extend(_in_text(text, body_start, found))
    found.sort(key=lambda c: c.start)
    return found


def _in_text(text: str, body_start: int, parens: list[Citation]) -> list[Citation]:
    """Russian references in running text: ``по данным «Коммерсанта»``, ``как сообщает
    ИТАР-ТАСС`` (a name without quotation marks only when it is a known outlet)."""
    found = []
    for m in IN_TEXT_RE.finditer(text, body_start):
        if any(c.start <= m.start() < c.end for c in parens):
            continue
        written = m.group("name")
        if not written.startswith("«") and not _known(written):
            continue
        item = CitationItem(normalize_outlet(written), None, None, None, written.strip("«»"))
        found.append(Citation(m.start(), m.end(), m.group(0), (item,), ()))
    return found


def regex_sentences(text: str, body_start: int = 0) -> list[tuple[int, int]]:
    """Sentence spans without a model: split paragraphs at . ! ? before a capital, never
    inside parentheses or after an abbreviation."""
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs(text, body_start):
        parens = [m.span() for m in _PAREN_RE.finditer(text, p_start, p_end)]
        start = p_start
        for m in _SENTENCE_END_RE.finditer(text, p_start, p_end):
            if any(a < m.start() < b for a, b in parens):
                continue
            if _ABBREVIATION_RE.search(text, max(p_start, m.start() - 5), m.start() + 1):
                continue
            end = m.start() + len(m.group(0).rstrip())
            spans.append((start, end))
            start = m.end()
        if start < p_end:
            spans.append((start, p_end))
    return spans


def paragraphs(text: str, body_start: int = 0) -> list[tuple[int, int]]:
    """Paragraph spans of the body: blank-line separated, else one per line."""
    sep = _PARAGRAPH_RE if _PARAGRAPH_RE.search(text, body_start) else re.compile(r"\n")
    spans = []
    start = body_start
    for m in sep.finditer(text, body_start):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        chunk = text[s:e]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            out.append((s + lead, s + lead + len(stripped)))
    return out


def with_coverage(
    citations: Sequence[Citation],
    text: str,
    body_start: int,
    sentences: Sequence[tuple[int, int]] | None = None,
) -> list[Citation]:
    """Fill ``covers``: the paragraph's sentences since the previous citation in it."""
    if not citations:
        return []
    sents = sorted(sentences) if sentences is not None else regex_sentences(text, body_start)
    paras = paragraphs(text, body_start)
    para_starts = [p[0] for p in paras]
    sent_starts = [s[0] for s in sents]
    out: list[Citation] = []
    last_para = -1
    last_idx = -1
    for cit in citations:
        p = max(bisect.bisect_right(para_starts, cit.start) - 1, 0)
        p_start = paras[p][0] if paras else body_start
        held = bisect.bisect_right(sent_starts, cit.start) - 1
        first = bisect.bisect_left(sent_starts, p_start)
        if p == last_para:
            first = max(first, last_idx + 1)
        first = min(first, held) if held >= 0 else first
        covers = tuple(sents[i] for i in range(max(first, 0), held + 1))
        out.append(Citation(cit.start, cit.end, cit.text, cit.items, covers))
        last_para, last_idx = p, held
    return out


def find_citations(
    text: str,
    body_start: int = 0,
    metadata: Mapping[str, str] | None = None,
    sentences: Sequence[tuple[int, int]] | None = None,
) -> list[Citation]:
    """Parse every source citation of the body and the sentences each one supports."""
    return with_coverage(scan_citations(text, body_start, metadata), text, body_start, sentences)
