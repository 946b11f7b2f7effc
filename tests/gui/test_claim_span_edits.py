"""Correcting a claim's speaker, cue and content from the reader's selection (Claims tab)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QToolButton

from monitor_desk.core.library import Library
from monitor_desk.ui.panels.claims_model import CONTENT, CUE, KIND, SPEAKER


def _select(view, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
    """Select code points ``start..end`` in the reader, as a mouse drag would."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(start))
    cursor.setPosition(view.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def _span(lib: Library, article_id: int, needle: str, after: str = "") -> tuple[int, int]:
    text = lib.articles.get(article_id).text
    start = text.index(needle, text.index(after) if after else 0)
    return start, start + len(needle)


def _choose(window, cue: str, content: str) -> int:  # type: ignore[no-untyped-def]
    """Select the claim in the Claims tab; returns its row."""
    claims = window.claims.model.claims
    row = next(i for i, c in enumerate(claims) if c.cue.text == cue and content in c.content.text)
    window.claims.select_row(row)
    return row


def _row_of(window, claim_id: int) -> int:  # type: ignore[no-untyped-def]
    return next(i for i, c in enumerate(window.claims.model.claims) if c.id == claim_id)


def _underline(view, cp: int) -> QTextCharFormat.UnderlineStyle:  # type: ignore[no-untyped-def]
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(cp) + 1)  # the format of the char before
    return cursor.charFormat().underlineStyle()


def test_content_after_emoji_is_set_from_the_selection_and_repainted(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    window.open_article(2)  # emoji in the title and the first sentence, before the claim
    view = window.reader.view
    panel = window.claims
    act = panel.span_actions["content"]
    assert not act.isEnabled()  # no claim chosen, nothing selected
    claim_id = panel.model.claims[_choose(window, "said", "Ukraine")].id
    assert not act.isEnabled()  # nothing selected yet
    old = next(c for c in panel.model.claims if c.id == claim_id).content
    start, end = _span(gui_library, 2, "Ukraine would keep its course")
    assert view.offsets.to_utf16(start) > start  # astral characters before the selection
    _select(view, start, end)
    assert act.isEnabled()
    button = panel.toolbar.widgetForAction(act)
    assert isinstance(button, QToolButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    stored = next(c for c in gui_library.claims.list(2) if c.id == claim_id)
    assert (stored.content.start, stored.content.end) == (start, end)
    assert stored.content.text == "Ukraine would keep its course"
    row = _row_of(window, claim_id)
    assert panel.model.index(row, CONTENT).data() == "Ukraine would keep its course"
    assert panel.table.currentIndex().row() == row  # the corrected claim stays chosen
    assert any(m.kind == "claim" and (m.start, m.end) == (start, end) for m in view._mark_list)
    dotted = QTextCharFormat.UnderlineStyle.DotLine
    assert _underline(view, start) == dotted
    assert _underline(view, end - 1) == dotted
    assert _underline(view, old.start) != dotted  # "that" is no longer content
    assert _underline(view, end + 1) != dotted  # nor "toward Europe"
    assert "Ukraine would keep its course" in window.statusBar().currentMessage()

    path = Path(str(gui_library.path))
    window.close()
    gui_library.close()
    with Library.open(path) as again:
        reopened = next(c for c in again.claims.list(2) if c.id == claim_id)
        assert reopened.content.text == "Ukraine would keep its course"


def test_content_by_keyboard_recomputes_the_kind(qtbot, make_window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)  # shortcuts act in the active window
    window.open_article(1)
    panel = window.claims
    row = _choose(window, "told", "no wish")
    claim_id = panel.model.claims[row].id
    panel.table.setColumnHidden(KIND, False)
    assert panel.model.index(row, KIND).data() == "mixed"
    view = window.reader.view
    _select(view, *_span(gui_library, 1, '"has no wish to isolate Georgia"'))
    view.setFocus()
    qtbot.keyClick(
        view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )

    row = _row_of(window, claim_id)
    assert panel.model.index(row, KIND).data() == "direct"
    assert panel.model.index(row, CONTENT).data() == '"has no wish to isolate Georgia"'
    assert "direct quote" in panel.detail.text()
    assert next(c for c in gui_library.claims.list(1) if c.id == claim_id).kind == "direct"


def test_speaker_and_cue_from_the_context_menu(qtbot, make_window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    window.open_article(1)
    panel = window.claims
    row = _choose(window, "said", "talks with Russia")
    claim_id = panel.model.claims[row].id
    view = window.reader.view
    name = "Georgian Foreign Minister Irakli Menagharishvili"
    _select(view, *_span(gui_library, 1, name))  # the extractor's speaker took the title too
    rect = panel.table.visualRect(panel.model.index(row, SPEAKER))
    panel._table_menu(rect.center())
    entries = {a.text(): a for a in panel.table_menu.actions()}
    assert entries["Set &Speaker to Selection"].isEnabled()
    entries["Set &Speaker to Selection"].trigger()
    panel.table_menu.close()
    row = _row_of(window, claim_id)
    assert panel.model.index(row, SPEAKER).data() == name
    stored = next(c for c in gui_library.claims.list(1) if c.id == claim_id)
    assert stored.speaker is not None
    assert stored.speaker.text == name

    cue = _span(gui_library, 1, "said on Monday")
    _select(view, *cue)
    panel.span_actions["cue"].trigger()
    assert panel.model.index(_row_of(window, claim_id), CUE).data() == "said on Monday"
    assert any(m.kind == "cue" and (m.start, m.end) == cue for m in view._mark_list)


def test_a_blank_selection_is_refused_with_a_message(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    window.open_article(1)
    panel = window.claims
    claim_id = panel.model.claims[_choose(window, "warned", "agreement")].id
    before = next(c for c in gui_library.claims.list(1) if c.id == claim_id)
    text = gui_library.articles.get(1).text
    gap = text.index("\n\nThe opposition warned")
    _select(window.reader.view, gap, gap + 2)
    panel.span_actions["content"].trigger()
    assert "white space" in window.statusBar().currentMessage()
    assert next(c for c in gui_library.claims.list(1) if c.id == claim_id) == before
    assert panel.model.index(_row_of(window, claim_id), CONTENT).data() == before.content.text
