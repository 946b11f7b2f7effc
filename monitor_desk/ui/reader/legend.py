"""The entity legend above the reader: one toggle per entity type present."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from ..widgets.flow_layout import FlowLayout
from ..widgets.palette import ENTITY_NAMES, entity_tint


def swatch(color: QColor, size: int = 12) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pix)
    painter.setPen(color.darker(140))
    painter.setBrush(color)
    painter.drawRoundedRect(0, 0, size - 1, size - 1, 3, 3)
    painter.end()
    return QIcon(pix)


class EntityLegend(QWidget):
    """Toggle buttons, one per entity type.

    Signals:
        toggled(str, bool): an entity type was shown (True) or hidden (False).
    """

    toggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entityLegend")
        self._layout = FlowLayout(self, spacing=10)
        self.buttons: dict[str, QCheckBox] = {}

    def set_types(self, labels: list[str], hidden: set[str]) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone now, not at the next event loop turn (no overlap)
                widget.deleteLater()
        self.buttons.clear()
        if labels:
            caption = QLabel("Entities:", self)
            caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            caption.setMinimumHeight(self.fontMetrics().height() + 6)
            self._layout.addWidget(caption)
        for label in labels:
            # A check box says "shown / hidden" unambiguously; the swatch says which colour.
            button = QCheckBox(ENTITY_NAMES.get(label, label), self)
            button.setToolTip(f"{label}: show or hide these entities")
            button.setIcon(swatch(entity_tint(label, self.palette())))
            button.setIconSize(QSize(12, 12))
            button.setChecked(label not in hidden)
            button.toggled.connect(lambda on, lab=label: self.toggled.emit(lab, on))
            self._layout.addWidget(button)
            self.buttons[label] = button
