"""``monitor-desk claims`` and ``monitor-desk speakers``: one JSON row per claim in date
order, the same speakers and counts both ways, and one clear line for a bad speaker."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from claim_views_data import build

from monitor_desk.cli import main
from monitor_desk.core.library import Library


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as lib:
        build(lib, tmp_path)
        lib.corrections.add("merge", ["I. Ivanov"], "Igor Ivanov")
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_claims_of_a_speaker_as_json_rows_in_date_order(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", db, "claims", "--speaker", "igor ivanov", "--json")
    assert code == 0
    rows = json.loads(out)
    assert [(r["date"], r["cue"], r["outlets"]) for r in rows] == [
        ("1999-09-25", "said", ["Interfax"]),
        ("1999-10-02", "says", ["Izvestia"]),
        (None, "told", []),
    ]
    assert {r["speaker_name"] for r in rows} == {"Igor Ivanov"}
    assert set(rows[0]) >= {"article_id", "date", "speaker_name", "cue", "content", "kind",
                            "outlets", "credibility"}  # fmt: skip


def test_claims_text_and_filters(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", db, "claims", "--since", "1999-09-01")
    assert code == 0
    assert [line.split("\t")[1:4] for line in out.splitlines()] == [
        ["1999-09-25", "Igor Ivanov", "said"],
        ["1999-09-25", "Olga Petrova", "warned"],
        ["1999-10-02", "Igor Ivanov", "says"],
    ]
    assert "1 claims of undated articles are not in the date range" in err
    code, out, err = run(capsys, "--db", db, "claims", "--cue", "say")
    assert [line.split("\t")[1:3] for line in out.splitlines()] == [
        ["1999-08-30", "Olga Petrova"],
        ["1999-09-25", "Igor Ivanov"],
        ["1999-10-02", "Igor Ivanov"],
    ]
    assert err == ""
    code, out, _ = run(capsys, "--db", db, "claims", "--outlet", "Izvestia")
    assert len(out.splitlines()) == 1


def test_speakers_agree_with_claims(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "speakers", "--json")
    assert code == 0
    speakers = json.loads(out)
    assert [s["name"] for s in speakers] == ["Igor Ivanov", "Olga Petrova"]
    assert speakers[0]["first_date"] == "1999-09-25"
    assert speakers[0]["last_date"] == "1999-10-02"
    for s in speakers:
        _, rows, _ = run(capsys, "--db", db, "claims", "--speaker", s["name"], "--json")
        found = json.loads(rows)
        assert len(found) == s["claims"]
        assert len({r["article_id"] for r in found}) == s["articles"]


def test_an_unknown_speaker_is_one_clear_line(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", db, "claims", "--speaker", "Boris Nobody")
    assert code == 1
    assert out == ""
    assert err.strip().splitlines() == [
        "monitor-desk: No speaker is called 'Boris Nobody' in this library "
        "(`monitor-desk speakers` lists them)."
    ]
