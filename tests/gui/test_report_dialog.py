"""File ▸ Export Report…: the preview follows the scope, the export writes the file in the
background, and errors say what went wrong."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from monitor_desk.core.library import Library
from monitor_desk.core.report_model import ReportScope
from monitor_desk.ui.dialogs.report_dialog import ReportDialog
from monitor_desk.ui.dialogs.report_job import cut, preview_job
from monitor_desk.ui.workers import Worker, WorkQueue


@pytest.fixture
def tagged(gui_library: Library) -> Library:
    border = gui_library.articles.get(1).text
    kyiv = gui_library.articles.get(2).text

    def mark(article: int, text: str, phrase: str, tags: list[str], note: str) -> None:
        start = text.index(phrase)
        gui_library.highlights.add(article, start, start + len(phrase), tags, note)

    mark(1, border, "talks with Russia", ["border"], "<script>alert(1)</script>")
    mark(1, border, "customs posts", ["border/customs"], "=1+2")
    mark(2, kyiv, "Leonid Kuchma", ["trade"], "met Robertson")
    return gui_library


@pytest.fixture
def dialog(qtbot, tagged: Library, settings: QSettings) -> Iterator[ReportDialog]:  # type: ignore[no-untyped-def]
    host = QWidget()
    qtbot.addWidget(host)
    queue = WorkQueue(host)
    d = ReportDialog(tagged, queue, settings, article_id=1, parent=host)
    qtbot.addWidget(d)
    qtbot.wait_until(lambda: d.total == 3, timeout=5000)
    yield d
    queue.shutdown()


def test_preview_follows_the_scope(qtbot, dialog: ReportDialog) -> None:  # type: ignore[no-untyped-def]
    html = dialog.preview.toPlainText()
    assert "talks with Russia" in html
    assert "Leonid Kuchma" in html
    assert "<script>alert(1)</script>" in html  # the note's text, shown literally
    assert dialog.export_button.isEnabled()
    with qtbot.wait_signal(dialog.previewed, timeout=5000) as sig:
        dialog.fields.check_tag("border")
    assert sig.args == [2]
    text = dialog.preview.toPlainText()
    assert "Leonid Kuchma" not in text
    assert "border/customs" in text
    assert dialog.preview_note.text() == "2 highlights in this report."
    with qtbot.wait_signal(dialog.previewed, timeout=5000) as sig:
        dialog.fields.search.setText("nothing-matches-this")
    assert sig.args == [0]
    assert not dialog.export_button.isEnabled()
    assert dialog.preview_note.text() == "No highlight is in this scope."


def test_bad_date_range_is_said_and_blocks_export(qtbot, dialog: ReportDialog) -> None:  # type: ignore[no-untyped-def]
    dates = dialog.fields.date_range
    dates.use_since.setChecked(True)
    dates.use_until.setChecked(True)
    dates.until.setDate(dates.since.date().addDays(-3))
    dialog.refresh_preview()
    assert dialog.preview_note.text() == "The start date is after the end date."
    assert not dialog.export_button.isEnabled()


def test_export_writes_the_report_off_the_window_thread(
    qtbot, dialog: ReportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import docx

    out = tmp_path / "brief"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a: (str(out), "Word document (*.docx)")
    )
    dialog.fields.with_claims.setChecked(True)
    with qtbot.wait_signal(dialog.exported, timeout=10000) as sig:
        dialog.choose_and_export()
    assert sig.args == [3, str(out) + ".docx"]
    paragraphs = docx.Document(str(out) + ".docx").paragraphs
    quotes = [p.text for p in paragraphs if p.style.name == "Quote"]
    assert sorted(quotes) == ["Leonid Kuchma", "customs posts", "talks with Russia"]
    assert any("<script>alert(1)</script>" in p.text for p in paragraphs)
    qtbot.wait_until(lambda: dialog.worker is None, timeout=5000)
    assert dialog.export_button.isEnabled()
    assert "Wrote 3 highlight(s)" in dialog.status.text()


def test_export_error_is_shown_and_nothing_written(
    qtbot, dialog: ReportDialog, tagged: Library
) -> None:  # type: ignore[no-untyped-def]
    with qtbot.wait_signal(dialog.failed, timeout=10000) as sig:
        dialog.start_export(str(tagged.path))
    assert "Will not export" in sig.args[0]
    assert dialog.message_box is not None
    assert dialog.message_box.objectName() == "reportError"
    dialog.message_box.close()


def test_cancel_while_waiting_writes_nothing_and_keeps_the_dialog_open(
    qtbot, dialog: ReportDialog, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog.show()
    target = tmp_path / "briefing.md"
    gate = threading.Event()
    dialog.queue.submit(Worker(gate.wait))  # holds the one queue thread, as an analysis would
    try:
        dialog.start_export(str(target))
        assert dialog.close_button.text() == "Cancel"
        assert "Waiting" in dialog.status.text()
        assert not dialog.export_button.isEnabled()
        dialog.reject()  # Cancel / Escape while writing
        assert dialog.status.text() == "Cancelling…"
        assert not dialog.close_button.isEnabled()  # as in the export dialog
    finally:
        gate.set()  # a failure above must not leave the queue's thread held
    qtbot.wait_until(lambda: dialog.close_button.text() == "Close", timeout=5000)
    assert dialog.status.text() == "Report cancelled; nothing was written."
    assert not target.exists()
    assert dialog.isVisible()
    assert dialog.export_button.isEnabled()
    assert dialog.close_button.isEnabled()


def test_file_menu_opens_the_dialog(qtbot, tagged: Library, make_window: Callable) -> None:  # type: ignore[no-untyped-def]
    window = make_window(tagged, analyse_missing=False)
    menus = {m.title(): m for m in window.menuBar().findChildren(QMenu)}
    assert window.act_report in menus["&File"].actions()
    assert window.act_report.text() == "Export &Report…"
    window.act_report.trigger()
    dialog = window.findChild(ReportDialog)
    assert dialog is not None
    qtbot.wait_until(lambda: dialog.total == 3, timeout=5000)
    assert dialog.isVisible()
    dialog.close()


def test_big_scope_preview_is_cut_but_counts_all(tagged: Library) -> None:
    preview = preview_job(
        tagged, ReportScope(), 7, progress=lambda *_a: None, cancel=threading.Event()
    )
    assert preview is not None
    assert (preview.generation, preview.total, preview.shown) == (7, 3, 3)
    report = tagged.reports.build(ReportScope())
    short = cut(report, 1)
    assert len(short.items) == 1
    assert short.items[0].number == 1
    assert (
        short.counts_text()
        == report.counts_text()
        == ("3 highlights from 2 articles, under 3 tags")
    )
