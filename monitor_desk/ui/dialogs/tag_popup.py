"""The small popup that opens at a selection: tags, a note and a colour; Enter saves.

It is built once per window and reused, and it touches no database: the tag names come
from the ``HighlightService``'s cached model, so it opens at once.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QHideEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..commands.highlight_commands import parse_tags
from ..widgets.palette import HIGHLIGHT_COLORS

COLORS: tuple[str | None, ...] = (None, *(c.lower() for c in HIGHLIGHT_COLORS.values()))
"""None = the first tag's colour (or the default). Never an entity tint (palette.py)."""
COLOR_NAMES = {c.lower(): name for name, c in HIGHLIGHT_COLORS.items()}


class TagCompleter(QCompleter):
    """Completes the tag being typed after the last comma, matching anywhere in a name
    (``abm`` finds ``arms-control/ABM``), most-used first."""

    def __init__(self, model: QStringListModel, line: QLineEdit) -> None:
        super().__init__(model, line)
        self.line = line
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setModelSorting(QCompleter.ModelSorting.UnsortedModel)
        self.setMaxVisibleItems(9)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802
        head, _, _ = self.line.text().rpartition(",")
        name = str(index.data())
        return f"{head}, {name}" if head else name


class TagPopup(QFrame):
    """Attributes:
        tag_input (``tagInput``), note_input (``noteInput``): the fields.
        color: the chosen colour (``#rrggbb``) or None for the tags' colour.

    Signals:
        saved(list, str, object): tags, note and colour (str or None) on Enter.
        cancelled(): Esc, or a click elsewhere.
    """

    saved = Signal(list, str, object)
    cancelled = Signal()

    def __init__(self, tag_model: QStringListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("tagPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        self.title.setObjectName("tagPopupTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)  # the whole quote, on as many lines as it takes
        self.tag_input = QLineEdit(self)
        self.tag_input.setObjectName("tagInput")
        self.tag_input.setPlaceholderText("Tags, comma-separated — a/b nests")
        self.tag_input.setClearButtonEnabled(True)
        self.completer = TagCompleter(tag_model, self.tag_input)
        self.tag_input.setCompleter(self.completer)
        # Runs before the completer's own filter: Enter always saves (taking the chosen
        # completion first), so one key does one thing.
        self.completer.popup().installEventFilter(self)
        self.note_input = QLineEdit(self)
        self.note_input.setObjectName("noteInput")
        self.note_input.setPlaceholderText("Note (optional)")
        self.colors = QButtonGroup(self)
        self.colors.setExclusive(True)
        swatches = QHBoxLayout()
        swatches.setSpacing(3)
        for i, color in enumerate(COLORS):
            button = QToolButton(self)
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setFixedSize(22 if color else 44, 22)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(COLOR_NAMES[color] if color else "The first tag's colour")
            button.setText("" if color else "Auto")
            if color:
                button.setStyleSheet(
                    f"QToolButton {{ background: {color}; border: 1px solid "
                    f"{QColor(color).darker(130).name()}; border-radius: 3px; }}"
                    "QToolButton:checked { border: 2px solid palette(text); }"
                )
            self.colors.addButton(button, i)
            swatches.addWidget(button)
        swatches.addStretch(1)
        self.favourites = QLabel(self)
        self.favourites.setObjectName("favouriteHint")
        self.favourites.setWordWrap(True)
        hint = QLabel("Enter saves · Esc cancels · Tab completes", self)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.tag_input)
        layout.addWidget(self.note_input)
        layout.addLayout(swatches)
        layout.addWidget(self.favourites)
        layout.addWidget(hint)
        self.tag_input.returnPressed.connect(self.save)
        self.note_input.returnPressed.connect(self.save)
        self.setFixedWidth(360)
        self._done = True

    @property
    def color(self) -> str | None:
        return COLORS[max(0, self.colors.checkedId())]

    def open_at(
        self,
        where: QPoint,
        title: str,
        tags: list[str] | None = None,
        note: str = "",
        color: str | None = None,
        favourites: list[str] | None = None,
    ) -> None:
        """Show at global point ``where`` (kept on screen), prefilled for an edit."""
        self.title.setText(title)
        self.tag_input.setText(", ".join(tags or []))
        self.note_input.setText(note)
        index = COLORS.index(color.lower()) if color and color.lower() in COLORS else 0
        self.colors.button(index).setChecked(True)
        fav = favourites or []
        self.favourites.setText(
            "Keys in the text: " + " · ".join(f"{i} {n}" for i, n in enumerate(fav, 1))
            if fav
            else ""
        )
        self.favourites.setVisible(bool(fav))
        self.adjustSize()
        screen = self.screen().availableGeometry() if self.screen() else None
        pos = QPoint(where)
        if screen is not None:
            pos.setX(max(screen.left(), min(pos.x(), screen.right() - self.width())))
            if pos.y() + self.height() > screen.bottom():
                pos.setY(max(screen.top(), pos.y() - self.height() - 24))
        self.move(pos)
        self._done = False
        self.show()
        self.raise_()
        self.activateWindow()
        self.tag_input.setFocus(Qt.FocusReason.PopupFocusReason)

    def save(self) -> None:
        if self._done:
            return
        self._done = True
        self.completer.popup().hide()
        tags = parse_tags(self.tag_input.text())
        self.hide()
        self.saved.emit(tags, self.note_input.text().strip(), self.color)

    def cancel(self) -> None:
        if self._done:
            return
        self._done = True
        self.hide()
        self.cancelled.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
        elif event.key() == Qt.Key.Key_Escape:
            self.cancel()
        else:
            super().keyPressEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        super().hideEvent(event)
        self.cancel()  # a click outside closes a popup: that is a cancel, not a save

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.completer.popup()
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            index = self.completer.popup().currentIndex()
            if index.isValid():
                self.tag_input.setText(self.completer.pathFromIndex(index))
            self.save()
            return True
        return super().eventFilter(watched, event)
