"""The main window (placeholder until the reader lands: a list and the article text)."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMainWindow, QPlainTextEdit, QSplitter

from ..core.library import Library


class MainWindow(QMainWindow):
    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.setWindowTitle("Monitor Desk")
        self.resize(1200, 800)
        split = QSplitter(self)
        self.list = QListWidget(split)
        self.list.setObjectName("libraryView")
        self.text = QPlainTextEdit(split)
        self.text.setObjectName("readerView")
        self.text.setReadOnly(True)
        split.setSizes([300, 900])
        self.setCentralWidget(split)
        for art in library.list_articles():
            item = QListWidgetItem(art.title)
            item.setData(256, art.id)
            self.list.addItem(item)
        self.list.currentItemChanged.connect(self._show)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _show(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.text.setPlainText(self.library.get_article(item.data(256)).text)
