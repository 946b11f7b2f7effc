"""One chart of a ``Timeline``: bars for one series, lines for several, drawn with
pyqtgraph. Axes with dates, a legend, a tooltip on hover, a click that names the bucket
(and series) under the pointer, and PNG / SVG export of what is drawn.

pyqtgraph is imported here at module level: this module is imported only when a chart is
first shown (the Overview, ``monitor-desk timeline -o``), never while the window opens.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QIODevice, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPen, QResizeEvent
from PySide6.QtWidgets import QToolTip, QVBoxLayout, QWidget

from ...core.errors import InvalidInputError, LibraryFileError
from ...core.export_target import write_export_bytes
from ...core.timelines import Timeline

# Series in the Okabe–Ito order (blue, vermillion, green, orange, purple, sky): told apart
# by readers with any common colour-vision deficiency.
SERIES_COLORS = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9"]
SERIES_COLORS += ["#555555", "#8c564b", "#bcbd22", "#17becf"]
MAX_TICKS = 12
LABEL_GAP_PX = 14  # room between two bucket labels
COUNT_AXIS_PX = 70  # what the count axis and margins take of the chart's width
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def bucket_label(bucket: str, by: str) -> str:
    """``2001-09`` → ``Sep 2001``; a week (its Monday) → ``3 Sep 2001``; a year as is."""
    if by == "month" and len(bucket) == 7:
        return f"{_MONTHS[int(bucket[5:7]) - 1]} {bucket[:4]}"
    if by in ("day", "week") and len(bucket) == 10:
        day = dt.date.fromisoformat(bucket)
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return bucket


KIND_TITLES = {
    "articles": "Articles",
    "mentions": "Mentions",
    "claims": "Claims",
    "outlets": "Cited outlets",
    "tags": "Tag use",
}


def title_of(timeline: Timeline) -> str:
    """``Mentions per month, 1999-01 to 1999-12 (27 undated, 3 unplaced not shown)``."""
    q = timeline.query
    title = f"{KIND_TITLES[q.kind]} per {q.by}"
    if q.since or q.until:
        title += f", {q.since or '…'} to {q.until or '…'}"
    apart = []
    if timeline.undated:
        apart.append(f"{timeline.undated} undated")
    if timeline.unplaced:
        apart.append(f"{timeline.unplaced} with a date coarser than a {q.by}")
    if apart:
        title += f" ({' and '.join(apart)} not shown)"
    return title


class ChartView(QWidget):
    """Attributes:
        timeline: what is drawn (None before the first ``show_timeline``).
        plot: the ``pg.PlotWidget``.

    Signals:
        bucketClicked(str, str): a bucket and the series clicked ("" for all of them).
    """

    bucketClicked = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartView")
        self.timeline: Timeline | None = None
        self.shares = False
        self.plot = pg.PlotWidget(self, background="w")
        self.plot.setObjectName("chartPlot")
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        item = self.plot.getPlotItem()
        item.showGrid(x=False, y=True, alpha=0.25)
        font = QFont(self.font())
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen("#444444"))
            axis.setTextPen(pg.mkPen("#222222"))
            axis.setTickFont(font)
            # No "(x0.001)" after "month": bucket numbers and counts are never SI-scaled.
            axis.enableAutoSIPrefix(False)
        self.legend = item.addLegend(offset=(10, 5), labelTextColor="#222222")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        scene = self.plot.scene()
        scene.sigMouseMoved.connect(self._hover)
        scene.sigMouseClicked.connect(self._click)

    # -- drawing ---------------------------------------------------------------------------

    def show_timeline(self, timeline: Timeline, shares: bool = False) -> None:
        """Draw ``timeline``: its counts, or (``shares``, outlets) each one's share, in %."""
        self.timeline, self.shares = timeline, shares and bool(timeline.totals)
        item = self.plot.getPlotItem()
        item.clear()
        self.legend.clear()
        buckets, by = timeline.buckets, timeline.query.by
        xs = list(range(len(buckets)))
        one = len(timeline.series) == 1
        for i, name in enumerate(timeline.series):
            color = QColor(SERIES_COLORS[i % len(SERIES_COLORS)])
            ys = self._ys(name)
            if one:
                bars = pg.BarGraphItem(x=xs, height=ys, width=0.8, brush=color, pen=pg.mkPen(None))
                item.addItem(bars)
                self.legend.addItem(bars, name)
            else:
                pen = QPen(color, 2.5)
                pen.setCosmetic(True)
                item.plot(xs, ys, pen=pen, symbol="o", symbolSize=6, symbolBrush=color,
                          symbolPen=pg.mkPen(color), name=name)  # fmt: skip
        self._set_ticks()
        item.setLabel("left", "share of all citations (%)" if self.shares else timeline.unit)
        item.setLabel(
            "bottom", {"day": "day", "week": "week starting", "month": "month", "year": "year"}[by]
        )
        item.setTitle(title_of(timeline), color="#222222", size="11pt")
        if buckets:
            top = max((max(self._ys(s), default=0) for s in timeline.series), default=0)
            item.setXRange(-0.6, len(buckets) - 0.4, padding=0)
            item.setYRange(0, max(1.0, top * 1.12), padding=0)
            # Counts are whole: no "2.5 articles" on the axis (shares keep their own ticks).
            y_step = None if self.shares else count_step(top)
            item.getAxis("left").setTickSpacing(levels=[(y_step, 0)] if y_step else None)

    def _set_ticks(self) -> None:
        """Label every n-th bar, n such that the labels fit side by side at the present
        width (day labels are wide: "28 Mar 2001"), the first bar's always."""
        bottom = self.plot.getPlotItem().getAxis("bottom")
        t = self.timeline
        if t is None or not t.buckets:
            bottom.setTicks([[], []])
            return
        labels = [bucket_label(b, t.query.by) for b in t.buckets]
        metrics = QFontMetrics(bottom.style["tickFont"] or self.font())
        widest = max(metrics.horizontalAdvance(label) for label in labels) + LABEL_GAP_PX
        room = max(self.plot.width() - COUNT_AXIS_PX, widest)
        step = max(1, -(-len(labels) // min(MAX_TICKS, room // widest)))
        bottom.setTicks([[(x, labels[x]) for x in range(0, len(labels), step)], []])
        # The first bar's label is wider than the half bar before it: let it reach into
        # the corner under the count axis instead of being left out.
        bottom.setStyle(hideOverlappingLabels=widest)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._set_ticks()

    def _ys(self, series: str) -> list[float]:
        assert self.timeline is not None
        t = self.timeline
        if self.shares:
            return [100 * (t.share(series, b) or 0.0) for b in t.buckets]
        return [float(v) for v in t.values(series)]

    # -- pointer ---------------------------------------------------------------------------

    def hit(self, scene_pos: QPointF) -> tuple[str, str] | None:
        """The bucket and series under a scene position ("" series: all of them; for
        lines, the one drawn nearest the pointer); None outside the data."""
        t = self.timeline
        vb = self.plot.getPlotItem().getViewBox()
        if t is None or not t.buckets or not vb.sceneBoundingRect().contains(scene_pos):
            return None
        point = vb.mapSceneToView(scene_pos)
        index = round(point.x())
        if not 0 <= index < len(t.buckets):
            return None
        bucket = t.buckets[index]
        if len(t.series) == 1:
            return bucket, t.series[0]
        nearest = min(t.series, key=lambda s: abs(self._ys(s)[index] - point.y()))
        return bucket, nearest

    def describe(self, bucket: str) -> str:
        """The tooltip of a bucket: each series' count, its articles and share."""
        t = self.timeline
        assert t is not None
        lines = [bucket_label(bucket, t.query.by)]
        by_series = {p.series: p for p in t.points if p.bucket == bucket}
        for name in t.series:
            p = by_series.get(name)
            value, articles = (p.value, p.articles) if p else (0, 0)
            line = f"{name}: {value} {t.unit}"
            if t.unit != "articles":
                line += f" in {articles} article{'s' if articles != 1 else ''}"
            share = t.share(name, bucket) if t.totals else None
            if share is not None:
                line += f" ({100 * share:.0f}% of citations)"
            lines.append(line)
        lines.append("Click to list these articles.")
        return "\n".join(lines)

    def _hover(self, pos: QPointF) -> None:
        found = self.hit(pos)
        if found is None:
            QToolTip.hideText()
            return
        view_pos = self.plot.mapFromScene(pos)
        QToolTip.showText(self.plot.mapToGlobal(view_pos), self.describe(found[0]), self.plot)

    def _click(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        found = self.hit(event.scenePos())
        if found is not None:
            self.bucketClicked.emit(*found)

    # -- export ----------------------------------------------------------------------------

    def export_image(self, path: Path, library: Path | None = None, width: int = 1200) -> None:
        """Write the chart as PNG or SVG (by the file's suffix), whole or not at all, never
        over the library's files (``write_export_bytes``, as every export)."""
        from pyqtgraph import exporters

        suffix = path.suffix.lower()
        if suffix not in (".png", ".svg"):
            raise InvalidInputError(f"Cannot draw a chart as {path.name}; use .png or .svg.")
        item = self.plot.getPlotItem()
        # Painting once brings the view's data-to-pixel mapping up to date; the SVG
        # exporter reads it without painting (a chart never shown had its lines misplaced).
        self.plot.grab()
        if suffix == ".svg":
            data = bytes(exporters.SVGExporter(item).export(toBytes=True))
        else:
            exporter = exporters.ImageExporter(item)
            exporter.parameters()["width"] = width
            data = _png_bytes(exporter.export(toBytes=True))
        write_export_bytes(path, data, library)


def count_step(top: float, most: int = 6) -> int:
    """A whole step between ticks (1, 2, 5, 10, 20, 50…) that puts at most ``most`` ticks
    on 0…``top``."""
    base = 1
    while True:
        for factor in (1, 2, 5):
            if top / (base * factor) <= most:
                return base * factor
        base *= 10


def _png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if image.isNull() or not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise LibraryFileError("Cannot draw the chart as PNG.")
    return bytes(buffer.data().data())
