"""Files an office program wrote: LibreOffice turns our .docx (two justified columns, a
running header, page numbers) into a PDF and an .odt, which import as the text we wrote.
Skipped where LibreOffice is not installed."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from document_files import make_two_column_docx, office_convert

from monitor_desk.core.ingest import parse_document

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from make_pdf import make_paragraphs  # noqa: E402

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed"),
]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    folder = tmp_path_factory.mktemp("office")
    paragraphs = make_paragraphs(30, 9)
    return make_two_column_docx(folder / "brief.docx", paragraphs), paragraphs


def test_a_libreoffice_pdf_in_two_justified_columns_reads_as_written(
    made: tuple[Path, list[str]], tmp_path: Path
) -> None:
    docx_file, paragraphs = made
    pdf = office_convert(docx_file, "pdf", tmp_path / "profile")
    doc = parse_document(pdf.read_bytes(), pdf.name)
    assert doc.text.strip().split("\n\n") == paragraphs
    assert "MONITOR" not in doc.text
    assert doc.title == "Two Column Brief"
    assert doc.metadata["author"] == "Desk Analyst"
    assert len(doc.page_starts) == int(doc.metadata["pages"]) > 1


def test_a_libreoffice_odt_and_the_docx_read_the_same(
    made: tuple[Path, list[str]], tmp_path: Path
) -> None:
    docx_file, paragraphs = made
    odt = office_convert(docx_file, "odt", tmp_path / "profile")
    from_odt = parse_document(odt.read_bytes(), odt.name)
    from_docx = parse_document(docx_file.read_bytes(), docx_file.name)
    assert from_odt.text.strip().split("\n\n") == paragraphs
    assert from_docx.text == from_odt.text
    assert from_odt.title == from_docx.title == "Two Column Brief"
