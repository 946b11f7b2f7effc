"""The Notes list holds highlight ids only and fetches the rows it shows, a page at a time."""

from __future__ import annotations

import pytest

from monitor_desk.core.library import Library
from monitor_desk.ui.panels.notes_panel import HighlightRole, NotesModel, NotesPanel
from monitor_desk.ui.widgets.paged_rows import PAGE


@pytest.fixture
def many(gui_library: Library) -> list[int]:
    """Two and a half pages of highlights over both articles, every tenth tagged "odd/x"."""
    ids = []
    for i in range(PAGE * 2 + 50):
        article = 1 + i % 2
        start = 60 + i // 2
        tags = ["odd/x"] if i % 10 == 0 else ["even"]
        ids.append(
            gui_library.highlights.add(article, start, start + 5, tags=tags, note=f"n{i}").id
        )
    return ids


def _counting(lib: Library, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    fetched: list[int] = []
    real = lib.highlights.by_ids

    def counting(ids):  # type: ignore[no-untyped-def]
        fetched.extend(ids)
        return real(ids)

    monkeypatch.setattr(lib.highlights, "by_ids", counting)
    return fetched


def test_only_the_pages_shown_are_fetched(
    qtmodeltester, gui_library: Library, many: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    fetched = _counting(gui_library, monkeypatch)
    model = NotesModel(gui_library)
    model.whole_library = True
    model.load(None)
    assert model.rowCount() == len(many)
    assert fetched == []  # nothing until a row is asked for
    expected = gui_library.highlights.list()
    last = model.rowCount() - 1
    assert model.index(last, 0).data(HighlightRole) == expected[last]
    assert len(fetched) == 50  # the last page only
    assert model.index(last, 4).data() == gui_library.articles.get(expected[last].article_id).title
    assert model.row_of(expected[7].id) == 7
    assert model.row_of(10**9) == -1
    qtmodeltester.check(model)


def test_filters_and_the_order_match_the_library(gui_library: Library, many: list[int]) -> None:
    model = NotesModel(gui_library)
    model.whole_library = True
    model.tag = "odd"
    model.text = "N1"  # notes n1, n10..n19, n100..: case-insensitive
    model.load(None)
    want = [
        h
        for h in gui_library.highlights.list(tag="odd")
        if "n1" in f"{h.exact}\n{h.note}\n{' '.join(h.tags)}".casefold()
    ]
    assert [model.index(r, 0).data(HighlightRole) for r in range(model.rowCount())] == want
    assert len(want) > 1
    model.text = "100%"  # a LIKE wildcard, matched literally: no note holds it
    model.reload()
    assert model.rowCount() == 0
    model.tag, model.text = "/", ""  # no tag name: nothing, and no error
    model.reload()
    assert model.rowCount() == 0


def test_select_all_and_export_needs_no_rows(
    qtbot, gui_library: Library, many: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    panel = NotesPanel(gui_library)
    qtbot.addWidget(panel)
    panel.library_toggle.setChecked(True)
    fetched = _counting(gui_library, monkeypatch)
    panel.table.selectAll()
    assert sorted(panel.selected_ids()) == sorted(many)
    assert fetched == []
    assert panel.caption.text() == f"{len(many)} highlights in the library."


def test_reload_keeps_the_current_highlight(qtbot, gui_library: Library, many: list[int]) -> None:  # type: ignore[no-untyped-def]
    panel = NotesPanel(gui_library)
    qtbot.addWidget(panel)
    panel.resize(600, 400)
    panel.show()
    panel.library_toggle.setChecked(True)
    target = gui_library.highlights.list()[PAGE + 3]
    assert panel.select_highlight(target.id)
    gui_library.highlights.update(target.id, note="edited")
    panel.reload()
    current = panel.current_highlight()
    assert current is not None
    assert (current.id, current.note) == (target.id, "edited")
    assert not panel.select_highlight(10**9)


def test_selected_ids_of_scattered_rows(qtbot, gui_library: Library, many: list[int]) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    panel = NotesPanel(gui_library)
    qtbot.addWidget(panel)
    panel.library_toggle.setChecked(True)
    model = panel.model
    chosen = QItemSelection()
    for first, last in ((2, 4), (PAGE + 1, PAGE + 1)):
        chosen.select(model.index(first, 0), model.index(last, model.columnCount() - 1))
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
    panel.table.selectionModel().select(chosen, flags)
    order = [h.id for h in gui_library.highlights.list()]
    assert panel.selected_ids() == [order[2], order[3], order[4], order[PAGE + 1]]
