"""The legend above the reader: one toggle per entity type present, then a key for each
other kind of mark (claim cue, claim content, citation, highlight)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QWidget

from ..widgets.flow_layout import FlowLayout
from ..widgets.palette import ENTITY_NAMES, entity_tint
from .legend_keys import KEYS, KeyKind, key_pixmap


def swatch(color: QColor, size: int = 12) -> QIcon:
    """An entity's key: its tint, flat (no outline: outlines are the highlights')."""
    pix = QPixmap(size, size)
    pix.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pix)
    edge = QColor(128, 128, 128, 90)  # just enough edge for a pale tint on a pale window
    painter.setPen(edge)
    painter.setBrush(color)
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return QIcon(pix)


class EntityLegend(QWidget):
    """Toggle buttons, one per entity type, and the keys of the other marks.

    Attributes:
        buttons: the entity types' check boxes by label.
        keys: the other marks' keys by kind (``cue``, ``content``, ``citation``,
            ``highlight``), each a widget with the sample and its caption.

    Signals:
        toggled(str, bool): an entity type was shown (True) or hidden (False).
    """

    toggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entityLegend")
        # Lines packed close: in a narrow reader the legend wraps to four or five lines, and
        # every pixel it takes is taken from the text.
        self._layout = FlowLayout(self, spacing=10, line_spacing=2)
        self.buttons: dict[str, QCheckBox] = {}
        self.keys: dict[KeyKind, QWidget] = {}
        self._shown: tuple[list[str], set[str], bool] = ([], set(), False)

    def set_types(self, labels: list[str], hidden: set[str], keys: bool = True) -> None:
        """Entity toggles for ``labels``; the other marks' keys when ``keys``."""
        self._shown = (list(labels), set(hidden), keys)
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone now, not at the next event loop turn (no overlap)
                widget.deleteLater()
        self.buttons.clear()
        self.keys.clear()
        if labels:
            self._layout.addWidget(self._caption("Entities:"))
        for label in labels:
            # A check box says "shown / hidden" unambiguously; the swatch says which colour.
            button = QCheckBox(ENTITY_NAMES.get(label, label), self)
            button.setToolTip(f"{label}: show or hide these entities (a tint behind the words)")
            button.setIcon(swatch(entity_tint(label, self.palette())))
            button.setIconSize(QSize(12, 12))
            button.setChecked(label not in hidden)
            button.toggled.connect(lambda on, lab=label: self.toggled.emit(lab, on))
            self._layout.addWidget(button)
            self.buttons[label] = button
        if keys:
            self._layout.addWidget(self._caption("Marks:"))
            for kind in KEYS:
                self.keys[kind] = self._key(kind)
                self._layout.addWidget(self.keys[kind])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # tints are per palette: redraw them
            labels, _, keys = self._shown
            hidden = {lab for lab in labels if lab in self.buttons}
            hidden = {lab for lab in hidden if not self.buttons[lab].isChecked()}
            self.set_types(labels, hidden, keys)

    def _caption(self, text: str) -> QLabel:
        caption = QLabel(text, self)
        caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        caption.setMinimumHeight(self.fontMetrics().height() + 6)
        return caption

    def _key(self, kind: KeyKind) -> QWidget:
        box = QWidget(self)
        box.setObjectName(f"legendKey_{kind}")
        box.setToolTip(KEYS[kind][2])
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        sample = QLabel(box)
        sample.setPixmap(key_pixmap(kind, self.palette(), self.font(), self.devicePixelRatioF()))
        row.addWidget(sample)
        row.addWidget(QLabel(KEYS[kind][1], box))
        return box
