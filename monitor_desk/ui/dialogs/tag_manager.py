"""The tag manager: every tag with its colour and how many highlights carry it; rename,
merge, recolour, delete — each an undoable command on the window's stack."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.models import Tag
from ..commands.highlight_commands import HighlightService
from ..widgets.palette import DEFAULT_HIGHLIGHT, HIGHLIGHT_COLORS
from ..widgets.row_table import row_table
from ..widgets.table_model import ColumnsTableModel

COLUMNS = ("Key", "Tag", "Colour", "Highlights")
KEY, NAME, COLOR, COUNT = range(4)
_Index = QModelIndex | QPersistentModelIndex


class TagsModel(ColumnsTableModel):
    """The service's cached tags (most used first); reset when they change."""

    columns = COLUMNS

    def __init__(self, service: HighlightService, parent: Any = None) -> None:
        super().__init__(parent)
        self.service = service
        self.tags: list[Tag] = list(service.tags)
        self.keys: dict[str, int] = {}
        self.refresh()
        service.tagsChanged.connect(self.refresh)

    def refresh(self) -> None:
        self.beginResetModel()
        self.tags = list(self.service.tags)
        self.keys = {name: i for i, name in enumerate(self.service.favourites(), 1)}
        self.endResetModel()

    @property
    def pinned(self) -> list[str]:
        return self.service.pinned

    def tag(self, row: int) -> Tag | None:
        return self.tags[row] if 0 <= row < len(self.tags) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.tags)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        tag = self.tag(index.row()) if index.isValid() else None
        if tag is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == KEY:
                key = self.keys.get(tag.name)
                return "" if key is None else f"{key}{' ★' if tag.name in self.pinned else ''}"
            if col == NAME:
                return tag.name
            if col == COLOR:
                return tag.color or "default"
            return tag.count
        if role == Qt.ItemDataRole.DecorationRole and col == COLOR:
            return QColor(tag.color or DEFAULT_HIGHLIGHT)
        if role == Qt.ItemDataRole.ToolTipRole and col == KEY and tag.name in self.keys:
            how = "pinned" if tag.name in self.pinned else "one of the most used"
            return f"Key {self.keys[tag.name]} in the text applies this tag ({how})"
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (KEY, COUNT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == NAME and "/" in tag.name:
            return "Nested under " + tag.name.rsplit("/", 1)[0]
        return None


class TagManager(QDialog):
    """Attributes:
    service: the ``HighlightService`` whose stack records every change.
    model: the ``TagsModel``; table (``tagTable``); empty: what shows when there is no tag.
    confirm: the delete confirmation while it is open (``confirmDeleteTag``).
    """

    def __init__(self, service: HighlightService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagManager")
        self.setWindowTitle("Tags")
        self.service = service
        self.model = TagsModel(service, self)
        self.table = row_table(self, self.model, "tagTable", many=True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(KEY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COLOR, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COUNT, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _i: self.rename_current())
        self.buttons: dict[str, QPushButton] = {}
        row = QVBoxLayout()
        for key, text, slot in (
            ("rename", "&Rename…", self.rename_current),
            ("merge", "&Merge…", self.merge_current),
            ("color", "&Colour…", self.recolor_current),
            ("delete", "&Delete…", self.delete_current),
            ("pin", "&Pin to Key", self.toggle_pin),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"tag_{key}")
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        close = QPushButton("Close", self)
        close.clicked.connect(self.accept)
        row.addWidget(close)
        self.hint = QLabel(
            "Select two tags and Merge to fold the first into the second. Keys 1–9 in the "
            "text apply the pinned tags, then the most used. Ctrl+Z undoes any change.",
            self,
        )
        self.hint.setWordWrap(True)
        self.empty = QLabel("No tags yet: select text in an article and press H to tag it.", self)
        self.empty.setObjectName("noTags")
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addLayout(row)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.hint)
        self.confirm: QMessageBox | None = None
        self.resize(520, 420)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def selected_names(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [t.name for r in rows if (t := self.model.tag(r)) is not None]

    def select(self, name: str) -> None:
        for r, tag in enumerate(self.model.tags):
            if tag.name == name:
                self.table.selectRow(r)
                return

    def _update_buttons(self) -> None:
        self.empty.setVisible(self.model.rowCount() == 0)
        n = len(self.selected_names())
        for key in ("rename", "color", "delete"):
            self.buttons[key].setEnabled(n == 1)
        self.buttons["merge"].setEnabled(n in (1, 2))
        names = self.selected_names()
        pinned = n == 1 and names[0] in self.service.pinned
        self.buttons["pin"].setText("Un&pin" if pinned else "&Pin to Key")
        self.buttons["pin"].setEnabled(n == 1)

    # -- actions (the *_current ones ask; the others do) -------------------------------------

    def toggle_pin(self) -> None:
        """Pin the tag to the next favourite key (1–9), or unpin it."""
        names = self.selected_names()
        if len(names) != 1:
            return
        pinned = list(self.service.pinned)
        if names[0] in pinned:
            pinned.remove(names[0])
        else:
            pinned.append(names[0])
        self.service.set_pinned(pinned)
        self.select(names[0])

    def rename_current(self) -> None:
        names = self.selected_names()
        if len(names) != 1:
            return
        new, ok = QInputDialog.getText(self, "Rename tag", f"New name for “{names[0]}”:",
                                       text=names[0])  # fmt: skip
        if ok and new.strip() and new.strip() != names[0]:
            self.service.rename_tag(names[0], new.strip())
            self.select(new.strip())

    def merge_current(self) -> None:
        names = self.selected_names()
        if len(names) == 2:
            source, target = names
        elif len(names) == 1:
            others = [t.name for t in self.model.tags if t.name != names[0]]
            target, ok = QInputDialog.getItem(
                self, "Merge tag", f"Merge “{names[0]}” into:", others, 0, True
            )
            if not ok or not target.strip():
                return
            source, target = names[0], target.strip()
        else:
            return
        self.service.merge_tags(source, target)
        self.select(target)

    def recolor_current(self) -> None:
        names = self.selected_names()
        if len(names) != 1:
            return
        tag = next(t for t in self.model.tags if t.name == names[0])
        # The highlighter's colours first among the dialog's own: none is an entity tint.
        for i, hex_color in enumerate(HIGHLIGHT_COLORS.values()):
            QColorDialog.setCustomColor(i, QColor(hex_color))
        color = QColorDialog.getColor(QColor(tag.color or DEFAULT_HIGHLIGHT), self, "Tag colour")
        if color.isValid():
            self.service.recolor_tag(tag.name, color.name())

    def delete_current(self) -> None:
        names = self.selected_names()
        if len(names) != 1:
            return
        tag = next(t for t in self.model.tags if t.name == names[0])
        touched = (
            f"It is on {tag.count} highlight{'s' if tag.count != 1 else ''}; they stay, "
            "without this tag."
            if tag.count
            else "No highlight carries it."
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Delete tag",
            f"Delete the tag “{tag.name}”?\n{touched}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("confirmDeleteTag")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        name = tag.name

        def done(_result: int) -> None:
            self.confirm = None
            if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
                self.service.delete_tag(name)
            box.deleteLater()

        box.finished.connect(done)
        self.confirm = box
        box.open()
