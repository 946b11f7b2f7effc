"""Search says how much it found: the exact count past the limit, the articles with a hit,
the pages after the first, and each hit's date with its source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from monitor_desk.cli import main
from monitor_desk.core.library import Library
from monitor_desk.core.models import SearchCount

DATED = """Publication: Monitor Volume: 9 Issue: {n} Date: 2003-01-{day:02}

TREATY TALKS {n}

Officials said on Friday that the treaty talks in round {n} would go on (Interfax, January 3).
"""

UNDATED = """TREATY NOTE

A short note on the treaty and nothing else.
"""


@pytest.fixture
def briefs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(1, 13):
        (folder / f"b{n:02}.txt").write_text(DATED.format(n=n, day=n), encoding="utf-8")
    (folder / "note.txt").write_text(UNDATED, encoding="utf-8")
    return folder


def test_count_is_exact_past_the_limit_and_pages_follow(library: Library, briefs: Path) -> None:
    library.import_paths([briefs], analyze=False)
    assert library.search_count("treaty") == SearchCount(hits=13, articles=13)
    first = library.search("treaty", limit=5)
    rest = library.search("treaty", limit=100, offset=5)
    assert len(first) == 5
    assert len(rest) == 8
    assert {h.article_id for h in first}.isdisjoint({h.article_id for h in rest})
    assert sorted(library.search_article_ids("treaty")) == sorted(library.articles.ids())

    # A note on an article is one more hit, in the same article.
    art = library.articles.ids()[0]
    text = library.articles.get(art).text
    start = text.index("treaty")
    library.highlights.add(art, start, start + 6, note="treaty wording")
    assert library.search_count("treaty") == SearchCount(hits=14, articles=13)
    assert len(library.search_article_ids("treaty")) == 13

    assert library.search_count("zebra") == SearchCount(0, 0)
    assert library.search_count("  ") == SearchCount(0, 0)
    assert library.search_article_ids("zebra") == []

    # A deleted article is in no count.
    library.deletions.delete([art])
    assert library.search_count("treaty") == SearchCount(hits=12, articles=12)


def test_hits_carry_their_date_and_its_source(library: Library, briefs: Path) -> None:
    library.import_paths([briefs], analyze=False)
    by_title = {h.title: h for h in library.search("treaty", limit=100)}
    dated = by_title["TREATY TALKS 3"]
    assert (dated.date, dated.date_source, dated.date_precision) == ("2003-01-03", "header", "day")
    undated = by_title["TREATY NOTE"]
    assert undated.date is None


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_search_says_when_it_cut_the_hits(
    tmp_path: Path, briefs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "lib.sqlite")
    assert run(capsys, "--db", db, "import", "--no-analyze", str(briefs))[0] == 0

    code, out, _ = run(capsys, "--db", db, "search", "treaty", "--limit", "4")
    assert code == 0
    assert out.rstrip().splitlines()[-1] == (
        "showing the first 4 of 13 hits in 13 articles (--limit 0 shows all)"
    )
    assert "2003-01-" in out  # the date beside each hit

    code, out, _ = run(capsys, "--db", db, "search", "treaty", "--limit", "0")
    assert out.count("[article]") == 13
    assert out.rstrip().splitlines()[-1] == "13 hits in 13 articles"

    code, out, err = run(capsys, "--db", db, "search", "treaty", "--json", "--limit", "2")
    rows = json.loads(out)
    assert len(rows) == 2
    assert {"date", "date_source", "date_precision"} <= set(rows[0])
    assert "showing the first 2 of 13 hits" in err

    code, out, err = run(capsys, "--db", db, "search", "treaty", "--json")
    assert len(json.loads(out)) == 13
    assert err == ""


def test_past_a_limit_the_articles_are_not_counted(library: Library, briefs: Path) -> None:
    library.import_paths([briefs], analyze=False)
    assert library.search_count("treaty", articles_up_to=12) == SearchCount(13, None)
    assert library.search_count("treaty", articles_up_to=13) == SearchCount(13, 13)
