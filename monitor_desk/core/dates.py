"""Dates inside source citations (``September 22-26``, ``25 September``, ``Sept. 3, 2000``).

A date is resolved to ISO only when a year is known (from the citation itself or from the
issue's metadata date); we never invent a year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"  # noqa: E501
_DASH = r"\s*[-–—]\s*"
# "September 22-26", "September 30-October 1", "Sept. 3, 2000"
_MONTH_DAY = (
    rf"(?P<ma>{MONTH})\s+(?P<da>\d{{1,2}})"
    rf"(?:{_DASH}(?:(?P<mb>{MONTH})\s+)?(?P<db>\d{{1,2}}))?(?:,?\s+(?P<ya>\d{{4}}))?"
)
# "25 September", "22-26 September", "30 September-1 October", "25 September 1999"
_DAY_MONTH = (
    rf"(?P<dc>\d{{1,2}})(?:\s+(?P<mc>{MONTH}))?"
    rf"(?:{_DASH}(?P<dd>\d{{1,2}}))?\s+(?P<md>{MONTH})(?:,?\s+(?P<yb>\d{{4}}))?"
)
CITATION_DATE_PATTERN = rf"(?:{_MONTH_DAY}|{_DAY_MONTH})"
_DATE_RE = re.compile(rf"^{CITATION_DATE_PATTERN}$", re.IGNORECASE)
_YEAR_RE = re.compile(r"\b(19\d\d|20\d\d)\b")
_ISO_RE = re.compile(r"\b(19\d\d|20\d\d)[-/.](\d{1,2})[-/.](\d{1,2})\b")
_DMY_RE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](19\d\d|20\d\d)\b")
_NAMED_MONTH_RE = re.compile(rf"\b({MONTH})\b", re.IGNORECASE)


def _month(name: str | None) -> int | None:
    if not name:
        return None
    return _MONTHS.get(name.rstrip(".").lower())


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
