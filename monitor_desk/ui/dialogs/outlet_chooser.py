"""*Same Outlet As…* (the Sources tab's menu): choose the outlet that the chosen one is,
from the library's outlets, narrowed by a filter as the analyst types; a name typed that
no article cites yet is taken too (`Interfax` before any English article cites it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)


class OutletChooser(QDialog):
    """Attributes: filter: narrows ``items`` (any part of a name, any case) and is the name
    taken when none is chosen; items: the outlets; buttons: OK / Cancel."""

    def __init__(self, outlet: str, outlets: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outletChooser")
        self.setWindowTitle("Same Outlet As")
        self.outlet = outlet
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"“{outlet}” is the same outlet as (its citations, now and in later analyses, "
            "count for the one chosen; Edit ▸ Undo or the Corrections dialog takes it back):"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter, or type an outlet's name")
        self.filter.setClearButtonEnabled(True)
        layout.addWidget(self.filter)
        self.items = QListWidget(self)
        self.items.setObjectName("outletChoices")
        self.items.addItems([o for o in outlets if o.casefold() != outlet.casefold()])
        layout.addWidget(self.items)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.filter.textChanged.connect(self._narrow)
        self.items.itemDoubleClicked.connect(lambda _item: self.accept())
        self.items.currentRowChanged.connect(lambda _row: self._enable())
        self._enable()
        self.resize(380, 420)

    def _narrow(self, text: str) -> None:
        wanted = text.strip().casefold()
        first = None
        for row in range(self.items.count()):
            item = self.items.item(row)
            hidden = bool(wanted) and wanted not in item.text().casefold()
            item.setHidden(hidden)
            if not hidden and first is None:
                first = row
        current = self.items.currentItem()
        if current is None or current.isHidden():
            self.items.setCurrentRow(first if first is not None else -1)
        self._enable()

    def chosen(self) -> str:
        """The outlet chosen in the list, else the name typed in the filter."""
        item = self.items.currentItem()
        if item is not None and not item.isHidden():
            return item.text()
        return " ".join(self.filter.text().split())

    def _enable(self) -> None:
        name = self.chosen()
        ok = bool(name) and name.casefold() != self.outlet.casefold()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


def choose_outlet(outlet: str, outlets: list[str], parent: QWidget | None = None) -> str | None:
    """The outlet ``outlet`` is the same as, or None when cancelled."""
    dialog = OutletChooser(outlet, outlets, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
