"""Start the GUI: check for a display, open the library, show the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

NO_DISPLAY = (
    "monitor-desk: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set). "
    "Run it in a desktop session, or render the window to an image with "
    "`monitor-desk screenshot OUT.png`."
)


def display_available() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def open_library_for_gui(db: str | None):  # type: ignore[no-untyped-def]
    """Open the library; a new default library is seeded with the bundled samples."""
    from ..core.library import Library
    from ..core.paths import default_library_path

    path = Path(db) if db else default_library_path()
    lib = Library.open(path)
    lib.seed_samples()
    return lib


def run_gui(db: str | None = None) -> int:
    if not display_available():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    from PySide6.QtWidgets import QApplication

    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Monitor Desk")
    app.setOrganizationName("MonitorDesk")
    lib = open_library_for_gui(db)
    window = MainWindow(lib)
    window.show()
    try:
        return app.exec()
    finally:
        lib.close()
