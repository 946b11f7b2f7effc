"""Entity corrections on real news (BBC politics, where spaCy's small model calls the Lib Dems
a person), through the CLI: before and after ``reanalyze`` and after a JSON round trip."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from monitor_desk.cli import main
from monitor_desk.core.library import Library


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def lib_dems(db: Path) -> tuple[set[str], set[str], set[str]]:
    """Types of the "Lib Dems" spans in the reader, claim speaker names, CSV speakers."""
    with Library.open(db) as lib:
        labels, speakers = set(), set()
        for a in lib.articles.list():
            analysis = lib.articles.analysis(a.id)
            assert analysis is not None
            labels |= {e.label for e in analysis.entities if e.text == "Lib Dems"}
            speakers |= {c.speaker_name or "" for c in lib.claims.list(a.id)}
        lib.exports.write("claims", db.with_name("claims.csv"))
    with open(db.with_name("claims.csv"), encoding="utf-8-sig") as f:
        exported = {r["speaker"] for r in csv.DictReader(f)}
    return labels, {s for s in speakers if "Lib" in s}, {s for s in exported if "Lib" in s}


def test_lib_dems_corrected_everywhere_and_after_reanalysis_and_json(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bbc = corpus / "news" / "bbc_politics"
    db = tmp_path / "lib.sqlite"
    files = [str(bbc / n) for n in ("028.txt", "301.txt")]
    assert run(capsys, "--db", str(db), "import", *files)[0] == 0
    labels, speakers, exported = lib_dems(db)
    assert "PERSON" in labels
    assert "Lib Dem" in speakers
    assert "Lib Dem" in exported

    code, out, err = run(capsys, "--db", str(db), "entity", "retype", "Lib Dems", "ORG")
    assert code == 0, err
    code, _, err = run(capsys, "--db", str(db), "entity", "merge", "Lib Dem", "--into",
                       "Liberal Democrats")  # fmt: skip
    assert code == 0, err
    renamed = (speakers - {"Lib Dem"}) | {"Liberal Democrats"}
    expected = ({"ORG"}, renamed, (exported - {"Lib Dem"}) | {"Liberal Democrats"})
    assert lib_dems(db) == expected
    code, out, _ = run(capsys, "--db", str(db), "entities", "--json", "--search", "Lib Dems")
    entities = {(e["name"], e["type"]) for e in json.loads(out)}
    assert ("Lib Dems", "ORG") in entities
    assert ("Lib Dems", "PERSON") not in entities

    assert run(capsys, "--db", str(db), "reanalyze", "--all")[0] == 0
    assert lib_dems(db) == expected

    export = tmp_path / "lib.json"
    assert run(capsys, "--db", str(db), "export", "json", "-o", str(export))[0] == 0
    other = tmp_path / "other" / "lib.sqlite"
    other.parent.mkdir()
    assert run(capsys, "--db", str(other), "import-json", str(export))[0] == 0
    assert lib_dems(other) == expected
    code, out, _ = run(capsys, "--db", str(other), "entity", "corrections")
    assert out.count("\n") == 2
    assert "Liberal Democrats" in out


def test_a_bad_entity_command_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "lib.sqlite")
    code, out, err = run(capsys, "--db", db, "entity", "retype", "Lib Dems", "PARTY")
    assert code == 1
    assert err.count("\n") == 1
    assert "Unknown entity type 'PARTY'" in err
    code, out, err = run(capsys, "--db", db, "entity", "revoke", "7")
    assert code == 1
    assert "There is no correction 7." in err
    assert run(capsys, "--db", db, "entities", "--json")[1].strip() == "[]"
