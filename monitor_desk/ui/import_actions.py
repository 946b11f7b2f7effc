"""File ▸ Import Files…, Import Folder…, Import Library JSON…, and files dropped on the
window: each starts a background import; the window hears when one is done. Also File ▸
Find Near-Duplicates in Library: the articles imported before near-duplicates were looked
for, compared in the background with progress."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QWidget

from ..core.ingest.documents import FILE_DIALOG_FILTER
from ..core.library import Library
from .dialogs.import_json import import_library_json
from .menus import window_action
from .progress import JobRunner
from .workers import WorkQueue


class ImportActions(QObject):
    """Attributes:
        act_files, act_folder, act_json, act_near: the File menu's import actions.

    Signals:
        jsonImported(object): a JSON export was merged in (its counts).
    """

    jsonImported = Signal(object)

    def __init__(
        self,
        library: Library,
        jobs: JobRunner,
        queue: WorkQueue,
        settings: QSettings,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.library = library
        self.jobs = jobs
        self.queue = queue
        self.settings = settings
        self.window = window
        self.act_files = window_action(
            window, "Import &Files…", self.import_files, QKeySequence.StandardKey.Open
        )
        self.act_files.setStatusTip("Import articles")
        self.act_folder = window_action(
            window, "Import F&older…", self.import_folder, "Ctrl+Shift+O"
        )
        self.act_json = window_action(window, "Import Library &JSON…", self.import_json)
        self.act_near = window_action(
            window,
            "Find &Near-Duplicates in Library",
            self.scan_near_duplicates,
            tip="Compare the articles already imported and link each later copy of a story "
            "to its earlier original",
        )

    @property
    def actions(self) -> list[QAction]:
        return [self.act_files, self.act_folder, self.act_json, self.act_near]

    def scan_near_duplicates(self) -> None:
        if not self.jobs.closing:
            self.jobs.start_near_scan()

    def start(self, paths: list[str]) -> None:
        if paths and not self.jobs.closing:
            self.jobs.start_import(paths)

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window,
            "Import articles",
            "",
            FILE_DIALOG_FILTER,
        )
        self.start(paths)

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Import a folder of articles")
        if folder:
            self.start([folder])

    def import_json(self) -> None:
        if not self.jobs.closing:
            import_library_json(
                self.window, self.library, self.queue, self.settings, self.jsonImported.emit
            )

    def drop(self, event: QDropEvent) -> None:
        """Import the local files and folders dropped on the window."""
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.start(paths)
