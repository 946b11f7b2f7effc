"""Claim changes in the Claims tab and the reader are undone and redone with Ctrl+Z and
Ctrl+Shift+Z, on the same undo stack as highlights."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLineEdit

from monitor_desk.core.claims import StoredClaim
from monitor_desk.core.library import Library
from monitor_desk.ui.panels.claims_model import CONTENT, CREDIBILITY_COL, KIND, SPEAKER
from monitor_desk.ui.widgets.delegates import GradeRole

_CTRL = Qt.KeyboardModifier.ControlModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier
_DOTTED = QTextCharFormat.UnderlineStyle.DotLine


def _select(view, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(start))
    cursor.setPosition(view.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def _span(lib: Library, needle: str) -> tuple[int, int]:
    start = lib.articles.get(1).text.index(needle)
    return start, start + len(needle)


def _choose(window, words: str) -> StoredClaim:  # type: ignore[no-untyped-def]
    """Choose the claim whose content has ``words`` in the Claims tab."""
    row = next(i for i, c in enumerate(window.claims.model.claims) if words in c.content.text)
    window.claims.select_row(row)
    return window.claims.model.claims[row]


def _row_of(window, claim_id: int) -> int:  # type: ignore[no-untyped-def]
    return next(i for i, c in enumerate(window.claims.model.claims) if c.id == claim_id)


def _stored(lib: Library, claim_id: int) -> StoredClaim | None:
    return next((c for c in lib.claims.list(1) if c.id == claim_id), None)


def _undo(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.reader.view, Qt.Key.Key_Z, _CTRL)


def _redo(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.reader.view, Qt.Key.Key_Z, _CTRL | _SHIFT)


def _underline(view, cp: int) -> QTextCharFormat.UnderlineStyle:  # type: ignore[no-untyped-def]
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(cp) + 1)
    return cursor.charFormat().underlineStyle()


def _table(window) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    model = window.claims.model
    return [
        (model.index(r, SPEAKER).data(), model.index(r, CONTENT).data())
        for r in range(model.rowCount())
    ]


def test_speaker_name_typed_in_the_table_is_undone_and_redone(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    window.open_article(1)
    panel = window.claims
    claim = _choose(window, "would not give up")
    old_name = claim.speaker_label
    index = panel.model.index(_row_of(window, claim.id), SPEAKER)
    panel.table.setCurrentIndex(index)
    panel.table.edit(index)
    editor = panel.table.viewport().findChild(QLineEdit)
    assert editor is not None
    editor.setText("Foreign Minister Menagharishvili")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next loop turn

    new_name = "Foreign Minister Menagharishvili"
    qtbot.waitUntil(
        lambda: panel.model.index(_row_of(window, claim.id), SPEAKER).data() == new_name,
        timeout=2000,
    )
    assert window.undo.act_undo.text() == "&Undo Rename Claim Speaker"

    _undo(qtbot, window)
    row = _row_of(window, claim.id)
    assert panel.model.index(row, SPEAKER).data() == old_name
    assert _stored(gui_library, claim.id) == claim
    assert panel.table.currentIndex().row() == row  # the claim stays chosen
    assert old_name in panel.detail.text()

    _redo(qtbot, window)
    row = _row_of(window, claim.id)
    assert panel.model.index(row, SPEAKER).data() == new_name
    stored = _stored(gui_library, claim.id)
    assert stored is not None
    assert stored.speaker_label == new_name


def test_kind_and_grade_edits_are_undone_one_at_a_time(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    window.open_article(1)
    panel = window.claims
    claim = _choose(window, "cost Tbilisi")
    model = panel.model
    assert model.setData(model.index(_row_of(window, claim.id), KIND), "direct", GradeRole)
    assert model.setData(model.index(_row_of(window, claim.id), CREDIBILITY_COL), 4, GradeRole)
    stored = _stored(gui_library, claim.id)
    assert stored is not None
    assert (stored.kind, stored.credibility) == ("direct", 4)

    _undo(qtbot, window)
    stored = _stored(gui_library, claim.id)
    assert stored is not None
    assert (stored.kind, stored.credibility) == ("direct", None)
    assert model.index(_row_of(window, claim.id), CREDIBILITY_COL).data() == "—"
    _undo(qtbot, window)
    assert _stored(gui_library, claim.id) == claim
    assert model.index(_row_of(window, claim.id), KIND).data() == claim.kind
    _redo(qtbot, window)
    _redo(qtbot, window)
    assert model.index(_row_of(window, claim.id), CREDIBILITY_COL).data() == "4"


def test_a_deleted_claim_comes_back_where_it_was(qtbot, make_window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    window.open_article(1)
    panel = window.claims
    claim = _choose(window, "Moscow")
    panel.model.setData(panel.model.index(_row_of(window, claim.id), CREDIBILITY_COL), 2, GradeRole)
    before_store = gui_library.claims.list(1)
    before_table = _table(window)
    row = _row_of(window, claim.id)
    view = window.reader.view
    content = next(c for c in before_store if c.id == claim.id).content
    assert _underline(view, content.start) == _DOTTED

    panel.select_row(row)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert _stored(gui_library, claim.id) is None
    assert len(_table(window)) == len(before_table) - 1
    assert _underline(view, content.start) != _DOTTED

    _undo(qtbot, window)
    assert gui_library.claims.list(1) == before_store  # spans, kind, grade, citation, id
    assert _table(window) == before_table  # and the same row
    assert panel.table.currentIndex().row() == row
    assert panel.model.index(row, CREDIBILITY_COL).data() == "2"
    assert _underline(view, content.start) == _DOTTED  # painted in the reader again

    _redo(qtbot, window)
    assert _stored(gui_library, claim.id) is None
    assert _table(window) == [r for i, r in enumerate(before_table) if i != row]


def test_content_set_from_the_reader_menu_is_undone_with_its_kind_and_marks(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    window.open_article(1)
    panel = window.claims
    view = window.reader.view
    _select(view, *_span(gui_library, '"has no wish to isolate Georgia"'))
    menu = view.context_menu(QPoint(5, 5))
    assert not [a for a in menu.actions() if "Set Claim" in a.text()]  # no claim chosen
    menu.deleteLater()

    claim = _choose(window, "no wish")
    assert claim.kind == "mixed"
    quote = _span(gui_library, '"has no wish to isolate Georgia"')
    _select(view, *quote)
    menu = view.context_menu(QPoint(5, 5))
    entries = {a.text(): a for a in menu.actions() if "Set Claim" in a.text()}
    assert set(entries) == {
        "Set Claim &Speaker to Selection",
        "Set Claim Cu&e to Selection",
        "Set Claim C&ontent to Selection",
    }
    entries["Set Claim C&ontent to Selection"].trigger()
    menu.deleteLater()
    changed = _stored(gui_library, claim.id)
    assert changed is not None
    assert (changed.content.start, changed.content.end, changed.kind) == (*quote, "direct")
    old = claim.content.start  # "that Moscow …" was content, is no longer
    assert _underline(view, old) != _DOTTED

    _undo(qtbot, window)
    assert _stored(gui_library, claim.id) == claim  # old span and kind "mixed"
    row = _row_of(window, claim.id)
    assert panel.model.index(row, CONTENT).data() == claim.content.text
    assert panel.table.currentIndex().row() == row
    assert "mixed quote" in panel.detail.text()
    assert _underline(view, old) == _DOTTED
    assert any(
        m.kind == "claim" and (m.start, m.end) == (claim.content.start, claim.content.end)
        for m in view._mark_list
    )

    _redo(qtbot, window)
    assert _stored(gui_library, claim.id) == changed
    assert _underline(view, old) != _DOTTED


def test_an_added_claim_is_undone_and_redone_with_its_id(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    window.open_article(1)
    panel = window.claims
    before = gui_library.claims.list(1)
    _select(window.reader.view, *_span(gui_library, "Border talks resume in Tbilisi".upper()))
    panel.add_from_selection()
    assert panel.dialog is not None
    panel.dialog.speaker.setText("The editors")
    panel.dialog.accept()
    (added,) = [c for c in gui_library.claims.list(1) if c not in before]
    assert added.speaker_label == "The editors"
    assert "The editors" in [s for s, _ in _table(window)]

    _undo(qtbot, window)
    assert gui_library.claims.list(1) == before
    assert "The editors" not in [s for s, _ in _table(window)]

    _redo(qtbot, window)
    assert _stored(gui_library, added.id) == added
    assert panel.table.currentIndex().row() == _row_of(window, added.id)


def test_claim_and_highlight_changes_share_one_history(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    window.open_article(1)
    claim = _choose(window, "customs posts")
    window.highlighting.service.create(1, *_span(gui_library, "Pankisi Gorge"), ["places"])
    window.claims.edits.edit(claim.id, "speaker_name", "Kremlin officials")
    _undo(qtbot, window)  # the claim edit first, the highlight stays
    assert _stored(gui_library, claim.id) == claim
    assert len(gui_library.highlights.list(1)) == 1
    _undo(qtbot, window)
    assert gui_library.highlights.list(1) == []
    assert window.undo.act_undo.isEnabled() is False


def test_an_undo_the_library_refuses_is_reported_and_dropped(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    window.open_article(1)
    claim = _choose(window, "customs posts")
    window.claims.edits.delete(claim.id)
    # As if the article were analysed again meanwhile: its extracted claims are new rows.
    gui_library.db.execute("UPDATE revisions SET analyzed = '2099-01-01T00:00:00Z'")
    _undo(qtbot, window)
    assert "analysed again" in window.statusBar().currentMessage()
    assert _stored(gui_library, claim.id) is None
    assert not window.undo.act_undo.isEnabled()  # the stale step is gone
    assert not window.undo.act_redo.isEnabled()
