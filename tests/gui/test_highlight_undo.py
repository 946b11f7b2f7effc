"""Undo and redo of every highlight and tag change put back exactly what was there."""

from __future__ import annotations

import pytest
from highlight_helpers import select_by_keys
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit

from monitor_desk.core.library import Library


@pytest.fixture
def window(make_window, gui_library: Library, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    w = make_window(gui_library, analyse_missing=False)
    w.open_article(1)
    return w


def _span(lib: Library, words: str) -> tuple[int, int]:
    start = lib.articles.get(1).text.index(words)
    return start, start + len(words)


def _state(lib: Library) -> tuple[object, object]:
    return lib.highlights.list(), [(t.id, t.name, t.color, t.count) for t in lib.tags.list()]


def test_create_by_keyboard_then_ctrl_z_and_ctrl_shift_z(
    qtbot, window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)  # shortcuts act in the active window
    empty = _state(gui_library)
    view = window.reader.view
    select_by_keys(qtbot, view, *_span(gui_library, "border regime"))
    qtbot.keyClick(view, Qt.Key.Key_H)
    tag_input = window.findChild(QLineEdit, "tagInput")
    qtbot.keyClicks(tag_input, "borders/new-tag")
    qtbot.keyClick(tag_input, Qt.Key.Key_Return)
    created = _state(gui_library)
    assert len(created[0]) == 1
    assert window.undo.act_undo.text() == "&Undo Highlight (borders/new-tag)"
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _state(gui_library) == empty  # the tag it created is gone too
    assert view.marks.highlights == []
    qtbot.keyClick(
        view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert _state(gui_library) == created  # same id, created time, tag id
    assert len(view.marks.highlights) == 1
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert _state(gui_library) == created


def test_keys_undo_even_when_the_window_is_not_active(qtbot, window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    view = window.reader.view
    select_by_keys(qtbot, view, *_span(gui_library, "Pankisi Gorge"))
    qtbot.keyClick(view, Qt.Key.Key_H)
    tag_input = window.findChild(QLineEdit, "tagInput")
    tag_input.setText("places")
    window.findChild(QLineEdit, "noteInput").setText("gorge")
    qtbot.keyClick(window.findChild(QLineEdit, "noteInput"), Qt.Key.Key_Return)
    (h,) = gui_library.highlights.list()
    stack = window.findChild(QUndoStack)
    assert stack.undoText() == "Highlight (places)"
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gui_library.highlights.list() == []
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert gui_library.highlights.list() == [h]
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gui_library.highlights.list() == []


def test_edit_and_delete_undo_restore_exactly(window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    hid = gui_library.highlights.add(1, *_span(gui_library, "Pankisi"), tags=["a"], note="one").id
    gui_library.tags.recolor("a", "#0072b2")
    flow = window.highlighting
    flow.service.refresh_tags()
    original = _state(gui_library)
    assert flow.service.edit(hid, ["b/c"], "two", "#d55e00")
    edited = _state(gui_library)
    h = gui_library.highlights.get(hid)
    assert (h.tags, h.note, h.color) == (["b/c"], "two", "#d55e00")
    flow.service.stack.undo()
    assert _state(gui_library) == original
    flow.service.stack.redo()
    assert _state(gui_library) == edited
    assert flow.service.delete(hid)
    assert gui_library.highlights.list() == []
    assert window.notes.model.rowCount() == 0
    flow.service.stack.undo()
    assert _state(gui_library) == edited
    assert window.notes.model.rowCount() == 1
    flow.service.stack.undo()
    assert _state(gui_library) == original


def test_merge_and_rename_undo_give_back_the_tags(window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    a = gui_library.highlights.add(1, *_span(gui_library, "Monday"), tags=["claim"]).id
    b = gui_library.highlights.add(1, *_span(gui_library, "Pankisi"), tags=["claim", "claims"]).id
    gui_library.highlights.add(1, *_span(gui_library, "Moscow"), tags=["claims"])
    gui_library.tags.recolor("claim", "#cc79a7")
    flow = window.highlighting
    flow.service.refresh_tags()
    before = _state(gui_library)
    assert flow.service.merge_tags("claim", "claims")
    assert "claim" not in [t.name for t in gui_library.tags.list()]
    assert window.undo.act_undo.text().startswith("&Undo Merge Tag")
    flow.service.stack.undo()
    assert _state(gui_library) == before
    assert [h.id for h in gui_library.highlights.list(tag="claim")] == [a, b]
    assert flow.service.merge_tags("claim", "brand-new")
    flow.service.stack.undo()
    assert _state(gui_library) == before  # a target the merge created is removed again
    assert flow.service.rename_tag("claims", "assertions/claims")
    assert gui_library.highlights.get(b).tags == ["assertions/claims", "claim"]
    flow.service.stack.undo()
    assert _state(gui_library) == before
    flow.service.stack.redo()
    assert "assertions/claims" in [t.name for t in gui_library.tags.list()]


def test_a_refused_change_is_reported_and_not_kept(window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    gui_library.highlights.add(1, *_span(gui_library, "Monday"), tags=["x", "y"])
    flow = window.highlighting
    flow.service.refresh_tags()
    assert not flow.service.rename_tag("x", "y")  # the name is taken: merge instead
    assert flow.service.stack.count() == 0
    assert "merge" in window.statusBar().currentMessage()


def test_editing_through_the_popup_and_undo(qtbot, window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    hid = gui_library.highlights.add(1, *_span(gui_library, "Pankisi"), tags=["a"], note="old").id
    window.open_article(1)
    before = gui_library.highlights.get(hid)
    window.highlighting.edit(hid)
    tag_input = window.findChild(QLineEdit, "tagInput")
    note_input = window.findChild(QLineEdit, "noteInput")
    assert tag_input.text() == "a"
    assert note_input.text() == "old"
    tag_input.setText("a, places/caucasus")
    note_input.setText("new note")
    qtbot.keyClick(note_input, Qt.Key.Key_Return)
    h = gui_library.highlights.get(hid)
    assert (h.tags, h.note) == (["a", "places/caucasus"], "new note")
    window.highlighting.service.stack.undo()
    assert gui_library.highlights.get(hid) == before
    assert "places/caucasus" not in [t.name for t in gui_library.tags.list()]


def test_undo_keeps_a_new_tag_that_something_else_uses_now(window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    service = window.highlighting.service
    first = service.create(1, *_span(gui_library, "Monday"), ["fresh"])
    assert first is not None
    other = gui_library.highlights.add(1, *_span(gui_library, "Moscow"), tags=["fresh"]).id
    service.stack.undo()
    assert gui_library.highlights.get(other).tags == ["fresh"]
