"""Counts over time (``lib.timelines``): buckets by date precision, undated and unplaced
articles apart, sums that agree with the library list, only current revisions."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor_desk.core.errors import InvalidInputError, NotFoundError
from monitor_desk.core.library import Library
from monitor_desk.core.timelines import TimelineQuery, fill_buckets

BRIEF = """Publication: Monitor Volume: 7 Issue: {n}

Foreign Minister Igor Ivanov said that Moscow would not accept the plan (Interfax, {cited}).

Chancellor Gerhard Schroeder told reporters that Berlin wanted a treaty with {who} (Reuters, {cited}).
"""

# (date as the analyst sets it, citation date): precisions day, month, year, after, no year,
# none
DATES = [
    ("2001-09-03", "September 1"),
    ("2001-09-05", "September 4"),
    ("2001-09-12", "September 10"),
    ("2001-10-02", "October 1"),
    ("2001-10", "October 1"),
    ("2001", "March 3"),
    (">= 2001-11-20", "November 19"),
    ("--09-26", "September 25"),
    ("", "September 25"),
]


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("briefs")
    for n, (_date, cited) in enumerate(DATES):
        who = "Washington" if n % 2 else "Moscow"
        (folder / f"b{n}.txt").write_text(BRIEF.format(n=n, cited=cited, who=who), "utf-8")
    with Library.open(tmp_path_factory.mktemp("lib") / "lib.sqlite") as library:
        library.import_paths([folder])
        ids = library.articles.ids()
        for article_id, (date, _cited) in zip(ids, DATES, strict=True):
            library.details.edit([article_id], date=date)
        library.highlights.add(ids[0], 0, 11, tags=["arms/abm"])
        library.highlights.add(ids[1], 0, 11, tags=["arms"])
        library.highlights.add(ids[1], 12, 20, tags=["energy"])
        library.highlights.add(ids[8], 0, 11, tags=["arms"])
        yield library


def ask(lib: Library, kind: str = "articles", by: str = "month", **kw: object):  # type: ignore[no-untyped-def]
    return lib.timelines.timeline(TimelineQuery(kind, by, **kw))  # type: ignore[arg-type]


def test_each_precision_buckets_as_documented(lib: Library) -> None:
    month = ask(lib)
    assert month.buckets == ("2001-09", "2001-10", "2001-11")
    assert month.values("articles") == [3, 2, 1]  # 2001-10 (month) and >= 2001-11-20 placed
    assert (month.undated, month.unplaced) == (1, 2)  # none; a year and a yearless day
    week = ask(lib, by="week")
    assert week.value("articles", "2001-09-03") == 2  # Monday 3rd and Wednesday 5th
    assert week.value("articles", "2001-09-10") == 1
    assert week.buckets[0] == "2001-09-03"
    assert "2001-09-17" in week.buckets
    assert (week.undated, week.unplaced) == (1, 3)  # + the month-only date
    year = ask(lib, by="year")
    assert year.points[0].bucket == "2001"
    assert year.value("articles", "2001") == 7
    assert (year.undated, year.unplaced) == (1, 1)  # only the yearless day


def test_placed_and_apart_add_up_to_the_library_list(lib: Library) -> None:
    for by in ("week", "month", "year"):
        t = ask(lib, by=by)
        placed = sum(p.articles for p in t.points)
        assert placed + t.undated + t.unplaced == len(lib.articles.ids())


def test_per_series_sums_agree_with_list_filters(lib: Library) -> None:
    t = ask(lib, "outlets", names=("Reuters",))
    total = sum(p.articles for p in t.points) + sum(p.articles for p in t.apart)
    assert total == len(lib.articles.ids(outlet="Reuters")) == len(DATES)
    tags = ask(lib, "tags", names=("arms",))
    assert sum(p.value for p in tags.points) == 2  # arms/abm counts for arms
    assert [p.bucket for p in tags.apart] == ["undated"]
    assert sum(p.articles for p in tags.points + tags.apart) == len(lib.articles.ids(tag="arms"))


def test_mentions_and_claims_compare_several(lib: Library) -> None:
    mentions = ask(lib, "mentions", names=("Igor Ivanov", "Washington"))
    assert mentions.series == ("Igor Ivanov", "Washington")
    assert sum(mentions.values("Igor Ivanov")) == 6  # in every placed article
    # odd briefs: 1 and 3 placed, 5 (a year) and 7 (no year) apart
    assert sum(mentions.values("Washington")) == 2
    assert [(p.bucket, p.series, p.value) for p in mentions.apart if p.series == "Washington"] == [
        ("unplaced", "Washington", 2)
    ]
    # articles apart are counted once, though both series are behind them
    assert (mentions.undated, mentions.unplaced) == (1, 2)
    claims = ask(lib, "claims")
    assert claims.series
    assert sum(p.value for p in claims.points + claims.apart) >= len(DATES)
    ivanov = ask(lib, "claims", names=("igor ivanov",))
    assert ivanov.series == ("igor ivanov",)
    assert sum(p.value for p in ivanov.points + ivanov.apart) == len(DATES)


def test_outlet_shares_are_parts_of_every_citation(lib: Library) -> None:
    t = ask(lib, "outlets", names=("Interfax",))
    assert t.share("Interfax", "2001-09") == pytest.approx(0.5)  # Interfax and Reuters


def test_bucket_ids_are_the_articles_behind_a_bar(lib: Library) -> None:
    ids = lib.articles.ids()
    q = TimelineQuery("articles", "month")
    assert lib.timelines.article_ids(q, "2001-09") == ids[:3]
    assert lib.timelines.article_ids(q, "undated") == [ids[8]]
    assert sorted(lib.timelines.article_ids(q, "unplaced")) == [ids[5], ids[7]]
    washington = TimelineQuery("mentions", "month", names=("Igor Ivanov", "Washington"))
    assert lib.timelines.article_ids(washington, "2001-09", "Washington") == [ids[1]]


def test_date_range_keeps_the_apart_counts(lib: Library) -> None:
    t = ask(lib, since="2001-10", until="2001-10-31")
    assert t.buckets == ("2001-10",)
    assert t.value("articles", "2001-10") == 2
    assert (t.undated, t.unplaced) == (1, 2)


def test_only_current_revisions_count(lib: Library, tmp_path: Path) -> None:
    before = ask(lib, "mentions", names=("Igor Ivanov",))
    source = Path(lib.articles.get(lib.articles.ids()[0]).source_path or "")
    original = source.read_text("utf-8")
    try:
        source.write_text(original.replace("Igor Ivanov said", "A spokesman said"), "utf-8")
        lib.import_paths([source])
        after = ask(lib, "mentions", names=("Igor Ivanov",))
        assert sum(after.values("Igor Ivanov")) == sum(before.values("Igor Ivanov")) - 1
    finally:
        source.write_text(original, "utf-8")
        lib.import_paths([source])


def test_csv_and_json_carry_every_count(lib: Library) -> None:
    t = ask(lib)
    out = io.StringIO()
    rows = t.write_csv(out)
    lines = out.getvalue().lstrip("\ufeff").splitlines()
    assert lines[0] == "bucket,series,articles,articles,share"
    assert rows == len(lines) - 1 == 3 + 2  # three months, undated and unplaced
    assert lines[-2:] == ["undated,articles,1,1,", "unplaced,articles,2,2,"]
    d = t.to_dict()
    assert d["undated_articles"] == 1
    assert sum(p["value"] for p in d["points"]) == 6


def test_bad_questions_get_one_clear_error(lib: Library) -> None:
    with pytest.raises(NotFoundError, match="No entity named 'Nobody'"):
        ask(lib, "mentions", names=("Nobody",))
    with pytest.raises(NotFoundError, match="No outlet"):
        ask(lib, "outlets", names=("Pravda",))
    with pytest.raises(NotFoundError, match="No tag"):
        ask(lib, "tags", names=("nothing",))
    with pytest.raises(InvalidInputError, match="not a date"):
        ask(lib, since="last week")
    with pytest.raises(InvalidInputError, match="before it starts"):
        ask(lib, since="2002", until="2001")
    with pytest.raises(InvalidInputError, match="bucket size"):
        ask(lib, by="fortnight")


def test_fill_buckets_spans_years_and_weeks() -> None:
    assert fill_buckets(["2001-11", "2002-02"], "month") == (
        "2001-11", "2001-12", "2002-01", "2002-02",
    )  # fmt: skip
    assert fill_buckets(["2001-12-31", "2002-01-14"], "week") == (
        "2001-12-31", "2002-01-07", "2002-01-14",
    )  # fmt: skip
    assert len(fill_buckets(["1066", "2001"], "year")) == 936
