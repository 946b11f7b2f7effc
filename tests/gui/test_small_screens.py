"""A laptop of 1024x640: the text being read and the claims' content keep a usable width
when the window is smaller than the one its layout was first made for."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from monitor_desk.core.library import Library


@pytest.fixture
def window(make_window, gui_library: Library, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    w = make_window(gui_library, analyse_missing=False)  # laid out at 1400x900 first
    w.open_article(1)
    return w


def test_a_smaller_window_keeps_a_readable_line_in_the_reader(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.resize(1024, 640)
    qtbot.waitUntil(lambda: window.splitter.width() < 1100)
    library, reader, side = window.splitter.sizes()
    # The reader alone used to take the whole cut (260 px beside a 448 px side panel):
    # now it stops at a readable line (some 36 characters of the reader's font) and the
    # other panes give up the rest.
    assert reader > library
    assert reader >= 36 * window.reader.view.fontMetrics().averageCharWidth()


def test_claims_across_the_library_keep_their_content_readable(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.library_views.act_claims.trigger()
    views = window.library_views.views()
    views.resize(1024, 640)
    table = views.claims.table
    qtbot.waitUntil(lambda: 0 < table.viewport().width() < 1024)
    header, fm = table.horizontalHeader(), table.horizontalHeader().fontMetrics()
    # The content was squeezed to a few letters beside fixed columns; now it keeps a
    # fifth of the table and every header shows its whole name.
    assert table.columnWidth(3) >= table.viewport().width() // 5
    model = table.model()
    for col in range(model.columnCount()):
        name = str(model.headerData(col, Qt.Orientation.Horizontal))
        assert header.sectionSize(col) > fm.horizontalAdvance(name), name


@pytest.mark.parametrize("size", [(1366, 768), (1024, 640)])
def test_an_empty_library_shows_its_help_whole(
    qtbot, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    with Library.open(tmp_path / "empty.sqlite") as lib:
        window = make_window(lib)
        window.resize(*size)
        steps = window.reader.first_steps
        qtbot.waitUntil(lambda: steps.isVisible() and steps.text.width() > 0)
        # Every line of the wrapped text has its height (the first and last were cut)...
        assert steps.text.height() >= steps.text.heightForWidth(steps.text.width())
        # ...and every button its whole label, inside the reader (they ran off its edge).
        area = steps.rect()
        for button in steps.buttons.values():
            assert button.width() >= button.sizeHint().width()
            corner = button.mapTo(steps, button.rect().bottomRight())
            assert area.contains(corner), button.text()


def test_windows_open_within_the_screen(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    # The offscreen screen is 800x800: smaller than the sizes these windows were made for.
    window.library_views.act_claims.trigger()
    overview = window.overview.open()
    for opened in (window.library_views.views(), overview):
        free = opened.screen().availableGeometry()
        assert opened.width() <= free.width(), opened.objectName()
        assert opened.height() <= free.height(), opened.objectName()


def test_a_first_run_window_fits_the_screen(qtbot, gui_library: Library, settings) -> None:  # type: ignore[no-untyped-def]
    from monitor_desk.ui.main_window import MainWindow

    window = MainWindow(gui_library, settings, analyse_missing=False)  # no saved geometry
    qtbot.addWidget(window)
    free = window.screen().availableGeometry()
    assert window.width() <= free.width()
    assert window.height() <= free.height()
    window.close()


def test_every_line_of_a_claim_taller_than_the_table_can_be_scrolled_to(
    qtbot, window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    text = gui_library.articles.get(1).text
    gui_library.claims.add(1, (text.index("Georgian"), len(text.rstrip())), "the desk", "said")
    window.resize(1024, 640)
    window.open_article(1)
    window.side.setCurrentWidget(window.claims)
    table = window.claims.table
    table.setColumnWidth(0, 200)  # the content column narrow: a very tall row
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    rows = range(table.model().rowCount())
    tall = max(rows, key=table.rowHeight)
    index = table.model().index(tall, 2)
    qtbot.waitUntil(lambda: table.rowHeight(tall) > table.viewport().height())
    bar, seen = table.verticalScrollBar(), set()
    # Rows are measured again as the columns settle: the scroll range follows them.
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    qtbot.waitUntil(
        lambda: bar.maximum() + table.viewport().height() >= sum(table.rowHeight(r) for r in rows)
    )
    for value in range(bar.minimum(), bar.maximum() + 1, max(1, bar.pageStep() // 2)):
        bar.setValue(value)
        rect = table.visualRect(index)
        top, bottom = (
            max(0, -rect.top()),
            min(rect.height(), table.viewport().height() - rect.top()),
        )
        seen.update(range(top, bottom))
    # With a scroll by whole rows the middle of such a row was never on screen.
    assert seen >= set(range(table.visualRect(index).height()))


def test_the_legend_wraps_onto_close_lines_in_a_narrow_reader(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.resize(1024, 640)
    legend = window.reader.legend
    qtbot.waitUntil(lambda: window.splitter.width() < 1100)
    items = [w for w in legend.findChildren(QWidget) if w.parent() is legend and w.isVisible()]
    lines: dict[int, int] = {}  # top: bottom of each line of the legend
    for w in items:
        g = w.geometry()
        lines[g.top()] = max(lines.get(g.top(), 0), g.bottom())
    tops = sorted(lines)
    assert len(tops) >= 3  # it does wrap at this width
    # The space between lines was 10 px, as between items: 30-40 px of text lost.
    assert all(tops[i + 1] - lines[tops[i]] <= 4 for i in range(len(tops) - 1))


def test_the_claims_content_takes_what_the_narrow_columns_leave(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.resize(1024, 640)
    qtbot.waitUntil(lambda: window.splitter.width() < 1100)
    window.side.setCurrentWidget(window.claims)
    table = window.claims.table
    model, header = table.model(), table.horizontalHeader()
    content = model.columns.index("Content")
    shown = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
    qtbot.waitUntil(lambda: sum(table.columnWidth(c) for c in shown) <= table.viewport().width())
    # The content used to get some 100 px beside fixed speaker and cue widths.
    assert table.columnWidth(content) >= table.viewport().width() / 3
    for col in shown:  # every header whole: its text and the sort arrow's room
        text = model.headerData(col, Qt.Orientation.Horizontal)
        assert table.columnWidth(col) >= header.fontMetrics().horizontalAdvance(text) + 8, text
    assert table.horizontalScrollBar().maximum() == 0
