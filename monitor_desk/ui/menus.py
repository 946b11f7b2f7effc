"""Small builders for the window's actions, menus and toolbar."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget

from .dialogs.report_dialog import show_report_dialog

Shortcut = str | QKeySequence | QKeySequence.StandardKey


def window_action(
    window: QWidget,
    text: str,
    slot: Callable[[], object],
    shortcut: Shortcut | None = None,
    tip: str = "",
) -> QAction:
    """An action on ``window``, so its shortcut works wherever the focus is."""
    a = QAction(text, window)
    if shortcut is not None:
        a.setShortcut(QKeySequence(shortcut))
    a.setStatusTip(tip)
    a.triggered.connect(slot)
    window.addAction(a)
    return a


def fill(target: QMenu | QToolBar, actions: Sequence[QAction | None]) -> None:
    """Add ``actions`` in order; None is a separator."""
    for a in actions:
        if a is None:
            target.addSeparator()
        else:
            target.addAction(a)


def fill_menu_bar(bar: QMenuBar, menus: dict[str, Sequence[QAction | None]]) -> dict[str, QMenu]:
    """One menu per title, in order; the menus by title."""
    made = {}
    for title, actions in menus.items():
        made[title] = bar.addMenu(title)
        fill(made[title], actions)
    return made


def report_action(window: QWidget) -> QAction:
    """File ▸ Export Report… on ``window`` (its library, queue, settings, open article)."""
    return window_action(
        window,
        "Export &Report…",
        lambda: show_report_dialog(window),
        "Ctrl+Shift+E",
        "A briefing from tagged notes as Word, Markdown or HTML",
    )
