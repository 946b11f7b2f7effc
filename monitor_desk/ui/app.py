"""Start the GUI: check for a display, open the library, show the main window."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from .display_check import display_problem
from .library_open import open_library_for_gui

if TYPE_CHECKING:  # imported when used: the GUI's start-up stays quick
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QWidget

__all__ = ["open_library_for_gui", "run_gui"]


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
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from .library_menu import backups_kept, last_library
    from .library_open import open_or_explain
    from .session import Session

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Monitor Desk")
    app.setOrganizationName("MonitorDesk")
    settings = QSettings("MonitorDesk", "Monitor Desk")
    last = None if db else last_library(settings)  # samples go only into a first library
    lib = open_or_explain(db or last, seed=last is None, keep_backups=backups_kept(settings))
    if lib is None:
        return 1
    session = Session(lib, settings)
    if os.environ.get("MONITOR_DESK_EXIT_AFTER_PAINT"):
        _exit_after_first_paint(app, session.window)
    session.window.show()
    try:
        return app.exec()
    finally:
        session.close()
