"""The Notes tab: the analyst's highlights in the open article (quote, tags, note)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.library import Library
from ..core.models import Highlight

COLUMNS = ("Quote", "Tags", "Note")
HighlightRole = Qt.ItemDataRole.UserRole + 6

_Index = QModelIndex | QPersistentModelIndex


class NotesModel(QAbstractTableModel):
    def __init__(self, library: Library, parent: Any = None) -> None:
        super().__init__(parent)
        self.library = library
        self.highlights: list[Highlight] = []

    def load(self, article_id: int | None) -> None:
        self.beginResetModel()
        self.highlights = self.library.list_highlights(article_id) if article_id is not None else []
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.highlights)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.highlights):
            return None
        h = self.highlights[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                quote = " ".join(h.exact.split())
                return quote if h.status == "anchored" else f"(not found in this text) {quote}"
            if col == 1:
                return ", ".join(h.tags)
            return h.note
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{h.exact}\n\nTags: {', '.join(h.tags) or '—'}\nNote: {h.note or '—'}"
        if role == HighlightRole:
            return h
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None


class NotesPanel(QWidget):
    """Signals:
    highlightSelected(int, int): code-point span of the chosen highlight.
    """

    highlightSelected = Signal(int, int)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self.model = NotesModel(library, self)
        self.table = QTableView(self)
        self.table.setObjectName("notesView")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.clicked.connect(lambda i: self._row_changed(i, QModelIndex()))
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.caption)

    def load(self, article_id: int | None) -> None:
        self.model.load(article_id)
        self.table.resizeRowsToContents()
        n = self.model.rowCount()
        self.caption.setText(
            f"{n} highlight{'s' if n != 1 else ''}." if n else "No highlights in this article yet."
        )

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        h = current.data(HighlightRole) if current.isValid() else None
        if isinstance(h, Highlight) and h.status == "anchored":
            self.highlightSelected.emit(h.start, h.end)
