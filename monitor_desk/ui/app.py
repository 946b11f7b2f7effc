"""Start the GUI: check for a display, open the library, show the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .display_check import display_problem

if TYPE_CHECKING:  # imported when used: the GUI's start-up stays quick
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QWidget

    from ..core.library import Library


def open_library_for_gui(db: str | None, read_only: bool = False) -> Library:
    """Open the library; a new library is seeded with the bundled samples."""
    from ..core.library import Library
    from ..core.paths import default_library_path

    path = Path(db) if db else default_library_path()
    lib = Library.open(path, read_only=read_only)
    if not read_only:
        lib.seed_samples()
    return lib


def _open_or_explain(db: str | None) -> Library | None:
    """Open the library, asking the user what to do when it cannot be opened for writing.

    In use elsewhere or on a read-only disk: offer to read it. A newer library or another
    program's database is refused as it is (it is not damaged: no copy is put in its
    place). Anything else that stops the open is damage: offer the newest intact copy.
    """
    from PySide6.QtWidgets import QMessageBox

    from ..core.errors import (
        LibraryFileError,
        NewerLibraryError,
        NotALibraryError,
        ReadOnlyLibraryError,
    )
    from ..core.filelock import LibraryInUseError

    try:
        return open_library_for_gui(db)
    except (LibraryInUseError, ReadOnlyLibraryError) as exc:
        title = "Library in use" if isinstance(exc, LibraryInUseError) else "Read-only library"
        answer = QMessageBox.question(
            None,
            title,
            f"{exc}\n\nOpen it read-only?",
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Open:
            return None
        try:
            return open_library_for_gui(db, read_only=True)
        except LibraryFileError as again:
            QMessageBox.critical(None, "Cannot open the library", str(again))
            return None
    except (NewerLibraryError, NotALibraryError) as exc:
        QMessageBox.critical(None, "Cannot open the library", str(exc))
        return None
    except LibraryFileError as exc:
        if _offer_restore(db, exc):
            return open_library_for_gui(db)
        return None


def _offer_restore(db: str | None, exc: Exception) -> bool:
    """A damaged library: offer the newest intact automatic copy. True if restored."""
    from datetime import datetime

    from PySide6.QtWidgets import QMessageBox

    from ..core import backups
    from ..core.errors import LibraryFileError
    from ..core.paths import default_library_path
    from ..core.restore import set_aside_name

    path = Path(db) if db else default_library_path()
    copy = backups.newest_backup(path) if path.exists() else None
    if copy is None:
        QMessageBox.critical(
            None, "Cannot open the library", f"{exc}\n\nThere is no automatic copy to restore."
        )
        return False
    when = datetime.fromtimestamp(copy.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    box = QMessageBox(QMessageBox.Icon.Warning, "Library damaged", "")
    box.setText(
        f"“{path.name}” is damaged or is not a Monitor Desk library ({exc}).\n\n"
        f"The newest intact automatic copy is from {when}. Restore it? Changes made after "
        f"that copy are lost; the damaged file is kept as {set_aside_name(path).name}."
    )
    restore = box.addButton("Restore copy", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    try:
        backups.restore_backup(copy, path)
    except LibraryFileError as failed:
        QMessageBox.critical(None, "Could not restore the copy", str(failed))
        return False
    return True


def _exit_after_first_paint(app: QCoreApplication, window: QWidget) -> None:
    """For bench/startup.py: say when the window first painted, then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                print("first-paint", flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    window.installEventFilter(FirstPaint(window))  # the window owns (keeps) the filter


def run_gui(db: str | None = None) -> int:
    problem = display_problem()
    if problem is not None:
        print(f"monitor-desk: {problem}", file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication

    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Monitor Desk")
    app.setOrganizationName("MonitorDesk")
    lib = _open_or_explain(db)
    if lib is None:
        return 1
    window = MainWindow(lib)
    for notice in lib.notices():  # e.g. no automatic copy: the disk is nearly full
        window.statusBar().showMessage(notice)
    if os.environ.get("MONITOR_DESK_EXIT_AFTER_PAINT"):
        _exit_after_first_paint(app, window)
    window.show()
    try:
        return app.exec()
    finally:
        lib.close()
