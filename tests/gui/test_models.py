"""Every item model passes Qt's model tester; the library list is lazy and sorted by core."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from monitor_desk.core.library import Library
from monitor_desk.ui.panels.claims_model import ClaimsModel
from monitor_desk.ui.panels.entities_panel import ClustersModel, MentionsModel
from monitor_desk.ui.panels.library_model import LibraryModel
from monitor_desk.ui.panels.notes_panel import NotesModel
from monitor_desk.ui.panels.search_results import SearchResultsModel
from monitor_desk.ui.panels.sources_model import SourcesModel
from monitor_desk.ui.widgets.paged_rows import PAGE


def test_library_model(qtmodeltester, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    model = LibraryModel(gui_library)
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    titles = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert titles == sorted(titles, key=str.casefold, reverse=True)


def test_article_models(qtmodeltester, gui_library: Library, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    text = gui_library.articles.get(1).text
    start = text.index("talks with Russia")
    gui_library.highlights.add(1, start, start + 17, tags=["border"], note="watch")
    claims = ClaimsModel(gui_library)
    claims.load(1)
    assert claims.rowCount() > 0
    sources = SourcesModel(gui_library)
    sources.load(1)
    assert sources.rowCount() > 0
    notes = NotesModel(gui_library)
    notes.load(1)
    assert notes.rowCount() == 1
    owner = QWidget()
    qtbot.addWidget(owner)
    clusters = ClustersModel(owner)
    analysis = gui_library.articles.analysis(1)
    assert analysis is not None
    clusters.set_rows([(e.cluster, e.label, 1) for e in analysis.entities])
    mentions = MentionsModel()
    refs = gui_library.entities.mentions("Moscow")
    mentions.set_mentions(refs, ["context"] * len(refs))
    results = SearchResultsModel()
    results.set_hits(gui_library.search("Kyiv"))
    assert results.rowCount() > 0
    for model in (claims, sources, notes, clusters, mentions, results):
        qtmodeltester.check(model)


@pytest.fixture
def big_library(tmp_path: Path) -> Library:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(PAGE * 2 + 50):
        (folder / f"a{i:04d}.txt").write_text(
            f"Publication: Monitor Volume: 1 Issue: {i}\n\nARTICLE NUMBER {i:04d}\n\nText {i}.\n",
            encoding="utf-8",
        )
    lib = Library.open(tmp_path / "big.sqlite")
    lib.import_paths([folder], analyze=False)
    return lib


def test_library_model_fetches_only_the_pages_it_shows(
    qtmodeltester, big_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    fetched: list[int] = []
    real = big_library.articles.summaries

    def counting(ids):  # type: ignore[no-untyped-def]
        fetched.extend(ids)
        return real(ids)

    monkeypatch.setattr(big_library.articles, "summaries", counting)
    model = LibraryModel(big_library)
    assert model.rowCount() == PAGE * 2 + 50
    assert fetched == []  # nothing fetched until a row is asked for
    assert model.index(PAGE * 2 + 10, 0).data() == f"ARTICLE NUMBER {PAGE * 2 + 10:04d}"
    assert len(fetched) == 50  # only the last page
    model.sort(2, Qt.SortOrder.DescendingOrder)  # by volume/issue, numerically, in SQL
    assert model.index(0, 0).data() == f"ARTICLE NUMBER {PAGE * 2 + 49:04d}"
    qtmodeltester.check(model)
    big_library.close()


def test_snippet_parts_mark_hits_and_flatten_lines() -> None:
    from monitor_desk.ui.panels.search_results import snippet_parts

    assert snippet_parts("TITLE\n\nthe ⟦pipeline⟧  talks") == [
        ("TITLE the ", False),
        ("pipeline", True),
        (" talks", False),
    ]
