"""File ▸ Export…: notes, claims or sources as CSV, or the library as JSON.

The export runs on the window's work queue (``export_job``); the dialog shows rows written
and can cancel.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...core.export import ExportKind, ExportScope
from ...core.library import Library
from ..workers import Worker, WorkQueue
from .export_job import LAST_FOLDER_KEY, NOUNS, default_file_name, export_job, last_folder

WHAT: tuple[tuple[ExportKind, str], ...] = (
    ("notes", "Notes (CSV)"),
    ("claims", "Claims (CSV)"),
    ("sources", "Sources (CSV)"),
    ("json", "Library (JSON, for backup or another computer)"),
)
SAFE_TIP = (
    "A cell starting with =, +, -, @ or a tab gets a leading ' so that a spreadsheet shows it "
    "as text instead of running it as a formula."
)


class ExportDialog(QDialog):
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
    failed = Signal(str)

    def __init__(
        self,
        library: Library,
        queue: WorkQueue,
        settings: QSettings,
        highlight_ids: Sequence[int] | None = None,
        article_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export")
        self.library = library
        self.queue = queue
        self.settings = settings
        self.highlight_ids = list(highlight_ids) if highlight_ids else None
        self.article_id = article_id
        self.worker: Worker | None = None
        self.message_box: QMessageBox | None = None
        self._close_when_done = False
        self._job = ("", "notes")
        self._problem = ""

        self.what = QComboBox(self)
        self.what.setObjectName("exportWhat")
        for key, label in WHAT:
            self.what.addItem(label, key)

        self.form_box = QWidget(self)
        self.form = form = QFormLayout(self.form_box)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("&Export:", self.what)
        form.addRow("Scope:", self._build_scope())
        self.dates_label = QLabel("Notes created:", self)
        self.dates_row = self._build_dates()
        form.addRow(self.dates_label, self.dates_row)
        self.options_row = self._build_options()
        form.addRow("Options:", self.options_row)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("exportProgress")
        self.progress.setTextVisible(False)
        self.status = QLabel(self)
        self.status.setObjectName("exportStatus")
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            "&Export…", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("exportButton")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("exportClose")
        self.export_button.clicked.connect(self.choose_and_export)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.form_box)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.progress.hide()

        self.what.currentIndexChanged.connect(self._sync)
        self.what.currentIndexChanged.connect(self._fit_height)
        self.search.textChanged.connect(self._sync)
        self.search.textEdited.connect(lambda _t: self.scope_search.setChecked(True))
        self.tag.activated.connect(lambda _i: self.scope_tag.setChecked(True))
        self.scopes.buttonToggled.connect(self._sync)
        for box in (self.use_since, self.use_until):
            box.toggled.connect(self._sync)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self._sync)
        self._sync()
        self.resize(max(580, self.sizeHint().width()), self.sizeHint().height())

    # -- construction ----------------------------------------------------------------------

    def _radio(self, text: str, name: str) -> QRadioButton:
        button = QRadioButton(text, self)
        button.setObjectName(name)
        self.scopes.addButton(button)
        return button

    def _build_scope(self) -> QWidget:
        box = QWidget(self)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        self.scopes = QButtonGroup(self)
        title = ""
        if self.article_id is not None:
            title = self.library.articles.get(self.article_id).title
            title = title if len(title) <= 60 else title[:59] + "…"
        self.scope_article = self._radio(f"Current article: {title}", "scopeArticle")
        self.scope_article.setVisible(self.article_id is not None)
        count = len(self.highlight_ids or [])
        self.scope_selected = self._radio(
            f"Selected notes ({count})" if count != 1 else "Selected note", "scopeSelected"
        )
        self.scope_selected.setVisible(self.highlight_ids is not None)
        self.scope_tag = self._radio("Notes tagged (with sub-tags):", "scopeTag")
        self.tag = QComboBox(self)
        self.tag.setObjectName("exportTag")
        for t in sorted(self.library.tags.list(), key=lambda t: t.name.casefold()):
            self.tag.addItem(f"{t.name} ({t.count})", t.name)
        self.scope_tag.setEnabled(self.tag.count() > 0)
        self.tag.setEnabled(self.tag.count() > 0)
        self.scope_search = self._radio("Matching text:", "scopeSearch")
        self.search = QLineEdit(self)
        self.search.setObjectName("exportSearch")
        self.search.setPlaceholderText("words in the article, quote, note or tags")
        self.search.setClearButtonEnabled(True)
        self.scope_all = self._radio("The whole library", "scopeAll")
        lay.addWidget(self.scope_article)
        lay.addWidget(self.scope_selected)
        for radio, field in ((self.scope_tag, self.tag), (self.scope_search, self.search)):
            row = QHBoxLayout()
            row.addWidget(radio)
            row.addWidget(field, 1)
            lay.addLayout(row)
        lay.addWidget(self.scope_all)
        if self.highlight_ids is not None:
            self.scope_selected.setChecked(True)
        elif self.article_id is not None:
            self.scope_article.setChecked(True)
        else:
            self.scope_all.setChecked(True)
        return box

    def _build_dates(self) -> QWidget:
        box = QWidget(self)
        lay = QHBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        today = QDate.currentDate()

        def edit(name: str, value: QDate) -> QDateEdit:
            e = QDateEdit(value, self)
            e.setObjectName(name)
            e.setCalendarPopup(True)
            e.setDisplayFormat("yyyy-MM-dd")
            return e

        self.use_since = QCheckBox("From", self)
        self.use_since.setObjectName("exportUseSince")
        self.since = edit("exportSince", today.addMonths(-1))
        self.use_until = QCheckBox("to", self)
        self.use_until.setObjectName("exportUseUntil")
        self.until = edit("exportUntil", today)
        for w in (self.use_since, self.since, self.use_until, self.until):
            lay.addWidget(w)
        lay.addStretch(1)
        return box

    def _build_options(self) -> QWidget:
        box = QWidget(self)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        self.safe = QCheckBox("Neutralise formula cells", self)
        self.safe.setObjectName("exportSafe")
        self.safe.setChecked(True)
        self.safe.setToolTip(SAFE_TIP)
        self.safe_hint = QLabel(
            "A leading ' keeps cells starting with = + - @ from running as formulas.",
            self,
        )
        self.safe_hint.setObjectName("exportSafeHint")
        self.safe_hint.setWordWrap(True)
        self.safe_hint.setIndent(22)  # under the check box's text, not its box
        self.safe_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.bom = QCheckBox("UTF-8 BOM (Excel needs it to read Cyrillic and emoji)", self)
        self.bom.setObjectName("exportBom")
        self.bom.setChecked(True)
        for w in (self.safe, self.safe_hint, self.bom):
            lay.addWidget(w)
        return box

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
        self.form.setRowVisible(self.options_row, what != "json")
        self.form.setRowVisible(self.dates_row, what != "json")
        self.dates_label.setText("Notes created:" if what == "notes" else "Articles dated:")
        # Claims and sources belong to articles, not to single notes.
        self.scope_selected.setEnabled(what in ("notes", "json"))
        if self.scope_selected.isChecked() and not self.scope_selected.isEnabled():
            (self.scope_article if self.article_id is not None else self.scope_all).setChecked(True)
        self.since.setEnabled(self.use_since.isChecked())
        self.until.setEnabled(self.use_until.isChecked())
        problem = ""
        if self.scope_search.isChecked() and not self.search.text().strip():
            problem = "Type the text to filter by."
        elif self._since() and self._until() and self._since() > self._until():  # type: ignore[operator]
            problem = "The start date is after the end date."
        running = self.worker is not None
        self.export_button.setEnabled(not problem and not running)
        if not running and problem != self._problem:  # keep "cancelled"/"failed" shown
            self._problem = problem
            self.status.setText(problem)

    def _since(self) -> str | None:
        on = self.use_since.isChecked() and self.kind() != "json"
        return self.since.date().toString("yyyy-MM-dd") if on else None

    def _until(self) -> str | None:
        on = self.use_until.isChecked() and self.kind() != "json"
        return self.until.date().toString("yyyy-MM-dd") if on else None

    def scope(self) -> ExportScope | None:
        """The chosen scope; None for the whole library with no dates."""
        scope = ExportScope(since=self._since(), until=self._until())
        if self.scope_article.isChecked() and self.article_id is not None:
            scope.article_ids = [self.article_id]
        elif self.scope_selected.isChecked() and self.highlight_ids is not None:
            scope.highlight_ids = list(self.highlight_ids)
        elif self.scope_tag.isChecked() and self.tag.currentData():
            scope.tag = str(self.tag.currentData())
        elif self.scope_search.isChecked():
            scope.search = self.search.text().strip()
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
        self.worker = worker
        self._set_running(True)
        self.progress.setRange(0, 0)
        self.status.setText("Waiting for other work to finish…")
        self._job = (path, what)
        # Bound methods, not lambdas: Qt drops them if the dialog is gone first.
        worker.signals.progress.connect(self._progress)
        worker.signals.result.connect(self._finished)
        worker.signals.error.connect(self._failed)
        worker.signals.finished.connect(self._job_done)
        return self.queue.submit(worker)

    def _set_running(self, running: bool) -> None:
        self.form_box.setEnabled(not running)  # children keep their own states for later
        self.progress.setVisible(running)
        self.close_button.setText("Cancel" if running else "Close")
        self.close_button.setEnabled(True)
        self._sync()

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

    def _failed(self, message: str, _traceback: str = "") -> None:
        self.status.setText("Export failed; nothing was written.")
        box = QMessageBox(QMessageBox.Icon.Warning, "Export failed", message, parent=self)
        box.setObjectName("exportError")
        self.message_box = box
        self.failed.emit(message)
        box.open()

    def _job_done(self) -> None:
        self.worker = None
        self._set_running(False)
        if self._close_when_done:
            self._close_when_done = False
            self.accept()

    def reject(self) -> None:
        """Close; while exporting, cancel the export instead (the dialog stays open)."""
        if self.worker is not None:
            self.worker.cancel()
            self.status.setText("Cancelling…")
            self.close_button.setEnabled(False)
            return
        super().reject()


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
