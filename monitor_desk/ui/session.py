"""The library open in the GUI, and switching to another one (or to a restored copy).

Switching replaces the window: the old one closes as when the analyst quits (its layout
saved, its jobs cancelled and waited for, its undo history gone with it), the old library
closes, and a new window opens on the new library where the old one was. Nothing bound
to the old library can outlive it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRect, QSettings, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from ..core import backups
from ..core.errors import LibraryFileError
from ..core.library import Library
from .library_menu import backups_kept, remember_library
from .library_open import open_or_explain
from .main_window import MainWindow


class Session(QObject):
    """Attributes:
        settings: the ``QSettings`` every window of the session uses.
        library: the open ``Library``; window: the ``MainWindow`` showing it.

    Signals:
        windowReplaced(object): a new ``MainWindow`` took the old one's place.
    """

    windowReplaced = Signal(object)

    def __init__(
        self, library: Library, settings: QSettings | None = None, analyse_missing: bool = True
    ) -> None:
        super().__init__()
        self.settings = settings or QSettings("MonitorDesk", "Monitor Desk")
        self.analyse_missing = analyse_missing
        self.library = library
        self.window = self._make_window(library)

    def _make_window(self, library: Library) -> MainWindow:
        window = MainWindow(library, self.settings, self.analyse_missing)
        window.extras.library_files.libraryOpened.connect(self.switch_to)
        window.extras.library_files.restoreRequested.connect(self.restore)
        remember_library(self.settings, library.path)
        for notice in library.notices():  # e.g. no automatic copy: the disk is nearly full
            window.statusBar().showMessage(notice)
        return window

    def _close_window(self) -> None:
        old = self.window
        app = QApplication.instance()
        quits = isinstance(app, QApplication) and app.quitOnLastWindowClosed()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(False)  # the next window is coming
        try:
            old.close()  # saves the layout, cancels and waits for its jobs
        finally:
            if isinstance(app, QApplication):
                app.setQuitOnLastWindowClosed(quits)
        # The remembered article is the old library's: the new one opens at its first.
        self.settings.remove("reader/article")
        old.deleteLater()

    def _show(self, library: Library, geometry: QRect) -> None:
        self.library = library
        self.window = self._make_window(library)
        self.window.setGeometry(geometry)
        self.window.show()
        self.windowReplaced.emit(self.window)

    def switch_to(self, library: Library) -> None:
        """Put a window on ``library`` in place of the current one, closing the old."""
        geometry = self.window.geometry()
        old = self.library
        self._close_window()
        old.close()
        self._show(library, geometry)

    def restore(self, copy: Path) -> None:
        """Put ``copy`` in place of the open library's file and reopen it."""
        path = self.library.path
        if path is None:
            return
        geometry = self.window.geometry()
        self._close_window()
        self.library.close()
        message = ""
        try:
            kept = backups.restore_backup(copy, path)
        except LibraryFileError as exc:
            QMessageBox.warning(None, "Restore from Backup", f"{exc}\n\nThe library is as it was.")
        else:
            aside = f"; the replaced file is kept as {kept.name}" if kept is not None else ""
            message = f"Restored {path.name} from {copy.name}{aside}."
        lib = open_or_explain(path, None, seed=False, keep_backups=backups_kept(self.settings))
        if lib is None:
            app = QApplication.instance()
            if app is not None:
                app.quit()
            return
        self._show(lib, geometry)
        if message:
            self.window.statusBar().showMessage(message, 15000)

    def close(self) -> None:
        """At quit: close the library the session ends with."""
        self.library.close()
