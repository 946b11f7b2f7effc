"""View ▸ Entity Types: one check per entity type, kept in step with the legend above the
reader. Either shows or hides a type in the reader; the Entities tab lists shown ones."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QMenu

from ..widgets.palette import ENTITY_NAMES
from .reader_pane import ReaderPane


class EntityTypesMenu(QObject):
    """Attributes:
        actions: the checkable actions by entity label (checked = shown).

    Signals:
        changed(): the types shown in the reader changed.
    """

    changed = Signal()

    def __init__(self, menu: QMenu, reader: ReaderPane) -> None:
        super().__init__(menu)
        self.reader = reader
        self.actions: dict[str, QAction] = {}
        for label, name in ENTITY_NAMES.items():
            a = QAction(f"{name} ({label})", menu)
            a.setCheckable(True)
            a.toggled.connect(lambda on, lab=label: self._menu_toggled(lab, on))
            menu.addAction(a)
            self.actions[label] = a
        reader.legend.toggled.connect(self._legend_toggled)

    def sync(self) -> None:
        """Check the types the reader shows (after its hidden types were restored)."""
        for label, a in self.actions.items():
            _set_quietly(a, label not in self.reader.view.hidden)

    def _menu_toggled(self, label: str, visible: bool) -> None:
        self.reader.view.set_type_visible(label, visible)
        self.changed.emit()
        button = self.reader.legend.buttons.get(label)
        if button is not None:
            _set_quietly(button, visible)

    def _legend_toggled(self, label: str, visible: bool) -> None:
        # The reader pane has already shown or hidden the type.
        self.changed.emit()
        a = self.actions.get(label)
        if a is not None:
            _set_quietly(a, visible)


def _set_quietly(checkable: QAction | QAbstractButton, on: bool) -> None:
    """Check or uncheck without echoing the change back (which would loop)."""
    if checkable.isChecked() != on:
        checkable.blockSignals(True)
        checkable.setChecked(on)
        checkable.blockSignals(False)
