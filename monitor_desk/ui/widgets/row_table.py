"""The table views of the window: rows chosen whole, striped, no row numbers.

Every list in the window (library, claims, sources, notes, entities, tags) is such a
table; ``row_table`` builds one, ``over_under`` stacks a table over a captioned detail
view as the Sources and Entities tabs do.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

# Grades and kinds are edited in place: double click, F2, or a click on the chosen cell.
_EDIT_TRIGGERS = (
    QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
    | QAbstractItemView.EditTrigger.SelectedClicked
)


def row_table(
    parent: QWidget,
    model: QAbstractItemModel,
    name: str,
    *,
    editable: bool = False,
    many: bool = False,
) -> QTableView:
    """A table of ``model`` named ``name``; ``editable``: cells edit in place; ``many``:
    several rows can be chosen at once."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if many
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setEditTriggers(
        _EDIT_TRIGGERS if editable else QAbstractItemView.EditTrigger.NoEditTriggers
    )
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    # By pixels, not whole rows: a wrapped row taller than the table (a long claim in a
    # narrow panel) had a middle that no scroll position showed.
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    return view


def over_under(
    parent: QWidget, upper: QWidget, caption: QLabel, lower: QWidget, sizes: tuple[int, int]
) -> None:
    """Lay out ``parent`` as ``upper`` over ``caption`` and ``lower`` in a splitter."""
    below = QWidget(parent)
    below_layout = QVBoxLayout(below)
    below_layout.setContentsMargins(0, 0, 0, 0)
    below_layout.addWidget(caption)
    below_layout.addWidget(lower, 1)
    split = QSplitter(Qt.Orientation.Vertical, parent)
    split.addWidget(upper)
    split.addWidget(below)
    split.setSizes(list(sizes))
    split.setChildrenCollapsible(False)
    layout = QVBoxLayout(parent)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.addWidget(split)
