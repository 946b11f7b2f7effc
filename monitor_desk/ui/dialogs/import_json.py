"""File ▸ Import Library JSON…: merge a JSON export into the library, in the background."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from ...core.library import Library
from ..workers import Worker, WorkQueue
from .export_job import LAST_FOLDER_KEY, last_folder


def counts_text(counts: dict[str, int]) -> str:
    """One sentence for the user from ``Library.import_json``'s counts."""

    def n(key: str, one: str, many: str) -> str:
        value = counts.get(key, 0)
        return f"{value:,} {one if value == 1 else many}"

    return (
        f"{n('articles_added', 'article', 'articles')} added, "
        f"{n('articles_merged', 'article', 'articles')} already here (merged), "
        f"{n('highlights_added', 'highlight', 'highlights')} added."
    )


class JsonImport(QObject):
    """One import of a JSON file: a progress dialog, then a result or a warning.

    Attributes:
        path: the file imported; message_box: the result or error message shown.

    Signals:
        imported(object): the counts dict (articles_added, articles_merged, highlights_added).
        failed(str): the message shown to the user.
    """

    imported = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        library: Library,
        queue: WorkQueue,
        path: str,
        on_done: Callable[[dict[str, int]], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = parent
        self.path = path
        self.on_done = on_done
        self.message_box: QMessageBox | None = None
        self.dialog = QProgressDialog(f"Importing {Path(path).name}…", "", 0, 0, parent)
        self.dialog.setObjectName("importJsonProgress")
        self.dialog.setWindowTitle("Import Library JSON")
        self.dialog.setCancelButton(None)  # every article goes in whole; nothing to undo
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setValue(0)
        self.worker = Worker(library.import_json, path)
        self.worker.kwargs["progress"] = self._emit
        self.worker.signals.progress.connect(self._progress)
        self.worker.signals.result.connect(self._done)
        self.worker.signals.error.connect(self._failed)
        self.worker.signals.finished.connect(self._finish)
        queue.submit(self.worker)

    def _emit(self, done: int, total: int) -> None:
        self.worker.signals.progress.emit(done, total, "")  # from the pool thread: queued

    def _progress(self, done: int, total: int, _what: str) -> None:
        self.dialog.setMaximum(max(1, total))
        self.dialog.setValue(done)
        self.dialog.setLabelText(
            f"Importing {Path(self.path).name}: {done:,} of {total:,} articles"
        )

    def _done(self, counts: dict[str, int]) -> None:
        self.dialog.reset()
        box = QMessageBox(self.window)
        box.setObjectName("importJsonReport")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle("Import finished")
        box.setText(counts_text(counts))
        box.setInformativeText(f"From {self.path}")
        self.message_box = box
        box.open()
        if self.on_done is not None:
            self.on_done(counts)
        self.imported.emit(counts)

    def _failed(self, message: str, _traceback: str) -> None:
        self.dialog.reset()
        box = QMessageBox(QMessageBox.Icon.Warning, "Import failed", message, parent=self.window)
        box.setObjectName("importJsonError")
        self.message_box = box
        box.open()
        self.failed.emit(message)

    def _finish(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()


def import_library_json(
    parent: QWidget,
    library: Library,
    queue: WorkQueue,
    settings: QSettings,
    on_done: Callable[[dict[str, int]], None] | None = None,
) -> JsonImport | None:
    """Ask for a JSON export and merge it into ``library``; None if the user cancels."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        "Import Library JSON",
        last_folder(settings),
        "Monitor Desk library (*.json);;All files (*)",
    )
    if not path:
        return None
    settings.setValue(LAST_FOLDER_KEY, str(Path(path).parent))
    return JsonImport(parent, library, queue, path, on_done)
