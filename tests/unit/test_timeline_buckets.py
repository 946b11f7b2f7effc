"""The bucket size chosen for the analyst (``auto``): readable bars whatever the span, an
explicit size kept, and the chart answering with the size it used."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from monitor_desk.core.errors import InvalidInputError
from monitor_desk.core.library import Library
from monitor_desk.core.timeline_buckets import choose_bucket
from monitor_desk.core.timelines import TimelineQuery, fill_buckets

NOTE = "Publication: Desk Notes Issue: {n}\n\nThe ministry said that the talks would resume.\n"
DATES = ["1999-01-04", "2003-05", "2008-11-20", "2012", "2017-06-30", "", "--03-08"]


@pytest.mark.parametrize(
    ("first", "last", "size"),
    [
        ("2001-09-03", "2001-09-03", "day"),
        ("2001-09-01", "2001-10-31", "day"),  # two months: 61 days
        ("2001-09-01", "2001-11-15", "week"),
        ("2001-09-03", "2002-09-03", "week"),  # a year: 53 weeks
        ("2001-01-01", "2002-09-30", "month"),  # 21 months: 91 weeks would be too many
        ("2001-01", "2006-12", "month"),  # six years: 72 months
        ("2001", "2007-12-31", "year"),  # seven years: 84 months would be too many
        ("1999-01-04", "2017-06-30", "year"),
    ],
)
def test_the_size_follows_the_span(first: str, last: str, size: str) -> None:
    assert choose_bucket([last, first]) == size


def test_dates_in_no_bucket_do_not_stretch_the_span() -> None:
    assert choose_bucket(["2001-09-03", "--03-08", "", "about 1990", "2001-10-01"]) == "day"
    assert choose_bucket([]) == "month"


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("notes")
    for n in range(len(DATES)):
        (folder / f"n{n}.txt").write_text(NOTE.format(n=n), "utf-8")
    with Library.open(tmp_path_factory.mktemp("lib") / "lib.sqlite") as library:
        library.import_paths([folder])
        for article_id, date in zip(library.articles.ids(), DATES, strict=True):
            library.details.edit([article_id], date=date)
        yield library


def test_nineteen_years_are_counted_per_year_and_a_chosen_size_is_kept(lib: Library) -> None:
    auto = lib.timelines.timeline(TimelineQuery("articles", "auto"))
    assert auto.query.by == "year"
    assert auto.buckets[0] == "1999"
    assert auto.buckets[-1] == "2017"
    assert len(auto.buckets) == 19
    assert sum(auto.values("articles")) == 5
    assert (auto.undated, auto.unplaced) == (1, 1)

    monthly = lib.timelines.timeline(TimelineQuery("articles", "month"))
    assert monthly.query.by == "month"
    assert len(monthly.buckets) > 200


def test_a_range_narrows_the_span_and_so_the_bucket(lib: Library) -> None:
    t = lib.timelines.timeline(TimelineQuery("articles", "auto", since="2008", until="2009"))
    assert t.query.by == "day"
    assert t.buckets == ("2008-11-20",)
    ids = lib.timelines.article_ids(TimelineQuery("articles", "auto"), "2008")
    assert len(ids) == 1  # the bucket of the size the chart chose


def test_an_unknown_size_is_refused(lib: Library) -> None:
    with pytest.raises(InvalidInputError, match="day, week, month, year or auto"):
        lib.timelines.timeline(TimelineQuery("articles", "fortnight"))  # type: ignore[arg-type]


def test_a_day_bucket_counts_each_day_and_leaves_coarser_dates_apart(lib: Library) -> None:
    t = lib.timelines.timeline(TimelineQuery("articles", "day", since="2003", until="2009"))
    assert t.buckets == ("2008-11-20",)
    assert t.unplaced == 3  # a month, a year, a day without its year: in no day
    assert lib.timelines.article_ids(t.query, "2008-11-20") == [lib.articles.ids()[2]]
    assert fill_buckets(["2001-03-01", "2001-02-27"], "day") == (
        "2001-02-27", "2001-02-28", "2001-03-01",
    )  # fmt: skip
