"""``monitor-desk timeline``: CSV and JSON whose sums agree with ``list``, one clear line for
a bad argument, never a chart written over the library."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from monitor_desk.cli import main

BRIEF = """Publication: Monitor Volume: 4 Issue: {n}{date}

Officials in Tbilisi said the pipeline talks would resume (Interfax, March 2).
"""
DATES = ["2001-03-05", "2001-03-20", "2001-04-02", "2001-05", "", "2002"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    folder = tmp_path / "in"
    folder.mkdir()
    for n, date in enumerate(DATES):
        header = f" Date: {date}" if date else ""
        (folder / f"b{n}.txt").write_text(BRIEF.format(n=n, date=header), "utf-8")
    path = str(tmp_path / "lib.sqlite")
    assert run(capsys, "--db", path, "import", "--no-analyze", str(folder))[0] == 0
    return path


def list_count(capsys: pytest.CaptureFixture[str], db: str, *filters: str) -> int:
    code, out, _ = run(capsys, "--db", db, "list", "--json", *filters)
    assert code == 0
    return len(json.loads(out))


def test_csv_sums_agree_with_list(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "months.csv"
    code, _, err = run(capsys, "--db", db, "timeline", "articles", "--by", "month", "-o", str(out))
    assert code == 0
    assert "per month;" in err
    assert "1 undated and 1 unplaced" in err
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["bucket"] for r in rows] == ["2001-03", "2001-04", "2001-05", "undated", "unplaced"]
    assert [int(r["articles"]) for r in rows] == [2, 1, 1, 1, 1]
    assert sum(int(r["articles"]) for r in rows) == list_count(capsys, db)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8


def test_the_bucket_size_is_chosen_from_the_span_unless_given(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", db, "timeline", "articles", "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["by"] == "week"  # ten months of dates: weeks
    assert doc["buckets"][0] == "2001-03-05"
    assert len(doc["buckets"]) > 4
    code, _, err = run(capsys, "--db", db, "timeline", "articles", "-o", str(tmp_path / "a.csv"))
    assert code == 0
    assert "per week (auto)" in err


def test_json_by_week_with_a_range(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "--db", db, "timeline", "articles", "--by", "week", "--since", "2001-03-10",
        "--json",
    )  # fmt: skip
    assert code == 0
    doc = json.loads(out)
    assert doc["buckets"] == ["2001-03-19", "2001-03-26", "2001-04-02"]
    assert [p["value"] for p in doc["points"]] == [1, 1]
    # undated, and the month-only and year-only dates that fit no week
    assert (doc["undated_articles"], doc["unplaced_articles"]) == (1, 2)


def test_outlets_json_has_shares(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "timeline", "outlets", "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["series"] == []  # not analysed: no citations, and it says so without failing


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["timeline", "articles", "-o", "x.txt"], "-o takes a .csv, .png or .svg"),
        (["timeline", "articles", "--json", "--since", "soon"], "is not a date"),
        (["timeline", "mentions", "--entity", "Nobody", "--json"], "No entity named 'Nobody'"),
        (["timeline", "tags", "--entity", "none", "--json"], "No tag named 'none'"),
    ],
)
def test_bad_input_gets_one_line(
    db: str, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "--db", db, *argv)
    assert code in (1, 2)
    assert out == ""
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_an_unwritable_target_is_one_line_and_nothing_else(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no such folder" / "x.csv"
    code, out, err = run(capsys, "--db", db, "timeline", "articles", "-o", str(target))
    assert code == 1
    assert "Cannot write" in err
    assert len(err.strip().splitlines()) == 1
    assert not target.parent.exists()
