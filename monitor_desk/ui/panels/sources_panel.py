"""The Sources tab: outlets the article cites, their dates, what they support, their grade;
its menu says that an outlet is another (*Same Outlet As…*) or takes such a link back."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QWidget,
)

from ...core.library import Library
from ...core.sources import RELIABILITY
from ..dialogs.outlet_chooser import choose_outlet
from ..widgets.delegates import GradeDelegate
from ..widgets.row_table import over_under, row_table
from .sources_model import OUTLET, RELIABILITY_COL, SourcesModel

SpanRole = Qt.ItemDataRole.UserRole + 5


class SourcesPanel(QWidget):
    """Signals:
    spanSelected(int, int): a citation or a covered sentence to show in the reader.
    failed(str): a message for the user.
    correctionRequested(str, str, str): ``("same-outlet", outlet, other)`` or
        ``("unlink-outlet", outlet, "")``, for the window's ``EntityCorrections``.
    """

    spanSelected = Signal(int, int)
    failed = Signal(str)
    correctionRequested = Signal(str, str, str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcesPanel")
        self.library = library
        self.text = ""
        self.model = SourcesModel(library, self)
        self.table = row_table(self, self.model, "sourcesView", editable=True)
        grades = [(None, "— not graded")] + [(k, f"{k} {v}") for k, v in RELIABILITY.items()]
        self.table.setItemDelegateForColumn(RELIABILITY_COL, GradeDelegate(grades, self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(OUTLET, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.clicked.connect(lambda i: self._row_changed(i, QModelIndex()))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_menu)

        self.caption = QLabel("Select an outlet to see the sentences it supports.", self)
        self.caption.setWordWrap(True)
        self.covers = QListWidget(self)
        self.covers.setObjectName("sourceSentences")
        self.covers.setWordWrap(True)
        self.covers.setAlternatingRowColors(True)
        self.covers.setSpacing(2)
        self.covers.currentItemChanged.connect(self._sentence_changed)
        self.covers.itemClicked.connect(lambda item: self._sentence_changed(item, None))

        over_under(self, self.table, self.caption, self.covers, (200, 300))
        self.model.failed.connect(self.failed)

    def load(self, article_id: int | None, text: str = "") -> None:
        self.text = text
        self.model.load(article_id)
        self.covers.clear()
        n = self.model.rowCount()
        self.caption.setText(
            f"{n} outlet{'s' if n != 1 else ''} cited. Select one to see the sentences it supports."
            if n
            else "No cited sources found in this article."
        )

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)
        self._row_changed(self.model.index(row, 0), QModelIndex())

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        source = self.model.source(current.row()) if current.isValid() else None
        self.covers.blockSignals(True)
        self.covers.clear()
        self.covers.blockSignals(False)
        if source is None:
            return
        for start, end in source.covers:
            item = QListWidgetItem(" ".join(self.text[start:end].split()))
            item.setData(SpanRole, (start, end))
            self.covers.addItem(item)
        for cit in source.citations:
            item = QListWidgetItem(cit.text)
            item.setData(SpanRole, (cit.start, cit.end))
            item.setForeground(self.palette().placeholderText())
            self.covers.addItem(item)
        self.caption.setText(f"{source.outlet}: sentences it supports, then its citations")
        if source.covers:
            self.spanSelected.emit(*source.covers[0])
        elif source.citations:
            self.spanSelected.emit(source.citations[0].start, source.citations[0].end)

    def outlet_menu(self, row: int) -> QMenu | None:
        """The menu of the outlet on ``row``: *Same Outlet As…*, and *Unlink* for each
        outlet the analyst linked to it."""
        source = self.model.source(row)
        if source is None:
            return None
        menu = QMenu(self)
        name = source.outlet
        menu.addAction("&Same Outlet As…", lambda: self._link(name))
        linked = [o for o, same in self.library.sources.aliases().items() if same == name]
        for other in linked:
            menu.addAction(
                f"&Unlink “{other}”",
                lambda other=other: self.correctionRequested.emit("unlink-outlet", other, ""),
            )
        return menu

    def _show_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        menu = self.outlet_menu(index.row()) if index.isValid() else None
        if menu is not None:
            menu.exec(self.table.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def _link(self, outlet: str) -> None:
        other = choose_outlet(outlet, self.library.sources.outlet_names(), self)
        if other:
            self.correctionRequested.emit("same-outlet", outlet, other)

    def _sentence_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            start, end = item.data(SpanRole)
            self.spanSelected.emit(start, end)
