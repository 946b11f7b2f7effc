"""Dates read from text: header and feed dates, and dates inside source citations.

``parse_header_date`` turns a header or feed date ("26-FEB-1987 15:01:01.79",
"25 сентября 1999 г.") into ISO. ``parse_citation_date`` reads a citation's date
(``September 22-26``, ``25 September``, ``Sept. 3, 2000``, ``22–26 сентября``,
``3 марта 2000 г.``) and resolves it to ISO only
when a year is known (from the citation itself or from the issue's metadata date, see
``reference_date``); we never invent a year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

# One month table for both readers: English names and abbreviations; Russian names in
# every case ("сентябрь", "сентября", "сентябре", "сентябрю", "сентябрём") and the
# newspapers' abbreviations ("сент.", "нояб.").
MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number
_RUSSIAN_MONTHS = (
    ("январ", "ь", "янв"),
    ("феврал", "ь", "фев февр"),
    ("март", "", "мар"),
    ("апрел", "ь", "апр"),
    ("ма", "й", ""),
    ("июн", "ь", "июн"),
    ("июл", "ь", "июл"),
    ("август", "", "авг"),
    ("сентябр", "ь", "сен сент"),
    ("октябр", "ь", "окт"),
    ("ноябр", "ь", "ноя нояб"),
    ("декабр", "ь", "дек"),
)
for _number, (_stem, _nominative, _short) in enumerate(_RUSSIAN_MONTHS, start=1):
    # март: марта, марте, марту, мартом; сентябрь and май: -я, -е, -ю, -ём/-ем
    _endings = ("", "а", "е", "у", "ом") if not _nominative else ("ь", "я", "е", "ю", "ём", "ем")
    if _nominative == "й":
        _endings = ("й", "я", "е", "ю", "ем")
    for _ending in _endings:
        MONTHS[_stem + _ending] = _number
    for _name in _short.split():
        MONTHS[_name] = _number
RUSSIAN_MONTH = "|".join(sorted((n for n in MONTHS if not n.isascii()), key=len, reverse=True))
"""Every Russian spelling of a month, longest first, for a regular expression."""

_MONTH = r"([^\W\d_]{3,9})\.?"  # any word: MONTHS says whether it names a month
_HEADER_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), "ymd"),  # 1999-09-25, 1999-09-25T10:00Z
    (re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"), "ymd"),
    (re.compile(r"(\d{1,2})-" + _MONTH + r"-(\d{4})"), "dMy"),  # 26-FEB-1987 15:01:01.79
    (re.compile(r"(\d{1,2})\s+" + _MONTH + r",?\s+(\d{4})"), "dMy"),  # 25 September 1999
    (re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})"), "Mdy"),  # Sep 25, 1999
    (re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})"), "dmy"),  # 25.09.1999
)


def parse_header_date(value: str) -> str | None:
    """ISO date for ``value`` ("26-FEB-1987 15:01:01.79" -> "1987-02-26"), else None."""
    for pattern, order in _HEADER_PATTERNS:
        for match in pattern.finditer(value):
            parts = match.groups()
            try:
                if order == "ymd":
                    year, month, day = int(parts[0]), int(parts[1]), int(parts[2])
                elif order == "dmy":
                    day, month, year = int(parts[0]), int(parts[1]), int(parts[2])
                elif order == "dMy":
                    day, month, year = int(parts[0]), MONTHS[parts[1].lower()], int(parts[2])
                else:
                    month, day, year = MONTHS[parts[0].lower()], int(parts[1]), int(parts[2])
                return dt.date(year, month, day).isoformat()
            except (KeyError, ValueError):
                continue
    return None


_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    rf"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|{RUSSIAN_MONTH})\.?"
)
_DASH = r"\s*[-–—]\s*"
_YEAR_WORD = r"(?:\s*(?:г\.|года|год)(?!\w))?"  # "3 марта 2000 г.", "2000 года"
# "September 22-26", "September 30-October 1", "Sept. 3, 2000"
_MONTH_DAY = (
    rf"(?P<ma>{_MONTH_NAME})\s+(?P<da>\d{{1,2}})"
    rf"(?:{_DASH}(?:(?P<mb>{_MONTH_NAME})\s+)?(?P<db>\d{{1,2}}))?"
    rf"(?:,?\s+(?P<ya>\d{{4}}){_YEAR_WORD})?"
)
# "25 September", "22-26 September", "30 September-1 October", "25 September 1999"
_DAY_MONTH = (
    rf"(?P<dc>\d{{1,2}})(?:\s+(?P<mc>{_MONTH_NAME}))?"
    rf"(?:{_DASH}(?P<dd>\d{{1,2}}))?\s+(?P<md>{_MONTH_NAME})"
    rf"(?:,?\s+(?P<yb>\d{{4}}){_YEAR_WORD})?"
)
CITATION_DATE_PATTERN = rf"(?:{_MONTH_DAY}|{_DAY_MONTH})"
_DATE_RE = re.compile(rf"^{CITATION_DATE_PATTERN}$", re.IGNORECASE)
_YEAR_RE = re.compile(r"\b(19\d\d|20\d\d)\b")
_ISO_RE = re.compile(r"\b(19\d\d|20\d\d)[-/.](\d{1,2})[-/.](\d{1,2})\b")
_DMY_RE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](19\d\d|20\d\d)\b")
_NAMED_MONTH_RE = re.compile(rf"\b({_MONTH_NAME})\b", re.IGNORECASE)


def _month(name: str | None) -> int | None:
    if not name:
        return None
    return MONTHS.get(name.rstrip(".").lower())


def reference_date(metadata: Mapping[str, str] | None) -> tuple[int, int | None] | None:
    """(year, month or None) of the issue, from a ``date`` key in any common format."""
    if not metadata:
        return None
    raw = next((v for k, v in metadata.items() if k.lower() == "date" and v), None)
    if raw is None:
        return None
    if m := _ISO_RE.search(raw):
        return int(m.group(1)), int(m.group(2))
    if m := _DMY_RE.search(raw):
        return int(m.group(3)), int(m.group(2))
    if m := _YEAR_RE.search(raw):
        named = _NAMED_MONTH_RE.search(raw)
        return int(m.group(1)), _month(named.group(1)) if named else None
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_citation_date(
    text: str, reference: tuple[int, int | None] | None
) -> tuple[str | None, str | None] | None:
    """(start, end) ISO dates for a citation date, (None, None) when the year is unknown;
    None when ``text`` is not a date at all."""
    m = _DATE_RE.match(text.strip())
    if m is None:
        return None
    g = m.groupdict()
    if g["ma"]:
        m1 = _month(g["ma"])
        d1 = int(g["da"])
        m2 = _month(g["mb"]) or m1
        d2 = int(g["db"]) if g["db"] else d1
        year_text = g["ya"]
    else:
        m2 = _month(g["md"])
        m1 = _month(g["mc"]) or m2
        d1 = int(g["dc"])
        d2 = int(g["dd"]) if g["dd"] else d1
        year_text = g["yb"]
    if m1 is None or m2 is None:  # unreachable: the regex only matches month names
        return None
    if year_text:
        year = int(year_text)
    elif reference is not None:
        year, ref_month = reference
        # A January issue citing "December 28" means the previous December.
        if ref_month is not None and m1 > ref_month + 1:
            year -= 1
    else:
        return (None, None)
    end_year = year + 1 if m2 < m1 else year
    return _iso(year, m1, d1), _iso(end_year, m2, d2)


RANGE_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
"""A date a range is given in: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (use ``fullmatch``)."""
