"""Helpers for the highlight tests: a window on the rule fallback, real selections."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QTextBrowser


def select_by_keys(qtbot, view: QTextBrowser, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
    """Put the caret at code point ``start`` and extend with Shift+Right to ``end``."""
    cursor = view.textCursor()
    cursor.setPosition(view.offsets.to_utf16(start))  # type: ignore[attr-defined]
    view.setTextCursor(cursor)
    view.setFocus()
    for _ in range(view.offsets.to_utf16(end) - view.offsets.to_utf16(start)):  # type: ignore[attr-defined]
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)


def point_of(view: QTextBrowser, cp: int) -> QPoint:
    """Viewport point in the middle of the character at code point ``cp``."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(cp))  # type: ignore[attr-defined]
    left = view.cursorRect(cursor)
    cursor.setPosition(view.offsets.to_utf16(cp + 1))  # type: ignore[attr-defined]
    right = view.cursorRect(cursor)
    return QPoint((left.left() + right.left()) // 2, left.center().y())


def select_by_mouse(qtbot, view: QTextBrowser, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
    """Drag from the left edge of ``start`` to the left edge of ``end`` (same line)."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(start))  # type: ignore[attr-defined]
    a = view.cursorRect(cursor)
    cursor.setPosition(view.offsets.to_utf16(end))  # type: ignore[attr-defined]
    b = view.cursorRect(cursor)
    vp = view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=QPoint(a.left() + 1, a.center().y()))
    qtbot.mouseMove(vp, QPoint(b.left() + 1, b.center().y()))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=QPoint(b.left() + 1, b.center().y()))


def background_at(view: QTextBrowser, cp: int) -> QColor:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(cp) + 1)  # type: ignore[attr-defined]
    return cursor.charFormat().background().color()
