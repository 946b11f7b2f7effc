"""A PDF in the window: the reader says how many pages it has and the page of a
highlight; File ▸ Import Files… offers the new kinds."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from monitor_desk.core.library import Library
from monitor_desk.ui.reader.reader_marks import tooltip

MAKE_PDF = Path(__file__).resolve().parents[1] / "fixtures" / "make_pdf.py"


@pytest.fixture
def pdf_library(tmp_path: Path) -> Iterator[tuple[Library, dict[str, object]]]:
    pdf = tmp_path / "brief.pdf"
    subprocess.run(
        [sys.executable, str(MAKE_PDF), "brief", str(pdf), "--pages", "3", "--columns", "2"],
        check=True,
        timeout=120,
    )
    info = json.loads(pdf.with_suffix(".json").read_text("utf-8"))
    with Library.open(tmp_path / "lib.sqlite") as lib:
        report = lib.import_paths([pdf], analyze=False)
        assert report.count("imported") == 1, report.to_dict()
        yield lib, info


def test_the_reader_gives_the_pages_and_the_page_of_a_highlight(  # type: ignore[no-untyped-def]
    make_window, pdf_library, tmp_path: Path
) -> None:
    lib, info = pdf_library
    article = lib.articles.list()[0]
    text = lib.articles.get(article.id).text
    on_two = next(p["text"] for p in info["paragraphs"] if p["page"] == 2)  # type: ignore[index]
    start = text.index(on_two)
    lib.highlights.add(article.id, start, start + 30, tags=["energy"], note="see page two")
    window = make_window(lib)
    window.open_article(article.id)
    assert "3 pages" in window.reader.meta.text()
    view = window.reader.view
    tip = tooltip(view._mark_list, start + 3, view.hidden, view.article.page_starts)
    assert "Highlight: energy (p. 2)" in tip
    window.grab().save(str(tmp_path / "pdf_reader.png"))


def test_import_files_offers_pdf_word_opendocument_and_email(  # type: ignore[no-untyped-def]
    make_window, pdf_library, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib, _ = pdf_library
    offered: list[str] = []

    def choose(*args: object) -> tuple[list[str], str]:
        offered.append(str(args[3]))
        return [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    window = make_window(lib)
    window.imports.act_files.trigger()
    (filters,) = offered
    first = filters.split(";;")[0]
    for pattern in ("*.txt", "*.html", "*.md", "*.pdf", "*.docx", "*.odt", "*.eml", "*.mbox"):
        assert pattern in first
