"""Highlighting from the reader: select, H, tags and a note, Enter — stored at the right
code points and painted; Esc cancels; favourite keys; overlaps; hover; click; promote."""

from __future__ import annotations

import pytest
from highlight_helpers import background_at, point_of, select_by_keys, select_by_mouse
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QFrame, QLineEdit, QToolTip

from monitor_desk.core.library import Library


@pytest.fixture
def window(make_window, gui_library: Library, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    w = make_window(gui_library, analyse_missing=False)
    w.open_article(1)
    return w


def _span(lib: Library, article_id: int, words: str) -> tuple[int, int]:
    text = lib.articles.get(article_id).text
    start = text.index(words)
    return start, start + len(words)


def test_h_opens_the_popup_and_enter_stores_tags_note_and_offsets(
    qtbot, window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    gui_library.tags.create("borders")
    window.highlighting.service.refresh_tags()
    view = window.reader.view
    start, end = _span(gui_library, 1, "border regime")
    select_by_keys(qtbot, view, start, end)
    assert view.selected_span() == (start, end)
    qtbot.keyClick(view, Qt.Key.Key_H)
    popup = window.findChild(QFrame, "tagPopup")
    assert popup.isVisible()
    tag_input = window.findChild(QLineEdit, "tagInput")
    assert tag_input.hasFocus()
    qtbot.keyClicks(tag_input, "bord")
    completions = tag_input.completer().completionModel()
    assert completions.index(0, 0).data() == "borders"  # existing tags are offered
    tag_input.setText("borders, arms-control/ABM")
    qtbot.keyClicks(window.findChild(QLineEdit, "noteInput"), "talks restart")
    qtbot.keyClick(window.findChild(QLineEdit, "noteInput"), Qt.Key.Key_Return)
    assert not popup.isVisible()
    (h,) = gui_library.highlights.list(1)
    assert (h.start, h.end, h.exact) == (start, end, "border regime")
    assert h.tags == ["arms-control/ABM", "borders"]
    assert h.note == "talks restart"
    assert "arms-control/ABM" in [t.name for t in gui_library.tags.list()]
    assert background_at(view, start + 2) != background_at(view, start - 2)  # painted
    assert [x.id for x in view.marks.highlights] == [h.id]
    assert window.notes.model.rowCount() == 1


def test_mouse_selection_and_the_astral_article_store_code_points(
    qtbot, window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window.open_article(2)  # has emoji before the text: UTF-16 and code points differ
    view = window.reader.view
    start, end = _span(gui_library, 2, "NATO Secretary")
    select_by_mouse(qtbot, view, start, end)
    assert view.selected_span() == (start, end)
    window.highlighting.act_highlight.trigger()
    tag_input = window.findChild(QLineEdit, "tagInput")
    qtbot.keyClicks(tag_input, "alliances")
    qtbot.keyClick(tag_input, Qt.Key.Key_Enter)
    (h,) = gui_library.highlights.list(2)
    assert h.exact == "NATO Secretary"


def test_enter_on_a_chosen_completion_takes_it_and_saves(
    qtbot, window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    gui_library.tags.create("arms-control/ABM")
    window.highlighting.service.refresh_tags()
    view = window.reader.view
    select_by_keys(qtbot, view, *_span(gui_library, 1, "Pankisi"))
    qtbot.keyClick(view, Qt.Key.Key_H)
    tag_input = window.findChild(QLineEdit, "tagInput")
    qtbot.keyClicks(tag_input, "caucasus, abm")  # matches inside a nested name
    popup = tag_input.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    popup.setCurrentIndex(popup.model().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    (h,) = gui_library.highlights.list(1)
    assert h.tags == ["arms-control/ABM", "caucasus"]


def test_enter_while_suggestions_show_keeps_what_was_typed(
    qtbot, window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    gui_library.tags.create("borders")
    window.highlighting.service.refresh_tags()
    view = window.reader.view
    select_by_keys(qtbot, view, *_span(gui_library, 1, "Pankisi"))
    qtbot.keyClick(view, Qt.Key.Key_H)
    tag_input = window.findChild(QLineEdit, "tagInput")
    qtbot.keyClicks(tag_input, "bord")
    qtbot.waitUntil(tag_input.completer().popup().isVisible, timeout=2000)
    qtbot.keyClick(tag_input, Qt.Key.Key_Return)  # a new tag, not the suggestion
    (h,) = gui_library.highlights.list(1)
    assert h.tags == ["bord"]


def test_escape_cancels_and_stores_nothing(qtbot, window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    view = window.reader.view
    select_by_keys(qtbot, view, *_span(gui_library, 1, "Pankisi"))
    qtbot.keyClick(view, Qt.Key.Key_H)
    tag_input = window.findChild(QLineEdit, "tagInput")
    qtbot.keyClicks(tag_input, "never-saved")
    qtbot.keyClick(tag_input, Qt.Key.Key_Escape)
    assert not window.findChild(QFrame, "tagPopup").isVisible()
    assert gui_library.highlights.list() == []
    assert "never-saved" not in [t.name for t in gui_library.tags.list()]


def test_h_without_a_selection_says_what_to_do(qtbot, window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    view = window.reader.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_H)
    assert not window.findChild(QFrame, "tagPopup").isVisible()
    assert "Select text" in window.statusBar().currentMessage()


def test_key_1_applies_the_most_used_tag(qtbot, window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    for words, tags in (("Moscow", ["russia"]), ("Tbilisi", ["georgia", "russia"])):
        gui_library.highlights.add(1, *_span(gui_library, 1, words), tags=tags)
    window.highlighting.service.refresh_tags()
    assert window.highlighting.service.favourites()[:2] == ["russia", "georgia"]
    view = window.reader.view
    start, end = _span(gui_library, 1, "customs posts")
    select_by_keys(qtbot, view, start, end)
    qtbot.keyClick(view, Qt.Key.Key_1)
    new = [h for h in gui_library.highlights.list(1) if h.start == start]
    assert [(h.end, h.tags) for h in new] == [(end, ["russia"])]
    select_by_keys(qtbot, view, *_span(gui_library, 1, "Gorge"))
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert gui_library.highlights.list(1, tag="georgia")[-1].exact == "Gorge"


def test_overlapping_highlights_paint_a_deeper_tint(window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    a_start, a_end = _span(gui_library, 1, "the customs posts")
    gui_library.highlights.add(1, a_start, a_end, tags=["trade"])
    b_start, b_end = _span(gui_library, 1, "posts along the border")
    gui_library.highlights.add(1, b_start, b_end, tags=["trade"])
    window.open_article(1)
    view = window.reader.view
    only_a = background_at(view, a_start + 1)
    both = background_at(view, b_start + 1)
    only_b = background_at(view, a_end + 3)
    assert both not in (only_a, only_b)
    assert both.lightness() < only_a.lightness()


def test_hover_shows_tags_and_note(qtbot, window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    start, end = _span(gui_library, 1, "Pankisi Gorge")
    gui_library.highlights.add(1, start, end, tags=["conflict/pankisi"], note="watch this")
    window.open_article(1)
    view = window.reader.view
    point = point_of(view, start + 3)
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert "conflict/pankisi" in QToolTip.text()
    assert "watch this" in QToolTip.text()
    QToolTip.hideText()


def test_clicking_a_highlight_selects_it_in_the_notes_tab(
    qtbot, window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    for words in ("Monday", "Pankisi Gorge"):
        gui_library.highlights.add(1, *_span(gui_library, 1, words), tags=["t"])
    window.open_article(1)
    window.side.setCurrentIndex(0)
    view = window.reader.view
    start, _ = _span(gui_library, 1, "Pankisi Gorge")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, start + 2))
    assert window.side.currentWidget() is window.notes
    current = window.notes.current_highlight()
    assert current is not None
    assert current.exact == "Pankisi Gorge"


def test_promote_a_highlight_to_a_claim(qtbot, window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    start, end = _span(gui_library, 1, "Georgia would not give up its claim to the gorge")
    hid = gui_library.highlights.add(1, start, end, tags=["claims"]).id
    window.open_article(1)
    dialog = window.highlighting.promote(hid)
    assert dialog is not None
    assert dialog.speaker.text()  # prefilled from the analysis or the person before it
    assert dialog.cue.text() == "insisted"
    dialog.speaker.setText("Irakli Menagharishvili")
    dialog.accept()
    claims = [c for c in gui_library.claims.list(1) if c.origin == "user"]
    assert [(c.content.start, c.content.end) for c in claims] == [(start, end)]
    assert claims[0].speaker_label == "Irakli Menagharishvili"
    assert claims[0].cue.text == "insisted"
    assert window.side.currentWidget() is window.claims
    rows = [window.claims.model.claim(r) for r in range(window.claims.model.rowCount())]
    assert any(c is not None and c.id == claims[0].id for c in rows)
