"""File ▸ Export… and Import Library JSON…: what the analyst gets on disk from the dialog."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from monitor_desk.core.library import Library
from monitor_desk.ui.dialogs.export_dialog import ExportDialog, show_export_dialog
from monitor_desk.ui.dialogs.export_job import export_job
from monitor_desk.ui.dialogs.import_json import import_library_json
from monitor_desk.ui.workers import Worker, WorkQueue


@pytest.fixture
def host(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def queue(host: QWidget) -> Iterator[WorkQueue]:
    q = WorkQueue(host)
    yield q
    q.shutdown()
    assert q.pool.activeThreadCount() == 0


@pytest.fixture
def notes(gui_library: Library) -> dict[str, int]:
    """Highlights in both articles: nested tags, an untagged one, and a hostile note."""
    border = gui_library.articles.get(1).text
    kyiv = gui_library.articles.get(2).text

    def mark(article: int, text: str, phrase: str, tags: list[str], note: str) -> int:
        start = text.index(phrase)
        return gui_library.highlights.add(article, start, start + len(phrase), tags, note).id

    return {
        "talks": mark(1, border, "talks with Russia", ["border"], 'key, "quoted" — Москва 🙂'),
        "customs": mark(1, border, "customs posts", ["border/customs"], "=1+2"),
        "gorge": mark(1, border, "Pankisi Gorge", [], "untagged"),
        "kuchma": mark(2, kyiv, "Leonid Kuchma", ["trade"], "met Robertson"),
    }


def _save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """Answer the save dialog with ``path``; returns the suggested names it was shown."""
    suggested: list[str] = []

    def fake(_parent: QWidget, _caption: str, proposed: str, _filter: str) -> tuple[str, str]:
        suggested.append(proposed)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return suggested


def _open(
    host: QWidget, lib: Library, queue: WorkQueue, settings: QSettings, **kwargs: object
) -> ExportDialog:
    return show_export_dialog(host, lib, queue=queue, settings=settings, **kwargs)  # type: ignore[arg-type]


def _export(qtbot, dialog: ExportDialog) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.exported, timeout=10000) as done:
        dialog.export_button.click()
    return done.args[0], done.args[1]


def _read(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs is on by default
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_current_article_notes_to_csv(  # type: ignore[no-untyped-def]
    qtbot, host, queue, settings, gui_library: Library, notes, tmp_path, monkeypatch
) -> None:
    suggested = _save_as(monkeypatch, tmp_path / "out" / "mine")  # no suffix typed
    (tmp_path / "out").mkdir()
    dialog = _open(host, gui_library, queue, settings, article_id=1)
    assert dialog.scope_article.isChecked()
    assert dialog.export_button.isEnabled()
    rows, path = _export(qtbot, dialog)
    assert Path(suggested[0]).name == f"monitor-desk-notes-{date.today().isoformat()}.csv"
    assert path == str(tmp_path / "out" / "mine.csv")
    got = _read(Path(path))
    assert rows == len(got) == 3
    assert {int(r["note_id"]) for r in got} == {notes["talks"], notes["customs"], notes["gorge"]}
    talks = next(r for r in got if int(r["note_id"]) == notes["talks"])
    assert talks["quote"] == "talks with Russia"
    assert talks["note"] == 'key, "quoted" — Москва 🙂'
    assert talks["tags"] == "border"
    box = host.findChild(QMessageBox, "exportDone")
    assert box is not None
    assert "3 notes" in box.text()
    assert path in box.text()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)  # done: the dialog goes
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    box.findChild(QPushButton, "exportOpenFolder").click()
    assert [u.toLocalFile() for u in opened] == [str(tmp_path / "out")]
    # The folder is remembered for the next export.
    again = _open(host, gui_library, queue, settings)
    _save_as(monkeypatch, tmp_path / "out" / "second.csv")
    again.export_button.click()
    assert settings.value("export/lastFolder") == str(tmp_path / "out")
    qtbot.waitUntil(lambda: (tmp_path / "out" / "second.csv").exists(), timeout=10000)


def test_tag_scope_includes_sub_tags(  # type: ignore[no-untyped-def]
    qtbot, host, queue, settings, gui_library: Library, notes, tmp_path, monkeypatch
) -> None:
    _save_as(monkeypatch, tmp_path / "border.csv")
    dialog = _open(host, gui_library, queue, settings)
    assert dialog.scope_all.isChecked()  # no article, no selection: the whole library
    dialog.tag.setCurrentIndex(dialog.tag.findData("border"))
    dialog.scope_tag.setChecked(True)
    rows, path = _export(qtbot, dialog)
    got = _read(Path(path))
    assert {int(r["note_id"]) for r in got} == {notes["talks"], notes["customs"]}
    assert rows == 2


def test_selected_notes_are_preselected(  # type: ignore[no-untyped-def]
    qtbot, host, queue, settings, gui_library: Library, notes, tmp_path, monkeypatch
) -> None:
    chosen = [notes["gorge"], notes["kuchma"]]
    _save_as(monkeypatch, tmp_path / "sel.csv")
    dialog = _open(host, gui_library, queue, settings, highlight_ids=chosen, article_id=1)
    assert dialog.scope_selected.isChecked()
    # Claims belong to articles: "selected notes" does not apply and gives way.
    dialog.what.setCurrentIndex(dialog.what.findData("claims"))
    assert not dialog.scope_selected.isEnabled()
    assert dialog.scope_article.isChecked()
    dialog.what.setCurrentIndex(dialog.what.findData("notes"))
    dialog.scope_selected.setChecked(True)
    _rows, path = _export(qtbot, dialog)
    assert sorted(int(r["note_id"]) for r in _read(Path(path))) == sorted(chosen)


@pytest.mark.parametrize(("safe", "expected"), [(True, "'=1+2"), (False, "=1+2")])
def test_formula_cells_are_neutralised_unless_unticked(  # type: ignore[no-untyped-def]
    qtbot, host, queue, settings, gui_library, notes, tmp_path, monkeypatch, safe, expected
) -> None:
    _save_as(monkeypatch, tmp_path / "f.csv")
    dialog = _open(host, gui_library, queue, settings, article_id=1)
    assert dialog.safe.isChecked()  # safe by default
    dialog.safe.setChecked(safe)
    _rows, path = _export(qtbot, dialog)
    customs = next(r for r in _read(Path(path)) if int(r["note_id"]) == notes["customs"])
    assert customs["note"] == expected


def test_date_range_and_text_filter(  # type: ignore[no-untyped-def]
    qtbot, host, queue, settings, gui_library: Library, notes, tmp_path, monkeypatch
) -> None:
    _save_as(monkeypatch, tmp_path / "dated.csv")
    dialog = _open(host, gui_library, queue, settings)
    dialog.scope_search.setChecked(True)
    assert not dialog.export_button.isEnabled()  # nothing typed yet
    dialog.search.setText("Robertson")
    assert dialog.export_button.isEnabled()
    tomorrow = QDate.currentDate().addDays(2)  # notes were all made today (UTC or local)
    dialog.use_since.setChecked(True)
    dialog.since.setDate(tomorrow)
    dialog.use_until.setChecked(True)
    dialog.until.setDate(tomorrow.addDays(-5))
    assert not dialog.export_button.isEnabled()
    assert "after" in dialog.status.text()
    dialog.until.setDate(tomorrow.addDays(5))
    rows, path = _export(qtbot, dialog)
    assert rows == 0
    assert _read(Path(path)) == []  # a header only
    dialog = _open(host, gui_library, queue, settings)
    dialog.scope_search.setChecked(True)
    dialog.search.setText("Robertson")
    _rows, path = _export(qtbot, dialog)
    assert [int(r["note_id"]) for r in _read(Path(path))] == [notes["kuchma"]]


def test_json_export_then_import_into_a_second_library(  # type: ignore[no-untyped-def]
    qtbot, host, queue, settings, gui_library: Library, notes, tmp_path, monkeypatch
) -> None:
    suggested = _save_as(monkeypatch, tmp_path / "backup.json")
    dialog = _open(host, gui_library, queue, settings, article_id=1)
    dialog.what.setCurrentIndex(dialog.what.findData("json"))
    assert not dialog.safe.isVisibleTo(dialog)  # CSV options do not apply
    dialog.scope_all.setChecked(True)
    rows, _path = _export(qtbot, dialog)
    assert rows == 2
    assert suggested[0].endswith(".json")

    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *_a: (str(tmp_path / "backup.json"), "")),
    )
    refreshed: list[dict[str, int]] = []
    with Library.open(tmp_path / "second.sqlite") as second:
        job = import_library_json(host, second, queue, settings, refreshed.append)
        assert job is not None
        with qtbot.waitSignal(job.imported, timeout=20000):
            pass
        assert refreshed == [{"articles_added": 2, "articles_merged": 0, "highlights_added": 4}]
        box = host.findChild(QMessageBox, "importJsonReport")
        assert box is not None
        assert box.text().startswith("2 articles added")
        titles = sorted(a.title for a in second.articles.list())
        assert titles == sorted(a.title for a in gui_library.articles.list())
        got = sorted((h.exact, h.note, tuple(h.tags)) for h in second.highlights.list())
        want = sorted((h.exact, h.note, tuple(h.tags)) for h in gui_library.highlights.list())
        assert got == want
        # Importing the same file again merges: nothing is duplicated.
        again = import_library_json(host, second, queue, settings)
        assert again is not None
        with qtbot.waitSignal(again.imported, timeout=20000) as merged:
            pass
        assert merged.args[0]["highlights_added"] == 0
        assert len(second.highlights.list()) == 4


def test_import_of_a_broken_file_warns(  # type: ignore[no-untyped-def]
    qtbot, host, queue, settings, gui_library: Library, tmp_path, monkeypatch
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a: (str(bad), "")))
    before = len(gui_library.articles.ids())
    job = import_library_json(host, gui_library, queue, settings)
    assert job is not None
    with qtbot.waitSignal(job.failed, timeout=10000):
        pass
    assert host.findChild(QMessageBox, "importJsonError") is not None
    assert len(gui_library.articles.ids()) == before


def test_unwritable_target_warns_and_leaves_no_file(  # type: ignore[no-untyped-def]
    qtbot, host, queue, settings, gui_library, notes, tmp_path, monkeypatch
) -> None:
    target = tmp_path / "no-such-folder" / "notes.csv"
    _save_as(monkeypatch, target)
    dialog = _open(host, gui_library, queue, settings, article_id=1)
    with qtbot.waitSignal(dialog.failed, timeout=10000) as failed:
        dialog.export_button.click()
    assert "Cannot write" in failed.args[0]
    box = dialog.findChild(QMessageBox, "exportError")
    assert box is not None
    assert str(target) in box.text()
    assert not target.parent.exists()
    assert dialog.isVisible()  # the analyst can pick another place
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=5000)


def test_cancel_discards_the_export(  # type: ignore[no-untyped-def]
    qtbot, host, queue, settings, gui_library, notes, tmp_path
) -> None:
    target = tmp_path / "cancelled.csv"
    target.write_text("an older export", encoding="utf-8")
    gate = threading.Event()
    blocker = Worker(gate.wait)  # holds the one queue thread, as a long analysis would
    queue.submit(blocker)
    dialog = _open(host, gui_library, queue, settings, article_id=1)
    dialog.start_export(str(target))
    assert dialog.close_button.text() == "Cancel"
    assert "Waiting" in dialog.status.text()
    with qtbot.waitSignal(dialog.cancelled, timeout=10000):
        dialog.reject()  # Cancel / Escape while exporting
        gate.set()
    assert target.read_text(encoding="utf-8") == "an older export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    qtbot.waitUntil(lambda: dialog.close_button.text() == "Close", timeout=5000)
    assert dialog.isVisible()
    assert "nothing was written" in dialog.status.text()


def test_window_offers_export_of_the_open_article_and_imports_json(  # type: ignore[no-untyped-def]
    qtbot, make_window, gui_library: Library, notes, tmp_path, monkeypatch
) -> None:
    window = make_window(gui_library, analyse_missing=False)
    window.open_article(1)
    window.act_export.trigger()
    dialog = window.findChild(ExportDialog, "exportDialog")
    assert dialog is not None
    assert dialog.scope_article.isVisible()
    assert dialog.scope_article.isChecked()
    assert window.act_export.shortcut().toString() == "Ctrl+E"
    dialog.close()

    backup = tmp_path / "backup.json"
    assert gui_library.exports.write("json", backup) == 2
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a: (str(backup), "")))
    with Library.open(tmp_path / "empty.sqlite") as empty:
        fresh = make_window(empty, analyse_missing=False)
        assert fresh.library_panel.model.rowCount() == 0
        fresh.act_import_json.trigger()
        qtbot.waitUntil(lambda: fresh.library_panel.model.rowCount() == 2, timeout=20000)
        assert fresh.article_id is not None  # the list refreshed and an article opened
        assert fresh.findChild(QMessageBox, "importJsonReport") is not None
        fresh.close()


def test_cancel_during_writing_removes_the_temp_file(gui_library: Library, notes, tmp_path) -> None:  # type: ignore[no-untyped-def]
    cancel = threading.Event()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int, _what: str) -> None:
        seen.append((done, total))
        cancel.set()  # as if Cancel were pressed right after the export began

    target = tmp_path / "out" / "mid.csv"
    target.parent.mkdir()
    got = export_job(
        gui_library, "notes", str(target), None, True, False, progress=progress, cancel=cancel
    )
    assert got is None
    assert seen == [(0, 4)]  # the total is known up front for notes
    assert list(target.parent.iterdir()) == []  # neither the file nor its temp file


def test_export_onto_the_open_library_warns_and_leaves_it_whole(  # type: ignore[no-untyped-def]
    qtbot, host, queue, settings, gui_library, notes, tmp_path
) -> None:
    assert gui_library.path is not None
    alias = tmp_path / "notes.csv"
    alias.symlink_to(gui_library.path)
    dialog = _open(host, gui_library, queue, settings, article_id=1)
    for target in (gui_library.path, alias):
        with qtbot.waitSignal(dialog.failed, timeout=10000) as failed:
            dialog.start_export(str(target))
        assert "open library" in failed.args[0]
        qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=5000)
    assert gui_library.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert len(gui_library.highlights.list()) == len(notes)
    assert gui_library.path.read_bytes().startswith(b"SQLite format 3\0")
