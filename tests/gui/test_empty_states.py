"""Empty lists say what would fill them, as the Taught cues and Outlet links tabs do."""

from __future__ import annotations

from monitor_desk.core.library import Library
from monitor_desk.ui.dialogs.corrections_dialog import CorrectionsDialog


def test_entity_corrections_tab_says_how_to_correct_an_entity(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library, analyse_missing=False)
    dialog = CorrectionsDialog(window.corrections, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.items.count() == 0
    assert dialog.empty.isVisible()
    assert "right-click" in dialog.empty.text()
    gui_library.corrections.add("ignore", ["Moscow"])
    dialog.reload()
    assert dialog.items.count() == 1
    assert not dialog.empty.isVisible()


def test_tag_manager_without_tags_says_how_to_make_one(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library, analyse_missing=False)
    manager = window.highlighting.open_tag_manager()
    assert manager.model.rowCount() == 0
    assert manager.empty.isVisible()
    assert "press H" in manager.empty.text()
    text = gui_library.articles.get(1).text
    start = text.index("Moscow")
    window.highlighting.service.create(1, start, start + len("Moscow"), ["russia"])
    assert manager.model.rowCount() == 1
    assert not manager.empty.isVisible()
    manager.close()


def test_an_article_without_claims_says_so_and_how_to_add_one(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library, analyse_missing=False)
    window.open_article(1)
    panel = window.claims
    assert panel.model.rowCount() > 0
    assert "No claims" not in panel.detail.text()
    for claim in gui_library.claims.list(1):
        gui_library.claims.delete(claim.id)
    window.open_article(1)
    assert panel.model.rowCount() == 0
    assert panel.detail.isVisible()
    assert panel.detail.text().startswith("No claims found in this article.")
    assert "Add from selection" in panel.detail.text()
