"""File ▸ New Library…, Open Library…, Open Recent ▸, Back Up Library… and Restore from
Backup…: library files handled like documents.

Opening goes through ``library_open.open_or_explain`` (the same messages as at start: in
use, read-only, newer, not a library, damaged). The window itself does not switch: it
hands the opened ``Library`` on (``libraryOpened``) and the ``Session`` puts a new window
in its place, so nothing of the old library (jobs, undo history, panels) lingers.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QStandardPaths, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from ..core import backups
from ..core.library import Library
from ..core.paths import DB_ENV
from .dialogs.restore_dialog import RestoreDialog
from .library_open import open_or_explain
from .menus import window_action
from .preferences import BACKUPS_KEPT
from .workers import Worker

RECENT_KEY = "library/recent"
MAX_RECENT = 8
LIBRARY_FILTER = "Monitor Desk libraries (*.sqlite *.db);;All files (*)"


def window_title(library: Library, article_title: str | None = None) -> str:
    """``article — library.sqlite (read-only) — Monitor Desk``: the library is named."""
    parts = [article_title] if article_title else []
    if library.path is not None:
        parts.append(library.path.name + (" (read-only)" if library.read_only else ""))
    return " — ".join([*parts, "Monitor Desk"])


def recent_libraries(settings: QSettings) -> list[Path]:
    value = settings.value(RECENT_KEY)
    if isinstance(value, str):  # QSettings gives a lone value as a string
        value = [value] if value else []
    return [Path(str(p)) for p in value or []]


def last_library(settings: QSettings) -> Path | None:
    """The library the window had last, if it is still there: where a start without
    ``--db`` (and without ``MONITOR_DESK_DB``) opens."""
    if os.environ.get(DB_ENV):
        return None
    return next((p for p in recent_libraries(settings) if p.is_file()), None)


def remember_library(settings: QSettings, path: Path | None) -> None:
    """Put ``path`` first in Open Recent."""
    if path is None:
        return
    path = path.resolve()
    kept = [p for p in recent_libraries(settings) if p != path]
    settings.setValue(RECENT_KEY, [str(p) for p in [path, *kept][:MAX_RECENT]])


def forget_libraries(settings: QSettings, paths: list[Path]) -> None:
    kept = [p for p in recent_libraries(settings) if p not in paths]
    settings.setValue(RECENT_KEY, [str(p) for p in kept])


def backups_kept(settings: QSettings) -> int:
    return BACKUPS_KEPT.read(settings)


def documents_folder() -> str:
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return docs if docs and Path(docs).is_dir() else str(Path.home())


class LibraryFiles(QObject):
    """Attributes:
        act_new, act_open, act_backup, act_restore: the File menu's actions.
        recent_menu: *Open Recent*, rebuilt each time it opens (missing files greyed).

    Signals:
        libraryOpened(object): a ``Library`` the analyst opened; the window gives way to it.
        restoreRequested(object): the copy (a ``Path``) to put in place of the open library.
        backedUp(object): a backup was written (its ``Path``).
    """

    libraryOpened = Signal(object)
    restoreRequested = Signal(object)
    backedUp = Signal(object)

    def __init__(self, window: QWidget, busy: Callable[[], bool] | None = None) -> None:
        """``busy``: is a job running that switching library would stop?"""
        super().__init__(window)
        self.window = window
        self.busy = busy
        self.act_new = window_action(window, "&New Library…", self.new_library, "Ctrl+Shift+N")
        self.act_new.setStatusTip("Start an empty library in a new file")
        self.act_open = window_action(window, "&Open Library…", self.open_library, "Ctrl+Alt+O")
        self.act_open.setStatusTip("Open another library file")
        self.recent_menu = QMenu("Open &Recent", window)
        self.recent_menu.setObjectName("recentLibraries")
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        self.act_backup = window_action(window, "&Back Up Library…", self.back_up)
        self.act_backup.setStatusTip("Write a consistent copy of the library to a file")
        self.act_restore = window_action(window, "&Restore from Backup…", self.choose_backup)
        self.act_restore.setStatusTip("Put one of the library's copies in its place")
        lib = self.library
        self.act_backup.setEnabled(lib.path is not None)
        self.act_restore.setEnabled(lib.path is not None and not lib.read_only)
        self.fill_recent()

    @property
    def library(self) -> Library:
        return self.window.library  # type: ignore[attr-defined]

    @property
    def settings(self) -> QSettings:
        return self.window.settings  # type: ignore[attr-defined]

    def install(self, file_menu: QMenu, before_export: QAction) -> None:
        """New, Open, Open Recent at the top of *File*; Back Up and Restore before Export."""
        first = file_menu.actions()[0]  # the import actions are there already
        file_menu.insertActions(first, [self.act_new, self.act_open])
        file_menu.insertMenu(first, self.recent_menu)
        file_menu.insertSeparator(first)
        file_menu.insertActions(before_export, [self.act_backup, self.act_restore])
        file_menu.insertSeparator(before_export)

    def tell(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)  # type: ignore[attr-defined]

    # -- opening ---------------------------------------------------------------------------

    def _may_switch(self) -> bool:
        """Ask before stopping an import or analysis that is running."""
        if self.busy is None or not self.busy():
            return True
        answer = QMessageBox.question(
            self.window,
            "Switch library",
            "An import or analysis is running. Stop it and switch to the other library? "
            "What it finished so far is kept.",
        )
        return answer == QMessageBox.StandardButton.Yes

    def _start_folder(self) -> str:
        return str(self.library.path.parent) if self.library.path else documents_folder()

    def new_library(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window, "New Library", str(Path(self._start_folder()) / "library.sqlite"),
            LIBRARY_FILTER,
        )  # fmt: skip
        if not name:
            return
        path = Path(name)
        if not path.suffix:
            path = path.with_name(path.name + ".sqlite")
        if path.exists():
            QMessageBox.warning(
                self.window,
                "New Library",
                f"{path} already exists; a new library never replaces a file. To use it, "
                "choose File ▸ Open Library…",
            )
            return
        self._open(path, seed=False)

    def open_library(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, "Open Library", self._start_folder(), LIBRARY_FILTER
        )
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> None:
        """Open a library that exists (from Open or Open Recent)."""
        if not path.is_file():
            forget_libraries(self.settings, [path.resolve()])
            QMessageBox.warning(
                self.window,
                "Open Library",
                f"There is no library file {path} any more (moved, renamed or on a disk that "
                "is not connected). It was taken off the recent list.",
            )
            return
        if self.library.path is not None and path.resolve() == self.library.path.resolve():
            self.tell(f"{path.name} is the library open now.")
            return
        self._open(path, seed=False)

    def _open(self, path: Path, seed: bool) -> None:
        if not self._may_switch():
            return
        lib = open_or_explain(
            path, self.window, seed=seed, keep_backups=backups_kept(self.settings)
        )
        if lib is not None:
            remember_library(self.settings, lib.path)
            self.libraryOpened.emit(lib)

    def fill_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        current = self.library.path.resolve() if self.library.path else None
        paths = [p for p in recent_libraries(self.settings) if p != current]
        missing = [p for p in paths if not p.is_file()]
        for n, path in enumerate(paths, 1):
            gone = path in missing
            act = menu.addAction(
                f"&{n} {path.name}  ({path.parent})" + (" — missing" if gone else "")
            )
            act.setToolTip(f"{path} is not there any more" if gone else str(path))
            act.setStatusTip(act.toolTip())
            act.setEnabled(not gone)
            act.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if not paths:
            menu.addAction("No other library opened yet").setEnabled(False)
        menu.addSeparator()
        if missing:
            clear_missing = menu.addAction(f"Remove {len(missing)} Missing")
            clear_missing.triggered.connect(lambda: forget_libraries(self.settings, missing))
        clear = menu.addAction("&Clear List")
        clear.setEnabled(bool(paths))
        clear.triggered.connect(lambda: forget_libraries(self.settings, paths))

    # -- back up and restore ---------------------------------------------------------------

    def back_up(self) -> None:
        library = self.library.path
        if library is None:
            return
        suggested = Path(documents_folder()) / f"{library.stem}-backup-{date.today()}.sqlite"
        name, _ = QFileDialog.getSaveFileName(
            self.window, "Back Up Library", str(suggested), LIBRARY_FILTER
        )
        if not name:
            return
        self.tell(f"Backing up {library.name}…")
        worker = Worker(backups.back_up_to, library, Path(name))
        worker.signals.result.connect(self._backed_up)
        worker.signals.error.connect(
            lambda msg, _tb: QMessageBox.warning(self.window, "Back Up Library", msg)
        )
        self.window.queue.submit(worker)  # type: ignore[attr-defined]

    def _backed_up(self, target: Path) -> None:
        size = target.stat().st_size / 1e6
        self.tell(f"Backed up to {target} ({size:.1f} MB).")
        self.backedUp.emit(target)

    def choose_backup(self) -> None:
        library = self.library.path
        if library is None:
            return
        dialog = RestoreDialog(library, self.window)
        if dialog.exec() and dialog.chosen is not None and self._may_switch():
            self.restoreRequested.emit(dialog.chosen)
