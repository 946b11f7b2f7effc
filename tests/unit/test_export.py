"""Exports a spreadsheet user and a second laptop rely on: CSV that reads back exactly,
formula cells neutralised, scopes, and a lossless JSON round trip."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from monitor_desk.cli import main
from monitor_desk.core import analysis_store
from monitor_desk.core.export import NOTE_COLUMNS, ExportScope
from monitor_desk.core.library import Library
from monitor_desk.core.models import Analysis, Citation, CitationItem, Claim, EntityMention, Span

TEXT = """Publication: Monitor Volume: 4 Issue: 88 Date: May 5, 1998

Minister Pavel Kurov told the Duma that the budget was “balanced at last” (Interfax, May 4). Москва 🙂 agreed.

Nobody else commented.
"""

HOSTILE = [
    "plain, with a comma",
    'she said "no" twice',
    "line one\nline two\r\nline three",
    "Кириллица и эмодзи 🙂👍🏽",
    '=HYPERLINK("http://evil.example","x")',
    "+1+2",
    "-2+3",
    "@SUM(A1:A2)",
    "\tstarts with a tab",
    "\rstarts with CR",
]


def _analysis(text: str) -> Analysis:
    s = text.index("Pavel Kurov")
    cue = text.index("told")
    content = text.index("the budget")
    quote = text.index("“balanced")
    cit = text.index("(Interfax")
    para_start = text.index("Minister")
    return Analysis(
        "test-pipeline", "1.0",
        entities=[
            EntityMention(s, s + 11, "PERSON", "Pavel Kurov", "Pavel Kurov"),
            EntityMention(text.index("Duma"), text.index("Duma") + 4, "ORG", "Duma", "Duma"),
        ],
        claims=[
            Claim(
                speaker=Span(s - 9, s + 11, text[s - 9 : s + 11]),
                speaker_name="Pavel Kurov",
                cue=Span(cue, cue + 4, "told"),
                content=Span(content, quote + 18, text[content : quote + 18]),
                kind="mixed",
                quotes=(Span(quote, quote + 18, text[quote : quote + 18]),),
                citation=0,
                confidence=0.73,
            )
        ],
        citations=[
            Citation(
                cit, cit + 16, text[cit : cit + 16],
                (CitationItem("Interfax", "May 4", "1998-05-04", "1998-05-04", "Interfax"),),
                ((para_start, cit + 17),),
            )
        ],
    )  # fmt: skip


@pytest.fixture
def filled(library: Library, tmp_path: Path) -> Library:
    path = tmp_path / "brief.txt"
    path.write_text(TEXT, encoding="utf-8")
    library.import_paths([path], analyze=False)
    (art,) = library.articles.list()
    full = library.articles.get(art.id)
    with library.db.atomic():
        analysis_store.store_analysis(library.db, full.revision_id, _analysis(full.text))
    s = full.text.index("Minister Pavel Kurov")
    for i, note in enumerate(HOSTILE):
        library.highlights.add(art.id, s, s + 20 + i, tags=["people/russia"], note=note)
    library.highlights.add(art.id, s, s + 8, tags=["claimant"], note="=untagged scope check")
    library.highlights.add(art.id, full.text.index("Nobody"), full.text.index("Nobody") + 6)
    return library


def read_csv(data: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.removeprefix("\ufeff"), newline="")))


def test_notes_csv_reads_back_with_every_value_intact_and_formulas_neutralised(
    filled: Library,
) -> None:
    buf = io.StringIO(newline="")
    count = filled.exports.write("notes", buf)
    data = buf.getvalue()
    assert data.startswith("\ufeff")
    assert data.split("\n")[0] == "\ufeff" + ",".join(NOTE_COLUMNS) + "\r"
    rows = read_csv(data)
    assert count == len(rows) == len(HOSTILE) + 2
    notes = [r["note"] for r in rows if r["tags"] == "people/russia"]
    for original, exported in zip(HOSTILE, notes, strict=True):
        if original[0] in "=+-@\t\r":
            assert exported == "'" + original
        else:
            assert exported == original
    first = rows[0]
    assert first["publication"] == "Monitor"
    assert (first["volume"], first["issue"], first["article_date"]) == ("4", "88", "1998-05-05")
    assert first["quote"].startswith("Minister Pavel Kurov")
    assert "Pavel Kurov (PERSON)" in first["entities"]
    assert first["sources"] == "Interfax (May 4)"
    assert first["status"] == "anchored"
    assert first["created"].endswith("Z")
    untagged = [r for r in rows if r["tags"] == ""]
    assert len(untagged) == 1
    assert untagged[0]["sources"] == ""


def test_raw_and_no_bom_options(filled: Library) -> None:
    buf = io.StringIO(newline="")
    filled.exports.write("notes", buf, bom=False, raw=True)
    data = buf.getvalue()
    assert not data.startswith("\ufeff")
    assert "=HYPERLINK" in [r["note"][:10] for r in read_csv(data)]


def test_tag_scope_includes_sub_tags_only(filled: Library) -> None:
    buf = io.StringIO(newline="")
    filled.exports.write("notes", buf, ExportScope(tag="people"))
    assert {r["tags"] for r in read_csv(buf.getvalue())} == {"people/russia"}
    buf = io.StringIO(newline="")
    filled.exports.write("notes", buf, ExportScope(tag="claim"))
    assert read_csv(buf.getvalue()) == []


def test_claims_and_sources_csv(filled: Library) -> None:
    filled.db.execute("UPDATE outlets SET reliability = 'B' WHERE name = 'Interfax'")
    buf = io.StringIO(newline="")
    filled.exports.write("claims", buf)
    (claim,) = read_csv(buf.getvalue())
    assert (claim["speaker"], claim["cue"], claim["kind"]) == ("Pavel Kurov", "told", "mixed")
    assert (claim["outlet"], claim["outlet_reliability"]) == ("Interfax", "B")
    assert claim["confidence"] == "0.73"
    buf = io.StringIO(newline="")
    filled.exports.write("sources", buf)
    (src,) = read_csv(buf.getvalue())
    assert (src["outlet"], src["reliability"], src["date_start"]) == ("Interfax", "B", "1998-05-04")
    assert src["sentences"].startswith("Minister Pavel Kurov told the Duma")


def _normalised(library: Library) -> dict:  # type: ignore[type-arg]
    buf = io.StringIO()
    library.exports.write("json", buf)
    doc = json.loads(buf.getvalue())
    doc.pop("exported")
    return doc


def test_json_round_trip_into_an_empty_library_and_merge_without_duplicates(
    filled: Library, tmp_path: Path
) -> None:
    filled.db.execute("UPDATE outlets SET reliability = 'C'")
    filled.tags.recolor("people/russia", "#aa0000")
    # an extracted claim the analyst corrected stays marked as edited (re-analysis keeps it)
    (claim_id,) = filled.db.execute("SELECT MIN(id) FROM claims WHERE origin = 'auto'").fetchone()
    filled.claims.update(claim_id, kind="mixed")
    out = tmp_path / "backup.json"
    filled.exports.write("json", out)
    before = _normalised(filled)
    with Library.open(tmp_path / "second.sqlite") as other:
        counts = other.import_json(out)
        assert counts["articles_added"] == 1
        assert counts["highlights_added"] == len(HOSTILE) + 2
        assert _normalised(other) == before
        assert sorted(h.kind for h in other.search("balanced")) == ["article", "claim"]
        again = other.import_json(out)
        assert again == {"articles_added": 0, "articles_merged": 1, "highlights_added": 0}
        assert _normalised(other) == before


def test_cli_export_to_file_and_stdout(
    filled: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert filled.path is not None
    filled.close()
    db = str(filled.path)
    out = tmp_path / "notes.csv"
    assert main(["--db", db, "export", "notes", "--tag", "people", "-o", str(out)]) == 0
    assert "exported 10 row(s)" in capsys.readouterr().err
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert main(["--db", db, "export", "claims", "--no-bom", "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("claim_id,")
    assert main(["--db", db, "export", "json", "-o", str(tmp_path / "all.json")]) == 0
    assert (
        main(["--db", str(tmp_path / "new.sqlite"), "import-json", str(tmp_path / "all.json")]) == 0
    )
    assert "1 article(s) added" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--db", db, "export", "notes", "--since", "yesterday", "-o", "-"])
