"""The window's layout between sessions: its geometry, the splitter, the side tab and the
tables' column widths."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter, QTabWidget

from .widgets.columns import restore_columns, save_columns

SPLIT_RATIO = (22, 46, 32)  # the reader's text column is capped; claims and notes need room


def restore_layout(
    settings: QSettings, window: QMainWindow, splitter: QSplitter, side: QTabWidget
) -> None:
    geometry = settings.value("window/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        window.resize(1400, 900)
    sizes = settings.value("window/splitter")
    if isinstance(sizes, list) and len(sizes) == 3 and all(str(x).isdigit() for x in sizes):
        splitter.setSizes([int(x) for x in sizes])
    else:
        splitter.setSizes([window.width() * r // 100 for r in SPLIT_RATIO])
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
