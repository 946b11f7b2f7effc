"""The analyst edits article details in the window (issue 15 item 2): one article from the
dialog, a field for many selected articles; one undo step each; inferred dates marked."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import QApplication

from monitor_desk.core.library import Library
from monitor_desk.ui.dialogs.details_dialog import DetailsDialog, SetFieldDialog

_DATE_COLUMN = 3


def _date_cell(window, article_id: int, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    model = window.library_panel.model
    return model.index(model.row_of(article_id), _DATE_COLUMN).data(role)


def _answer_dialog(fill) -> None:  # type: ignore[no-untyped-def]
    """Fill in and accept the modal dialog the next action opens."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        fill(dialog)
        dialog.accept()

    QTimer.singleShot(0, answer)


def test_edit_details_of_the_open_article_from_the_dialog_and_undo(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library, analyse_missing=False)
    window.library_panel.select_article(1)
    before = gui_library.articles.get(1)
    steps = window.undo_stack.count()

    def fill(dialog: DetailsDialog) -> None:
        dialog.edits["date"].setText("26 September 1999")
        dialog.edits["author"].setText("A. Analyst")

    _answer_dialog(fill)
    window.reader.edit_details.click()  # the reader header's "Edit details…"
    assert window.undo_stack.count() == steps + 1
    after = gui_library.articles.get(1)
    assert (after.date, after.date_source, after.author) == ("1999-09-26", "analyst", "A. Analyst")
    assert after.title == before.title  # untouched fields are not marked as edited
    assert _date_cell(window, 1) == "1999-09-26"
    assert "1999-09-26" in window.reader.meta.text()
    assert "A. Analyst" in window.reader.meta.text()
    window.undo_stack.undo()
    undone = gui_library.articles.get(1)
    assert (undone.date, undone.date_source, undone.author) == (
        before.date, before.date_source, before.author,
    )  # fmt: skip
    assert "A. Analyst" not in window.reader.meta.text()
    window.undo_stack.redo()
    assert gui_library.articles.get(1).author == "A. Analyst"


def test_set_one_field_for_many_selected_articles_is_one_undo_step(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library, analyse_missing=False)
    panel = window.library_panel
    ids = gui_library.articles.ids()
    assert len(ids) >= 2
    selection = panel.table.selectionModel()
    for aid in ids:
        selection.select(
            panel.model.index(panel.model.row_of(aid), 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    assert sorted(panel.selected_article_ids()) == sorted(ids)
    before = {a.id: (a.date, a.publication) for a in gui_library.articles.list()}
    steps = window.undo_stack.count()

    def fill(dialog: SetFieldDialog) -> None:
        dialog.field.setCurrentIndex(dialog.field.findData("date"))
        dialog.value.setText("2005")

    _answer_dialog(fill)
    window.details.act_set_field.trigger()
    assert window.undo_stack.count() == steps + 1
    assert {(a.date, a.date_source) for a in gui_library.articles.list()} == {("2005", "analyst")}
    assert {_date_cell(window, aid) for aid in ids} == {"2005"}
    window.undo_stack.undo()
    assert {a.id: (a.date, a.publication) for a in gui_library.articles.list()} == before


def test_a_bad_date_is_told_and_leaves_nothing_on_the_stack(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library, analyse_missing=False)
    window.library_panel.select_article(1)
    told: list[str] = []
    _answer_dialog(lambda box: told.append(box.text()))  # the window's warning box
    steps = window.undo_stack.count()
    assert not window.details.apply([1], {"date": "someday"})
    assert window.undo_stack.count() == steps
    assert len(told) == 1
    assert "not a date" in told[0]
    assert "not a date" in window.statusBar().currentMessage()


def test_an_inferred_date_is_marked_in_the_list_and_the_reader(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    # As the Monitor brief's citations date it: on or after September 26, year unknown.
    gui_library.db.execute(
        "UPDATE articles SET date = '--09-26', date_source = 'citations', "
        "date_precision = 'after' WHERE id = 1"
    )
    window = make_window(gui_library, analyse_missing=False)
    window.library_panel.select_article(1)
    window.open_article(1)
    assert _date_cell(window, 1) == "≥ Sep 26"
    assert _date_cell(window, 1, Qt.ItemDataRole.FontRole).italic()
    assert "citations" in _date_cell(window, 1, Qt.ItemDataRole.ToolTipRole)
    assert "≥ Sep 26, year unknown (from the citations)" in window.reader.meta.text()
    others = [aid for aid in gui_library.articles.ids() if aid != 1]
    assert _date_cell(window, others[0], Qt.ItemDataRole.FontRole) is None  # not inferred


def test_the_list_filters_by_where_dates_came_from(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library, analyse_missing=False)
    assert window.details.apply([1], {"date": "2005"})
    panel = window.library_panel
    edit = panel.filter_edits["date_source"]
    with QSignalBlocker(edit):  # applied now, not by the typing timer after the test
        edit.setText("analyst")
    panel.apply_filters()
    assert [panel.model.article_id(r) for r in range(panel.model.rowCount())] == [1]
    with QSignalBlocker(edit):
        edit.setText("")
    panel.apply_filters()
    assert panel.model.rowCount() == len(gui_library.articles.ids())


def test_the_filters_box_hides_near_duplicates(
    qtbot, make_window, gui_library: Library, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    story = " ".join(f"Word{i} of the border talks story, said the minister." for i in range(30))
    (tmp_path / "a.txt").write_text(f"BORDER TALKS\n\n{story}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Talks to resume\n\n{story}\n", encoding="utf-8")
    report = gui_library.import_paths([tmp_path / "a.txt", tmp_path / "b.txt"], analyze=False)
    copy = report.files[1].article_id
    assert "near-duplicate of article" in (report.files[1].reason or "")
    window = make_window(gui_library, analyse_missing=False)
    panel = window.library_panel
    shown = lambda: [panel.model.article_id(r) for r in range(panel.model.rowCount())]  # noqa: E731
    assert copy in shown()
    box = panel.hide_near_duplicates
    assert box.text() == "Hide near-duplicates"
    with QSignalBlocker(box):  # applied now, not by the timer after the test
        box.setChecked(True)
    panel.apply_filters()
    assert copy not in shown()
    assert len(shown()) == len(gui_library.articles.ids()) - 1
