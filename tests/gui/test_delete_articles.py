"""Deleting articles from the library list: confirmation, one undo step, the window follows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from monitor_desk.core.library import Library
from monitor_desk.ui.main_window import MainWindow


def _rows(lib: Library) -> list[tuple[object, ...]]:
    out = []
    for table in ("articles", "revisions", "entities", "citations", "claims", "highlights"):
        out += [(table, *r) for r in lib.db.execute(f"SELECT * FROM {table} ORDER BY id")]
    out += [("fts", *r) for r in lib.db.execute("SELECT rowid, * FROM search_fts ORDER BY 1")]
    out += [("tags", *r) for r in lib.db.execute("SELECT * FROM highlight_tags ORDER BY 1, 2")]
    return out


def _choose_all(window: MainWindow) -> None:
    table = window.library_panel.table
    table.setFocus()
    table.selectAll()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().select(table.model().index(0, 0), flags)


@pytest.fixture
def window(make_window, gui_library: Library) -> MainWindow:  # type: ignore[no-untyped-def]
    text = gui_library.articles.get(1).text
    start = text.index("Menagharishvili")
    gui_library.highlights.add(1, start, start + 15, tags=["georgia"], note="FM")
    start = text.index("Pankisi")
    gui_library.highlights.add(1, start, start + 7, tags=["georgia"])
    start = text.index("The opposition warned")
    gui_library.claims.add(1, (start, start + len("The opposition warned")), "The opposition")
    return make_window(gui_library, analyse_missing=False)  # type: ignore[no-any-return]


def test_delete_key_on_the_list_asks_then_deletes_and_one_undo_restores_everything(
    qtbot, window: MainWindow, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    before = _rows(gui_library)
    assert window.library_panel.select_article(1)
    assert window.article_id == 1
    _choose_all(window)
    assert sorted(window.library_panel.selected_article_ids()) == [1, 2]

    qtbot.keyClick(window.library_panel.table, Qt.Key.Key_Delete)
    box = window.findChild(QMessageBox, "confirmDeleteArticles")
    assert box is not None
    assert box.isVisible()
    assert box.text().startswith("Delete these 2 articles? 2 highlights and 1 claim")
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert len(gui_library.articles.list()) == 2  # cancelled: nothing goes

    window.removal.act_delete.trigger()
    box = window.findChild(QMessageBox, "confirmDeleteArticles")
    box.button(QMessageBox.StandardButton.Yes).click()

    assert gui_library.is_empty()
    assert gui_library.search("Menagharishvili") == []
    assert window.library_panel.model.rowCount() == 0
    assert window.article_id is None
    assert window.notes.model.rowCount() == 0
    assert window.claims.model.rowCount() == 0
    assert window.undo_stack.undoText() == "Delete 2 Articles"

    window.undo_stack.undo()

    assert _rows(gui_library) == before
    assert window.library_panel.model.rowCount() == 2
    assert window.article_id == 1
    assert "Menagharishvili" in window.reader.view.toPlainText()
    assert window.notes.model.rowCount() == 2
    window.undo_stack.redo()
    assert gui_library.is_empty()
    window.undo_stack.undo()
    assert _rows(gui_library) == before


def test_deleting_the_open_article_opens_its_neighbour_and_keeps_other_undo_steps(
    window: MainWindow, gui_library: Library
) -> None:
    window.library_panel.select_article(1)
    text = gui_library.articles.get(2).text
    start = text.index("Kuchma")
    window.highlights.create(2, start, start + 6, ["ukraine"])  # an undo step before
    assert window.removal.delete([1])
    assert [a.id for a in gui_library.articles.list()] == [2]
    assert window.article_id == 2
    window.undo_stack.undo()  # the delete
    window.undo_stack.undo()  # the highlight, still undoable after the delete's undo
    assert [h.article_id for h in gui_library.highlights.list()] == [1, 1]
    assert [a.id for a in gui_library.articles.list()] == [1, 2]


def test_the_confirmation_counts_highlights_and_claims() -> None:
    from monitor_desk.ui.article_removal import confirmation_text

    assert confirmation_text(1, 0, 0) == (
        "Delete this article? You can undo this (Ctrl+Z) while the window is open."
    )
    assert confirmation_text(1, 2, 0, "BORDER TALKS").startswith(
        "Delete “BORDER TALKS”? 2 highlights will be deleted with it."
    )
    assert confirmation_text(3, 1, 2).startswith(
        "Delete these 3 articles? 1 highlight and 2 claims you added, edited or graded will be "
        "deleted with them."
    )
