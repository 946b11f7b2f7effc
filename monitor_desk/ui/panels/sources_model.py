"""Outlets cited by one article as a table model; the reliability grade is library-wide."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from ...core.errors import MonitorDeskError
from ...core.library import Library
from ...core.models import CitationItem
from ...core.sources import RELIABILITY, SourceEntry
from ..widgets.delegates import GradeRole
from ..widgets.table_model import ColumnsTableModel

COLUMNS = ("Outlet", "Dates", "Sentences", "Reliability")
OUTLET, DATES, SENTENCES, RELIABILITY_COL = range(4)
SourceRole = Qt.ItemDataRole.UserRole + 4

_Index = QModelIndex | QPersistentModelIndex


def date_label(item: CitationItem) -> str:
    if item.date_start and item.date_end and item.date_end != item.date_start:
        return f"{item.date_start} – {item.date_end}"
    if item.date_start:
        return item.date_start
    return item.date_text or "undated"


class SourcesModel(ColumnsTableModel):
    """Signals:
    failed(str): a grade was refused.
    changesMade(Changes): an outlet's grade changed: what the write reported.
    """

    columns = COLUMNS

    failed = Signal(str)
    changesMade = Signal(object)

    def __init__(self, library: Library, parent: Any = None) -> None:
        super().__init__(parent)
        self.library = library
        self.article_id: int | None = None
        self.sources: list[SourceEntry] = []

    def load(self, article_id: int | None) -> None:
        self.beginResetModel()
        self.article_id = article_id
        self.sources = self.library.sources.list(article_id) if article_id is not None else []
        self.endResetModel()

    def source(self, row: int) -> SourceEntry | None:
        return self.sources[row] if 0 <= row < len(self.sources) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.sources)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.sources):
            return None
        s = self.sources[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == OUTLET:
                return s.outlet
            if col == DATES:
                return "; ".join(dict.fromkeys(date_label(i) for i in s.items))
            if col == SENTENCES:
                return len(s.covers)
            if col == RELIABILITY_COL:
                return f"{s.reliability} {RELIABILITY[s.reliability]}" if s.reliability else "—"
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == RELIABILITY_COL:
                return "Admiralty scale A … F, for this outlet everywhere. Double-click to grade."
            written = {i.outlet_text for i in s.items if i.outlet_text}
            return f"{s.outlet}: cited as " + ", ".join(sorted(written) or [s.outlet])
        if role == GradeRole and col == RELIABILITY_COL:
            return s.reliability
        if role == Qt.ItemDataRole.TextAlignmentRole and col == SENTENCES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SourceRole:
            return s
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == RELIABILITY_COL:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        s = self.source(index.row()) if index.isValid() else None
        if s is None or index.column() != RELIABILITY_COL:
            return False
        if role not in (GradeRole, Qt.ItemDataRole.EditRole):
            return False
        try:
            changes = self.library.sources.set_reliability(s.outlet, value or None)
        except MonitorDeskError as exc:
            self.failed.emit(str(exc))
            return False
        s.reliability = (value or None) and str(value).upper()
        self.dataChanged.emit(index, index)
        self.changesMade.emit(changes)
        return True
