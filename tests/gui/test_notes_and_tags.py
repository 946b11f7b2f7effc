"""The Notes tab (filters, library toggle, orphans, export menu) and the tag manager."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QMessageBox

from monitor_desk.core.library import Library
from monitor_desk.ui.dialogs.tag_manager import TagsModel
from monitor_desk.ui.panels.notes_panel import ORPHAN_MARK, NotesModel


@pytest.fixture
def window(make_window, gui_library: Library, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    w = make_window(gui_library, analyse_missing=False)
    w.open_article(1)
    return w


def _add(lib: Library, article_id: int, words: str, tags: list[str], note: str = "") -> int:
    start = lib.articles.get(article_id).text.index(words)
    return lib.highlights.add(article_id, start, start + len(words), tags=tags, note=note).id


def _quotes(model: NotesModel) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_tag_filter_takes_sub_tags_but_not_longer_names(window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    _add(gui_library, 1, "Monday", ["claim"])
    _add(gui_library, 1, "Pankisi", ["claim/denial"])
    _add(gui_library, 1, "Moscow", ["claimant"])
    _add(gui_library, 1, "customs", ["other"], note="duties on the border")
    notes = window.notes
    notes.load(1)
    assert notes.model.rowCount() == 4
    notes.tag_filter.setText("claim")
    assert _quotes(notes.model) == ["Monday", "Pankisi"]
    notes.tag_filter.setText("")
    notes.text_filter.setText("DUTIES border")
    assert _quotes(notes.model) == ["customs"]
    notes.text_filter.setText("nothing like this")
    assert notes.model.rowCount() == 0
    assert "matches" in notes.caption.text()


def test_library_toggle_lists_every_article_with_its_title(window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    _add(gui_library, 1, "Monday", ["a"])
    _add(gui_library, 2, "Kuchma", ["a/b"])
    notes = window.notes
    notes.load(1)
    assert notes.model.rowCount() == 1
    notes.library_toggle.setChecked(True)
    assert _quotes(notes.model) == ["Monday", "Kuchma"]
    assert not notes.table.isColumnHidden(4)
    assert notes.model.index(1, 4).data() == gui_library.articles.get(2).title
    notes.table.selectRow(1)  # choosing a note of another article opens that article
    assert window.article_id == 2
    assert window.reader.view.flashed_span() is not None


def test_orphans_are_listed_with_their_quote_and_marked(
    window, gui_library: Library, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "note.txt"
    path.write_text("TALKS\n\nThe envoy left early. Nobody explained why.\n", encoding="utf-8")
    report = gui_library.import_paths([path], analyze=False)
    aid = report.files[0].article_id
    assert aid is not None
    _add(gui_library, aid, "Nobody explained why", ["mystery"])
    _add(gui_library, aid, "envoy", ["people"])
    path.write_text("TALKS\n\nThe envoy left early and went home.\n", encoding="utf-8")
    gui_library.import_paths([path], analyze=False)
    window.open_article(aid)
    quotes = _quotes(window.notes.model)
    assert f"{ORPHAN_MARK} Nobody explained why" in quotes
    assert "envoy" in quotes
    assert "no longer found" in window.notes.caption.text()
    assert [h.exact for h in window.reader.view.marks.highlights if h.status == "anchored"] == [
        "envoy"
    ]


def test_notes_context_menu_offers_export_of_the_selection(
    window, gui_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    ids = [_add(gui_library, 1, w, ["x"]) for w in ("Monday", "Pankisi")]
    window.notes.load(1)
    window.notes.table.selectAll()
    assert window.notes.selected_ids() == ids
    seen: list[list[int]] = []
    from monitor_desk.ui.dialogs import export_dialog

    monkeypatch.setattr(
        export_dialog,
        "show_export_dialog",
        lambda parent, lib, highlight_ids: seen.append(highlight_ids),
    )
    window.notes.export_selected(window.notes.selected_ids())
    assert seen == [ids]


def test_models_pass_the_model_tester(qtmodeltester, window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    _add(gui_library, 1, "Monday", ["a"], note="n")
    _add(gui_library, 2, "Kuchma", ["b"])
    window.highlighting.service.refresh_tags()
    model = NotesModel(gui_library)
    model.whole_library = True
    model.load(None)
    qtmodeltester.check(model)
    qtmodeltester.check(TagsModel(window.highlighting.service))


def test_tag_manager_rename_merge_recolour_delete_with_confirmation(
    qtbot, window, gui_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    _add(gui_library, 1, "Monday", ["russia"])
    _add(gui_library, 1, "Moscow", ["russia", "moscow"])
    _add(gui_library, 1, "Pankisi", ["georgia"])
    window.highlighting.service.refresh_tags()
    manager = window.highlighting.open_tag_manager()
    model = manager.model
    assert [(t.name, t.count) for t in model.tags] == [("russia", 2), ("georgia", 1), ("moscow", 1)]

    manager.select("georgia")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("caucasus/georgia", True))
    manager.rename_current()
    assert gui_library.highlights.list(tag="caucasus")[0].exact == "Pankisi"

    manager.select("moscow")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("russia", True))
    manager.merge_current()
    assert "moscow" not in [t.name for t in gui_library.tags.list()]
    assert gui_library.highlights.get(2).tags == ["russia"]

    manager.select("russia")
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#009e73"))
    manager.recolor_current()
    assert {t.name: t.color for t in gui_library.tags.list()}["russia"] == "#009e73"
    view = window.reader.view
    assert view.tag_colors.get("russia") == "#009e73"  # tag colours drive the highlights

    manager.select("russia")
    manager.delete_current()
    box = manager.findChild(QMessageBox, "confirmDeleteTag")
    assert box is not None
    assert "2 highlights" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert "russia" in [t.name for t in gui_library.tags.list()]
    manager.select("russia")
    manager.delete_current()
    box = manager.findChild(QMessageBox, "confirmDeleteTag")
    box.button(QMessageBox.StandardButton.Yes).click()
    assert "russia" not in [t.name for t in gui_library.tags.list()]
    assert len(gui_library.highlights.list()) == 3  # the highlights stay

    stack = window.highlighting.service.stack
    assert stack.undoText() == "Delete Tag “russia”"
    while stack.canUndo():
        stack.undo()
    assert [(t.name, t.color, t.count) for t in gui_library.tags.list()] == [
        ("russia", None, 2),
        ("georgia", None, 1),
        ("moscow", None, 1),
    ]
    manager.close()


def test_pinning_a_tag_gives_it_key_1_and_is_remembered(window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    _add(gui_library, 1, "Monday", ["often"])
    _add(gui_library, 1, "Moscow", ["often"])
    _add(gui_library, 1, "Pankisi", ["rare"])
    service = window.highlighting.service
    service.refresh_tags()
    assert service.favourites() == ["often", "rare"]
    manager = window.highlighting.open_tag_manager()
    manager.select("rare")
    manager.toggle_pin()
    assert service.favourites() == ["rare", "often"]
    row = [t.name for t in manager.model.tags].index("rare")
    assert manager.model.index(row, 0).data() == "1 ★"
    assert window.settings.value("tags/pinned") == ["rare"]
    manager.toggle_pin()
    assert service.favourites() == ["often", "rare"]
    manager.close()
