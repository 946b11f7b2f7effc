"""Search says how much it found: the count over the results, More for the next page, the
date beside each hit (inferred ones marked as in the list), and Show in list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListView, QPushButton

from monitor_desk.core.library import Library
from monitor_desk.ui.panels.library_panel import HITS_PAGE, LibraryPanel
from monitor_desk.ui.widgets.date_cell import INFERRED_COLOR

BRIEF = """Publication: Gazette Volume: 2 Issue: {n} Date: 2004-03-{day:02}

TREATY ROUND {n}

The delegates said the treaty round {n} would resume in Geneva.
"""

CITED = """TREATY DIGEST

MOSCOW, Sept 26 (Reuters) - The treaty was discussed again in Moscow.
"""


def _library(library: Library, tmp_path: Path, count: int) -> Library:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(1, count + 1):
        (folder / f"b{n:03}.txt").write_text(BRIEF.format(n=n, day=n % 28 + 1), encoding="utf-8")
    (folder / "digest.txt").write_text(CITED, encoding="utf-8")
    report = library.import_paths([folder], analyze=False)
    assert report.count("imported") == count + 1
    return library


def _panel(qtbot, library: Library) -> LibraryPanel:  # type: ignore[no-untyped-def]
    panel = LibraryPanel(library)
    qtbot.addWidget(panel)
    panel.resize(420, 600)
    panel.show()
    return panel


def _search(qtbot, panel: LibraryPanel, query: str) -> None:  # type: ignore[no-untyped-def]
    panel.search_box.setText(query)
    qtbot.waitUntil(lambda: panel.findChild(QListView, "searchResults").isVisible(), timeout=3000)


def test_the_count_says_how_many_and_more_shows_the_rest(
    qtbot, library: Library, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, _library(library, tmp_path, 149))
    _search(qtbot, panel, "treaty")
    count = panel.findChild(QLabel, "searchCount")
    more = panel.findChild(QPushButton, "searchMore")
    assert count.isVisible()
    assert count.text() == f"150 hits in 150 articles — the best {HITS_PAGE} shown"
    assert panel.results_model.rowCount() == HITS_PAGE
    assert more.isVisible()
    assert more.text() == "50 more"

    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    assert panel.results_model.rowCount() == 150
    assert len({h.article_id for h in panel.results_model.hits}) == 150  # no hit twice
    assert count.text() == "150 hits in 150 articles"
    assert not more.isVisible()

    _search(qtbot, panel, "Geneva round 7")
    qtbot.waitUntil(lambda: count.text() == "1 hit in 1 article", timeout=3000)
    assert not more.isVisible()

    panel.search_box.setText("zebra")
    qtbot.waitUntil(lambda: count.text() == "No hits", timeout=3000)
    assert not panel.findChild(QPushButton, "searchShowInList").isEnabled()


def test_show_in_list_shows_every_article_with_a_hit(
    qtbot, library: Library, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, _library(library, tmp_path, 120))
    _search(qtbot, panel, "Geneva")
    assert panel.results_model.rowCount() == HITS_PAGE  # the digest has no "Geneva"
    qtbot.mouseClick(panel.findChild(QPushButton, "searchShowInList"), Qt.MouseButton.LeftButton)
    assert panel.table.isVisible()
    assert panel.model.rowCount() == 120  # all of them, not the 100 hits shown
    digest = library.articles.ids(search="digest")
    assert digest[0] not in panel.shown_only()
    assert panel.findChild(QLabel, "listBannerText").text() == (
        "Showing 120 articles: search 'Geneva'"
    )


def test_each_hit_shows_its_date_and_an_inferred_one_is_marked(
    qtbot, library: Library, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, _library(library, tmp_path, 2))
    _search(qtbot, panel, "treaty")
    model = panel.results_model
    rows = {model.hits[r].title: r for r in range(model.rowCount())}
    header_dated = model.index(rows["TREATY ROUND 1"], 0)
    assert "2004-03-02" in header_dated.data()
    assert "header" in header_dated.data(Qt.ItemDataRole.ToolTipRole).lower()
    cited = model.index(rows["TREATY DIGEST"], 0)
    assert "Sep 26" in cited.data()
    assert "dateline" in cited.data(Qt.ItemDataRole.ToolTipRole).lower()

    # Painted: the inferred date is drawn in the list's grey, the header date is not.
    view = panel.findChild(QListView, "searchResults")
    image = view.viewport().grab().toImage()
    grey = INFERRED_COLOR.rgb()

    def greys(row: int) -> int:
        rect = view.visualRect(model.index(row, 0))
        return sum(
            1
            for x in range(rect.left(), rect.left() + 120)
            for y in range(rect.top(), rect.top() + rect.height() // 2)
            if image.pixel(x, y) == grey
        )

    assert greys(rows["TREATY DIGEST"]) > 5
    assert greys(rows["TREATY ROUND 1"]) == 0


def test_many_hits_say_the_hits_and_show_in_list_counts_the_articles(
    qtbot, library: Library, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from monitor_desk.ui.panels import library_panel

    monkeypatch.setattr(library_panel, "ARTICLES_COUNTED_UP_TO", 50)
    panel = _panel(qtbot, _library(library, tmp_path, 120))
    _search(qtbot, panel, "treaty")
    count = panel.findChild(QLabel, "searchCount")
    assert count.text() == f"121 hits — the best {HITS_PAGE} shown"
    qtbot.mouseClick(panel.findChild(QPushButton, "searchShowInList"), Qt.MouseButton.LeftButton)
    assert panel.findChild(QLabel, "listBannerText").text() == (
        "Showing 121 articles: search 'treaty'"
    )
