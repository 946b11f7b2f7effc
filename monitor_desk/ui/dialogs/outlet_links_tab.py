"""The *Outlet links* tab of the Corrections dialog: every outlet the analyst said is
another (`Интерфакс` = Interfax), each revocable (undoable with Edit ▸ Undo)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.changes import Changes
from ..commands.outlet_commands import OutletLinkEdits


class OutletLinksTab(QWidget):
    """Attributes: items: the links (the linked outlet's name in each item's user data);
    revoke_button: takes the chosen link back; empty: what shows when there is none."""

    def __init__(self, outlets: OutletLinkEdits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outletLinksTab")
        self.outlets = outlets
        layout = QVBoxLayout(self)
        intro = QLabel(
            "An outlet linked to another counts as that one: its citations now and in every "
            "later analysis. Link one from the Sources tab's menu (Same Outlet As…)."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.items = QListWidget()
        self.items.setObjectName("outletLinksList")
        layout.addWidget(self.items)
        self.empty = QLabel("No outlet is linked to another.")
        layout.addWidget(self.empty)
        self.revoke_button = QPushButton("Re&voke Link")
        layout.addWidget(self.revoke_button, 0, Qt.AlignmentFlag.AlignRight)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.items.currentRowChanged.connect(lambda row: self.revoke_button.setEnabled(row >= 0))
        outlets.changed.connect(self._changed)
        self.reload()

    def _changed(self, _changes: Changes) -> None:
        self.reload()

    def reload(self) -> None:
        self.items.clear()
        for outlet, same_as in self.outlets.links().items():
            item = QListWidgetItem(f"“{outlet}” is the same outlet as “{same_as}”")
            item.setData(Qt.ItemDataRole.UserRole, outlet)
            self.items.addItem(item)
        self.empty.setVisible(self.items.count() == 0)
        self.revoke_button.setEnabled(self.items.currentRow() >= 0)

    def revoke_selected(self) -> None:
        item = self.items.currentItem()
        if item is not None:
            self.outlets.unlink(str(item.data(Qt.ItemDataRole.UserRole)))
