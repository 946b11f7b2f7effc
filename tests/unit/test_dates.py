"""The one month table: every spelling the header and citation date readers accepted."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor_desk.core.dates import (
    MONTHS,
    parse_citation_date,
    parse_header_date,
    reference_date,
)

# Every spelling either old table held (ingest: English and Russian; citations: English).
ENGLISH = {
    1: ("January", "Jan"),
    2: ("February", "Feb"),
    3: ("March", "Mar"),
    4: ("April", "Apr"),
    5: ("May",),
    6: ("June", "Jun"),
    7: ("July", "Jul"),
    8: ("August", "Aug"),
    9: ("September", "Sep", "Sept"),
    10: ("October", "Oct"),
    11: ("November", "Nov"),
    12: ("December", "Dec"),
}
RUSSIAN = {
    1: ("января", "январь"),
    2: ("февраля", "февраль"),
    3: ("марта", "март"),
    4: ("апреля", "апрель"),
    5: ("мая", "май"),
    6: ("июня", "июнь"),
    7: ("июля", "июль"),
    8: ("августа", "август"),
    9: ("сентября", "сентябрь"),
    10: ("октября", "октябрь"),
    11: ("ноября", "ноябрь"),
    12: ("декабря", "декабрь"),
}
ENGLISH_SPELLINGS = [(n, month) for month, names in ENGLISH.items() for n in names]
RUSSIAN_SPELLINGS = [(n, month) for month, names in RUSSIAN.items() for n in names]


def test_one_month_table_holds_every_spelling() -> None:
    spellings = {name.lower(): month for name, month in ENGLISH_SPELLINGS + RUSSIAN_SPELLINGS}
    assert spellings.items() <= MONTHS.items()


@pytest.mark.parametrize(("name", "month"), ENGLISH_SPELLINGS + RUSSIAN_SPELLINGS)
def test_header_dates_read_every_month_spelling(name: str, month: int) -> None:
    iso = dt.date(1999, month, 25).isoformat()
    for written in (name, name.upper(), name.lower()):
        assert parse_header_date(f"25 {written} 1999") == iso
        assert parse_header_date(f"{written} 25, 1999") == iso
        assert parse_header_date(f"25-{written}-1999 10:00") == iso


@pytest.mark.parametrize(("name", "month"), ENGLISH_SPELLINGS)
def test_citation_dates_read_every_english_month_spelling(name: str, month: int) -> None:
    iso = dt.date(2000, month, 3).isoformat()
    dotted = f"{name}." if len(name) < 5 else name  # "Sept. 3", "Jan. 3"
    for written in (name, dotted, name.lower()):
        assert parse_citation_date(f"{written} 3, 2000", None) == (iso, iso)
        assert parse_citation_date(f"3 {written} 2000", None) == (iso, iso)
        assert reference_date({"date": f"3 {written} 2000"}) == (2000, month)


@pytest.mark.parametrize(("name", "month"), RUSSIAN_SPELLINGS)
def test_russian_month_names_are_not_citation_dates(name: str, month: int) -> None:
    # Citations are read in English bodies only; a Russian month there stays plain text.
    assert parse_citation_date(f"3 {name} 2000", None) is None
    assert reference_date({"date": f"3 {name} 2000"}) == (2000, None)
