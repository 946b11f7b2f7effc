"""The small dialog that turns a selection in the reader into a claim."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)


class ClaimDialog(QDialog):
    """Asks who said the selected text and how.

    Attributes:
        content: the selected text (shown, not editable).
    """

    def __init__(self, content: str, speaker: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimDialog")
        self.setWindowTitle("Add claim")
        quote = QLabel(content if len(content) < 400 else content[:400] + "…", self)
        quote.setTextFormat(Qt.TextFormat.PlainText)
        quote.setWordWrap(True)
        self.speaker = QLineEdit(speaker, self)
        self.speaker.setPlaceholderText("e.g. Igor Ivanov")
        self.cue = QLineEdit(self)
        self.cue.setPlaceholderText("e.g. said, warned, told reporters")
        self.kind = QComboBox(self)
        self.kind.addItems(["indirect", "direct", "mixed"])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Content:", quote)
        form.addRow("Speaker:", self.speaker)
        form.addRow("Reporting verb:", self.cue)
        form.addRow("Kind:", self.kind)
        form.addRow(buttons)
        self.resize(480, self.sizeHint().height())
