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
def test_russian_month_names_are_citation_dates(name: str, month: int) -> None:
    # Russian sources are cited in Russian: "(Интерфакс, 3 марта 2000 г.)"
    iso = dt.date(2000, month, 3).isoformat()
    assert parse_citation_date(f"3 {name} 2000", None) == (iso, iso)
    assert parse_citation_date(f"3 {name} 2000 г.", None) == (iso, iso)
    assert reference_date({"date": f"3 {name} 2000"}) == (2000, month)


@pytest.mark.parametrize(
    ("written", "month"),
    [("сентябре", 9), ("сентябрю", 9), ("сентябрём", 9), ("марте", 3), ("мае", 5),
     ("сент.", 9), ("нояб.", 11), ("авг", 8), ("Февраля", 2)],
)  # fmt: skip
def test_russian_months_in_every_case_and_abbreviated(written: str, month: int) -> None:
    iso = dt.date(1999, month, 25).isoformat()
    assert parse_citation_date(f"25 {written}", (1999, 10)) == (iso, iso)


def test_a_russian_range_and_the_year_of_the_issue() -> None:
    assert parse_citation_date("22–26 сентября", (1999, 9)) == ("1999-09-22", "1999-09-26")
    assert parse_citation_date("30 сентября — 1 октября", (1999, 10)) == (
        "1999-09-30",
        "1999-10-01",
    )
    # a January issue citing "28 декабря" means the previous December, as in English
    assert parse_citation_date("28 декабря", (2000, 1)) == ("1999-12-28", "1999-12-28")
    assert parse_citation_date("25 сентября", None) == (None, None)
