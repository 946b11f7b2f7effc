"""Nothing clipped (issue 18 item 4): titles elide in the middle with the whole title as
tooltip, columns share narrow panels and keep their widths, the highlight popup wraps the
quote, and the claim detail follows the article shown."""

from __future__ import annotations

import pytest
from highlight_helpers import select_by_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel

from monitor_desk.core.library import Library
from monitor_desk.ui.panels.claims_model import SPEAKER
from monitor_desk.ui.panels.notes_panel import ARTICLE, DATE, NOTE, QUOTE, TAGS

LONG_NOTE = "Compare with the Duma's statement of April 3; ask the desk about the customs posts"


@pytest.fixture
def library(gui_library: Library) -> Library:
    for article_id, words in ((1, "talks with Russia"), (2, "NATO Secretary General")):
        text = gui_library.articles.get(article_id).text
        start = text.index(words)
        gui_library.highlights.add(
            article_id, start, start + len(words), ["borders/customs-posts"], LONG_NOTE
        )
    return gui_library


@pytest.fixture
def window(make_window, library: Library, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    w = make_window(library, analyse_missing=False)
    w.resize(1280, 800)
    w.open_article(1)
    return w


def _shown_width(view, columns: list[int]) -> int:  # type: ignore[no-untyped-def]
    return sum(view.columnWidth(c) for c in columns if not view.isColumnHidden(c))


def test_library_titles_elide_in_the_middle_with_the_whole_title_as_tooltip(window) -> None:  # type: ignore[no-untyped-def]
    view = window.library_panel.table
    assert view.textElideMode() == Qt.TextElideMode.ElideMiddle
    model = view.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        title = index.data()
        assert str(index.data(Qt.ItemDataRole.ToolTipRole)).splitlines()[0] == title
    # At 1280 px the title column is narrower than "NOTES FROM KYIV 🙂": it is elided.
    kyiv = next(r for r in range(model.rowCount()) if "KYIV" in model.index(r, 0).data())
    title = model.index(kyiv, 0).data()
    shown = view.fontMetrics().elidedText(title, Qt.TextElideMode.ElideMiddle, view.columnWidth(0))
    assert view.fontMetrics().horizontalAdvance(title) > 0
    assert shown == title or (shown[:3] == title[:3] and shown[-2:] == title[-2:])


def test_notes_across_the_library_stay_readable_at_1280_by_800(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.side.setCurrentWidget(window.notes)
    window.notes.library_toggle.setChecked(True)
    qtbot.waitUntil(lambda: window.notes.model.rowCount() == 2)
    view = window.notes.table
    assert not view.isColumnHidden(ARTICLE)
    assert view.isColumnHidden(DATE)  # the date stays in the row's tooltip
    assert view.columnWidth(QUOTE) >= 140  # was squeezed to 25 px
    assert view.columnWidth(NOTE) >= 80
    assert view.columnWidth(ARTICLE) >= 60
    # Every shown column fits: nothing pushed off to the right.
    assert _shown_width(view, [QUOTE, TAGS, NOTE, DATE, ARTICLE]) <= view.viewport().width()
    assert "Article: " in str(view.model().index(0, QUOTE).data(Qt.ItemDataRole.ToolTipRole))
    window.notes.library_toggle.setChecked(False)
    assert not view.isColumnHidden(DATE)
    assert view.isColumnHidden(ARTICLE)


def test_entity_mentions_keep_the_context_on_screen(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.side.setCurrentWidget(window.entities)
    panel = window.entities
    qtbot.waitUntil(lambda: panel.clusters.rowCount() > 0)
    cluster, label, _ = panel.clusters.rows[0]
    panel.show_cluster(cluster, label)
    view = panel.mention_view
    assert view.columnWidth(1) >= 0.6 * view.viewport().width()
    assert view.columnWidth(0) + view.columnWidth(1) <= view.viewport().width()
    # Narrower, the context wraps onto more lines and its row grows to show them.
    before = view.rowHeight(0)
    window.splitter.setSizes([300, 780, 200])
    qtbot.waitUntil(lambda: view.rowHeight(0) > before)


def test_column_widths_are_kept_between_sessions(qtbot, make_window, library, settings) -> None:  # type: ignore[no-untyped-def]
    first = make_window(library, settings, analyse_missing=False)
    first.open_article(1)
    first.claims.table.setColumnWidth(SPEAKER, 211)
    first.side.setCurrentWidget(first.notes)
    notes = first.notes.table
    qtbot.waitUntil(lambda: notes.viewport().width() > 200)
    notes.horizontalHeader().resizeSection(TAGS, notes.columnWidth(TAGS) + 60)
    tags_width = notes.columnWidth(TAGS)
    first.save_settings()
    first.close()
    second = make_window(library, settings, analyse_missing=False)
    second.open_article(1)
    assert second.claims.table.columnWidth(SPEAKER) == 211
    assert second.side.currentWidget() is second.notes
    qtbot.waitUntil(lambda: second.notes.table.viewport().width() > 200)
    assert abs(second.notes.table.columnWidth(TAGS) - tags_width) <= 2


def test_the_highlight_popup_shows_the_whole_quote_wrapped(qtbot, window, library) -> None:  # type: ignore[no-untyped-def]
    view = window.reader.view
    text = library.articles.get(1).text
    start = text.index("Russian Ambassador")
    end = text.index("isolate Georgia") + len("isolate Georgia")
    select_by_keys(qtbot, view, start, end)
    qtbot.keyClick(view, Qt.Key.Key_H)
    popup = window.findChild(QFrame, "tagPopup")
    assert popup.isVisible()
    title = popup.findChild(QLabel, "tagPopupTitle")
    quote = " ".join(text[start:end].split())
    assert len(quote) > 90
    assert quote in title.text()  # whole, not cut at 48 characters
    assert title.wordWrap()
    assert title.height() >= 2 * title.fontMetrics().height()  # on more than one line
    assert title.geometry().right() <= popup.contentsRect().right()
    qtbot.keyClick(popup, Qt.Key.Key_Escape)


def test_the_claim_detail_follows_the_article_shown(window) -> None:  # type: ignore[no-untyped-def]
    panel = window.claims
    assert panel.model.rowCount() > 0
    panel.select_row(0)
    described = panel.detail.text()
    assert described
    window.open_article(2)
    assert panel.model.article_id == 2
    assert panel.current_claim() is None
    assert panel.detail.text() == ""  # not the previous article's claim
    window.open_article(1)
    panel.select_row(0)
    assert panel.detail.text() == described
