"""View ▸ Overview: the action that opens the Overview window, made on first use.

The Overview (and pyqtgraph with it) is imported only when the analyst opens it, so the
main window's first paint never pays for the plotting library."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from ..core.library import Library

if TYPE_CHECKING:
    from .panels.library_panel import LibraryPanel
    from .panels.overview_view import OverviewView
    from .progress import JobRunner


class OverviewLauncher(QObject):
    """Attributes:
    action: View ▸ Overview (Ctrl+Shift+G, for graphs); view: the Overview once opened, else None.
    """

    def __init__(
        self,
        window: QMainWindow,
        library: Library,
        panel: LibraryPanel,
        menu: QMenu,
        jobs: JobRunner | None = None,
    ) -> None:
        super().__init__(window)
        window.installEventFilter(self)  # its close ends the Overview's counting too
        self.window, self.library, self.panel = window, library, panel
        self.view: OverviewView | None = None
        self.action = QAction("&Overview…", window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+G"))
        self.action.setStatusTip(
            "Charts of the library over time; click a bar to list its articles"
        )
        self.action.triggered.connect(self.open)
        window.addAction(self.action)
        menu.addSeparator()
        menu.addAction(self.action)
        if jobs is not None:  # an open Overview counts again when the library has changed
            jobs.importFinished.connect(self.library_changed)
            jobs.analysisFinished.connect(self.library_changed)

    def open(self) -> OverviewView:
        """Show the Overview (made on first use) and bring it forward."""
        if self.view is None:
            from .panels.overview_view import OverviewView

            self.view = OverviewView(self.library, self.window)
            self.view.articlesChosen.connect(self.show_articles)
        self.view.show()
        self.view.raise_()
        self.view.activateWindow()
        return self.view

    def library_changed(self, *_what: object) -> None:
        """An import or analysis ended: an Overview on screen is drawn again (a hidden one
        counts when it is next drawn)."""
        if self.view is not None and self.view.isVisible():
            self.view.redraw()

    def show_articles(self, ids: list[int], label: str) -> None:
        """The articles behind a bar, in the library list of the main window."""
        self.panel.show_only(ids, label)
        self.window.raise_()
        self.window.activateWindow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and event.type() == QEvent.Type.Close and self.view:
            self.view.close()
        return False
