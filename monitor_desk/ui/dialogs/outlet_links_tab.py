"""The *Outlet links* tab of the Corrections dialog: every outlet the analyst said is
another (`Интерфакс` = Interfax), each revocable (undoable with Edit ▸ Undo)."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ..commands.outlet_commands import OutletLinkEdits
from .revocable_list_tab import Entry, RevocableListTab


class OutletLinksTab(RevocableListTab):
    """Attributes: items: the links (the linked outlet's name in each item's user data);
    revoke_button: takes the chosen link back; empty: what shows when there is none."""

    def __init__(self, outlets: OutletLinkEdits, parent: QWidget | None = None) -> None:
        super().__init__(
            "outletLinksTab",
            "An outlet linked to another counts as that one: its citations now and in every "
            "later analysis. Link one from the Sources tab's menu (Same Outlet As…).",
            "outletLinksList",
            "Re&voke Link",
            outlets.changed,
            parent,
        )
        self.outlets = outlets
        self.empty = QLabel("No outlet is linked to another.")
        self.column.addWidget(self.empty)
        self.column.addWidget(self.revoke_button, 0, Qt.AlignmentFlag.AlignRight)
        self.reload()

    def entries(self) -> Iterator[Entry]:
        for outlet, same_as in self.outlets.links().items():
            yield f"“{outlet}” is the same outlet as “{same_as}”", outlet, None

    def _counted(self, count: int) -> None:
        self.empty.setVisible(count == 0)

    def revoke_selected(self) -> None:
        outlet = self.chosen()
        if outlet is not None:
            self.outlets.unlink(outlet)
