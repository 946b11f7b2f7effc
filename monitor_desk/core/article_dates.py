"""An article's date and where it came from (its provenance).

Sources, in order of trust: ``analyst`` (an edit always wins), ``header`` (a ``Date:`` line
written in the file), ``metadata`` (HTML ``<meta>``/``<time>``, RSS/Atom ``pubDate``),
``dateline`` (``MOSCOW, Sept 26 (Reuters) -``) and ``citations`` (an article is not older
than the last date it cites: a lower bound).

Encoding of ``articles.date`` (ISO 8601 shapes, so that dates sort as text):
``YYYY-MM-DD`` (precision ``day``), ``YYYY-MM`` (``month``), ``YYYY`` (``year``), and
``--MM-DD`` when the year is unknown (ISO 8601's truncated form; we never invent a year).
``date_precision`` ``after`` says the date is a lower bound ("on or after").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from sqlite_utils import Database

from .dates import MONTHS, parse_citation_date, parse_header_date

DateSource = Literal["header", "metadata", "dateline", "citations", "analyst"]
DatePrecision = Literal["day", "month", "year", "after"]
DATE_SOURCES: tuple[DateSource, ...] = ("header", "metadata", "dateline", "citations", "analyst")
DATE_PRECISIONS: tuple[DatePrecision, ...] = ("day", "month", "year", "after")
INFERRED: tuple[DateSource, ...] = ("dateline", "citations")
"""Sources that are guesses from the text (shown marked in the faces)."""


@dataclass(frozen=True, slots=True)
class DatedValue:
    date: str
    source: str | None  # a DateSource
    precision: DatePrecision | None


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH_ISO = re.compile(r"^(\d{4})-(\d{1,2})$")
_YEAR = re.compile(r"^(\d{4})$")
_NO_YEAR = re.compile(r"^--\d{2}-\d{2}$")
_MONTH_YEAR = re.compile(r"^([^\W\d_]{3,9})\.?,?\s+(\d{4})$")
_AFTER = re.compile(r"^(?:>=|≥|after\s+|on or after\s+)\s*", re.IGNORECASE)


def precision_of(date: str | None) -> DatePrecision | None:
    """The precision a stored date's shape says (None for free text kept as written)."""
    if not date:
        return None
    if _DAY.match(date) or _NO_YEAR.match(date):
        return "day"
    if _MONTH_ISO.match(date):
        return "month"
    if _YEAR.match(date):
        return "year"
    return None


def parse_date(value: str) -> tuple[str, DatePrecision] | None:
    """``value`` as a stored date and its precision: days in any header format, ``March
    2005`` / ``2005-03`` (month), ``2005`` (year), ``--09-26`` (year unknown),
    ``>= 2005-09-26`` (a lower bound)."""
    text = value.strip()
    after = _AFTER.match(text)
    if after:
        found = parse_date(text[after.end() :])
        return (found[0], "after") if found else None
    if _NO_YEAR.match(text):
        return text, "day"  # a day without its year, as stored ("--09-26")
    if day := parse_header_date(text):
        return day, "day"
    if m := _MONTH_ISO.match(text):
        if 1 <= int(m.group(2)) <= 12:
            return f"{m.group(1)}-{int(m.group(2)):02d}", "month"
        return None
    if m := _MONTH_YEAR.match(text):
        month = MONTHS.get(m.group(1).lower())
        return (f"{m.group(2)}-{month:02d}", "month") if month else None
    if m := _YEAR.match(text):
        return m.group(1), "year"
    return None


def legacy_provenance(date: str | None) -> tuple[DateSource | None, DatePrecision | None]:
    """For dates stored before provenance was kept: they all came from the file itself."""
    if not date:
        return None, None
    return "header", precision_of(date)


_WIRE_MONTH = (
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)[a-z]*\.?"  # March, Sept., Oct
)
# "MOSCOW, Sept 26 (Reuters) -", "DOHA, March 1 -", "NEW YORK, Oct. 3 (AP) —"
_DATELINE = re.compile(
    rf"^[A-Z][A-Z.'\- ]{{1,40}}(?:,\s*[A-Za-z.\- ]{{2,30}})?,\s+{_WIRE_MONTH}\s+(\d{{1,2}})"
    r"(?:,?\s+(\d{4}))?\s*(?:\([^)\n]{1,30}\)\s*)?[-–—]",
    re.MULTILINE,
)
_DATELINE_SPAN = 600  # a dateline opens the body: look no further than its first lines


def dateline_date(text: str, body_start: int, year: int | None = None) -> str | None:
    """The date of a wire dateline at the top of the body; ``--MM-DD`` when no year."""
    m = _DATELINE.search(text[body_start : body_start + _DATELINE_SPAN])
    if m is None:
        return None
    month = MONTHS.get(m.group(1).lower())
    if month is None:
        return None
    day = int(m.group(2))
    year = int(m.group(3)) if m.group(3) else year
    try:
        dt.date(year or 2000, month, day)  # 2000: a leap year, so Feb 29 stands
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def document_date(
    parsed: str | None,
    raw: str | None,
    source: str | None,
    text: str,
    body_start: int,
) -> DatedValue | None:
    """The best date a file itself gives: its header or metadata date, else a dateline."""
    if raw:
        if parsed:
            return DatedValue(parsed, source, "day")
        found = parse_date(raw)
        if found:
            return DatedValue(found[0], source, found[1])
        return DatedValue(raw, source, None)  # free text, kept as written
    dateline = dateline_date(text, body_start)
    return DatedValue(dateline, "dateline", "day") if dateline else None


def latest_cited(items: list[tuple[str | None, str | None]]) -> str | None:
    """The last date cited, from (date_text, date_end) pairs; ``--MM-DD`` when no cited
    date has a year. Without years, months far apart (December and January) are taken as
    a year's turn: the early months are the later dates."""
    with_year = [end for _, end in items if end]
    if with_year:
        return max(with_year)
    month_days: list[tuple[int, int]] = []
    for date_text, _ in items:
        if not date_text:
            continue
        found = parse_citation_date(date_text, (2000, None))  # any year: only MM-DD is kept
        if found and found[1]:
            month_days.append((int(found[1][5:7]), int(found[1][8:10])))
    if not month_days:
        return None
    if max(m for m, _ in month_days) - min(m for m, _ in month_days) > 6:
        month_days = [md for md in month_days if md[0] <= 6]
    month, day = max(month_days)
    return f"--{month:02d}-{day:02d}"


def apply_citation_date(
    db: Database, article_id: int, revision_id: int, cited: list[tuple[str | None, str | None]]
) -> None:
    """After an analysis: a lower bound from the citations, unless a better source (or the
    analyst) has dated the article. Only for the article's current revision."""
    row = db.execute(
        "SELECT date_source, current_revision_id, date_rule FROM articles WHERE id = ?",
        [article_id],
    ).fetchone()
    if row is None or row[1] != revision_id:
        return
    # A year a publication rule gave alone (source analyst, date_rule set) yields too: the
    # rule is applied again after this (core/publication_rules.py).
    if row[0] not in (None, "citations") and not (row[0] == "analyst" and row[2]):
        return
    latest = latest_cited(cited)
    db.execute(
        """UPDATE articles SET date = ?, date_source = ?, date_precision = ?, date_rule = NULL
           WHERE id = ?""",
        [latest, "citations" if latest else None, "after" if latest else None, article_id],
    )


_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
               "Dec")  # fmt: skip


def display_date(date: str | None, precision: str | None) -> str:
    """How the faces show a date: ``1987-02-26``, ``Sep 26`` (year unknown), ``≥ Sep 26``."""
    if not date:
        return ""
    shown = date
    if _NO_YEAR.match(date):
        shown = f"{_MONTH_ABBR[int(date[2:4]) - 1]} {int(date[5:7])}"
    return f"≥ {shown}" if precision == "after" else shown


_SOURCE_WORDS = {
    "header": "from the file's Date: header",
    "metadata": "from the document's own metadata",
    "dateline": "inferred from the wire dateline in the text",
    "citations": "inferred from the article's citations: not older than the last date it cites",
    "analyst": "set by the analyst",
}


def is_inferred(source: str | None, rule: str | None = None) -> bool:
    """A guess, marked as such in the faces: a dateline, the citations, a publication rule."""
    return source in INFERRED or rule is not None


def describe_date(
    date: str | None, source: str | None, precision: str | None, rule: str | None = None
) -> str:
    """One sentence for a tooltip: where the date came from and what it means."""
    if not date:
        return "No date found in the file, its metadata, a dateline or its citations."
    if rule is not None and source == "analyst":
        said = f"the year of its volume, by the analyst's rule for {rule}"
    else:
        said = _SOURCE_WORDS.get(source or "", "source unknown")
        if rule is not None:
            said += f"; the year of its volume, by the analyst's rule for {rule}"
    year = " (year unknown)" if _NO_YEAR.match(date) else ""
    return f"{display_date(date, precision)}{year}: {said}."
