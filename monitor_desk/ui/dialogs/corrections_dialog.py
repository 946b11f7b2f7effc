"""*Edit ▸ Entity Corrections…*: every correction in force, in one list, each revocable; and,
in a second tab, the cues taught to the claim extractor (``taught_cues_tab``), in a third the
outlets linked to others (``outlet_links_tab``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..commands.entity_commands import EntityCorrections
from .outlet_links_tab import OutletLinksTab
from .taught_cues_tab import TaughtCuesTab


class CorrectionsDialog(QDialog):
    """Attributes: items: the list; empty: what shows when it is empty; revoke_button: revokes
    the chosen correction (undoable with Edit ▸ Undo); tabs: entity corrections, then taught
    cues (``cues_tab``), then outlet links (``links_tab``)."""

    def __init__(self, corrections: EntityCorrections, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Corrections")
        self.corrections = corrections
        outer = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        outer.addWidget(self.tabs)
        entities = QWidget()
        layout = QVBoxLayout(entities)
        layout.addWidget(QLabel("Corrections apply to every article, now and when analysed later."))
        self.items = QListWidget()
        layout.addWidget(self.items)
        self.empty = QLabel(
            "No entity corrected yet: right-click a name in the text or in the Entities tab "
            "to change its type, merge it into another or say it is not an entity."
        )
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.revoke_button = QPushButton("&Revoke")
        layout.addWidget(self.revoke_button, 0, Qt.AlignmentFlag.AlignRight)
        self.tabs.addTab(entities, "&Entity corrections")
        self.cues_tab = TaughtCuesTab(corrections.cues, self)
        self.tabs.addTab(self.cues_tab, "&Taught cues")
        self.links_tab = OutletLinksTab(corrections.outlets, self)
        self.tabs.addTab(self.links_tab, "&Outlet links")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
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
        self.empty.setVisible(self.items.count() == 0)

    def revoke_selected(self) -> None:
        item = self.items.currentItem()
        if item is not None:
            self.corrections.revoke(int(item.data(Qt.ItemDataRole.UserRole)))
