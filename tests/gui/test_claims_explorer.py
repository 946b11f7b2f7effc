"""The library-wide Claims view (``claimsExplorer``) and a speaker's profile
(``speakerProfile``), driven offscreen: opened from the View menu, filtered, a claim opened
in the reader by a double-click, and a profile reached from an entity in two clicks."""

from __future__ import annotations

from pathlib import Path

import pytest
from claim_views_data import build
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QWidget

from monitor_desk.core.library import Library
from monitor_desk.ui.panels.claims_model import CREDIBILITY_COL


@pytest.fixture
def claims_library(tmp_path: Path):  # type: ignore[no-untyped-def]
    with Library.open(tmp_path / "lib.sqlite") as lib:
        ids = build(lib, tmp_path)
        yield lib, ids


def _entry(menu: QMenu, text: str):  # type: ignore[no-untyped-def]
    for act in menu.actions():
        if act.text() == text:
            return act
    raise AssertionError(f"{text!r} not in {[a.text() for a in menu.actions()]}")


def _texts(model, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_open_filter_sort_and_open_a_claim(
    qtbot, qtmodeltester, make_window, claims_library
) -> None:  # type: ignore[no-untyped-def]
    lib, ids = claims_library
    window = make_window(lib, analyse_missing=False)
    window.library_views.act_claims.trigger()
    views = window.library_views.window
    explorer = views.findChild(QWidget, "claimsExplorer")
    assert explorer is not None
    assert explorer.isVisible()
    model = explorer.model
    qtmodeltester.check(model)
    assert _texts(model, 0) == ["1999-08-30", "1999-09-25", "1999-09-25", "1999-10-02", "undated"]
    assert explorer.status.text() == "5 claims · 1 of them from undated articles, listed last"
    assert _texts(model, 5)[1] == "Interfax"

    explorer.table.horizontalHeader().sectionClicked.emit(0)  # newest first
    assert _texts(model, 0) == ["1999-10-02", "1999-09-25", "1999-09-25", "1999-08-30", "undated"]
    explorer.table.horizontalHeader().sectionClicked.emit(0)

    explorer.speaker.setText("igor ivanov")
    explorer.cue.setText("say")
    explorer.apply()
    assert _texts(model, 3) == ["the treaty must stand", "talks on the ABM Treaty will go on"]
    assert explorer.status.text() == "2 claims"

    explorer.since.setText("Sept 1999")  # not a date it takes: one clear message, no change
    explorer.apply()
    assert explorer.status.text() == "From: write a date as YYYY, YYYY-MM or YYYY-MM-DD."
    assert model.rowCount() == 2
    explorer.speaker.setText("Boris Nobody")
    explorer.since.clear()
    explorer.apply()
    assert "No speaker is called 'Boris Nobody'" in explorer.status.text()
    assert model.rowCount() == 2

    explorer.clear()
    explorer.outlet.setEditText("Izvestia")
    explorer.apply()
    assert _texts(model, 3) == ["talks on the ABM Treaty will go on"]
    window.open_article(ids["aug"])
    rect = explorer.table.visualRect(model.index(0, 3))
    qtbot.mouseClick(explorer.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(explorer.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.article_id == ids["oct"]
    text = lib.articles.get(ids["oct"]).text
    caret = window.reader.view.offsets.to_code_point(window.reader.view.textCursor().position())
    assert caret == text.index("says talks on the ABM Treaty")  # the caret is at the claim


def test_profile_in_two_clicks_from_an_entity_and_from_a_claim(
    qtbot, make_window, claims_library
) -> None:  # type: ignore[no-untyped-def]
    lib, ids = claims_library
    lib.corrections.add("merge", ["I. Ivanov"], "Igor Ivanov")
    window = make_window(lib, analyse_missing=False)
    window.open_article(ids["sep"])
    panel = window.entities
    row = next(i for i, r in enumerate(panel.clusters.rows) if r[0] == "Igor Ivanov")
    menu = panel.context_menu(panel.cluster_view.visualRect(panel.clusters.index(row, 0)).center())
    with qtbot.waitSignal(window.library_views.profileShown, timeout=10000):
        _entry(menu, "Speaker &Profile: “Igor Ivanov”").trigger()
    menu.deleteLater()
    views = window.library_views.window
    profile = views.findChild(QWidget, "speakerProfile")
    assert profile is not None
    assert profile.isVisible()
    assert "Igor Ivanov" in profile.title.text()
    assert "also called: I. Ivanov" in profile.summary.text()
    assert _texts(profile.claims, 0) == ["1999-09-25", "1999-10-02", "undated"]
    assert profile.outlets.rows == [("Interfax", 1), ("Izvestia", 1)]
    assert profile.bars.counts == [("1999-09", 1), ("1999-10", 1)]
    assert ("Olga Petrova", "PERSON", 1) in profile.co.rows
    # Types in the words of the Entities tab, not the model's codes.
    assert "· Person" in profile.title.text()
    assert "PERSON" not in profile.title.text()
    olga = next(r for r, row in enumerate(profile.co.rows) if row[0] == "Olga Petrova")
    assert profile.co.index(olga, 1).data() == "Person"

    explorer = views.claims
    row = _texts(explorer.model, 1).index("Olga Petrova")
    menu = explorer.context_menu(row)
    with qtbot.waitSignal(window.library_views.profileShown, timeout=10000):
        _entry(menu, "Speaker &Profile: “Olga Petrova”").trigger()
    menu.deleteLater()
    assert "Olga Petrova" in profile.title.text()
    assert views.tabs.currentWidget() is profile


def test_profile_from_the_claims_tab_row_menu(qtbot, make_window, claims_library) -> None:  # type: ignore[no-untyped-def]
    lib, ids = claims_library
    window = make_window(lib, analyse_missing=False)
    window.open_article(ids["aug"])
    window.claims.select_row(0)
    menu = window.claims.table_menu
    menu.aboutToShow.emit()
    with qtbot.waitSignal(window.library_views.profileShown, timeout=10000):
        _entry(menu, "Speaker &Profile: “Olga Petrova”").trigger()
    profile = window.library_views.window.profile
    assert profile.isVisible()
    assert "Olga Petrova" in profile.title.text()
    assert profile.claims.rowCount() == 2
    window.library_views.show_profile("Boris Nobody")  # one clear line, the window goes on
    qtbot.waitUntil(lambda: "No speaker is called 'Boris Nobody'" in profile.title.text())
    assert "No speaker is called" in window.statusBar().currentMessage()


def test_a_profile_without_cited_outlets_counts_its_claims_there(
    qtbot, make_window, claims_library
) -> None:  # type: ignore[no-untyped-def]
    lib, _ids = claims_library  # "I. Ivanov" (not merged here) made one claim, uncited
    window = make_window(lib, analyse_missing=False)
    window.library_views.show_claims()
    profile = window.library_views.window.profile
    profile.show_speaker("I. Ivanov")
    outlets = profile.outlets
    assert [outlets.index(0, c).data() for c in range(2)] == ["(no cited outlet)", "1"]


def test_an_ungraded_claim_reads_as_in_the_claims_tab(qtbot, make_window, claims_library) -> None:  # type: ignore[no-untyped-def]
    lib, ids = claims_library
    window = make_window(lib, analyse_missing=False)
    window.library_views.show_claims()
    model = window.library_views.window.claims.model
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    window.open_article(ids["sep"])
    side = window.claims.model
    # Not graded: a dash in both views (the library view's cell was blank).
    assert side.index(0, CREDIBILITY_COL).data() == "—"
    assert model.index(0, 6).data() == "—"


def test_a_profiles_claims_fit_its_pane_with_every_header_whole(
    qtbot, make_window, claims_library
) -> None:  # type: ignore[no-untyped-def]
    lib, _ids = claims_library
    window = make_window(lib, analyse_missing=False)
    window.library_views.show_claims()
    views = window.library_views.window
    views.resize(1366, 768)
    profile = views.profile
    profile.show_speaker("Olga Petrova")
    views.tabs.setCurrentWidget(profile)
    table, model = profile.claims_view, profile.claims
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: table.viewport().width() > 600)
    shown = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
    qtbot.waitUntil(lambda: sum(table.columnWidth(c) for c in shown) <= table.viewport().width())
    # It used to scroll sideways at this size, its Credibility header cut.
    assert table.horizontalScrollBar().maximum() == 0
    for col in shown:
        text = model.headerData(col, Qt.Orientation.Horizontal)
        assert table.columnWidth(col) >= header.fontMetrics().horizontalAdvance(text) + 8, text
    content = model.columns.index("Content")
    assert table.columnWidth(content) == max(table.columnWidth(c) for c in shown)
    credibility = model.columns.index("Credibility")
    assert model.headerData(credibility, Qt.Orientation.Horizontal) == "Cred."
    tip = model.headerData(credibility, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == "Credibility"
