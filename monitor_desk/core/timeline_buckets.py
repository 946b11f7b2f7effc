"""Which bucket size a timeline uses when the analyst leaves it to us (``auto``): the one
that gives a readable number of bars for the span of dates shown — days up to two months,
weeks up to about a year and a half, months up to about six and a half years, then years
(roughly 10 to 80 bars)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Final, Literal

from .timeline_sql import Granularity

AUTO: Final = "auto"
BucketChoice = Literal["auto", "day", "week", "month", "year"]
CHOICES: tuple[BucketChoice, ...] = ("auto", "day", "week", "month", "year")

DAYS_UP_TO = 62  # days of span: at most 63 daily bars
WEEKS_UP_TO = 80 * 7  # days of span: at most 80 weekly bars
MONTHS_UP_TO = 80  # months of span: at most 80 monthly bars, then years

_START = re.compile(r"^(\d{4})(?:-([01]\d)(?:-([0-3]\d))?)?")


def start_of(date: str) -> dt.date | None:
    """The first day a stored date can mean (``2002`` → 1 January 2002), None when it is
    in no bucket (no year first)."""
    m = _START.match(date)
    if not m:
        return None
    year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    try:
        return dt.date(year, max(1, month), max(1, day))
    except ValueError:  # 2001-02-30 and the like: its month is still right
        try:
            return dt.date(year, max(1, month), 1)
        except ValueError:
            return dt.date(year, 1, 1)


def choose_bucket(dates: Iterable[str]) -> Granularity:
    """The bucket size for a chart of ``dates`` (stored dates, those in no bucket ignored):
    day, week, month or year by the span from the first to the last."""
    days = [d for d in (start_of(x) for x in dates) if d is not None]
    if not days:
        return "month"
    first, last = min(days), max(days)
    if (last - first).days <= DAYS_UP_TO:
        return "day"
    if (last - first).days <= WEEKS_UP_TO:
        return "week"
    if (last.year - first.year) * 12 + last.month - first.month <= MONTHS_UP_TO:
        return "month"
    return "year"
