"""The Overview (View ▸ Overview): five charts of the library over time — articles,
mentions of chosen entities, claims of chosen speakers, cited outlets (counts or shares),
tag use — with the articles that are undated or too coarsely dated counted apart.

Counting runs on the view's own one-thread queue (reads only), so the window never waits;
a click on a bar or point asks for the articles behind it (``articlesChosen``), which the
window shows in the library list. Exports: PNG, SVG (the chart) and CSV (its counts).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import MonitorDeskError
from ...core.export_target import write_export_file
from ...core.library import Library
from ...core.timelines import AUTO, CHOICES, KINDS, UNDATED, UNPLACED, Timeline, TimelineQuery
from ..charts.chart_view import KIND_TITLES, ChartView, bucket_label
from ..theme import show_status
from ..widgets.screen_fit import resize_on_screen
from ..workers import Worker, WorkQueue

PLACEHOLDERS = {
    "articles": "every article",
    "mentions": "entities to compare, e.g. Igor Ivanov, NATO (empty: the five most mentioned)",
    "claims": "speakers to compare (empty: the five with most claims)",
    "outlets": "outlets to compare, e.g. Interfax, Reuters (empty: the five most cited)",
    "tags": "tags to compare; a tag counts its sub-tags (empty: the five most used)",
}


class OverviewView(QWidget):
    """Attributes:
        library: the ``Library``; chart: the ``ChartView``; timeline: what it shows.
        tabs: one tab per chart (articles, mentions, claims, outlets, tags).

    Signals:
        articlesChosen(list, str): article ids to show in the library list, and a label
            saying where they came from.
        drawn(): a chart was drawn (or its error shown).
    """

    articlesChosen = Signal(list, str)
    drawn = Signal()

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("overviewView")
        self.setWindowTitle("Overview — Monitor Desk")
        self.library = library
        self.timeline: Timeline | None = None
        self.queue = WorkQueue(self)
        self._names: dict[str, str] = {}  # the names typed per chart, kept when switching
        self._asked = 0  # the newest request: an older result arriving late is dropped

        self.tabs = QTabBar(self)
        self.tabs.setObjectName("overviewCharts")
        for kind in KINDS:
            self.tabs.addTab(KIND_TITLES[kind])
        self.names = QLineEdit(self)
        self.names.setObjectName("overviewNames")
        self.names.setClearButtonEnabled(True)
        self.by = QComboBox(self)
        self.by.setObjectName("overviewBy")
        self.by.setToolTip("The length of one bar; auto: chosen from the span of the dates shown")
        self.by.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for size in CHOICES:  # auto first, the default; its text says the size it chose
            self.by.addItem(size, size)
        self.since, self.until = QLineEdit(self), QLineEdit(self)
        for edit, name, tip in (
            (self.since, "overviewSince", "from"),
            (self.until, "overviewUntil", "to"),
        ):
            edit.setObjectName(name)
            edit.setPlaceholderText(f"{tip}: YYYY-MM-DD")
            edit.setMaximumWidth(130)
        self.shares = QCheckBox("Shares", self)
        self.shares.setObjectName("overviewShares")
        self.shares.setToolTip("Each outlet's part of all citations in the period, in %")
        self.draw_button = QPushButton("Draw", self)
        self.draw_button.setDefault(True)
        self.chart = ChartView(self)
        self.apart = QLabel(self)
        self.apart.setObjectName("overviewApart")
        self.apart.setTextFormat(Qt.TextFormat.RichText)
        self.status = QLabel(self)
        self.status.setObjectName("overviewStatus")
        self.exports = {}
        for what in ("PNG", "SVG", "CSV"):
            button = QPushButton(f"Export {what}…", self)
            button.setObjectName(f"overviewExport{what}")
            button.clicked.connect(lambda _=False, w=what: self._ask_export(w.lower()))
            self.exports[what.lower()] = button

        controls = QHBoxLayout()
        controls.addWidget(QLabel("Compare:", self))
        controls.addWidget(self.names, 1)
        controls.addWidget(QLabel("per", self))
        for w in (self.by, self.since, self.until, self.shares, self.draw_button):
            controls.addWidget(w)
        bottom = QHBoxLayout()
        bottom.addWidget(self.apart, 1)
        bottom.addWidget(self.status)
        for button in self.exports.values():
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(controls)
        layout.addWidget(self.chart, 1)
        layout.addLayout(bottom)
        resize_on_screen(self, 1100, 620)

        self.tabs.currentChanged.connect(self._switched)
        self.draw_button.clicked.connect(self.redraw)
        self.names.returnPressed.connect(self.redraw)
        self.since.returnPressed.connect(self.redraw)
        self.until.returnPressed.connect(self.redraw)
        self.by.currentIndexChanged.connect(self.redraw)
        self.shares.toggled.connect(self._redraw_shares)
        self.chart.bucketClicked.connect(self.choose)
        self.apart.linkActivated.connect(self.choose_apart)
        self._switched(0)

    # -- asking ----------------------------------------------------------------------------

    @property
    def kind(self) -> str:
        return KINDS[max(0, self.tabs.currentIndex())]

    def query(self) -> TimelineQuery:
        names = tuple(n.strip() for n in self.names.text().split(",") if n.strip())
        return TimelineQuery(
            self.kind,  # type: ignore[arg-type]
            self.by.currentData(),
            names if self.kind != "articles" else (),
            self.since.text().strip() or None,
            self.until.text().strip() or None,
        )

    def show_kind(self, kind: str) -> None:
        """Switch to the chart of ``kind`` (articles, mentions, claims, outlets, tags)."""
        self.tabs.setCurrentIndex(KINDS.index(kind))

    def _switched(self, _index: int) -> None:
        kind = self.kind
        self.names.setEnabled(kind != "articles")
        self.names.setPlaceholderText(PLACEHOLDERS[kind])
        self.names.setText(self._names.get(kind, ""))
        self.shares.setVisible(kind == "outlets")
        self._complete(kind)
        self.redraw()

    def _complete(self, kind: str) -> None:
        if kind == "articles":
            return
        worker = Worker(self.library.timelines.names, kind)
        worker.signals.result.connect(lambda names, k=kind: self._set_completer(k, names))
        self.queue.submit(worker)

    def _set_completer(self, kind: str, names: list[str]) -> None:
        if kind != self.kind:
            return
        completer = QCompleter(names, self.names)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.names.setCompleter(completer)

    def redraw(self) -> None:
        """Count again for the chart's settings (in the background) and draw it."""
        self._names[self.kind] = self.names.text()
        self._asked += 1
        asked = self._asked
        show_status(self.status, "Counting…")
        worker = Worker(self.library.timelines.timeline, self.query())
        worker.signals.result.connect(lambda t: self._show(asked, t))
        worker.signals.error.connect(lambda msg, _tb: self._failed(asked, msg))
        self.queue.submit(worker)

    def _show(self, asked: int, timeline: Timeline) -> None:
        if asked != self._asked:
            return
        self.timeline = timeline
        auto = self.by.findData(AUTO)
        chosen = f"{timeline.query.by} (auto)" if self.by.currentIndex() == auto else AUTO
        self.by.setItemText(auto, chosen)  # "per year (auto)"; not a change of choice
        self.chart.show_timeline(timeline, self.shares.isChecked())
        show_status(self.status, "" if timeline.series else "Nothing to count yet.")
        self._say_apart(timeline)
        self.drawn.emit()

    def _failed(self, asked: int, message: str) -> None:
        if asked != self._asked:
            return
        show_status(self.status, message, "error")
        self.drawn.emit()

    def _redraw_shares(self) -> None:
        if self.timeline is not None:
            self.chart.show_timeline(self.timeline, self.shares.isChecked())

    def _say_apart(self, t: Timeline) -> None:
        parts = []
        if t.undated:
            parts.append(f"{t.undated:,} undated article{'s' if t.undated != 1 else ''}")
        if t.unplaced:
            parts.append(f"{t.unplaced:,} dated too coarsely for a {t.query.by}")
        if not parts:
            self.apart.setText("")
            return
        self.apart.setText(f"{' and '.join(parts)} not shown — <a href='apart'>show them</a>")

    # -- choosing articles -----------------------------------------------------------------

    def choose(self, bucket: str, series: str) -> None:
        """Show the articles behind one bar or point (of one series) in the library list."""
        if self.timeline is None:
            return
        q = self.timeline.query
        one = series if q.kind != "articles" else None
        ids = self.library.timelines.article_ids(q, bucket, one)
        when = bucket_label(bucket, q.by) if bucket not in (UNDATED, UNPLACED) else bucket
        what = KIND_TITLES[q.kind].lower()
        label = f"{what} of {series}, {when}" if q.kind != "articles" else f"articles, {when}"
        self.articlesChosen.emit(ids, f"overview: {label}")

    def choose_apart(self, _link: str = "") -> None:
        """Show the undated and unplaced articles of the chart in the library list."""
        if self.timeline is None:
            return
        q = self.timeline.query
        ids = [i for key in (UNDATED, UNPLACED) for i in self.library.timelines.article_ids(q, key)]
        self.articlesChosen.emit(ids, f"overview: {KIND_TITLES[q.kind].lower()} not on the chart")

    # -- export ----------------------------------------------------------------------------

    def export(self, path: Path) -> None:
        """Write the chart (``.png``, ``.svg``) or its counts (``.csv``) to ``path``."""
        if self.timeline is None:
            return
        if path.suffix.lower() == ".csv":
            write_export_file(path, self.timeline.write_csv, self.library.path)
        else:
            self.chart.export_image(path, self.library.path)

    def _ask_export(self, suffix: str) -> None:
        if self.timeline is None:
            return
        q = self.timeline.query
        name = f"{q.kind}-per-{q.by}.{suffix}"
        filters = {"png": "PNG image (*.png)", "svg": "SVG drawing (*.svg)", "csv": "CSV (*.csv)"}
        chosen, _ = QFileDialog.getSaveFileName(self, "Export", name, filters[suffix])
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != f".{suffix}":
            path = path.with_name(path.name + f".{suffix}")
        try:
            self.export(path)
        except MonitorDeskError as exc:  # a refused or unwritable file: one line
            show_status(self.status, str(exc), "error")
            return
        show_status(self.status, f"Wrote {path.name}")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.queue.shutdown()
        event.accept()
