"""The banner over the library list while it shows only some articles ("Show these in the
library list"): what it shows and why, and a button that shows the whole library again."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget


class ListBanner(QFrame):
    """A one-line strip: "Showing 37 articles: search 'ABM Treaty'" and *Show all*.

    Signals:
        showAllClicked(): the analyst asked for the whole library again.
    """

    showAllClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("listBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.AlternateBase))
        self.setPalette(palette)
        self.label = QLabel(self)
        self.label.setObjectName("listBannerText")
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.show_all = QPushButton("Show all", self)
        self.show_all.setObjectName("listBannerShowAll")
        self.show_all.setToolTip("Show the whole library again (the filters still apply)")
        self.show_all.clicked.connect(self.showAllClicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 3, 3)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.show_all)
        self.setVisible(False)

    def show_text(self, shown: int, wanted: int, label: str) -> None:
        """Say how many of the chosen articles the list shows (the filters may hide some)."""
        noun = "article" if wanted == 1 else "articles"
        count = f"{wanted:,} {noun}" if shown == wanted else f"{shown:,} of {wanted:,} {noun}"
        self.label.setText(f"Showing {count}: {label}" if label else f"Showing {count}")
        self.label.setToolTip(
            "" if shown == wanted else "The filters hide the rest; clear them to see all."
        )
