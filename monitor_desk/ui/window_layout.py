"""The window's layout between sessions: its geometry, the splitter, the side tab and the
tables' column widths."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter, QTabWidget

from .widgets.columns import restore_columns, save_columns
from .widgets.screen_fit import resize_on_screen

SPLIT_RATIO = (22, 46, 32)  # the reader's text column is capped; claims and notes need room
DEFAULT_SIZE = (1400, 900)


def restore_layout(
    settings: QSettings, window: QMainWindow, splitter: QSplitter, side: QTabWidget
) -> None:
    geometry = settings.value("window/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        resize_on_screen(window, *DEFAULT_SIZE)  # a first run on a small laptop fits its screen
    sizes = settings.value("window/splitter")
    if isinstance(sizes, list) and len(sizes) == 3 and all(str(x).isdigit() for x in sizes):
        splitter.setSizes([int(x) for x in sizes])
    else:
        # Shared out at the default width: a smaller window takes the difference from the
        # reader down to its least width, then from the others (``ReaderPane``).
        splitter.setSizes([DEFAULT_SIZE[0] * r // 100 for r in SPLIT_RATIO])
    tab = str(settings.value("side/tab", 0))
    side.setCurrentIndex(int(tab) if tab.isdigit() else 0)  # a damaged value: the first
    restore_columns(settings, window)


def save_layout(
    settings: QSettings, window: QMainWindow, splitter: QSplitter, side: QTabWidget
) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/splitter", [str(x) for x in splitter.sizes()])
    settings.setValue("side/tab", side.currentIndex())
    save_columns(settings, window)
