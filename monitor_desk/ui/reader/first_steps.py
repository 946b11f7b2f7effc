"""What the reader shows with no article open: in an empty library, how to fill it
(import files or a folder, drop them on the window, or open the samples); otherwise, to
choose an article from the list."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..widgets.flow_layout import FlowLayout

EMPTY_TITLE = "This library is empty"
EMPTY_TEXT = (
    "Bring in the briefs you read: text (.txt, any common encoding), web pages (.html) and "
    "Markdown (.md), one file or whole folders. Monitor Desk finds the people, places and "
    "organisations in them, who said what, and the sources they cite."
)
DROP_TEXT = "You can also drop files and folders anywhere on this window."
NO_ARTICLE_TITLE = "No article open"
NO_ARTICLE_TEXT = "Choose an article from the list on the left."


class FirstSteps(QWidget):
    """Attributes:
        buttons: ``import_files``, ``import_folder``, ``samples`` (QPushButtons).

    Signals:
        importFilesRequested(), importFolderRequested(), samplesRequested().
    """

    importFilesRequested = Signal()
    importFolderRequested = Signal()
    samplesRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstSteps")
        self.title = QLabel(self)
        self.title.setObjectName("firstStepsTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel(self)
        self.text.setObjectName("firstStepsText")
        self.text.setWordWrap(True)
        self.drop = QLabel(DROP_TEXT, self)
        self.drop.setWordWrap(True)
        self.drop.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.buttons = {
            "import_files": QPushButton("Import &Files…", self),
            "import_folder": QPushButton("Import a F&older…", self),
            "samples": QPushButton("Open the &Samples", self),
        }
        self.buttons["samples"].setToolTip(
            "Import a few short example briefs written for Monitor Desk, to try it out"
        )
        self.buttons["import_files"].clicked.connect(self.importFilesRequested)
        self.buttons["import_folder"].clicked.connect(self.importFolderRequested)
        self.buttons["samples"].clicked.connect(self.samplesRequested)
        row = FlowLayout(spacing=6)  # the buttons wrap in a narrow reader, never clipped
        for name, button in self.buttons.items():
            button.setObjectName(f"firstSteps_{name}")
            row.addWidget(button)
        column = QVBoxLayout()
        column.addWidget(self.title)
        column.addSpacing(6)
        column.addWidget(self.text)
        column.addSpacing(12)
        column.addLayout(row)
        column.addSpacing(6)
        column.addWidget(self.drop)
        box = QWidget(self)
        box.setLayout(column)
        box.setMaximumWidth(560)
        # Centred by stretches, not by an alignment flag: an aligned item is given its size
        # hint, and the wrapped text then had too few lines' height (its lines were cut).
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(box, 100)
        centre.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        outer.addLayout(centre)
        outer.addStretch(2)
        self.set_empty(True)

    def set_empty(self, empty: bool) -> None:
        """An empty library (how to fill it) or one with no article chosen."""
        self.title.setText(EMPTY_TITLE if empty else NO_ARTICLE_TITLE)
        self.text.setText(EMPTY_TEXT if empty else NO_ARTICLE_TEXT)
        for button in self.buttons.values():
            button.setVisible(empty)
        self.drop.setVisible(empty)
