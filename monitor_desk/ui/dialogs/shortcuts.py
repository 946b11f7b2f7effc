"""Help ▸ Keyboard Shortcuts: every shortcut, read from the window's actions when the
dialog opens (so the list cannot go stale), with the menu each command is in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

COLUMNS = ("Keys", "Command", "Menu")
# Keys the reader handles itself rather than through an action.
READER_KEYS = [
    ("1 … 9", "Apply favourite tag 1–9 to the selected text", "Reader"),
    ("Shift+Arrows", "Select text with the keyboard", "Reader"),
]


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _menu_paths(menu: QMenu, path: str, out: dict[int, str]) -> None:
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            _menu_paths(sub, f"{path} ▸ {_plain(action.text())}", out)
        elif not action.isSeparator():
            out.setdefault(id(action), path)


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(keys, command, menu) for every action of ``window`` that has a shortcut: menu
    order first, then actions that are in no menu; then the reader's own keys."""
    where: dict[int, str] = {}
    for top in window.menuBar().actions():
        if isinstance(top.menu(), QMenu):
            _menu_paths(top.menu(), _plain(top.text()), where)  # type: ignore[arg-type]
    seen: set[int] = set()
    rows: list[tuple[int, str, str, str]] = []
    order = list(where)
    for action in [*window.actions(), *window.findChildren(QAction)]:
        if id(action) in seen or not action.shortcuts() or not action.text():
            continue
        seen.add(id(action))
        keys = ", ".join(
            k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
        )
        rank = order.index(id(action)) if id(action) in where else len(order)
        rows.append((rank, keys, _plain(action.text()), where.get(id(action), "Window")))
    rows.sort(key=lambda r: r[0])
    return [(keys, text, menu) for _, keys, text, menu in rows] + READER_KEYS


class ShortcutsDialog(QDialog):
    """Attributes:
    table: the ``QTreeWidget`` of shortcuts (objectName ``shortcutList``);
    filter: a line that narrows it to matching keys, commands or menus.
    """

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard Shortcuts")
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Type to find a command or key…")
        self.filter.setClearButtonEnabled(True)
        self.table = QTreeWidget(self)
        self.table.setObjectName("shortcutList")
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(list(COLUMNS))
        self.table.setAlternatingRowColors(True)
        self.items = [QTreeWidgetItem(list(row)) for row in shortcut_rows(window)]
        self.table.addTopLevelItems(self.items)
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.filter.textChanged.connect(self._narrow)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 560)

    def rows(self) -> list[tuple[str, str, str]]:
        """The rows shown (not filtered out)."""
        return [(i.text(0), i.text(1), i.text(2)) for i in self.items if not i.isHidden()]

    def _narrow(self, text: str) -> None:
        needle = text.casefold().strip()
        for item in self.items:
            hay = " ".join(item.text(c) for c in range(3)).casefold()
            item.setHidden(bool(needle) and needle not in hay)


def show_shortcuts(window: QMainWindow) -> None:
    dialog = ShortcutsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
