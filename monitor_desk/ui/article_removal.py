"""*Edit ▸ Delete Article(s)…* and the Delete key on the library list.

A confirmation says what goes with the articles (highlights, the analyst's claims); the
delete is one command on the window's undo stack (``DeleteArticlesCommand``), so Undo puts
everything back while the window is open. After a delete, undo or redo the list, the Notes
tab and the reader follow.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from ..core.library import Library
from .commands.article_commands import DeleteArticlesCommand
from .panels.claims_panel import ClaimsPanel
from .panels.entities_panel import EntitiesPanel
from .panels.library_panel import LibraryPanel
from .panels.notes_panel import NotesPanel
from .panels.sources_panel import SourcesPanel
from .reader.reader_pane import ReaderPane
from .undo import push


class Window(Protocol):
    """What of the main window a delete touches (no import of ``main_window``: no cycle)."""

    library: Library
    article_id: int | None
    undo_stack: QUndoStack
    library_panel: LibraryPanel
    reader: ReaderPane
    claims: ClaimsPanel
    sources: SourcesPanel
    notes: NotesPanel
    entities: EntitiesPanel

    def open_article(self, article_id: int, keep_scroll: bool = False) -> None: ...
    def tell(self, message: str, error: bool = False) -> None: ...
    def statusBar(self) -> QStatusBar: ...  # noqa: N802
    def setWindowTitle(self, title: str) -> None: ...  # noqa: N802


def confirmation_text(articles: int, highlights: int, claims: int, title: str = "") -> str:
    """The question; ``title`` names a single article."""
    what = "this article" if articles == 1 else f"these {articles} articles"
    if title and articles == 1:
        what = f"“{title[:80]}{'…' if len(title) > 80 else ''}”"
    goes = []
    if highlights:
        goes.append(f"{highlights} highlight{'s' if highlights != 1 else ''}")
    if claims:
        goes.append(f"{claims} claim{'s' if claims != 1 else ''} you added, edited or graded")
    them = "it" if articles == 1 else "them"
    lost = f"{' and '.join(goes)} will be deleted with {them}. " if goes else ""
    return f"Delete {what}? {lost}You can undo this (Ctrl+Z) while the window is open."


class ArticleRemoval(QObject):
    """Attributes:
    act_delete: the Edit menu's action (Delete on the library list).
    confirm: the confirmation while it is open (``confirmDeleteArticles``).
    """

    def __init__(self, window: Window, widget: QWidget) -> None:
        super().__init__(widget)
        self.window = window
        self.widget = widget  # the window as a widget: parent of the action and the box
        self.confirm: QMessageBox | None = None
        self._row = 0  # where the first deleted article was: its neighbour opens next
        table = window.library_panel.table
        self.act_delete = QAction("&Delete Article(s)…", widget)
        self.act_delete.setStatusTip("Delete the articles chosen in the library list")
        self.act_delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        # Only on the list: Delete in the Notes tab deletes highlights.
        self.act_delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        table.addAction(self.act_delete)
        self.act_delete.triggered.connect(self.ask)

    def chosen(self) -> list[int]:
        """The articles chosen in the list; else the open one."""
        ids = self.window.library_panel.selected_article_ids()
        if not ids and self.window.article_id is not None:
            ids = [self.window.article_id]
        return ids

    def ask(self) -> None:
        ids = self.chosen()
        if not ids or self.confirm is not None:
            return
        impact = self.window.library.deletions.impact(ids)
        title = self.window.library.articles.summaries(ids[:1])[0].title if len(ids) == 1 else ""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Delete Articles" if len(ids) > 1 else "Delete Article",
            confirmation_text(impact.articles, impact.highlights, impact.analyst_claims, title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self.widget,
        )
        box.setObjectName("confirmDeleteArticles")
        box.button(QMessageBox.StandardButton.Yes).setText("Delete")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def done(_result: int) -> None:
            self.confirm = None
            if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
                self.delete(ids)
            box.deleteLater()

        box.finished.connect(done)
        self.confirm = box
        box.open()

    def delete(self, ids: list[int]) -> bool:
        """Delete ``ids`` as one undoable step (no question asked)."""
        row = min((self.window.library_panel.model.row_of(i) for i in ids), default=0)
        self._row = max(row, 0)
        command = DeleteArticlesCommand(
            self.window.library, ids, lambda m: self.window.tell(m, error=True), self._settled
        )
        command.reopen = self.window.article_id
        return push(self.window.undo_stack, command)

    def _settled(self, command: DeleteArticlesCommand) -> None:
        w = self.window
        panel = w.library_panel
        panel.refresh()
        w.notes.reload()
        if command.deleted:
            if w.article_id in command.ids:
                w.article_id = None
                count = panel.model.rowCount()
                nearby = panel.model.article_id(min(self._row, count - 1))
                if nearby is None or not panel.select_article(nearby):
                    _show_nothing(w)
            n = len(command.ids)
            what = "1 article" if n == 1 else f"{n} articles"
            w.statusBar().showMessage(f"Deleted {what} (Ctrl+Z undoes it)", 8000)
        else:  # undone: show the article that was open, else the first one back
            again = command.reopen if command.reopen in command.ids else command.ids[0]
            panel.select_article(again)
            if w.article_id != again:
                w.open_article(again)


def _show_nothing(w: Window) -> None:
    """The library list is empty (or filtered to nothing): no article is open."""
    w.reader.show_article(None, None, [], [])
    w.claims.load(None)
    w.sources.load(None)
    w.notes.load(None)
    w.entities.load([])
    w.setWindowTitle("Monitor Desk")
