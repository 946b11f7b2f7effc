"""'Show these in the library list': the list restricted to chosen articles, with a banner
that says so and a Show all that lifts it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from monitor_desk.core.library import Library
from monitor_desk.ui.panels.library_panel import LibraryPanel


def _panel(qtbot, library: Library) -> LibraryPanel:  # type: ignore[no-untyped-def]
    panel = LibraryPanel(library)
    qtbot.addWidget(panel)
    panel.resize(420, 500)
    panel.show()
    return panel


def test_show_only_restricts_the_list_and_show_all_lifts_it(qtbot, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, gui_library)
    everything = [panel.model.article_id(r) for r in range(panel.model.rowCount())]
    assert len(everything) == 2
    banner = panel.findChild(QLabel, "listBannerText")
    assert not banner.isVisible()

    kyiv = gui_library.articles.ids(search="Kuchma")
    assert len(kyiv) == 1
    panel.show_only(kyiv, "search 'Kuchma'")
    assert [panel.model.article_id(r) for r in range(panel.model.rowCount())] == kyiv
    assert banner.isVisible()
    assert banner.text() == "Showing 1 article: search 'Kuchma'"
    assert panel.current_article_id() == kyiv[0]
    assert panel.shown_only() == kyiv

    # The filters apply within the chosen articles, and the banner says what they hide.
    panel.filter_edits["publication"].setText("No Such Paper")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=3000)
    assert banner.text() == "Showing 0 of 1 article: search 'Kuchma'"
    panel.filter_edits["publication"].clear()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=3000)
    assert banner.text() == "Showing 1 article: search 'Kuchma'"
    panel.select_article(kyiv[0])

    # A refresh (after an import or an edit) keeps the restriction.
    panel.refresh()
    assert panel.model.rowCount() == 1
    assert banner.isVisible()

    qtbot.mouseClick(panel.findChild(QPushButton, "listBannerShowAll"), Qt.MouseButton.LeftButton)
    assert sorted(panel.model.article_id(r) for r in range(panel.model.rowCount())) == sorted(
        everything
    )
    assert not banner.isVisible()
    assert panel.shown_only() is None
    assert panel.current_article_id() == kyiv[0]  # the article read stays selected


def test_show_only_with_ids_of_deleted_articles_shows_the_rest(qtbot, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, gui_library)
    ids = panel.library.articles.ids()
    panel.show_only([*ids, 9999], "chart: April 2001")
    assert panel.model.rowCount() == 2
    assert panel.findChild(QLabel, "listBannerText").text() == (
        "Showing 2 articles: chart: April 2001"
    )
