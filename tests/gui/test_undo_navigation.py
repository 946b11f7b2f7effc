"""Undo and redo of a change made in another article open that article and show the change:
the highlight chosen in the Notes tab or the claim in the Claims tab, the reader at its place.
"""

from __future__ import annotations

import pytest
from highlight_helpers import select_by_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from monitor_desk.core.library import Library
from monitor_desk.ui.panels.claims_model import SPEAKER

_CTRL = Qt.KeyboardModifier.ControlModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier
BORDER, KYIV = 1, 2  # the fixture library's two articles


@pytest.fixture
def window(make_window, gui_library: Library, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    w = make_window(gui_library, analyse_missing=False)
    w.library_panel.select_article(BORDER)
    assert w.article_id == BORDER
    return w


def _undo(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.reader.view, Qt.Key.Key_Z, _CTRL)


def _redo(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.reader.view, Qt.Key.Key_Z, _CTRL | _SHIFT)


def _open_other(window) -> None:  # type: ignore[no-untyped-def]
    """Open the Kyiv article the way the analyst does, from the library list."""
    window.library_panel.select_article(KYIV)
    assert window.article_id == KYIV
    assert window.reader.view.article.id == KYIV


def _showing(window, article_id: int) -> bool:  # type: ignore[no-untyped-def]
    return (
        window.article_id == article_id
        and window.reader.view.article.id == article_id
        and window.notes.model.article_id == article_id
        and window.claims.model.article_id == article_id
    )


def _caret_at(window, cp: int) -> bool:  # type: ignore[no-untyped-def]
    view = window.reader.view
    return view.textCursor().position() == view.offsets.to_utf16(cp)


def test_undo_and_redo_of_a_highlight_open_its_article(qtbot, window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    view = window.reader.view
    text = gui_library.articles.get(BORDER).text
    start = text.index("Pankisi Gorge")
    end = start + len("Pankisi Gorge")
    select_by_keys(qtbot, view, start, end)
    qtbot.keyClick(view, Qt.Key.Key_H)
    tag_input = window.findChild(QLineEdit, "tagInput")
    qtbot.keyClicks(tag_input, "places")
    qtbot.keyClick(tag_input, Qt.Key.Key_Return)
    (created,) = gui_library.highlights.list()
    window.side.setCurrentWidget(window.claims)

    _open_other(window)
    _undo(qtbot, window)
    assert _showing(window, BORDER)
    assert gui_library.highlights.list() == []
    assert view.marks.highlights == []
    assert window.notes.model.rowCount() == 0
    assert window.side.currentWidget() is window.notes
    assert _caret_at(window, start)  # the reader is where the highlight was

    _redo(qtbot, window)  # in the same article now: it comes back, chosen
    assert gui_library.highlights.list() == [created]
    assert [h.id for h in view.marks.highlights] == [created.id]
    chosen = window.notes.current_highlight()
    assert chosen is not None
    assert chosen.id == created.id

    _undo(qtbot, window)
    _open_other(window)
    window.side.setCurrentWidget(window.sources)
    _redo(qtbot, window)
    assert _showing(window, BORDER)
    assert gui_library.highlights.list() == [created]
    assert window.side.currentWidget() is window.notes
    chosen = window.notes.current_highlight()
    assert chosen is not None
    assert chosen.id == created.id
    assert _caret_at(window, start)
    assert "another article" not in window.statusBar().currentMessage()


def test_undo_and_redo_of_a_claim_edit_open_its_article(
    qtbot, window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    panel = window.claims
    row = next(i for i, c in enumerate(panel.model.claims) if "cost Tbilisi" in c.content.text)
    claim = panel.model.claims[row]
    assert panel.model.setData(panel.model.index(row, SPEAKER), "Opposition leaders")
    renamed = next(c for c in gui_library.claims.list(BORDER) if c.id == claim.id)
    assert renamed.speaker_label == "Opposition leaders"
    window.side.setCurrentWidget(window.notes)

    def chosen() -> int | None:
        current = panel.current_claim()
        return current.id if current is not None else None

    _open_other(window)
    _undo(qtbot, window)
    assert _showing(window, BORDER)
    assert next(c for c in gui_library.claims.list(BORDER) if c.id == claim.id) == claim
    assert window.side.currentWidget() is panel
    assert chosen() == claim.id
    assert claim.speaker_label in panel.detail.text()
    assert "another article" not in window.statusBar().currentMessage()
    starts = [claim.content.start, claim.cue.start]
    if claim.speaker is not None:
        starts.append(claim.speaker.start)
    first = min(starts)
    assert _caret_at(window, first)  # the reader shows the claim

    _open_other(window)
    window.side.setCurrentWidget(window.sources)
    _redo(qtbot, window)
    assert _showing(window, BORDER)
    assert next(c for c in gui_library.claims.list(BORDER) if c.id == claim.id) == renamed
    assert window.side.currentWidget() is panel
    assert chosen() == claim.id
    assert "Opposition leaders" in panel.detail.text()


def test_tag_wide_undo_stays_in_the_open_article(qtbot, window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    text = gui_library.articles.get(BORDER).text
    start = text.index("border regime")
    assert window.highlighting.service.create(BORDER, start, start + 13, ["borders"])
    assert window.highlighting.service.rename_tag("borders", "frontiers")
    _open_other(window)
    _undo(qtbot, window)  # a tag rename belongs to no one article
    assert window.article_id == KYIV
    assert [t.name for t in gui_library.tags.list()] == ["borders"]
