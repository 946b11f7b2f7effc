"""What File ▸ Export… and File ▸ Export Report… share: one file-writing job at a time on the
window's work queue, with a progress bar, a status line, and a Close button that reads
Cancel while the job runs (and then cancels it instead of closing); a failure is shown in a
message box and nothing is written."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QProgressBar, QWidget

from ..workers import Worker, WorkQueue


class JobDialog(QDialog):
    """A subclass calls ``_make_job_widgets`` where those widgets belong in its tab order,
    lays them out, starts a job with ``_run`` and says what it did in ``_progress`` and
    ``_finished``; ``_sync`` updates what depends on ``worker``.

    Attributes:
        worker: the running job, or None.
        message_box: the last result or error message shown.
        progress, status: the job's bar and status line (the bar hidden while none runs).
        buttons: ``export_button`` (starts ``choose_and_export``) and ``close_button``.

    Signals:
        failed(str): a job failed (the message shown to the user).
    """

    failed = Signal(str)

    def __init__(self, queue: WorkQueue, job: str, parent: QWidget | None = None) -> None:
        """``job``: "Export" or "Report", for the status, the error box and object names."""
        super().__init__(parent)
        self.queue = queue
        self.worker: Worker | None = None
        self.message_box: QMessageBox | None = None
        self._job_word = job

    def _make_job_widgets(self, export_name: str, close_name: str | None = None) -> None:
        prefix = self._job_word.lower()
        self.progress = QProgressBar(self)
        self.progress.setObjectName(f"{prefix}Progress")
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setObjectName(f"{prefix}Status")
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            "&Export…", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName(export_name)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        if close_name is not None:
            self.close_button.setObjectName(close_name)
        self.export_button.clicked.connect(self.choose_and_export)
        self.close_button.clicked.connect(self.reject)

    def choose_and_export(self) -> None:
        raise NotImplementedError

    def _sync(self) -> None:
        raise NotImplementedError

    def _progress(self, done: int, total: int, what: str) -> None:
        raise NotImplementedError

    def _finished(self, result: int | None) -> None:
        raise NotImplementedError

    def _run(self, worker: Worker) -> Worker:
        """Queue ``worker``, showing that it waits, then its progress, until it is done."""
        self.worker = worker
        self.progress.setRange(0, 0)
        self._set_running(True)
        self.status.setText("Waiting for other work to finish…")
        # Bound methods, not lambdas: Qt drops them if the dialog is gone first.
        worker.signals.progress.connect(self._progress)
        worker.signals.result.connect(self._finished)
        worker.signals.error.connect(self._failed)
        worker.signals.finished.connect(self._job_done)
        return self.queue.submit(worker)

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.close_button.setText("Cancel" if running else "Close")
        self.close_button.setEnabled(True)
        self._sync()

    def _failed(self, message: str, _traceback: str = "") -> None:
        word = self._job_word
        self.status.setText(f"{word} failed; nothing was written.")
        box = QMessageBox(QMessageBox.Icon.Warning, f"{word} failed", message, parent=self)
        box.setObjectName(f"{word.lower()}Error")
        self.message_box = box
        self.failed.emit(message)
        box.open()

    def _job_done(self) -> None:
        self.worker = None
        self._set_running(False)

    def _cancel(self, worker: Worker) -> None:
        worker.cancel()
        self.status.setText("Cancelling…")
        self.close_button.setEnabled(False)  # until the job has stopped: nothing half-written

    def reject(self) -> None:
        """Close; while a job runs, cancel it instead (the dialog stays open)."""
        if self.worker is not None:
            self._cancel(self.worker)
            return
        super().reject()
