"""A combo-box delegate for graded columns (credibility 1-6, reliability A-F)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

_Index = QModelIndex | QPersistentModelIndex

GradeRole = Qt.ItemDataRole.UserRole + 10
"""The raw grade of a cell (int, str or None); DisplayRole shows the grade with its meaning."""


class GradeDelegate(QStyledItemDelegate):
    """Edits a cell by choosing one of ``choices`` (value, label); the first may be None."""

    def __init__(self, choices: list[tuple[Any, str]], parent: Any = None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(  # noqa: N802
        self, parent: QWidget, option: QStyleOptionViewItem, index: _Index
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("gradeEditor")
        for value, label in self.choices:
            combo.addItem(label, value)
        # Commit as soon as a grade is picked: one click, not click + Enter.
        combo.activated.connect(lambda _: self.commitData.emit(combo))
        combo.activated.connect(lambda _: self.closeEditor.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: _Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        value = index.data(GradeRole)
        for i, (choice, _) in enumerate(self.choices):
            if choice == value:
                editor.setCurrentIndex(i)
                return

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: _Index
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), GradeRole)
