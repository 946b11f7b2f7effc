"""Publication rules (issue 15 item 1): "Monitor: volume 1 = 1995" gives a year to the
articles of that publication that have none, and never overrides better evidence."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from monitor_desk.cli import main
from monitor_desk.core.errors import InvalidInputError, NotFoundError
from monitor_desk.core.library import Library

UNDATED = "Publication: Gazette Volume: {v} Issue: {i}\n\nTALKS\n\nThe talks went on.\n"
HEADER = "Publication: Gazette Volume: 5 Issue: 9 Date: 3 October 2004\n\nDATED\n\nDated.\n"
WIRE = (
    "Publication: Gazette Volume: 5 Issue: 10\n\nWIRE\n\nMOSCOW, Sept 26 (Reuters) - The "
    "minister said the talks would resume.\n"
)
WIRE_YEAR = (
    "Publication: Gazette Volume: 5 Issue: 11\n\nWIRE YEAR\n\nMOSCOW, Sept 26, 2001 "
    "(Reuters) - The minister said so.\n"
)
CITED = (
    "Publication: Gazette Volume: 5 Issue: 12\n\nCITED\n\nThe minister repeated his offer "
    "(Interfax, September 22-26; Izvestia, September 25). The opposition objected.\n"
)
OTHER = "Publication: Courier Volume: 5 Issue: 1\n\nOTHER\n\nNothing here.\n"


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _dates(lib: Library) -> dict[str, tuple[Any, ...]]:
    return {
        Path(a.source_path or "").name: (a.date, a.date_source, a.date_precision, a.date_rule)
        for a in lib.articles.list()
    }


@pytest.fixture
def gazette(tmp_path: Path, library: Library) -> Library:
    _write(
        tmp_path / "in",
        {
            "v5.txt": UNDATED.format(v=5, i=3),
            "v1.txt": UNDATED.format(v=1, i=200),
            "noval.txt": "Publication: Gazette\n\nNO VOLUME\n\nText.\n",
            "header.txt": HEADER,
            "wire.txt": WIRE,
            "wire_year.txt": WIRE_YEAR,
            "other.txt": OTHER,
        },
    )
    library.import_paths([tmp_path / "in"], analyze=False)
    return library


def test_a_rule_dates_what_has_no_year_and_nothing_else(gazette: Library) -> None:
    before = _dates(gazette)
    assert before["wire.txt"] == ("--09-26", "dateline", "day", None)
    counted = gazette.rules.set("gazette", 1, 2000, "daily")  # names match without case
    assert counted.count == 3
    after = _dates(gazette)
    assert after["v5.txt"] == ("2004", "analyst", "year", "gazette")
    assert after["v1.txt"] == ("2000", "analyst", "year", "gazette")
    assert after["wire.txt"] == ("2004-09-26", "dateline", "day", "gazette")
    by_rule = {Path(a.source_path).name for a in gazette.articles.list(date_source="rule")}
    assert by_rule == {"v5.txt", "v1.txt", "wire.txt"}
    assert gazette.articles.list(date_source="analyst") == []  # a rule is no edit
    inferred = {Path(a.source_path).name for a in gazette.articles.list(date_source="inferred")}
    assert inferred == by_rule | {"wire_year.txt"}  # and a dateline with its year
    # Never over better evidence; nothing without a volume; nothing of another publication.
    for name in ("header.txt", "wire_year.txt", "noval.txt", "other.txt"):
        assert after[name] == before[name], name

    # A later import of the publication is dated by the rule too.
    (gazette_dir := Path(gazette.path).parent / "later").mkdir()
    _write(gazette_dir, {"v7.txt": UNDATED.format(v=7, i=1)})
    gazette.import_paths([gazette_dir], analyze=False)
    assert _dates(gazette)["v7.txt"] == ("2006", "analyst", "year", "gazette")

    # Changing the rule changes what it gave; removing it takes it all back.
    gazette.rules.set("Gazette", 5, 1999)
    assert _dates(gazette)["wire.txt"][0] == "1999-09-26"
    assert _dates(gazette)["v7.txt"][0] == "2001"
    assert gazette.rules.remove("GAZETTE").count == 4
    assert {k: v for k, v in _dates(gazette).items() if k != "v7.txt"} == before
    assert _dates(gazette)["v7.txt"] == (None, None, None, None)
    with pytest.raises(NotFoundError):
        gazette.rules.remove("Gazette")


def test_the_analysts_edit_wins_and_clearing_it_lets_the_rule_back(gazette: Library) -> None:
    gazette.rules.set("Gazette", 1, 2000)
    (v5,) = [a.id for a in gazette.articles.list() if a.source_path.endswith("v5.txt")]
    gazette.details.edit([v5], date="2004-02-03")
    assert _dates(gazette)["v5.txt"] == ("2004-02-03", "analyst", "day", None)
    gazette.rules.set("Gazette", 1, 1990)  # a new rule leaves the analyst's date alone
    assert _dates(gazette)["v5.txt"] == ("2004-02-03", "analyst", "day", None)
    gazette.details.edit([v5], date="")
    assert _dates(gazette)["v5.txt"] == ("1994", "analyst", "year", "Gazette")
    gazette.details.edit([v5], volume="6")  # another volume: another year
    assert _dates(gazette)["v5.txt"][0] == "1995"


def test_a_monthly_rule_gives_the_month_of_an_issue(tmp_path: Path, library: Library) -> None:
    _write(tmp_path / "m", {"m.txt": UNDATED.format(v=3, i=4), "x.txt": UNDATED.format(v=3, i=40)})
    library.import_paths([tmp_path / "m"], analyze=False)
    library.rules.set("Gazette", 1, 2010, "monthly")
    dates = _dates(library)
    assert dates["m.txt"] == ("2012-04", "analyst", "month", "Gazette")
    assert dates["x.txt"] == ("2012", "analyst", "year", "Gazette")  # issue 40 is no month


def test_citations_without_a_year_become_a_lower_bound_with_one(
    tmp_path: Path, library: Library
) -> None:
    library.rules.set("Gazette", 1, 1995)  # set before the import: applied as it comes in
    _write(tmp_path / "c", {"cited.txt": CITED})
    library.import_paths([tmp_path / "c"], analyze=True)
    assert _dates(library)["cited.txt"] == ("1999-09-26", "citations", "after", "Gazette")
    library.reanalyze([1])  # the analysis writes the citations' date again: the rule stays
    assert _dates(library)["cited.txt"] == ("1999-09-26", "citations", "after", "Gazette")
    library.rules.remove("Gazette")
    assert _dates(library)["cited.txt"] == ("--09-26", "citations", "after", None)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("", 1, 1995), "name"),
        (("Monitor", "one", 1995), "whole numbers"),
        (("Monitor", 1, 0), "not a year"),
        (("Monitor", -1, 1995), "negative"),
        (("Monitor", 1, 1995, "hourly"), "cadence"),
    ],
)
def test_bad_rules_are_refused(library: Library, args: tuple[Any, ...], message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        library.rules.set(*args)
    assert library.rules.list() == []


def test_json_round_trip_keeps_rules_and_what_they_gave(gazette: Library, tmp_path: Path) -> None:
    gazette.rules.set("Gazette", 1, 2000, "weekly")
    out = io.StringIO()
    gazette.exports.write("json", out)
    doc = json.loads(out.getvalue())
    assert doc["publication_rules"] == [
        {"publication": "Gazette", "volume": 1, "year": 2000, "cadence": "weekly"}
    ]
    with Library.open(tmp_path / "copy.sqlite") as copy:
        copy.import_json(io.StringIO(out.getvalue()))
        assert [r.describe() for r in copy.rules.list()] == ["Gazette: volume 1 = 2000, weekly"]
        assert _dates(copy) == _dates(gazette)
        copy.rules.remove("Gazette")  # what the rule gave is known as such in the copy too
        assert _dates(copy)["wire.txt"] == ("--09-26", "dateline", "day", None)
    doc["publication_rules"] = [{"publication": "X", "volume": 1, "year": "soon"}]
    with (
        Library.open(tmp_path / "bad.sqlite") as bad,
        pytest.raises(InvalidInputError, match=r"publication_rules\[0\]"),
    ):
        bad.import_json(io.StringIO(json.dumps(doc)))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_sets_lists_and_removes_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "lib.sqlite")
    _write(tmp_path / "in", {"v5.txt": UNDATED.format(v=5, i=3), "wire.txt": WIRE})
    assert run(capsys, "--db", db, "import", "--no-analyze", str(tmp_path / "in"))[0] == 0
    code, out, _ = run(
        capsys, "--db", db, "publication-rule", "Gazette", "--volume", "1", "--year", "1995",
        "--cadence", "daily",
    )  # fmt: skip
    assert code == 0
    assert out.strip() == "Gazette: volume 1 = 1995, daily: 2 article date(s) set"
    code, out, _ = run(capsys, "--db", db, "list", "--json")
    rows = {Path(r["source_path"]).name: r for r in json.loads(out)}
    assert (rows["v5.txt"]["date"], rows["v5.txt"]["date_source"]) == ("1999", "analyst")
    assert rows["v5.txt"]["date_precision"] == "year"
    assert rows["v5.txt"]["date_rule"] == "Gazette"
    assert rows["wire.txt"]["date"] == "1999-09-26"
    code, out, _ = run(capsys, "--db", db, "list")
    assert "1999 (Gazette rule)" in out
    assert "1999-09-26 (dateline, Gazette rule)" in out
    code, out, _ = run(capsys, "--db", db, "publication-rule", "--list")
    assert out.strip() == "Gazette: volume 1 = 1995, daily"
    code, out, _ = run(capsys, "--db", db, "publication-rule", "--list", "--json")
    assert json.loads(out)[0]["year"] == 1995
    code, _, err = run(capsys, "--db", db, "publication-rule", "Gazette", "--volume", "1")
    assert code == 2
    assert "--year" in err
    code, _, err = run(
        capsys, "--db", db, "publication-rule", "Gazette", "--volume", "1", "--year", "0"
    )
    assert code == 1
    assert "not a year" in err
    code, out, _ = run(capsys, "--db", db, "publication-rule", "Gazette", "--remove")
    assert out.strip() == "removed the rule for Gazette: 2 article date(s) changed"
    code, _, err = run(capsys, "--db", db, "publication-rule", "Gazette", "--remove")
    assert code == 1
    assert "no publication rule" in err


@pytest.mark.corpus
def test_the_monitor_brief_gets_its_year_from_the_rule(corpus: Path, library: Library) -> None:
    monitor = corpus / "monitor" / "000_04f6411dca48fe90.txt"
    library.import_paths([monitor], analyze=True)
    (art,) = library.articles.list()
    assert (art.publication, art.volume, art.issue) == ("Monitor", "5", "177")
    assert (art.date, art.date_source, art.date_precision) == ("--09-26", "citations", "after")
    library.rules.set("Monitor", 1, 1995, "daily")
    (art,) = library.articles.list()
    # Volume 5 is 1999: the citations' lower bound gets its year, still a lower bound.
    assert (art.date, art.date_source, art.date_precision) == ("1999-09-26", "citations", "after")
    assert art.date_rule == "Monitor"
    assert library.articles.ids(date_from="1999-09-01", date_to="1999-12-31") == [art.id]
