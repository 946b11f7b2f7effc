"""Entity corrections from the reader's context menu and the Corrections list, undoable."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu

from monitor_desk.core.library import Library
from monitor_desk.ui.dialogs.corrections_dialog import CorrectionsDialog


def _point_on(view, pos: int) -> QPoint:  # type: ignore[no-untyped-def]
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(pos + 1))
    return view.cursorRect(cursor).center()


def _entry(menu: QMenu, *path: str):  # type: ignore[no-untyped-def]
    for act in menu.actions():
        if act.text() == path[0]:
            return act if len(path) == 1 else _entry(act.menu(), *path[1:])
    raise AssertionError(f"{path[0]!r} not in {[a.text() for a in menu.actions()]}")


def _shown(view, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.label for e in view.marks.entities if e.text == text}


def test_retype_ignore_and_mark_from_the_reader_menu_undo_and_the_list(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    window.open_article(1)
    view = window.reader.view
    moscow = next(e for e in view.marks.entities if e.text == "Moscow")
    assert _shown(view, "Moscow") == {"GPE"}

    menu = view.context_menu(_point_on(view, moscow.start))
    _entry(menu, "Change &Type", "Organisation (ORG)").trigger()
    menu.deleteLater()
    assert _shown(view, "Moscow") == {"ORG"}  # every mention in the open article, repainted
    assert {e.label for e in gui_library.entities.list(search="Moscow")} == {"ORG"}
    window.undo_stack.undo()
    assert _shown(view, "Moscow") == {"GPE"}
    window.undo_stack.redo()
    assert _shown(view, "Moscow") == {"ORG"}

    menu = view.context_menu(_point_on(view, moscow.start))
    _entry(menu, "&Not an Entity: “Moscow”").trigger()
    menu.deleteLater()
    assert _shown(view, "Moscow") == set()

    text = gui_library.articles.get(1).text
    start = text.index("customs posts")
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(start))
    cursor.setPosition(view.offsets.to_utf16(start + 13), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    menu = view.context_menu(QPoint(5, 5))
    _entry(menu, "Mark as &Entity", "Facility (FAC)").trigger()
    menu.deleteLater()
    assert _shown(view, "customs posts") == {"FAC"}

    dialog = CorrectionsDialog(window.corrections, window)
    assert [dialog.items.item(i).text() for i in range(dialog.items.count())] == [
        "“Moscow”: type ORG",
        "“Moscow” is not an entity",
        "“customs posts”: added as FAC",
    ]
    dialog.items.setCurrentRow(1)
    dialog.revoke_button.click()
    assert dialog.items.count() == 2
    assert _shown(view, "Moscow") == {"ORG"}  # the retype is still taught
    window.undo_stack.undo()  # the revocation is undone: not an entity again
    assert dialog.items.count() == 3
    assert _shown(view, "Moscow") == set()
    dialog.close()
