"""What the Corrections dialog's *Taught cues* and *Outlet links* tabs share: an intro, a
list of what the analyst put in force (each item's key in its user data), a revoke button
for the chosen one, and the list read again whenever the library says it changed."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

Entry = tuple[str, str, str | None]
"""One item of the list: (text, key, tooltip or None)."""


class RevocableListTab(QWidget):
    """A subclass lists its ``entries``, says what an empty list means in ``_counted`` and
    revokes the chosen key in ``revoke_selected``; it places ``revoke_button`` (created here,
    not yet laid out) and calls ``reload`` once its own widgets are built.

    Attributes: column: the tab's layout (intro, then the list, then what the subclass
    adds); items: the list; revoke_button: revokes the chosen item, enabled while one is."""

    def __init__(
        self,
        name: str,
        intro: str,
        list_name: str,
        revoke_text: str,
        changed: SignalInstance,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.column = QVBoxLayout(self)
        label = QLabel(intro)
        label.setWordWrap(True)
        self.column.addWidget(label)
        self.items = QListWidget()
        self.items.setObjectName(list_name)
        self.column.addWidget(self.items)
        self.revoke_button = QPushButton(revoke_text)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.items.currentRowChanged.connect(self._row_changed)
        changed.connect(self._library_changed)

    def entries(self) -> Iterable[Entry]:
        raise NotImplementedError

    def _counted(self, count: int) -> None:
        """Called after each reload with the number of items listed."""

    def revoke_selected(self) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        self.items.clear()
        for text, key, tooltip in self.entries():
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            if tooltip is not None:
                item.setToolTip(tooltip)
            self.items.addItem(item)
        self._counted(self.items.count())
        self._enable()

    def chosen(self) -> str | None:
        """The chosen item's key; None when no item is chosen."""
        item = self.items.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _enable(self) -> None:
        self.revoke_button.setEnabled(self.items.currentRow() >= 0)

    def _row_changed(self, _row: int) -> None:
        self._enable()

    def _library_changed(self, _what: object) -> None:
        self.reload()
