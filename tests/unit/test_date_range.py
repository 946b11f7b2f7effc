"""The one date range every filter uses (claims view, charts, Notes list, exports): an end
date admits its whole day, a bound left out filters nothing."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from monitor_desk.core.sql import date_range

STAMPS = [
    "2024-03-04",
    "2024-03-05",
    "2024-03-05T23:59:59",
    "2024-03-06T00:00:00",
    "2024-04",
]


def _kept(since: str | None, until: str | None) -> list[str]:
    db = Database(memory=True)
    db["t"].insert_all({"d": d} for d in STAMPS)
    where = date_range("d", since, until)
    return [r[0] for r in db.execute(f"SELECT d FROM t{where.sql()} ORDER BY d", where.params)]


def test_an_end_date_admits_its_whole_day() -> None:
    assert _kept("2024-03-05", "2024-03-05") == ["2024-03-05", "2024-03-05T23:59:59"]


def test_a_month_bound_admits_the_whole_month() -> None:
    assert _kept(None, "2024-03") == STAMPS[:4]


@pytest.mark.parametrize("empty", [None, ""])
def test_a_bound_left_out_filters_nothing(empty: str | None) -> None:
    assert _kept(empty, empty) == sorted(STAMPS)
    assert date_range("d", empty, empty).sql() == ""
