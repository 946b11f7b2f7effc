"""Parse the date strings found in headers and feeds into ISO ``YYYY-MM-DD``."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("january", "jan", "января", "январь"),
        ("february", "feb", "февраля", "февраль"),
        ("march", "mar", "марта", "март"),
        ("april", "apr", "апреля", "апрель"),
        ("may", "мая", "май"),
        ("june", "jun", "июня", "июнь"),
        ("july", "jul", "июля", "июль"),
        ("august", "aug", "августа", "август"),
        ("september", "sep", "sept", "сентября", "сентябрь"),
        ("october", "oct", "октября", "октябрь"),
        ("november", "nov", "ноября", "ноябрь"),
        ("december", "dec", "декабря", "декабрь"),
    ),
    start=1,
):
    for _name in _names:
        _MONTHS[_name] = _number

_MONTH = r"([^\W\d_]{3,9})\.?"
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), "ymd"),  # 1999-09-25, 1999-09-25T10:00Z
    (re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"), "ymd"),
    (re.compile(r"(\d{1,2})-" + _MONTH + r"-(\d{4})"), "dMy"),  # 26-FEB-1987 15:01:01.79
    (re.compile(r"(\d{1,2})\s+" + _MONTH + r",?\s+(\d{4})"), "dMy"),  # 25 September 1999
    (re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})"), "Mdy"),  # Sep 25, 1999
    (re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})"), "dmy"),  # 25.09.1999
)


def parse_date(value: str) -> str | None:
    """ISO date for ``value`` ("26-FEB-1987 15:01:01.79" -> "1987-02-26"), else None."""
    for pattern, order in _PATTERNS:
        for match in pattern.finditer(value):
            parts = match.groups()
            try:
                if order == "ymd":
                    year, month, day = int(parts[0]), int(parts[1]), int(parts[2])
                elif order == "dmy":
                    day, month, year = int(parts[0]), int(parts[1]), int(parts[2])
                elif order == "dMy":
                    day, month, year = int(parts[0]), _MONTHS[parts[1].lower()], int(parts[2])
                else:
                    month, day, year = _MONTHS[parts[0].lower()], int(parts[1]), int(parts[2])
                return dt.date(year, month, day).isoformat()
            except (KeyError, ValueError):
                continue
    return None
