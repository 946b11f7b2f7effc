"""File ▸ Export Report…: a briefing from tagged notes, previewed as it will read, written
as .docx, Markdown or HTML.

The scope's fields are ``report_fields``; the preview and the export are jobs on the
window's work queue (``report_job``), so a big scope never blocks the window. The preview
is the report's own HTML in a ``QTextBrowser`` that follows no link and loads nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from ...core.library import Library
from ..widgets.screen_fit import resize_on_screen
from ..workers import Worker, WorkQueue
from .export_job import LAST_FOLDER_KEY, last_folder
from .job_dialog import JobDialog
from .report_fields import ReportScopeFields
from .report_job import (
    FILTERS,
    SUFFIXES,
    Preview,
    default_report_name,
    preview_job,
    report_export_job,
)

PREVIEW_DELAY_MS = 250
"""Typing in the search box previews once the analyst pauses, not at every key."""


class ReportDialog(JobDialog):
    """The scope on the left, the preview on the right, Export… below.

    Attributes:
        fields: the scope and format (``ReportScopeFields``).
        preview: the report as HTML; preview_note: how much of it the preview shows.
        worker: the running export, or None; message_box: the last message shown.

    Signals:
        previewed(int): a preview was shown; the number of highlights in the report.
        exported(int, str): highlights written and the file's path.
        failed(str): an export failed (the message shown to the user).
    """

    previewed = Signal(int)
    exported = Signal(int, str)

    def __init__(
        self,
        library: Library,
        queue: WorkQueue,
        settings: QSettings,
        article_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(queue, "Report", parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle("Export Report")
        self.library, self.settings = library, settings
        self.total = 0
        self._generation = 0
        self._preview_worker: Worker | None = None

        self.fields = ReportScopeFields(library, article_id, self)
        self.fields.setMaximumWidth(460)
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("reportPreview")
        self.preview.setOpenLinks(False)
        self.preview.setOpenExternalLinks(False)
        self.preview.setMinimumWidth(460)
        self.preview_note = QLabel(self)
        self.preview_note.setObjectName("reportPreviewNote")
        right = QVBoxLayout()
        right.addWidget(self.preview, 1)
        right.addWidget(self.preview_note)
        top = QHBoxLayout()
        top.addWidget(self.fields)
        top.addLayout(right, 1)

        self._make_job_widgets("reportExport")
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self.fields.changed.connect(self._timer.start)
        resize_on_screen(self, 1080, 700)
        self.refresh_preview()

    # -- preview ---------------------------------------------------------------------------

    def refresh_preview(self) -> Worker | None:
        """Build the preview of the current scope in the background (a newer one wins)."""
        self._timer.stop()
        self._generation += 1
        problem = self.fields.problem()
        if problem:
            self._show_problem(problem)
            return None
        if self._preview_worker is not None:
            self._preview_worker.cancel()
        worker = Worker(
            preview_job, self.library, self.fields.scope(), self._generation, progress=True
        )
        self._preview_worker = worker
        self.preview_note.setText("Updating the preview…")
        worker.signals.result.connect(self._show_preview)
        worker.signals.error.connect(self._preview_failed)
        return self.queue.submit(worker)

    def _show_preview(self, preview: Preview | None) -> None:
        if preview is None or preview.generation != self._generation:
            return  # a newer scope was asked for meanwhile
        self._preview_worker = None
        self.total = preview.total
        self.preview.setHtml(preview.html)
        if preview.total == 0:
            self.preview_note.setText("No highlight is in this scope.")
        elif preview.shown < preview.total:
            self.preview_note.setText(
                f"Preview of the first {preview.shown:,} of {preview.total:,} highlights; "
                "the file holds them all."
            )
        else:
            n = preview.total
            self.preview_note.setText(f"{n:,} highlight{'s' if n != 1 else ''} in this report.")
        self._sync()
        self.previewed.emit(preview.total)

    def _preview_failed(self, message: str, _traceback: str = "") -> None:
        self._preview_worker = None
        self._show_problem(message)

    def _show_problem(self, message: str) -> None:
        self.total = 0
        self.preview.clear()
        self.preview_note.setText(message)
        self._sync()

    def _sync(self) -> None:
        running = self.worker is not None
        self.export_button.setEnabled(self.total > 0 and not running)
        self.fields.setEnabled(not running)

    # -- export ----------------------------------------------------------------------------

    def choose_and_export(self) -> None:
        fmt = self.fields.fmt()
        suggested = str(Path(last_folder(self.settings)) / default_report_name(fmt, date.today()))
        path, _ = QFileDialog.getSaveFileName(
            self, "Export Report", suggested, FILTERS[fmt] + ";;All files (*)"
        )
        if not path:
            return
        if not Path(path).suffix:
            path += SUFFIXES[fmt]
        self.settings.setValue(LAST_FOLDER_KEY, str(Path(path).parent))
        self.start_export(path)

    def start_export(self, path: str) -> Worker:
        """Write the report to ``path`` in the background (no file dialog: tests)."""
        worker = Worker(
            report_export_job, self.library, self.fields.scope(), self.fields.fmt(), path,
            progress=True,
        )  # fmt: skip
        self._path = path
        return self._run(worker)

    def _progress(self, done: int, total: int, _what: str) -> None:
        if total > 0 and done < total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.status.setText(f"{done:,} of {total:,} highlights gathered…")
        else:
            self.progress.setRange(0, 0)
            self.status.setText(f"Writing {total:,} highlights…")

    def _finished(self, count: int | None) -> None:
        if count is None:
            self.status.setText("Report cancelled; nothing was written.")
            return
        self.status.setText(f"Wrote {count:,} highlight(s) to {self._path}")
        self.exported.emit(count, self._path)

    def reject(self) -> None:
        """Close (stopping a preview); while writing, cancel instead (the dialog stays open)."""
        if self.worker is None and self._preview_worker is not None:
            self._preview_worker.cancel()
        super().reject()


def show_report_dialog(window: Any) -> ReportDialog:
    """Open the dialog over ``window`` (its library, queue, settings and open article)."""
    dialog = ReportDialog(
        window.library, window.queue, window.settings, getattr(window, "article_id", None), window
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
