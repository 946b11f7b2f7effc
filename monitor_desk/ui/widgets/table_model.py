"""The table-model base every panel's model shares: fixed, named columns."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

GRADE_HEADERS: dict[str, str] = {"Credibility": "Cred.", "Confidence": "Conf."}
"""The grade columns' short headers, for a ``short`` where the content needs the width."""


class ColumnsTableModel(QAbstractTableModel):
    """A flat table whose columns are ``columns`` (header texts, left to right)."""

    columns: ClassVar[tuple[str, ...]] = ()
    short: ClassVar[dict[str, str]] = {}
    """Header texts shown shorter where a narrow panel needs the width for the content (the
    full name is the header's tooltip and the column menu's label)."""

    def columnCount(  # noqa: N802
        self,
        parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        name = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.short.get(name, name)
        if role == Qt.ItemDataRole.ToolTipRole and name in self.short:
            return name
        return None
