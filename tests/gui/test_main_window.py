"""The window as a whole: start-up without a model, background work, keys, persistence."""

from __future__ import annotations

from array import array
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QMessageBox, QTableView

from monitor_desk.core.library import Library
from monitor_desk.ui.screenshot import render_screenshot
from monitor_desk.ui.widgets.palette import entity_tint

NAMES = (
    "libraryView",
    "readerView",
    "claimsPanel",
    "sourcesPanel",
    "notesPanel",
    "entitiesPanel",
    "searchBox",
)


def test_opens_with_the_rule_fallback_and_analyses_what_is_missing(
    qtbot, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, article_files
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    lib = Library.open(tmp_path / "fresh.sqlite")
    lib.import_paths(article_files, analyze=False)
    window = make_window(lib)
    for name in NAMES:
        assert window.findChild(object, name) is not None, name
    status = window.findChild(QLabel, "pipelineStatus")
    assert status.text() == "Loading language model…"  # the window is up before the model
    assert window.article_id is not None  # an article is open before the model is there
    with qtbot.waitSignal(window.jobs.analysisFinished, timeout=30000):
        pass
    assert "fallback" in status.text()
    assert all(lib.articles.get(i).pipeline for i in lib.articles.ids())
    assert window.reader.view.marks.citations  # the open article repainted with analysis
    window.close()
    lib.close()


def test_background_import_shows_progress_and_reports_rejects(
    qtbot, make_window, gui_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    folder = tmp_path / "drop"
    folder.mkdir()
    for i in range(3):
        (folder / f"brief{i}.txt").write_text(
            f"Publication: Monitor Volume: 8 Issue: {i}\n\nTITLE {i}\n\nMoscow said so.\n",
            encoding="utf-8",
        )
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    window = make_window(gui_library)
    with qtbot.waitSignal(window.pipelineReady, timeout=30000):
        pass
    rows_before = window.library_panel.model.rowCount()
    progress: list[tuple[int, int]] = []
    window.jobs.progressed.connect(lambda d, t: progress.append((d, t)))
    with qtbot.waitSignal(window.jobs.importFinished, timeout=30000) as done:
        window.jobs.start_import([str(folder)])
        assert window.jobs.bar.isVisible()
    report = done.args[0]
    assert report.count("imported") == 3
    assert [Path(f.path).name for f in report.rejected] == ["broken.txt"]
    assert progress
    assert progress[-1][0] == progress[-1][1] == 4
    assert window.library_panel.model.rowCount() == rows_before + 3
    box = window.findChild(QMessageBox, "importReport")
    assert box is not None
    assert "broken.txt" in box.detailedText()
    box.close()
    qtbot.waitUntil(lambda: not window.jobs.bar.isVisible(), timeout=5000)


def test_import_counts_files_moves_per_file_and_fills_the_list_as_it_goes(
    qtbot, make_window, gui_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    folder = tmp_path / "two" / "folders"
    folder.mkdir(parents=True)
    for i in range(70):
        (folder.parent if i % 2 else folder).joinpath(f"b{i:02d}.txt").write_text(
            f"TITLE {i}\n\nOfficials in Riga met on day {i}.\n", encoding="utf-8"
        )
    window = make_window(gui_library, analyse_missing=False)
    rows_before = window.library_panel.model.rowCount()
    window.jobs.landed_every = 0.0  # tell the list at every file (a second in real use)
    seen: list[tuple[int, int, str]] = []
    rows_while_importing: list[int] = []
    window.jobs.progressed.connect(lambda d, t: seen.append((d, t, window.jobs.bar.text())))
    window.jobs.listChanged.connect(
        lambda: rows_while_importing.append(window.library_panel.model.rowCount())
    )
    with qtbot.waitSignal(window.jobs.importFinished, timeout=60000):
        window.jobs.start_import([str(tmp_path / "two")])
    counts = [d for d, _t, _x in seen]
    assert {t for _d, t, _x in seen} == {70}  # files, not the one folder named
    assert counts[0] == 0  # the total shows before the first file is done
    assert sorted(set(counts)) == list(range(71))  # file by file, no jumps of 32
    assert seen[-1][2] == "70 of 70 files"
    assert any(rows_before < n < rows_before + 70 for n in rows_while_importing)
    window.findChild(QMessageBox, "importReport").close()


def test_cancelled_import_stops(qtbot, make_window, gui_library: Library, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(80):
        (folder / f"b{i}.txt").write_text(f"TITLE {i}\n\nText number {i}.\n", encoding="utf-8")
    window = make_window(gui_library)
    with qtbot.waitSignal(window.jobs.importFinished, timeout=60000) as done:
        worker = window.jobs.start_import([str(folder)])
        worker.cancel()  # before it starts: nothing is imported
    assert done.args[0].cancelled
    window.findChild(QMessageBox, "importReport").close()


def test_state_persists_across_restart(
    make_window, gui_library: Library, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    window.open_article(2)
    window.side.setCurrentIndex(1)
    window.splitter.setSizes([300, 700, 400])
    sizes = window.splitter.sizes()
    window.close()
    again = make_window(gui_library, settings)
    assert again.article_id == 2
    assert again.side.currentIndex() == 1
    assert again.splitter.sizes() == sizes


def test_keys_move_between_articles_and_ctrl_f_searches(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    table = window.findChild(QTableView, "libraryView")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)  # shortcuts act in the active window
    table.setFocus()
    first = window.article_id
    qtbot.keyClick(table, Qt.Key.Key_J)
    assert window.article_id != first
    qtbot.keyClick(table, Qt.Key.Key_K)
    assert window.article_id == first
    window.reader.view.setFocus()  # J/K work while reading, too
    qtbot.keyClick(window.reader.view, Qt.Key.Key_J)
    assert window.article_id != first
    qtbot.keyClick(window.reader.view, Qt.Key.Key_K)
    assert window.article_id == first
    window.act_find.trigger()
    box = window.findChild(QLineEdit, "searchBox")
    assert box.hasFocus() or window.focusWidget() is box
    qtbot.keyClicks(box, "Kuchma")
    results = window.findChild(QListView, "searchResults")
    qtbot.waitUntil(lambda: results.isVisible() and results.model().rowCount() > 0, timeout=3000)
    hit = results.model().hits[0]
    assert "\u27e6" in hit.snippet
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.article_id == hit.article_id == 2


def test_screenshot_renders_the_window(gui_library: Library, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    out = tmp_path / "shot.png"
    render_screenshot(gui_library, out, 1, (1200, 800))
    image = QImage(str(out)).convertToFormat(QImage.Format.Format_RGB32)
    assert (image.width(), image.height()) == (1200, 800)
    # The article is open and painted: its people's names have the PERSON tint behind them,
    # far more of it than the legend's 12-pixel swatch.
    pixels = array("I", bytes(image.constBits()))
    assert pixels.count(entity_tint("PERSON", qapp.palette()).rgb()) > 1000


def test_filters_narrow_the_list(make_window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    panel = window.library_panel
    panel.filter_edits["outlet"].setText("UNIAN")
    panel.apply_filters()
    assert [panel.model.article_id(r) for r in range(panel.model.rowCount())] == [2]
    panel.filter_edits["outlet"].clear()
    panel.filter_edits["entity"].setText("Tbilisi")
    panel.apply_filters()
    assert [panel.model.article_id(r) for r in range(panel.model.rowCount())] == [1]


def test_dropping_files_imports_them(
    qtbot, make_window, gui_library: Library, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    dropped = tmp_path / "dropped.txt"
    dropped.write_text("DROPPED BRIEF\n\nSomething happened in Minsk.\n", encoding="utf-8")
    window = make_window(gui_library)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.jobs.importFinished, timeout=30000) as done:
        window.dropEvent(event)
    assert done.args[0].count("imported") == 1
    titles = [
        window.library_panel.model.index(r, 0).data()
        for r in range(window.library_panel.model.rowCount())
    ]
    assert "DROPPED BRIEF" in titles
    window.findChild(QMessageBox, "importReport").close()


def test_an_empty_library_opens_with_nothing_to_show(
    make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    with Library.open(tmp_path / "empty.sqlite") as lib:
        window = make_window(lib)
        assert window.article_id is None
        assert window.reader.title.text() == "No article open"
        window.act_next.trigger()  # nothing to move to: no error
        assert window.claims.model.rowCount() == 0
        window.close()


def test_notes_tab_lists_highlights_and_scrolls_to_them(make_window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    text = gui_library.articles.get(1).text
    start = text.index("customs posts")
    gui_library.highlights.add(1, start, start + 13, tags=["trade/customs"], note="new angle")
    window = make_window(gui_library)
    window.open_article(1)
    notes = window.notes
    assert notes.model.index(0, 1).data() == "trade/customs"
    assert notes.model.index(0, 2).data() == "new angle"
    notes.table.selectRow(0)
    assert window.reader.view.flashed_span() == (start, start + 13)
