"""*Edit ▸ Entity Corrections…*: every correction in force, in one list, each revocable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..commands.entity_commands import EntityCorrections


class CorrectionsDialog(QDialog):
    """Attributes: items: the list; revoke_button: revokes the chosen correction (undoable
    with Edit ▸ Undo)."""

    def __init__(self, corrections: EntityCorrections, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Entity Corrections")
        self.corrections = corrections
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Corrections apply to every article, now and when analysed later."))
        self.items = QListWidget()
        layout.addWidget(self.items)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.revoke_button = QPushButton("&Revoke")
        buttons.addButton(self.revoke_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.items.currentRowChanged.connect(lambda row: self.revoke_button.setEnabled(row >= 0))
        corrections.corrected.connect(lambda _c: self.reload())
        self.resize(520, 360)
        self.reload()

    def reload(self) -> None:
        self.items.clear()
        for c in self.corrections.library.corrections.list():
            item = QListWidgetItem(c.describe())
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            item.setToolTip(f"{c.kind}, {c.created}")
            self.items.addItem(item)
        self.revoke_button.setEnabled(self.items.currentRow() >= 0)

    def revoke_selected(self) -> None:
        item = self.items.currentItem()
        if item is not None:
            self.corrections.revoke(int(item.data(Qt.ItemDataRole.UserRole)))
