"""Every article has a date and says where it came from (issue 15 item 1), and the
analyst's edits of its details win and last (item 2): core and CLI."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from monitor_desk.cli import main
from monitor_desk.core.article_dates import latest_cited, parse_date
from monitor_desk.core.errors import InvalidInputError, NotFoundError
from monitor_desk.core.library import Library
from monitor_desk.core.schema import migrations

HTML = """<html><head><title>Talks resume</title>
<meta property="article:published_time" content="2001-03-05T09:00:00Z"></head>
<body><p>Talks on the border resumed in Minsk on Monday.</p></body></html>"""
RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Gas deal signed</title><pubDate>Tue, 06 Mar 2001 10:00:00 GMT</pubDate>
<description>Moscow and Kyiv signed the gas deal.</description></item></channel></rss>"""
DATELINE = (
    "Talks resume\n\nMOSCOW, Sept 26 (Reuters) - Foreign Minister Igor Ivanov said the "
    "talks would resume next week.\n"
)
HEADER_AND_DATELINE = "Date: 3 October 1999\n\n" + DATELINE.split("\n\n", 1)[1]
CITED = (
    "Brief on the talks\n\nThe minister repeated his offer (Interfax, September 22-26; "
    "Izvestia, September 25). The opposition called it a surrender.\n"
)


def _dates(lib: Library) -> dict[str, tuple[Any, ...]]:
    return {
        Path(a.source_path or "").name: (a.date, a.date_source, a.date_precision)
        for a in lib.articles.list()
    }


def test_dates_come_from_header_metadata_feed_and_dateline_in_that_order(
    tmp_path: Path, library: Library
) -> None:
    (tmp_path / "page.html").write_text(HTML)
    (tmp_path / "feed.rss").write_text(RSS)
    (tmp_path / "wire.txt").write_text(DATELINE)
    (tmp_path / "header.txt").write_text(HEADER_AND_DATELINE)
    (tmp_path / "none.txt").write_text("Plain\n\nNothing here says when.\n")
    library.import_paths([tmp_path], analyze=False)
    assert _dates(library) == {
        "page.html": ("2001-03-05", "metadata", "day"),
        "feed.rss": ("2001-03-06", "metadata", "day"),
        "wire.txt": ("--09-26", "dateline", "day"),  # no year in the text: none invented
        "header.txt": ("1999-10-03", "header", "day"),  # the header beats the dateline
        "none.txt": (None, None, None),
    }


def test_the_corpus_keeps_header_dates_and_the_monitor_brief_gets_a_lower_bound(
    corpus: Path, library: Library
) -> None:
    reuters = sorted((corpus / "news" / "reuters21578").iterdir())[:3]
    monitor = corpus / "monitor" / "000_04f6411dca48fe90.txt"
    bbc = corpus / "news" / "bbc_politics" / "001.txt"
    library.import_paths([*reuters, monitor, bbc], analyze=True)
    dates = _dates(library)
    for path in reuters:
        date, source, precision = dates[path.name]
        assert (source, precision) == ("header", "day")
        assert date[:4] == "1987"
    assert dates[monitor.name] == ("--09-26", "citations", "after")
    assert dates[bbc.name] == (None, None, None)


def test_latest_cited_date_and_a_years_turn() -> None:
    assert latest_cited([("September 22-26", None), ("September 25", None)]) == "--09-26"
    assert latest_cited([("December 30", None), ("January 2", None)]) == "--01-02"
    assert latest_cited([("25 September 1999", "1999-09-25"), ("October 1", None)]) == (
        "1999-09-25"
    )
    assert latest_cited([("last week", None)]) is None


def test_analyst_date_wins_over_citations_and_survives_reanalysis(
    tmp_path: Path, library: Library
) -> None:
    (tmp_path / "cited.txt").write_text(CITED)
    library.import_paths([tmp_path / "cited.txt"], analyze=True)
    assert _dates(library)["cited.txt"] == ("--09-26", "citations", "after")
    library.details.edit([1], date="1999-09-27")
    library.reanalyze([1])
    assert _dates(library)["cited.txt"] == ("1999-09-27", "analyst", "day")
    library.details.edit([1], date="")  # cleared: the citations may say again
    library.reanalyze([1])
    assert _dates(library)["cited.txt"] == ("--09-26", "citations", "after")


def test_analyst_fields_survive_a_revised_file(tmp_path: Path, library: Library) -> None:
    path = tmp_path / "brief.txt"
    path.write_text("Publication: Monitor Date: 1 March 2001\n\nOld title line.\n\nBody.\n")
    library.import_paths([path], analyze=False)
    library.details.edit([1], title="Border talks", date="2001-03", author="A. Writer")
    path.write_text("Publication: Wire Date: 9 March 2001\n\nNew title line.\n\nBody 2.\n")
    assert library.import_paths([path], analyze=False).count("revised") == 1
    art = library.articles.get(1)
    assert (art.title, art.date, art.date_source, art.date_precision, art.author) == (
        "Border talks", "2001-03", "analyst", "month", "A. Writer",
    )  # fmt: skip
    assert art.publication == "Wire"  # not edited: the file's new value
    assert [h.article_id for h in library.search("Border")] == [1]  # the edited title


def test_edits_of_many_articles_and_their_undo_snapshot(tmp_path: Path, library: Library) -> None:
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f"Title {n}\n\nText {n}.\n")
    library.import_paths([tmp_path], analyze=False)
    ids = library.articles.ids()
    before = library.details.snapshot(ids)
    changes = library.details.edit(ids, date="2005", publication="BBC News")
    assert changes.articles == frozenset(ids)
    assert {(a.date, a.date_source, a.publication) for a in library.articles.list()} == {
        ("2005", "analyst", "BBC News")
    }
    library.details.restore(before)
    assert {(a.date, a.date_source, a.publication) for a in library.articles.list()} == {
        (None, None, None)
    }
    library.import_paths([tmp_path], analyze=False)  # unchanged files, nothing marked
    assert library.details.snapshot(ids) == before


def test_bad_edits_are_refused_whole(tmp_path: Path, library: Library) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nText.\n")
    library.import_paths([tmp_path], analyze=False)
    with pytest.raises(InvalidInputError, match="not a date"):
        library.details.edit([1], title="New", date="someday")
    with pytest.raises(NotFoundError, match="no article 99"):
        library.details.edit([1, 99], title="New")
    with pytest.raises(InvalidInputError, match="needs a title"):
        library.details.edit([1], title="  ")
    assert library.articles.get(1).title == "Title"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2005", ("2005", "year")),
        ("2005-3", ("2005-03", "month")),
        ("March 2005", ("2005-03", "month")),
        ("26 September 1999", ("1999-09-26", "day")),
        (">= 1999-09-26", ("1999-09-26", "after")),
        (">= --09-26", ("--09-26", "after")),
        ("2005-13", None),
        ("soon", None),
    ],
)
def test_analyst_date_forms(text: str, expected: tuple[str, str] | None) -> None:
    assert parse_date(text) == expected


def test_filters_by_date_source_and_no_year_is_in_no_range(
    tmp_path: Path, library: Library
) -> None:
    (tmp_path / "wire.txt").write_text(DATELINE)
    (tmp_path / "header.txt").write_text(HEADER_AND_DATELINE)
    (tmp_path / "none.txt").write_text("Plain\n\nNothing.\n")
    library.import_paths([tmp_path], analyze=False)

    def names(**filters: Any) -> set[str]:
        return {Path(a.source_path or "").name for a in library.articles.list(**filters)}

    assert names(date_source="inferred") == {"wire.txt"}
    assert names(date_source="none") == {"none.txt"}
    assert names(date_source="header") == {"header.txt"}
    assert names(date_to="2000-01-01") == {"header.txt"}  # not the yearless "--09-26"


def test_json_round_trip_carries_dates_and_analyst_fields(tmp_path: Path, library: Library) -> None:
    (tmp_path / "wire.txt").write_text(DATELINE)
    (tmp_path / "b.txt").write_text("Plain\n\nNothing.\n")
    library.import_paths([tmp_path], analyze=False)
    (b_id,) = [a.id for a in library.articles.list() if a.source_path.endswith("b.txt")]
    library.details.edit([b_id], date="2005", title="Edited")
    out = io.StringIO()
    library.exports.write("json", out)
    with Library.open(tmp_path / "copy.sqlite") as copy:
        copy.import_json(io.StringIO(out.getvalue()))
        assert _dates(copy) == _dates(library)
        # The edit still wins in the copy: a re-import of the file keeps it.
        (tmp_path / "b.txt").write_text("Plain\n\nSomething new.\n")
        copy.import_paths([tmp_path / "b.txt"], analyze=False)
        assert _dates(copy)["b.txt"] == ("2005", "analyst", "year")
        assert copy.articles.get(b_id).title == "Edited"


def test_an_export_from_before_provenance_imports_and_bad_fields_are_refused(
    tmp_path: Path, library: Library
) -> None:
    (tmp_path / "a.txt").write_text("Date: 2001-03-04\n\nText.\n")
    library.import_paths([tmp_path], analyze=False)
    out = io.StringIO()
    library.exports.write("json", out)
    doc = json.loads(out.getvalue())
    art = doc["articles"][0]
    for key in ("date_source", "date_precision", "analyst_fields"):
        del art[key]  # as written before this change
    with Library.open(tmp_path / "old.sqlite") as old:
        old.import_json(io.StringIO(json.dumps(doc)))
        assert old.articles.list()[0].date_source == "header"
        art["date_source"] = "guess"
        with pytest.raises(InvalidInputError, match="date_source"):
            old.import_json(io.StringIO(json.dumps(doc)))


def test_csv_exports_say_where_the_article_date_came_from(tmp_path: Path, library: Library) -> None:
    (tmp_path / "wire.txt").write_text(DATELINE)
    library.import_paths([tmp_path], analyze=False)
    library.highlights.add(1, 20, 30)
    out = io.StringIO()
    library.exports.write("notes", out, bom=False)
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert (row["article_date_source"], row["article_date_precision"]) == ("dateline", "day")


def test_an_old_library_gains_date_provenance_with_its_data_intact(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as conn:
        db = Database(conn)
        migrations.apply(db, stop_before="0007_article_dates")
        for n, date in enumerate(["1987-02-26", "1999-09", "Autumn 1999", None], start=1):
            db.execute(
                """INSERT INTO articles(id, title, date, publication, imported, modified)
                   VALUES (?, ?, ?, 'Monitor', 'x', 'x')""",
                [n, f"Brief {n}", date],
            )
    conn.close()
    with Library.open(path) as lib:
        rows = [
            (a.title, a.date, a.date_source, a.date_precision, a.publication)
            for a in lib.articles.summaries([1, 2, 3, 4])
        ]
        assert rows == [
            ("Brief 1", "1987-02-26", "header", "day", "Monitor"),
            ("Brief 2", "1999-09", "header", "month", "Monitor"),
            ("Brief 3", "Autumn 1999", "header", None, "Monitor"),  # kept as written
            ("Brief 4", None, None, None, "Monitor"),
        ]
        lib.details.edit([4], author="Someone")  # the new column is writable


def test_cli_edit_and_list_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "lib.sqlite")
    for n in range(2):
        (tmp_path / f"{n}.txt").write_text(f"Title {n}\n\nText {n}.\n")
    assert main(["--db", db, "import", "--no-analyze", str(tmp_path)]) == 0
    assert main(["--db", db, "edit", "1", "2", "--date", "2005", "--publication", "BBC"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "edit", "1", "--date", "31 Feb 2005"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "not a date" in err
    assert main(["--db", db, "edit", "1", "7", "--author", "X"]) == 1
    assert "no article 7" in capsys.readouterr().err
    assert main(["--db", db, "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(r["date"], r["date_source"], r["date_precision"], r["author"]) for r in listed] == [
        ("2005", "analyst", "year", None),
        ("2005", "analyst", "year", None),
    ]


def test_a_json_merge_takes_the_exports_edits_but_never_over_this_librarys(
    tmp_path: Path, library: Library
) -> None:
    (tmp_path / "a.txt").write_text("Date: 2001-03-04\n\nFirst title\n\nText.\n")
    library.import_paths([tmp_path], analyze=False)
    with Library.open(tmp_path / "other.sqlite") as other:
        other.import_paths([tmp_path / "a.txt"], analyze=False)
        other.details.edit([1], title="Their title", date="2001", author="Them")
        out = io.StringIO()
        other.exports.write("json", out)
    library.details.edit([1], author="Us")
    library.import_json(io.StringIO(out.getvalue()))
    art = library.articles.get(1)
    assert (art.title, art.date, art.date_source, art.author) == (
        "Their title", "2001", "analyst", "Us",
    )  # fmt: skip
    (tmp_path / "a.txt").write_text("Date: 2001-03-09\n\nFirst title\n\nNew text.\n")
    library.import_paths([tmp_path / "a.txt"], analyze=False)  # the merged edits stay
    assert library.articles.get(1).title == "Their title"
