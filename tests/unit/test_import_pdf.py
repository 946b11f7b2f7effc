"""PDF import through the command line, read back with ``list --json``/``show --json``:
paragraphs, reading order, running headers, page numbers, document info, rejections."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from document_files import make_pdf
from pdf_bytes import simple_pdf

from monitor_desk.cli import main
from monitor_desk.core.library import Library
from monitor_desk.core.pages import page_for


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any]:
    code = main(list(argv))
    out = capsys.readouterr().out
    try:
        return code, json.loads(out)
    except json.JSONDecodeError:
        return code, out


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[str, Any]]]:
    folder = tmp_path_factory.mktemp("pdfs")
    made = {}
    for name, args in {
        "one": ("brief", "--pages", "3", "--seed", "4"),
        "two": ("brief", "--pages", "3", "--columns", "2", "--rows", "--title-band", "--seed", "5"),
        "scan": ("scan",),
    }.items():
        out = folder / f"{name}.pdf"
        made[name] = (out, make_pdf(out, *args))
    return made


def _imported(capsys: pytest.CaptureFixture[str], db: str, path: Path) -> dict[str, Any]:
    code, report = cli(capsys, "--db", db, "import", "--no-analyze", "--json", str(path))
    assert code == 0, report
    (outcome,) = report["files"]
    assert outcome["status"] == "imported", outcome
    code, shown = cli(capsys, "--db", db, "show", "--json", str(outcome["article_id"]))
    assert code == 0
    return shown  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", ["one", "two"])
def test_a_pdf_imports_as_its_paragraphs_in_reading_order_with_their_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pdfs: dict[str, Any], name: str
) -> None:
    path, info = pdfs[name]
    shown = _imported(capsys, str(tmp_path / "lib.sqlite"), path)
    paragraphs = shown["text"].strip().split("\n\n")
    assert paragraphs == [p["text"] for p in info["paragraphs"]]  # hyphens mended, in order
    assert "MONITOR" not in shown["text"]
    assert "Jamestown" not in shown["text"]
    assert not any(p.strip().isdigit() for p in paragraphs)  # page numbers
    assert shown["title"] == "Regional Briefing on Energy and Security"
    assert shown["author"] == "Analyst Desk"
    assert shown["date_source"] == "metadata"
    assert shown["date"]
    assert shown["pages"] == info["pages"] == len(shown["page_spans"])
    for para in info["paragraphs"]:
        start = shown["text"].index(para["text"])
        assert page_for(shown["page_starts"], start) == para["page"]
    code, listed = cli(capsys, "--db", str(tmp_path / "lib.sqlite"), "list", "--json")
    assert listed[0]["pages"] == info["pages"]
    assert listed[0]["date_source"] == "metadata"


def test_a_scan_and_an_encrypted_pdf_are_refused_with_their_reasons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pdfs: dict[str, Any]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(pdfs["scan"][0], folder / "scan.pdf")
    pages = [["Kovalenko said the talks would resume on Tuesday."]]
    (folder / "locked.pdf").write_bytes(simple_pdf(pages, "Locked", user_password="secret"))
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n")
    (folder / "restricted.pdf").write_bytes(simple_pdf(pages, "Restricted", user_password=""))
    db = str(tmp_path / "lib.sqlite")
    code, report = cli(capsys, "--db", db, "import", "--no-analyze", "--json", str(folder))
    outcomes = {Path(f["path"]).name: f for f in report["files"]}
    assert outcomes["scan.pdf"]["status"] == "rejected"
    assert outcomes["scan.pdf"]["reason"] == "no text layer; OCR it first"
    assert outcomes["locked.pdf"]["reason"] == "encrypted PDF: it needs a password to open"
    assert outcomes["broken.pdf"]["status"] == "rejected"
    assert outcomes["broken.pdf"]["reason"].startswith("not a readable PDF")
    # Restricted (an owner password only) opens without one, as in any PDF reader.
    assert outcomes["restricted.pdf"]["status"] == "imported"
    code, shown = cli(
        capsys, "--db", db, "show", "--json", str(outcomes["restricted.pdf"]["article_id"])
    )
    assert "Kovalenko said the talks would resume" in shown["text"]
    assert shown["title"] == "Restricted"


def test_reimport_adds_nothing_a_copy_is_a_duplicate_and_a_change_is_a_revision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = [
        ["Energy Minister Olena Kovalenko said the pipeline talks would resume.", "",
         "Officials in Tbilisi declined to comment."],
        ["    The delegation will travel to Baku next week, the ministry said."],
    ]  # fmt: skip
    path = tmp_path / "brief.pdf"
    path.write_bytes(simple_pdf(first, "Pipeline Talks"))
    db = tmp_path / "lib.sqlite"
    with Library.open(db) as lib:
        (outcome,) = lib.import_paths([path], analyze=False).files
        article = lib.articles.get(outcome.article_id or 0)
        start = article.text.index("The delegation")
        end = start + len("The delegation will travel to Baku")
        lib.highlights.add(article.id, start, end, tags=["travel"], note="page two")
        assert lib.import_paths([path], analyze=False).files[0].status == "unchanged"
        copy = tmp_path / "copy.pdf"
        shutil.copy(path, copy)
        assert lib.import_paths([copy], analyze=False).files[0].status == "duplicate"
        changed = [["A new opening line about the talks.", "", *first[0]], first[1]]
        path.write_bytes(simple_pdf(changed, "Pipeline Talks"))
        revised = lib.import_paths([path], analyze=False).files[0]
        assert revised.status == "revised"
        assert revised.article_id == article.id
        (note,) = lib.highlights.list(article_id=article.id)
        text = lib.articles.get(article.id).text
        assert note.status == "anchored"
        assert text[note.start : note.end].startswith("The delegation")
    code, out = cli(capsys, "--db", str(db), "export", "notes", "-o", str(tmp_path / "n.csv"))
    rows = (tmp_path / "n.csv").read_text("utf-8-sig").splitlines()
    header = rows[0].split(",")
    assert rows[1].split(",")[header.index("page")] == "2"


class _CancelAfter:
    """A cancel token that is set after ``n`` looks (the import looks once per PDF page)."""

    def __init__(self, n: int) -> None:
        self.n = n

    def is_set(self) -> bool:
        self.n -= 1
        return self.n < 0


def test_a_long_pdf_can_be_cancelled_between_its_pages(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    pages = [["", "", "", f"Section {n}: the ministry said the talks go on."] for n in range(40)]
    path.write_bytes(simple_pdf(pages, "Long"))
    with Library.open(tmp_path / "lib.sqlite") as lib:
        report = lib.import_paths([path], analyze=False, cancel=_CancelAfter(3))
        assert report.cancelled
        assert lib.articles.list() == []  # nothing half-read is stored
        report = lib.import_paths([path], analyze=False)
        assert report.count("imported") == 1
        assert lib.articles.list()[0].pages == 40


def test_damaged_pdfs_are_refused_one_by_one_never_crash_the_import() -> None:
    """Cut, scrambled or absurd files: each is a document or a RejectedFile, nothing else
    (a parser's error on one file must not stop an import of a thousand)."""
    import random

    from monitor_desk.core.ingest import RejectedFile, parse_document

    lines = [f"Paragraph {n}: the talks went on through the night." for n in range(30)]
    good = simple_pdf([lines, lines[::-1]], "Damaged")
    rng = random.Random(17)
    samples = [good[: len(good) * n // 10] for n in range(1, 10)]
    for _ in range(30):
        flipped = bytearray(good)
        for _ in range(12):
            flipped[rng.randrange(len(flipped))] = rng.randrange(256)
        samples.append(bytes(flipped))
    # Text drawn at an absurd position (a damaged matrix): off the page, not read.
    samples.append(simple_pdf([lines], "Far away", origin=(10**12, 770)))
    outcomes = []
    for data in samples:
        try:
            parse_document(data, "damaged.pdf")
            outcomes.append("read")
        except RejectedFile as exc:
            outcomes.append("refused" if "\n" not in str(exc) else "a reason on two lines")
    assert "a reason on two lines" not in outcomes
    assert "refused" in outcomes
    assert outcomes[-1] == "refused"


XMP = b"""<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Border Talks in Tbilisi</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>Desk Analyst</rdf:li></rdf:Seq></dc:creator>
<xmp:CreateDate>2024-03-05T09:30:00Z</xmp:CreateDate>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"""


def test_a_title_a_program_made_up_gives_way_to_the_xmp_metadata_or_the_text() -> None:
    from monitor_desk.core.ingest import parse_document

    lines = ["Officials in Tbilisi said the border talks would resume.", "", "More text."]
    made_up = parse_document(simple_pdf([lines], "Microsoft Word - brief.docx"), "a.pdf")
    assert made_up.title.startswith("Officials in Tbilisi")
    with_xmp = parse_document(simple_pdf([lines], "", xmp=XMP), "b.pdf")
    assert with_xmp.title == "Border Talks in Tbilisi"
    assert with_xmp.metadata["author"] == "Desk Analyst"
    assert with_xmp.date == "2024-03-05"
    assert with_xmp.date_source == "metadata"
