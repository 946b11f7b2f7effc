"""The Overview (``overviewView``): charts drawn off the window's thread, a click on a bar
lists its articles in the library list, undated articles shown apart, PNG/SVG/CSV export."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget

from monitor_desk.core.library import Library


def _open(qtbot, make_window, library: Library):  # type: ignore[no-untyped-def]
    window = make_window(library)
    with qtbot.waitSignal(window.overview.action.triggered, timeout=1000):
        window.overview.action.trigger()
    view = window.overview.view
    assert view is not None
    assert view.objectName() == "overviewView"
    qtbot.waitUntil(lambda: view.timeline is not None, timeout=10_000)
    return window, view


def _click_bar(qtbot, view, index: int, height: float) -> None:  # type: ignore[no-untyped-def]
    plot = view.chart.plot
    vb = plot.getPlotItem().getViewBox()
    scene_pos = vb.mapViewToScene(QPointF(index, height / 2))
    pos = plot.mapFromScene(scene_pos)
    QTest.mouseClick(
        plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos
    )


def test_a_bar_lists_its_articles_and_undated_ones_are_shown_apart(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    border, kyiv = gui_library.articles.ids()
    gui_library.details.edit([kyiv], date="")  # undated now
    window, view = _open(qtbot, make_window, gui_library)
    t = view.timeline
    assert t.query.kind == "articles"
    assert t.buckets == ("2001-04-10",)  # a short span: per day (auto)
    assert t.values("articles") == [1]
    apart = view.findChild(QLabel, "overviewApart")
    assert apart.text().startswith("1 undated article not shown")

    _click_bar(qtbot, view, 0, 1)
    qtbot.waitUntil(lambda: window.library_panel.shown_only() == [border], timeout=3000)
    assert "10 Apr 2001" in window.library_panel.banner.label.text()

    view.choose_apart()
    assert window.library_panel.shown_only() == [kyiv]


def test_switching_charts_compares_entities_and_explains_a_bucket(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window, view = _open(qtbot, make_window, gui_library)
    with qtbot.waitSignal(view.drawn, timeout=10_000):
        view.show_kind("mentions")
    assert view.timeline.query.kind == "mentions"
    assert len(view.timeline.series) >= 2  # the most mentioned, compared on one chart
    with qtbot.waitSignal(view.drawn, timeout=10_000):
        view.names.setText("Kuchma, Interfax-nobody")
        view.redraw()
    status = view.findChild(QLabel, "overviewStatus")
    assert "No entity named 'Interfax-nobody'" in status.text()  # one clear line
    assert view.timeline.query.kind == "mentions"  # the last good chart stays
    with qtbot.waitSignal(view.drawn, timeout=10_000):
        view.names.setText("Leonid Kuchma")
        view.redraw()
    assert view.timeline.series == ("Leonid Kuchma",)
    kuchma = next(b for b in view.timeline.buckets if view.timeline.value("Leonid Kuchma", b))
    text = view.chart.describe(kuchma)  # a day (auto): the two articles are a day apart
    assert "Leonid Kuchma:" in text
    assert "mentions in 1 article" in text

    with qtbot.waitSignal(view.drawn, timeout=10_000):
        view.show_kind("outlets")
    assert "Interfax" in view.timeline.series
    assert any(view.timeline.share("Interfax", b) for b in view.timeline.buckets)


def test_exports_are_real_charts_and_their_counts(
    qtbot, make_window, gui_library: Library, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window, view = _open(qtbot, make_window, gui_library)
    with qtbot.waitSignal(view.drawn, timeout=10_000):
        view.show_kind("outlets")
    view.export(tmp_path / "chart.png")
    view.export(tmp_path / "chart.svg")
    view.export(tmp_path / "chart.csv")
    image = QImage(str(tmp_path / "chart.png"))
    assert image.width() >= 800
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 5  # not blank: bars, lines, axes, text
    svg = (tmp_path / "chart.svg").read_text("utf-8")
    texts = re.findall(r">([^<]+)</text>", svg)
    assert "10 Apr 2001" in texts  # the date axis (per day, auto)
    assert "Interfax" in texts  # the legend
    assert any(t.strip() == "citations" for t in texts)  # the value axis
    rows = (tmp_path / "chart.csv").read_text("utf-8-sig").splitlines()
    assert rows[0] == "bucket,series,citations,articles,share"
    assert any(r.startswith(("2001-04-10,Interfax,", "2001-04-11,Interfax,")) for r in rows)


def test_an_export_refused_is_said_and_the_chart_stays(
    qtbot, make_window, gui_library: Library, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window, view = _open(qtbot, make_window, gui_library)
    from PySide6.QtWidgets import QFileDialog

    target = str(tmp_path / "missing folder" / "chart.png")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (target, ""))
    view.exports["png"].click()
    assert "Cannot write" in view.findChild(QLabel, "overviewStatus").text()
    assert view.timeline is not None


WINDOW_PAINTED = """
import sys
from PySide6.QtWidgets import QApplication
from monitor_desk.core.library import Library
from monitor_desk.ui.app import run_gui  # the start path's imports
from monitor_desk.ui.main_window import MainWindow
from monitor_desk.ui.progress import JobRunner

JobRunner.load_pipeline = lambda self, analyse_missing: None  # on the work queue, later
app = QApplication(["monitor-desk"])
with Library.open(sys.argv[1]) as library:
    window = MainWindow(library, analyse_missing=False)
    window.show()
    window.repaint()
    app.processEvents()
    heavy = ("pyqtgraph", "spacy", "natasha", "monitor_desk.core.nlp.analysis",
             "monitor_desk.core.nlp.claims.extract", "monitor_desk.core.nlp.claims.taught")
    print(",".join(sorted(m for m in sys.modules if m.split(".")[0] in heavy or m in heavy)))
    window.close()
"""


def test_the_window_paints_without_the_plotting_library_or_the_analysis(
    tmp_path: Path,
) -> None:
    """The first paint loads neither pyqtgraph (the Overview tab does) nor spaCy and the
    analysis (the work queue does, once the window is up)."""
    library = tmp_path / "lib.sqlite"
    Library.open(library).close()
    out = subprocess.run(
        [sys.executable, "-c", WINDOW_PAINTED, str(library)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""


def test_overview_screenshot_has_the_chart(
    qtbot, make_window, gui_library: Library, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window, view = _open(qtbot, make_window, gui_library)
    view.resize(1100, 620)
    qtbot.wait(50)
    chart = view.findChild(QWidget, "chartView")
    assert chart.isVisible()
    assert chart.height() > 300  # the chart takes the room, the controls stay one line
    view.grab().save(str(tmp_path / "overview.png"))
    assert (tmp_path / "overview.png").stat().st_size > 5000


def _series_cells(image: QImage, colour: str) -> set[tuple[int, int]]:
    """The 20-pixel cells where (nearly) a series' colour is drawn: its line and points."""
    from PySide6.QtGui import QColor

    want = QColor(colour)
    cells = set()
    for x in range(0, image.width(), 2):
        for y in range(0, image.height(), 2):
            c = QColor(image.pixel(x, y))
            if (
                abs(c.red() - want.red())
                + abs(c.green() - want.green())
                + abs(c.blue() - want.blue())
                < 60
            ):
                cells.add((x // 20, y // 20))
    return cells


def test_cli_draws_the_chart_headless_as_png_and_svg(
    gui_library: Library, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgRenderer

    from monitor_desk.cli import main
    from monitor_desk.ui.charts.chart_view import SERIES_COLORS

    border, kyiv = gui_library.articles.ids()
    gui_library.details.edit([kyiv], date="2001-06-11")  # Interfax in April and in June
    db = str(gui_library.path)
    gui_library.close()
    drawn = {}
    for suffix in ("svg", "png"):  # the SVG first: nothing drawn before it in this process
        out = tmp_path / f"outlets.{suffix}"
        code = main(["--db", db, "timeline", "outlets", "--by", "month", "-o", str(out)])
        assert code == 0, capsys.readouterr().err
        if suffix == "png":
            image = QImage(str(out))
        else:
            svg = out.read_text("utf-8")
            assert "Jun 2001" in svg  # the date axis has its labels
            assert "Interfax" in svg  # the most cited outlet, drawn first
            renderer = QSvgRenderer(str(out))
            assert renderer.isValid()
            image = QImage(1200, 600, QImage.Format.Format_ARGB32)
            image.fill(0xFFFFFFFF)
            painter = QPainter(image)
            renderer.render(painter)
            painter.end()
        assert image.width() == 1200
        # the plot area, right of the legend: the first series' line through its points
        drawn[suffix] = _series_cells(image.copy(120, 60, 1060, 480), SERIES_COLORS[0])
    assert len(drawn["png"]) > 10
    # the SVG draws the line where the PNG does (not scaled or shifted off its axes)
    assert len(drawn["svg"] & drawn["png"]) >= 0.7 * len(drawn["png"])


def test_an_open_overview_counts_again_after_an_import(
    qtbot, make_window, gui_library: Library, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    window, view = _open(qtbot, make_window, gui_library)
    before = sum(view.timeline.values("articles"))
    brief = tmp_path / "new.txt"
    brief.write_text(
        "Publication: Monitor Date: April 20, 2001\n\nBORDER POSTS\n\nOfficials met in Riga.\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(view.drawn, timeout=30_000):
        window.jobs.start_import([str(brief)])
    assert sum(view.timeline.values("articles")) == before + 1
    box = window.findChild(QWidget, "importReport")
    if box is not None:
        box.close()


def test_a_count_axis_has_whole_ticks_only(qtbot, make_window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    _window, view = _open(qtbot, make_window, gui_library)
    axis = view.chart.plot.getPlotItem().getAxis("left")
    # 2 articles in April 2001: the axis read 0.5, 1, 1.5, 2 ("1.5 articles").
    values = [v for _spacing, vs in axis.tickValues(0, 2.24, 400) for v in vs]
    assert values
    assert all(float(v).is_integer() for v in values), values


def test_axis_labels_carry_no_scale_factor(qtbot, make_window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    kyiv = gui_library.articles.ids()[1]
    gui_library.details.edit([kyiv], date="")  # one dated article: one bucket, a narrow range
    _window, view = _open(qtbot, make_window, gui_library)
    view.chart.plot.grab()  # drawn: the axes have seen their range
    item = view.chart.plot.getPlotItem()
    for name in ("bottom", "left"):
        label = item.getAxis(name).labelString()
        assert "(x" not in label, label  # pyqtgraph wrote "month (x0.001)"


def test_a_long_span_is_drawn_per_year_unless_a_size_is_chosen(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    border, kyiv = gui_library.articles.ids()
    gui_library.details.edit([border], date="1999-02-01")
    gui_library.details.edit([kyiv], date="2017-06-15")
    _window, view = _open(qtbot, make_window, gui_library)
    assert view.timeline.query.by == "year"
    assert len(view.timeline.buckets) == 19  # nineteen bars, not 221 hairlines
    assert view.by.currentText() == "year (auto)"  # reads "per year (auto)"
    assert "Articles per year" in view.chart.plot.getPlotItem().titleLabel.text

    with qtbot.waitSignal(view.drawn, timeout=10_000):
        view.by.setCurrentIndex(view.by.findData("month"))
    assert view.timeline.query.by == "month"
    assert len(view.timeline.buckets) == 221
    with qtbot.waitSignal(view.drawn, timeout=10_000):
        view.show_kind("mentions")  # another chart keeps the size chosen
    assert view.timeline.query.by == "month"
    assert view.by.itemText(view.by.findData("auto")) == "auto"


def test_day_labels_start_at_the_first_bar_and_never_overlap(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    first, last = gui_library.articles.ids()
    gui_library.details.edit([first], date="2001-03-01")
    gui_library.details.edit([last], date="2001-03-30")
    _window, view = _open(qtbot, make_window, gui_library)
    assert view.timeline.query.by == "day"  # thirty bars with wide labels
    view.chart.resize(700, 400)
    view.chart.plot.grab()
    axis = view.chart.plot.getPlotItem().getAxis("bottom")
    canvas = QImage(10, 10, QImage.Format.Format_ARGB32)  # kept alive while painted on
    painter = QPainter(canvas)
    try:
        drawn = [(rect, text) for rect, _flags, text in axis.generateDrawSpecs(painter)[2]]
    finally:
        painter.end()
    # The first bar's date was left out (it reached past the axis), and every third day's
    # label ran into the next ("1 Mar 20014 Mar 2001").
    assert drawn[0][1] == "1 Mar 2001"
    assert len(drawn) >= 3
    assert all(a.right() <= b.left() for (a, _), (b, _) in zip(drawn, drawn[1:], strict=False))
