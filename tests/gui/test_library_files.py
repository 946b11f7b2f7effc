"""File ▸ New Library…, Open Library…, Open Recent, Back Up Library… and Restore from
Backup…, driven through the menus of a real window (offscreen), file dialogs patched."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from monitor_desk.core import backups
from monitor_desk.core.filelock import LibraryInUseError
from monitor_desk.core.library import Library
from monitor_desk.ui.dialogs.restore_dialog import RestoreDialog
from monitor_desk.ui.library_menu import last_library, recent_libraries
from monitor_desk.ui.session import Session


@pytest.fixture
def make_session(
    qtbot, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[Library], Session]]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    sessions: list[Session] = []

    def make(library: Library) -> Session:
        session = Session(library, settings, analyse_missing=False)
        session.window.resize(1280, 800)
        session.window.show()
        sessions.append(session)
        return session

    yield make
    for session in sessions:
        session.window.close()
        assert session.window.queue.pool.activeThreadCount() == 0
        session.close()


def _save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(path), ""))
    )


def _open_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(path), ""))
    )


def _messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def record(_parent: object, _title: str, text: str, *_a: object) -> object:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(record))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(record))
    return shown


def test_new_library_replaces_the_window_and_closes_the_old_library(
    qtbot, make_session, gui_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    session = make_session(gui_library)
    old_window = session.window
    assert "lib.sqlite — Monitor Desk" in old_window.windowTitle()
    fresh = tmp_path / "fresh" / "work"
    fresh.parent.mkdir()
    _save_as(monkeypatch, fresh)
    with qtbot.waitSignal(session.windowReplaced, timeout=5000):
        old_window.extras.library_files.act_new.trigger()
    window = session.window
    assert window is not old_window
    assert session.library.path == fresh.with_name("work.sqlite")
    assert session.library.is_empty()  # a new library starts empty: no samples pushed in
    assert window.windowTitle() == "work.sqlite — Monitor Desk"
    assert window.reader.first_steps.isVisible()
    assert window.undo_stack.count() == 0
    # The old library was closed: its lock is free for another opener.
    Library.open(tmp_path / "lib.sqlite").close()
    assert recent_libraries(session.settings)[:2] == [
        fresh.with_name("work.sqlite").resolve(),
        (tmp_path / "lib.sqlite").resolve(),
    ]


def test_new_library_never_replaces_a_file(
    make_session, gui_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    session = make_session(gui_library)
    taken = tmp_path / "taken.sqlite"
    taken.write_text("my thesis")
    _save_as(monkeypatch, taken)
    shown = _messages(monkeypatch)
    session.window.extras.library_files.act_new.trigger()
    assert "already exists" in shown[0]
    assert taken.read_text() == "my thesis"
    assert session.library is gui_library


def test_open_library_switches_and_the_title_says_read_only_when_so(
    qtbot, make_session, gui_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.sqlite"
    with Library.open(other) as lib:
        lib.tags.create("elsewhere")
    holder = Library.open(other)  # another Monitor Desk has it open: offer to read it
    try:
        session = make_session(gui_library)
        _open_as(monkeypatch, other)
        asked: list[str] = []

        def question(_p: object, _t: str, text: str, *_a: object) -> object:
            asked.append(text)
            return QMessageBox.StandardButton.Open

        monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
        with qtbot.waitSignal(session.windowReplaced, timeout=5000):
            session.window.extras.library_files.act_open.trigger()
        assert "read-only" in asked[0]
        assert session.library.read_only
        assert session.window.windowTitle() == "other.sqlite (read-only) — Monitor Desk"
        assert not session.window.extras.library_files.act_restore.isEnabled()
    finally:
        holder.close()


def test_opening_a_file_that_is_not_a_library_says_so_and_keeps_the_window(
    make_session, gui_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    session = make_session(gui_library)
    window = session.window
    notes = tmp_path / "notes.txt"
    notes.write_text("Meeting notes, not a database.\n" * 20)
    _open_as(monkeypatch, notes)
    shown = _messages(monkeypatch)
    window.extras.library_files.act_open.trigger()
    assert len(shown) == 1
    assert "not a Monitor Desk library" in shown[0]
    assert session.window is window
    assert session.library is gui_library
    assert notes.read_text().startswith("Meeting notes")


def test_open_recent_greys_a_missing_file_and_opens_a_present_one(
    qtbot, make_session, gui_library: Library, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    present, gone = tmp_path / "present.sqlite", tmp_path / "gone.sqlite"
    Library.open(present).close()
    session = make_session(gui_library)
    session.settings.setValue("library/recent", [str(present), str(gone)])
    files = session.window.extras.library_files
    files.fill_recent()
    actions = {a.text(): a for a in files.recent_menu.actions() if a.text()}
    missing = next(a for t, a in actions.items() if "gone.sqlite" in t)
    assert "missing" in missing.text()
    assert not missing.isEnabled()
    assert any("Remove 1 Missing" in t for t in actions)
    with qtbot.waitSignal(session.windowReplaced, timeout=5000):
        next(a for t, a in actions.items() if "present.sqlite" in t).trigger()
    assert session.library.path == present


def test_back_up_library_writes_a_consistent_copy(
    qtbot, make_session, gui_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    session = make_session(gui_library)
    target = tmp_path / "out" / "copy.sqlite"
    target.parent.mkdir()
    _save_as(monkeypatch, target)
    files = session.window.extras.library_files
    with qtbot.waitSignal(files.backedUp, timeout=10000):
        files.act_backup.trigger()
    with Library.open(target, read_only=True) as copy:
        assert len(copy.articles.ids()) == len(gui_library.articles.ids()) == 2
    assert "Backed up to" in session.window.statusBar().currentMessage()


def test_restore_from_backup_lists_copies_and_puts_one_in_place(
    qtbot, make_session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "lib.sqlite"
    with Library.open(db) as lib:
        lib.tags.create("before")
    backups.make_backup(db)  # as the rolling copy at an open makes it
    lib = Library.open(db)
    lib.tags.create("after the copy")
    session = make_session(lib)
    dialog = RestoreDialog(db, session.window)
    assert dialog.copies.topLevelItem(0).text(3) == "checking…"  # at once, counted after
    assert not dialog.restore_button.isEnabled()
    with qtbot.waitSignal(dialog.checked, timeout=10000):
        pass  # the copies are checked off the window's thread
    listed = backups.list_backups(db)
    assert dialog.copies.topLevelItemCount() == len(listed) >= 1
    assert dialog.copies.topLevelItem(0).toolTip(0) == str(listed[0])  # newest first
    assert dialog.copies.topLevelItem(0).text(1) == "0"  # articles in it
    assert dialog.copies.topLevelItem(0).text(3) == "intact"
    assert dialog.restore_button.isEnabled()
    dialog.deleteLater()

    def choose_first(dialog: RestoreDialog) -> int:
        dialog.pool.waitForDone()
        QApplication.processEvents()  # the check's result
        dialog.restore_button.click()
        return 1

    monkeypatch.setattr(RestoreDialog, "exec", choose_first)
    with qtbot.waitSignal(session.windowReplaced, timeout=10000):
        session.window.extras.library_files.act_restore.trigger()
    assert [t.name for t in session.library.tags.list()] == ["before"]
    assert "kept as lib.sqlite.damaged" in session.window.statusBar().currentMessage()
    with pytest.raises(LibraryInUseError):  # the restored library is the one open
        Library.open(db)
    assert backups.list_backups(db)


def test_the_window_starts_with_the_library_it_had_last(
    settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    present, gone = tmp_path / "present.sqlite", tmp_path / "gone.sqlite"
    Library.open(present).close()
    settings.setValue("library/recent", [str(gone), str(present)])
    assert last_library(settings) is None  # MONITOR_DESK_DB (set for every test) wins
    monkeypatch.delenv("MONITOR_DESK_DB")
    assert last_library(settings) == present  # the newest that is still there
