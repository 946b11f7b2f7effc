"""File ▸ Export…: notes, claims or sources as CSV, or the library as JSON.

The fields (scope, dates, CSV options) are widgets of their own (``export_fields``); the
export runs on the window's work queue (``export_job``); the dialog shows rows written and
can cancel.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ...core.export import ExportKind, ExportScope
from ...core.library import Library
from ..workers import Worker, WorkQueue
from .export_fields import CsvOptions, DateRange, ScopeChoice
from .export_job import LAST_FOLDER_KEY, NOUNS, default_file_name, export_job, last_folder
from .job_dialog import JobDialog

WHAT: tuple[tuple[ExportKind, str], ...] = (
    ("notes", "Notes (CSV)"),
    ("claims", "Claims (CSV)"),
    ("sources", "Sources (CSV)"),
    ("json", "Library (JSON, for backup or another computer)"),
)


class ExportDialog(JobDialog):
    """What to export, which part, and how; then a file name and a background export.

    Attributes:
        worker: the running export job, or None.
        message_box: the last result or error message shown.

    Signals:
        exported(int, str): rows (articles for JSON) written and the file's path.
        cancelled(): an export was cancelled; nothing was written.
        failed(str): an export failed (the message shown to the user).
    """

    exported = Signal(int, str)
    cancelled = Signal()

    def __init__(
        self,
        library: Library,
        queue: WorkQueue,
        settings: QSettings,
        highlight_ids: Sequence[int] | None = None,
        article_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(queue, "Export", parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export")
        self.library = library
        self.settings = settings
        self.highlight_ids = list(highlight_ids) if highlight_ids else None
        self.article_id = article_id
        self._close_when_done = False
        self._job = ("", "notes")
        self._problem = ""

        self.what = QComboBox(self)
        self.what.setObjectName("exportWhat")
        for key, label in WHAT:
            self.what.addItem(label, key)

        self.scope_choice = ScopeChoice(library, article_id, self.highlight_ids, self)
        self.date_range = DateRange(self)
        self.csv_options = CsvOptions(self)
        # The fields' parts under the dialog's own names, as tests and scripts reach them.
        choice, dates = self.scope_choice, self.date_range
        self.tag, self.search = choice.tag, choice.search
        self.scope_article, self.scope_selected = choice.scope_article, choice.scope_selected
        self.scope_tag, self.scope_search = choice.scope_tag, choice.scope_search
        self.scope_all = choice.scope_all
        self.use_since, self.since = dates.use_since, dates.since
        self.use_until, self.until = dates.use_until, dates.until
        self.safe, self.bom = self.csv_options.safe, self.csv_options.bom

        self.form_box = QWidget(self)
        self.form = form = QFormLayout(self.form_box)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("&Export:", self.what)
        form.addRow("Scope:", self.scope_choice)
        self.dates_label = QLabel("Notes created:", self)
        form.addRow(self.dates_label, self.date_range)
        form.addRow("Options:", self.csv_options)

        self._make_job_widgets("exportButton", "exportClose")
        layout = QVBoxLayout(self)
        layout.addWidget(self.form_box)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.what.currentIndexChanged.connect(self._sync)
        self.what.currentIndexChanged.connect(self._fit_height)
        self.scope_choice.changed.connect(self._sync)
        self.date_range.changed.connect(self._sync)
        self._sync()
        self.resize(max(580, self.sizeHint().width()), self.sizeHint().height())

    # -- size ------------------------------------------------------------------------------

    def _fit_height(self) -> None:
        """Rows come and go with the kind of export: keep the dialog snug."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.resize(self.width(), self.sizeHint().height())

    # -- state -----------------------------------------------------------------------------

    def kind(self) -> ExportKind:
        kind: ExportKind = self.what.currentData()  # the keys of WHAT
        return kind

    def _sync(self, *_args: object) -> None:
        """Enable what applies to the chosen export; the Export button only when valid."""
        what = self.kind()
        # A JSON export holds whole articles: CSV options and a date cut do not apply.
        self.form.setRowVisible(self.csv_options, what != "json")
        self.form.setRowVisible(self.date_range, what != "json")
        self.dates_label.setText("Notes created:" if what == "notes" else "Articles dated:")
        self.scope_choice.allow_selected(what in ("notes", "json"))
        since, until = self.date_range.bounds()
        problem = self.scope_choice.problem()
        if not problem and what != "json" and since and until and since > until:
            problem = "The start date is after the end date."
        running = self.worker is not None
        self.export_button.setEnabled(not problem and not running)
        if not running and problem != self._problem:  # keep "cancelled"/"failed" shown
            self._problem = problem
            self.status.setText(problem)

    def scope(self) -> ExportScope | None:
        """The chosen scope; None for the whole library with no dates."""
        # A JSON export holds whole articles: no date cut.
        since, until = self.date_range.bounds() if self.kind() != "json" else (None, None)
        scope = ExportScope(since=since, until=until)
        self.scope_choice.narrow(scope)
        if scope == ExportScope():
            return None
        return scope

    # -- export ----------------------------------------------------------------------------

    def choose_and_export(self) -> None:
        what = self.kind()
        suggested = str(Path(last_folder(self.settings)) / default_file_name(what, date.today()))
        filters = "JSON (*.json)" if what == "json" else "CSV (*.csv)"
        path, _ = QFileDialog.getSaveFileName(
            self, "Export " + NOUNS[what], suggested, filters + ";;All files (*)"
        )
        if not path:
            return
        if not Path(path).suffix:
            path += ".json" if what == "json" else ".csv"
        self.settings.setValue(LAST_FOLDER_KEY, str(Path(path).parent))
        self.start_export(path)

    def start_export(self, path: str) -> Worker:
        """Export to ``path`` in the background (no file dialog: tests and scripts)."""
        what = self.kind()
        worker = Worker(
            export_job,
            self.library,
            what,
            path,
            self.scope(),
            self.bom.isChecked(),
            not self.safe.isChecked(),
            progress=True,
        )
        self._job = (path, what)
        return self._run(worker)

    def _set_running(self, running: bool) -> None:
        self.form_box.setEnabled(not running)  # children keep their own states for later
        super()._set_running(running)

    def _progress(self, done: int, total: int, what: str) -> None:
        noun = NOUNS.get(what, "rows")
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
            self.status.setText(f"{done:,} of {total:,} {noun} written…")
        else:
            self.progress.setRange(0, 0)
            self.status.setText(f"{done:,} {noun} written…")

    def _finished(self, rows: int | None) -> None:
        path, what = self._job
        if rows is None:
            self.status.setText("Export cancelled; nothing was written.")
            self.cancelled.emit()
            return
        noun = NOUNS[what] if rows != 1 else NOUNS[what].rstrip("s")
        box = QMessageBox(self.parentWidget() or self)
        box.setObjectName("exportDone")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle("Export finished")
        box.setText(f"Exported {rows:,} {noun} to\n{path}")
        folder = box.addButton("Open &Folder", QMessageBox.ButtonRole.ActionRole)
        folder.setObjectName("exportOpenFolder")
        folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))
        )
        box.addButton(QMessageBox.StandardButton.Ok)
        self.message_box = box
        self.exported.emit(rows, path)
        if self.parentWidget() is not None:
            self._close_when_done = True  # the message outlives the dialog
        box.open()

    def _job_done(self) -> None:
        super()._job_done()
        if self._close_when_done:
            self._close_when_done = False
            self.accept()


def show_export_dialog(
    parent: QWidget | None,
    library: Library,
    highlight_ids: list[int] | None = None,
    article_id: int | None = None,
    *,
    queue: WorkQueue | None = None,
    settings: QSettings | None = None,
) -> ExportDialog:
    """Open the export dialog (window-modal, not blocking) and return it.

    ``queue`` and ``settings`` default to the parent window's (``parent.queue``,
    ``parent.settings``); without them the dialog runs its own one-thread queue.
    """
    queue = queue or getattr(parent, "queue", None)
    settings = settings or getattr(parent, "settings", None)
    own_queue = not isinstance(queue, WorkQueue)
    dialog = ExportDialog(
        library,
        queue if isinstance(queue, WorkQueue) else WorkQueue(),
        settings if isinstance(settings, QSettings) else QSettings("MonitorDesk", "Monitor Desk"),
        highlight_ids,
        article_id,
        parent,
    )
    if own_queue:
        dialog.queue.setParent(dialog)
        dialog.finished.connect(lambda _r: dialog.queue.shutdown())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
