"""Let the user show and hide a table's columns from its header's context menu."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView


def allow_column_choice(view: QTableView, hidden: tuple[int, ...] = ()) -> None:
    header = view.horizontalHeader()
    for col in hidden:
        view.setColumnHidden(col, True)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def menu(pos: QPoint) -> None:
        model = view.model()
        m = QMenu(view)
        for col in range(model.columnCount()):
            a = QAction(str(model.headerData(col, Qt.Orientation.Horizontal)), m)
            a.setCheckable(True)
            a.setChecked(not view.isColumnHidden(col))
            a.toggled.connect(lambda on, c=col: view.setColumnHidden(c, not on))
            m.addAction(a)
        m.exec(header.mapToGlobal(pos))

    header.customContextMenuRequested.connect(menu)
