"""Entity corrections from the reader's context menu and the Corrections list, undoable."""

from __future__ import annotations

import re

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


def _wait(qtbot, window, act) -> None:  # type: ignore[no-untyped-def]
    """Run ``act`` (a menu entry, an undo…) and wait for its correction's work to end."""
    with qtbot.waitSignal(window.corrections.finished, timeout=20000):
        act()


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
    _wait(qtbot, window, _entry(menu, "Change &Type", "Organisation (ORG)").trigger)
    menu.deleteLater()
    assert _shown(view, "Moscow") == {"ORG"}  # every mention in the open article, repainted
    assert {e.label for e in gui_library.entities.list(search="Moscow")} == {"ORG"}
    _wait(qtbot, window, window.undo_stack.undo)
    assert _shown(view, "Moscow") == {"GPE"}
    _wait(qtbot, window, window.undo_stack.redo)
    assert _shown(view, "Moscow") == {"ORG"}

    menu = view.context_menu(_point_on(view, moscow.start))
    _wait(qtbot, window, _entry(menu, "&Not an Entity: “Moscow”").trigger)
    menu.deleteLater()
    assert _shown(view, "Moscow") == set()

    text = gui_library.articles.get(1).text
    start = text.index("customs posts")
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(start))
    cursor.setPosition(view.offsets.to_utf16(start + 13), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    menu = view.context_menu(QPoint(5, 5))
    _wait(qtbot, window, _entry(menu, "Mark as &Entity", "Facility (FAC)").trigger)
    menu.deleteLater()
    assert _shown(view, "customs posts") == {"FAC"}

    dialog = CorrectionsDialog(window.corrections, window)
    assert [dialog.items.item(i).text() for i in range(dialog.items.count())] == [
        "“Moscow”: type ORG",
        "“Moscow” is not an entity",
        "“customs posts”: added as FAC",
    ]
    dialog.items.setCurrentRow(1)
    _wait(qtbot, window, dialog.revoke_button.click)
    assert dialog.items.count() == 2
    assert _shown(view, "Moscow") == {"ORG"}  # the retype is still taught
    _wait(qtbot, window, window.undo_stack.undo)  # the revocation is undone: not an entity again
    assert dialog.items.count() == 3
    assert _shown(view, "Moscow") == set()
    dialog.close()


def test_a_correction_runs_on_the_work_queue_with_progress_in_the_status_bar(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    window.open_article(1)
    view = window.reader.view
    moscow = next(e for e in view.marks.entities if e.text == "Moscow")
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    menu = view.context_menu(_point_on(view, moscow.start))
    with qtbot.waitSignal(window.corrections.finished, timeout=20000):
        _entry(menu, "Change &Type", "Organisation (ORG)").trigger()
        # back in the window at once: the work is queued, the window not yet repainted
        assert window.corrections.running == 1
        assert _shown(view, "Moscow") == {"GPE"}
        assert said[-1] == "Change Entity Type “Moscow”…"
    menu.deleteLater()
    assert any(
        re.fullmatch(r"Change Entity Type “Moscow”: (\d+)/\1 article\(s\)…", m) for m in said
    )
    assert said[-1] == "Correction applied."
    assert window.corrections.running == 0
    assert _shown(view, "Moscow") == {"ORG"}


def test_the_entities_tab_row_menu_corrects_the_entity(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    window.open_article(1)
    panel, view = window.entities, window.reader.view

    def row_of(name: str):  # type: ignore[no-untyped-def]
        rows = [i for i, r in enumerate(panel.clusters.rows) if r[0] == name]
        return rows[0] if rows else None

    def menu_on(name: str) -> QMenu:
        row = row_of(name)
        assert row is not None
        pos = panel.cluster_view.visualRect(panel.clusters.index(row, 0)).center()
        menu = panel.context_menu(pos)
        assert menu is not None
        return menu

    assert panel.clusters.rows[row_of("Moscow")][1] == "GPE"
    menu = menu_on("Moscow")
    assert [a.text() for a in menu.actions()][:2] == ["Change &Type", "&Merge “Moscow” Into…"]
    _wait(qtbot, window, _entry(menu, "Change &Type", "Organisation (ORG)").trigger)
    menu.deleteLater()
    assert panel.clusters.rows[row_of("Moscow")][1] == "ORG"  # the tab reloaded
    assert _shown(view, "Moscow") == {"ORG"}  # the same correction as the reader's
    assert [c.describe() for c in gui_library.corrections.list()] == ["“Moscow”: type ORG"]

    menu = menu_on("Moscow")
    _wait(qtbot, window, _entry(menu, "&Not an Entity: “Moscow”").trigger)
    menu.deleteLater()
    assert row_of("Moscow") is None
    assert _shown(view, "Moscow") == set()
    _wait(qtbot, window, window.undo_stack.undo)
    assert panel.clusters.rows[row_of("Moscow")][1] == "ORG"
    assert panel.context_menu(QPoint(-5, -5)) is None  # no row there: no menu
