"""Claims and sources tabs: selecting scrolls the reader; edits and grades are stored."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QComboBox, QTableView, QWidget

from monitor_desk.core.library import Library
from monitor_desk.ui.panels.claims_model import CREDIBILITY_COL, SPEAKER
from monitor_desk.ui.panels.sources_model import RELIABILITY_COL
from monitor_desk.ui.widgets.delegates import GradeRole


def _visible(view, start: int) -> bool:  # type: ignore[no-untyped-def]
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(start))
    return view.viewport().rect().contains(view.cursorRect(cursor).center())


def test_clicking_a_claim_scrolls_the_reader_to_it_and_flashes_it(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    window.open_article(1)
    window.resize(1000, 420)  # short: the last claim starts below the fold
    panel = window.findChild(QWidget, "claimsPanel")
    table = panel.findChild(QTableView, "claimsView")
    view = window.reader.view
    claim = panel.model.claims[-1]
    view.verticalScrollBar().setValue(0)
    assert not _visible(view, claim.content.start)
    row = len(panel.model.claims) - 1
    table.scrollTo(panel.model.index(row, SPEAKER))
    rect = table.visualRect(panel.model.index(row, SPEAKER))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert _visible(view, claim.content.start)
    flashed = view.flashed_span()
    assert flashed is not None
    assert flashed[0] <= claim.content.start
    assert flashed[1] >= claim.content.end
    assert claim.cue.text in panel.detail.text()
    assert view.offsets.to_code_point(view.textCursor().position()) == flashed[0]


def test_credibility_is_graded_with_the_combo(qtbot, make_window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    window.open_article(1)
    table = window.claims.table
    index = window.claims.model.index(0, CREDIBILITY_COL)
    table.setCurrentIndex(index)
    table.edit(index)
    combo = table.findChild(QComboBox, "gradeEditor")
    assert combo is not None
    combo.setCurrentIndex(combo.findData(2))
    combo.activated.emit(combo.currentIndex())
    claim_id = window.claims.model.claims[0].id
    assert next(c for c in gui_library.claims.list(1) if c.id == claim_id).credibility == 2
    assert index.data() == "2"


def test_add_claim_from_selection_and_delete_it(qtbot, make_window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    window.open_article(1)
    view = window.reader.view
    text = gui_library.articles.get(1).text
    start = text.index("the agreement would cost")
    end = start + len("the agreement would cost Tbilisi")
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(start))
    cursor.setPosition(view.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    before = window.claims.model.rowCount()
    window.claims.add_button.click()
    dialog = window.claims.dialog
    assert dialog is not None
    dialog.speaker.setText("The opposition")
    dialog.cue.setText("warned")
    dialog.accept()
    assert window.claims.model.rowCount() == before + 1
    added = next(c for c in window.claims.model.claims if c.origin == "user")
    assert (added.content.start, added.content.end) == (start, end)
    assert added.cue.text == "warned"
    assert any(
        m.payload is not None and m.kind == "claim" and m.start == start for m in view._mark_list
    )
    window.claims.select_row(window.claims.model.claims.index(added))
    window.claims.delete_button.click()
    assert window.claims.model.rowCount() == before


def test_selecting_a_source_shows_its_sentences_and_scrolls(
    make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    window.open_article(1)
    panel = window.findChild(QWidget, "sourcesPanel")
    outlets = [s.outlet for s in panel.model.sources]
    assert "Interfax" in outlets
    row = outlets.index("Interfax")
    panel.select_row(row)
    source = panel.model.sources[row]
    assert panel.covers.count() == len(source.covers) + len(source.citations)
    assert window.reader.view.flashed_span() == source.covers[0]
    panel.covers.setCurrentRow(panel.covers.count() - 1)
    last = source.citations[-1]
    assert window.reader.view.flashed_span() == (last.start, last.end)
    dates = panel.model.index(row, 1).data()
    assert "2001-04-09" in dates
    assert "2001-04-10" in dates


def test_outlet_grade_is_library_wide_and_survives_a_restart(
    make_window, gui_library: Library, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    window.open_article(1)
    model = window.sources.model
    row = [s.outlet for s in model.sources].index("Interfax")
    assert model.setData(model.index(row, RELIABILITY_COL), "B", GradeRole)
    path = gui_library.path
    window.close()
    gui_library.close()
    with Library.open(path) as reopened:
        settings = QSettings(str(tmp_path / "again.ini"), QSettings.Format.IniFormat)
        again = make_window(reopened, settings)
        again.open_article(2)  # another article citing Interfax
        sources = again.sources.model
        row = [s.outlet for s in sources.sources].index("Interfax")
        assert sources.index(row, RELIABILITY_COL).data(GradeRole) == "B"
        assert sources.index(row, RELIABILITY_COL).data().startswith("B ")
        again.close()
