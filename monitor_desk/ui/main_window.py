"""The main window: library list | reader | side panel (Claims, Sources, Notes, Entities).

It opens before spaCy is loaded: the pipeline loads on the work queue and the status bar
says so; articles without an analysis are analysed afterwards and the open one repaints
when its analysis arrives.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter, QTabWidget

from ..core.changes import Changes
from ..core.errors import NotFoundError
from ..core.library import Library
from ..core.models import SearchHit
from .article_removal import ArticleRemoval
from .changes import PanelRefresh
from .commands.details_commands import DetailsEditing, header_refresher
from .commands.entity_commands import EntityCorrections
from .commands.highlight_commands import HighlightService
from .dialogs.about import show_about
from .dialogs.corrections_dialog import CorrectionsDialog
from .dialogs.export_dialog import show_export_dialog
from .highlight_flow import HighlightFlow
from .import_actions import ImportActions
from .library_views import LibraryViews
from .menus import OverviewLauncher, Shortcut, fill, fill_menu_bar, report_action, window_action
from .panels.claims_panel import ClaimsPanel
from .panels.entities_panel import EntitiesPanel
from .panels.library_panel import LibraryPanel
from .panels.notes_panel import NotesPanel
from .panels.search_results import show_hit
from .panels.sources_panel import SourcesPanel
from .progress import JobRunner
from .reader.entity_types import EntityTypesMenu
from .reader.reader_pane import ReaderPane
from .undo import UndoActions
from .window_extras import install_extras, window_title
from .window_layout import restore_layout, save_layout
from .workers import WorkQueue

TABS = ("Claims", "Sources", "Notes", "Entities")


class MainWindow(QMainWindow):
    """Attributes:
        library: the ``Library`` service; settings: the ``QSettings`` used for state.
        article_id: the open article, or None.
        undo_stack: the one undo history (highlights, tags and claims); undo: its actions.
        highlights: the ``HighlightService`` every highlight and tag change goes through.

    Signals:
        articleShown(int): an article was (re)painted in the reader.
        pipelineReady(str): the NLP pipeline is loaded (its status line).
    """

    articleShown = Signal(int)
    pipelineReady = Signal(str)

    def __init__(
        self,
        library: Library,
        settings: QSettings | None = None,
        analyse_missing: bool = True,
    ) -> None:
        super().__init__()
        self.library = library
        self.settings = settings or QSettings("MonitorDesk", "Monitor Desk")
        self.article_id: int | None = None
        self.pipeline_message = ""
        self.setAcceptDrops(True)
        self.queue = WorkQueue(self)
        self.undo_stack = QUndoStack(self)
        self.undo = UndoActions(self.undo_stack, self)
        self.highlights = HighlightService(library, self.undo_stack, self)

        self.library_panel = LibraryPanel(library, self)
        self.reader = ReaderPane(self)
        self.claims = ClaimsPanel(library, self._reader_selection, self.undo_stack, self)
        self.sources = SourcesPanel(library, self)
        self.notes = NotesPanel(library, self, self.highlights.tag_model)
        self.entities = EntitiesPanel(library, self)
        self.side = QTabWidget(self)
        self.side.setObjectName("sidePanel")
        self.side.setDocumentMode(True)
        for widget, name in zip(
            (self.claims, self.sources, self.notes, self.entities), TABS, strict=True
        ):
            self.side.addTab(widget, name)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        for w in (self.library_panel, self.reader, self.side):
            self.splitter.addWidget(w)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)

        self.status_label = QLabel("Loading language model…", self)
        self.status_label.setObjectName("pipelineStatus")
        self.statusBar().addWidget(self.status_label, 1)
        self.jobs = JobRunner(library, self.queue, self.statusBar(), self)
        self.imports = ImportActions(library, self.jobs, self.queue, self.settings, self)
        show = self.statusBar().showMessage
        self.highlighting = HighlightFlow(
            self.highlights, self.reader.view, self.notes, self.claims, self.settings, show, self
        )
        self.reader.view.claim_span_actions = self.claims.span_actions
        self.refresh = PanelRefresh(
            library, self.highlights, self.reader.view, self.library_panel, self.claims, self.notes
        )
        selected = self.library_panel.selected_article_ids
        self.details = DetailsEditing(
            library, self.undo_stack, lambda: self.article_id, selected, self
        )
        self.refresh.details_shown = header_refresher(library, self.reader)

        self._build_actions()
        self._connect()
        self.library_views = LibraryViews(self)  # View ▸ Claims Across the Library
        self._restore()
        self._open_initial_article()
        self.jobs.load_pipeline(analyse_missing)

    # -- construction ----------------------------------------------------------------------

    def _build_actions(self) -> None:
        def action(
            text: str, slot: Callable[[], object], keys: Shortcut | None = None, tip: str = ""
        ) -> QAction:
            return window_action(self, text, slot, keys, tip)

        imports = self.imports
        self.act_import_files, self.act_import_folder = imports.act_files, imports.act_folder
        self.act_import_json, self.act_report = imports.act_json, report_action(self)
        self.act_export = action("&Export…", self.export, "Ctrl+E", "Export notes to CSV or JSON")
        self.act_quit = action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.act_zoom_in = action("Zoom &In", lambda: self.reader.view.zoom_by(1), "Ctrl++")
        self.act_zoom_in.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.act_zoom_out = action("Zoom &Out", lambda: self.reader.view.zoom_by(-1), "Ctrl+-")
        self.act_zoom_reset = action("&Actual Size", self.reader.view.zoom_reset, "Ctrl+0")
        find = QKeySequence.StandardKey.Find
        self.act_find = action("&Find", self.library_panel.focus_search, find)
        self.act_next = action("&Next Article", lambda: self.library_panel.step(1), "J")
        self.act_prev = action("&Previous Article", lambda: self.library_panel.step(-1), "K")
        self.act_about = action("&About Monitor Desk", self.about)
        self.act_corrections = action(
            "Entity &Corrections…", lambda: CorrectionsDialog(self.corrections, self).exec()
        )
        self.act_add_claim = QAction("Add &Claim", self)
        self.act_add_claim.setStatusTip("Make the selected text a claim")
        self.act_add_claim.triggered.connect(self._add_claim)
        self.addActions(span_actions := list(self.claims.span_actions.values()))  # in the reader

        self.removal = ArticleRemoval(self, self)
        hl = self.highlighting
        file_menu = imports.actions
        edit_menu = [*self.undo.actions, None, *self.details.actions, None, hl.act_highlight]
        edit_menu += [hl.act_tags, None, self.act_corrections, self.removal.act_delete, None]
        view_menu = [self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset, None]
        menus = fill_menu_bar(
            self.menuBar(),
            {
                "&File": [*file_menu, None, self.act_export, self.act_report, None, self.act_quit],
                "&Edit": [*edit_menu, *span_actions],
                "&View": [*view_menu, self.act_find, self.act_next, self.act_prev],
                "&Help": [self.act_about],
            },
        )
        self.extras = install_extras(self, menus)  # File ▸ library files, Preferences, Help
        self.entity_types = EntityTypesMenu(menus["&View"].addMenu("&Entity Types"), self.reader)
        self.type_actions = self.entity_types.actions
        view = menus["&View"]
        self.overview = OverviewLauncher(self, self.library, self.library_panel, view, self.jobs)

        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        fill(toolbar, [self.act_import_files, self.act_import_folder, None, self.act_prev])
        fill(toolbar, [self.act_next, None, self.act_zoom_out, self.act_zoom_in, None])
        fill(toolbar, [hl.act_highlight, self.act_add_claim])

    def _connect(self) -> None:
        self.library_panel.articleSelected.connect(self.open_article)
        self.library_panel.hitActivated.connect(self._open_hit)
        view = self.reader.view
        view.entityClicked.connect(self.show_entity)
        self.corrections = EntityCorrections(self.library, self.undo_stack, self, self.jobs)
        self.corrections.connect_to([view, self.entities], self._entities_corrected, self.tell)
        view.highlightClicked.connect(self.show_in_notes)
        view.addClaimRequested.connect(self._add_claim)
        view.selectionChanged.connect(self.claims.update_actions)
        self.claims.claimSelected.connect(view.scroll_to)
        self.claims.claimsChanged.connect(lambda: self.refresh.repaint_claims(self.article_id))
        self.claims.edits.changesMade.connect(self.apply_changes)
        self.claims.failed.connect(self.tell)
        self.claims.notice.connect(self.tell)
        self.claims.edits.replayed.connect(self._show_claim_change)
        self.claims.raiseRequested.connect(lambda: self.side.setCurrentWidget(self.claims))
        self.highlights.changesMade.connect(self.apply_changes)
        self.highlights.replayed.connect(self._show_highlight_change)
        self.sources.spanSelected.connect(view.scroll_to)
        self.sources.failed.connect(self.tell)
        self.sources.model.changesMade.connect(self.apply_changes)
        self.details.connect_to(
            self.reader, self.apply_changes, self.tell, self.jobs.start_analysis
        )
        self.notes.highlightChosen.connect(self.go_to)
        self.entities.mentionChosen.connect(self.go_to)
        self.entity_types.changed.connect(self._reload_entities)
        self.jobs.pipelineLoaded.connect(self._pipeline_loaded)
        self.jobs.pipelineFailed.connect(
            lambda msg: self.status_label.setText(f"Language model failed to load: {msg}")
        )
        self.jobs.importFinished.connect(self._after_import)
        self.imports.jsonImported.connect(self._after_json)
        self.jobs.articleAnalysed.connect(self._analysis_arrived)
        self.jobs.analysisFinished.connect(lambda _n: self.library_panel.refresh())
        self.jobs.listChanged.connect(self.library_panel.refresh)
        self.jobs.failed.connect(lambda msg: self.tell(msg, error=True))

    # -- settings --------------------------------------------------------------------------

    def _restore(self) -> None:
        restore_layout(self.settings, self, self.splitter, self.side)
        self.reader.restore(self.settings)
        self.entity_types.sync()

    def save_settings(self) -> None:
        s = self.settings
        save_layout(s, self, self.splitter, self.side)
        self.reader.save(s)
        if self.article_id is not None:
            s.setValue("reader/article", self.article_id)
        s.sync()

    # -- articles --------------------------------------------------------------------------

    def _open_initial_article(self) -> None:
        if self.article_id is not None:
            return
        remembered = self.settings.value("reader/article")
        if str(remembered).isdigit() and self.library_panel.select_article(int(str(remembered))):
            return
        first = self.library_panel.model.article_id(0)
        if first is not None:
            self.library_panel.select_article(first)
        else:
            self.reader.show_article(None, None, [], [])

    def open_article(self, article_id: int, keep_scroll: bool = False) -> None:
        try:
            article = self.library.articles.get(article_id)
        except NotFoundError as exc:
            self.tell(str(exc))
            return
        analysis = self.library.articles.analysis(article_id)
        claims = self.library.claims.list(article_id)
        highlights = self.library.highlights.list(article_id)
        self.reader.view.tag_colors = {t.name: t.color for t in self.library.tags.list() if t.color}
        self.article_id = article_id
        self.reader.show_article(article, analysis, claims, highlights, keep_scroll)
        self.claims.load(article_id, claims)  # read once, for the reader and the tab
        self.sources.load(article_id, article.text)
        self.notes.load(article_id)
        self.entities.load(list(analysis.entities) if analysis else [], self.reader.view.hidden)
        self.setWindowTitle(window_title(self.library, article.title))
        self.settings.setValue("reader/article", article_id)
        self.articleShown.emit(article_id)

    def go_to(self, article_id: int, start: int, end: int) -> None:
        """Show ``text[start:end]`` of an article, opening it first if needed."""
        self.bring_up(article_id)
        self.reader.view.scroll_to(start, end)

    def bring_up(self, article_id: int) -> None:
        """Open an article unless it is the open one, choosing it in the list if listed."""
        if article_id != self.article_id:
            self.library_panel.select_article(article_id)
        if article_id != self.article_id:  # filtered out of the list, or already current
            self.open_article(article_id)

    def _show_claim_change(self, article_id: int, _claim_id: int) -> None:
        # An undo or redo of a claim change in another article: open that article first,
        # so the Claims tab (told next) reloads it, chooses the claim and scrolls to it.
        if article_id != self.article_id:
            self.bring_up(article_id)
            if article_id == self.article_id:
                self.side.setCurrentWidget(self.claims)

    def _show_highlight_change(
        self, article_id: int, highlight_id: int, start: int, end: int
    ) -> None:
        # After an undo or redo: open its article if another is open (bringing the Notes
        # tab forward), choose the highlight there if it still exists and show its place.
        if article_id != self.article_id:
            self.bring_up(article_id)
            if article_id != self.article_id:
                return  # it could not be opened: the window said why
            self.side.setCurrentWidget(self.notes)
        if highlight_id:
            self.notes.reveal(highlight_id)
        if end > start:
            self.reader.view.scroll_to(start, end)

    def apply_changes(self, changes: Changes) -> None:
        """The one place where what a write changed becomes panel refreshes."""
        self.refresh.apply(changes, self.article_id)

    def show_in_notes(self, highlight_id: int) -> None:
        self.side.setCurrentWidget(self.notes)
        self.notes.reveal(highlight_id)

    def _entities_corrected(self, changes: Changes) -> None:
        if self.article_id in changes.articles:  # its marks and the Entities tab
            self.open_article(self.article_id, keep_scroll=True)
        self.apply_changes(changes)

    def show_entity(self, cluster: str, label: str) -> None:
        self.side.setCurrentWidget(self.entities)
        self.entities.show_cluster(cluster, label)

    def _open_hit(self, hit: SearchHit) -> None:
        if hit.article_id != self.article_id:
            self.open_article(hit.article_id)
        show_hit(self.library, self.reader.view, hit)

    def _reader_selection(self) -> tuple[int, int, int] | None:
        span = self.reader.view.selected_span()
        if span is None or self.article_id is None:
            return None
        return self.article_id, span[0], span[1]

    def _add_claim(self) -> None:
        self.side.setCurrentWidget(self.claims)
        self.claims.add_from_selection()

    def _reload_entities(self) -> None:
        marks = self.reader.view.marks
        self.entities.load(marks.entities, self.reader.view.hidden)

    # -- background work -------------------------------------------------------------------

    def _pipeline_loaded(self, message: str) -> None:
        self.pipeline_message = message  # the status line says it plainly (status_line.py)
        self.pipelineReady.emit(message)

    def _analysis_arrived(self, article_id: int) -> None:
        if article_id == self.article_id:
            self.open_article(article_id, keep_scroll=True)

    def _after_import(self, report: object) -> None:
        self.library_panel.refresh()
        if self.article_id is None:
            self._open_initial_article()
        elif any(
            getattr(f, "article_id", None) == self.article_id for f in getattr(report, "files", [])
        ):
            self.open_article(self.article_id, keep_scroll=True)

    def export(self) -> None:
        show_export_dialog(self, self.library, article_id=self.article_id)

    def _after_json(self, _counts: object) -> None:
        self._after_import(None)
        if self.article_id is not None:  # its highlights may have been merged in
            self.open_article(self.article_id, keep_scroll=True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self.imports.drop(event)

    # -- misc ------------------------------------------------------------------------------

    def tell(self, message: str, error: bool = False) -> None:
        self.statusBar().showMessage(message, 8000)
        if error:
            QMessageBox.warning(self, "Monitor Desk", message)

    def about(self) -> None:
        show_about(self, self.library.path, self.pipeline_message)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_settings()
        self.jobs.closing = True
        self.queue.shutdown()  # cancel imports/analysis and wait: no thread outlives the window
        event.accept()
