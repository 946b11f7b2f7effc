"""Table columns: the analyst shows and hides them (the header's context menu), narrow
panels share their width out (``ShareColumns``), and widths are kept between sessions
(``save_columns`` / ``restore_columns``, called from ``window_layout``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView, QWidget
from shiboken6 import isValid


def allow_column_choice(view: QTableView, hidden: tuple[int, ...] = ()) -> None:
    header = view.horizontalHeader()
    for col in hidden:
        view.setColumnHidden(col, True)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def menu(pos: QPoint) -> None:
        model = view.model()
        m = QMenu(view)
        for col in range(model.columnCount()):
            # the full name where the header shows it short (its tooltip)
            name = model.headerData(
                col, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
            ) or model.headerData(col, Qt.Orientation.Horizontal)
            a = QAction(str(name), m)
            a.setCheckable(True)
            a.setChecked(not view.isColumnHidden(col))
            a.toggled.connect(lambda on, c=col: view.setColumnHidden(c, not on))
            m.addAction(a)
        m.exec(header.mapToGlobal(pos))

    header.customContextMenuRequested.connect(menu)


def fit_to_headers(view: QTableView, stretch: int, samples: dict[int, str] | None = None) -> None:
    """The default layout of a table whose one column (``stretch``) carries the reading: it
    takes whatever width is left; every other column is as wide as its header text (with
    the sort arrow), or as a sample of its contents when that is wider. The analyst can
    still drag the others; saved widths (``restore_columns``) come on top of these."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    fm = view.fontMetrics()
    for col in range(header.count()):
        if col == stretch:
            continue
        sample = (samples or {}).get(col, "")
        sample_width = fm.horizontalAdvance(sample) + 12 if sample else 0
        header.resizeSection(col, max(header.sectionSizeHint(col), sample_width))


class ShareColumns(QObject):
    """Columns that share a table's width: each shown column gets its share of the width
    (among the shown columns' shares), never less than its minimum, whenever the table is
    resized or a column is shown or hidden. A column the analyst drags keeps its new share.

    Attributes:
        shares: each column's share by column number (any scale).
        minimums: the least width in pixels of each column.
    """

    def __init__(
        self, view: QTableView, shares: dict[int, float], minimums: dict[int, int]
    ) -> None:
        super().__init__(view)
        self.setObjectName("shareColumns")
        self.view = view
        self.shares = dict(shares)
        self.minimums = dict(minimums)
        self._applying = False
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._resized)
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)

    def apply(self) -> None:
        shown = [c for c in self.shares if not self.view.isColumnHidden(c)]
        width = self.view.viewport().width()
        total = sum(self.shares[c] for c in shown)
        if not shown or width <= 0 or total <= 0:
            return
        self._applying = True
        try:
            spare = width - sum(self.minimums.get(c, 40) for c in shown)
            # Every column its minimum, then what is left by share: never past the width
            # while the minimums fit.
            for c in shown:
                extra = max(0, spare) * self.shares[c] / total
                self.view.setColumnWidth(c, self.minimums.get(c, 40) + int(extra))
        finally:
            self._applying = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Compared with the viewport kept, not asked of the view: a view being destroyed
        # still sends its viewport's last events here.
        if watched is self._viewport and event.type() == QEvent.Type.Resize and isValid(self.view):
            self.apply()
        return False

    def _resized(self, col: int, _old: int, new: int) -> None:
        """The analyst dragged ``col`` to ``new``: the other shown columns share what is
        left (each keeping its minimum), and every share is taken from the widths now."""
        if self._applying or col not in self.shares or new <= 0:
            return
        others = [c for c in self.shares if c != col and not self.view.isColumnHidden(c)]
        width = self.view.viewport().width()
        mins = {c: self.minimums.get(c, 40) for c in [col, *others]}
        left = width - new - sum(mins[c] for c in others)
        extras = {c: max(0, self.view.columnWidth(c) - mins[c]) for c in others}
        total = sum(extras.values())
        self._applying = True
        try:
            for c in others:
                share = extras[c] / total if total > 0 else 1 / len(others)
                self.view.setColumnWidth(c, mins[c] + int(max(0, left) * share))
        finally:
            self._applying = False
        for c in [col, *others]:
            self.shares[c] = max(0.001, float(self.view.columnWidth(c) - mins[c]))


def _views(window: QWidget) -> list[QTableView]:
    return [v for v in window.findChildren(QTableView) if v.objectName()]


def save_columns(settings: QSettings, window: QWidget) -> None:
    """Each named table's column widths (or shares) under ``columns/<name>``."""
    for view in _views(window):
        share = view.findChild(ShareColumns, "shareColumns")
        if share is not None:
            value = [f"{share.shares.get(c, 0):.4f}" for c in range(view.model().columnCount())]
        else:
            header = view.horizontalHeader()
            value = [str(header.sectionSize(c)) for c in range(header.count())]
        settings.setValue(f"columns/{view.objectName()}", value)


def restore_columns(settings: QSettings, window: QWidget) -> None:
    """Widths (or shares) as saved; a stretched, fitted or hidden column keeps its own."""
    for view in _views(window):
        saved = settings.value(f"columns/{view.objectName()}")
        if not isinstance(saved, list):
            continue
        try:
            numbers = [float(str(x)) for x in saved]
        except ValueError:
            continue
        share = view.findChild(ShareColumns, "shareColumns")
        if share is not None:
            for c, value in enumerate(numbers):
                if c in share.shares and value > 0:
                    share.shares[c] = value
            share.apply()
            continue
        header = view.horizontalHeader()
        for c, value in enumerate(numbers[: header.count()]):
            interactive = header.sectionResizeMode(c) == QHeaderView.ResizeMode.Interactive
            if interactive and value >= header.minimumSectionSize():
                header.resizeSection(c, int(value))
