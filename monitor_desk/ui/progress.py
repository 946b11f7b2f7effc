"""Background jobs with visible progress: import and (re-)analysis, in the status bar."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QProgressBar, QPushButton, QStatusBar, QWidget

from ..core.library import Library
from ..core.models import ImportReport
from .workers import Worker, WorkQueue

PAGE_NOTE = re.compile(r" \(page (\d+) of (\d+)\)$")
"""How an import's progress names the page of a long PDF it is reading (core/importer.py)."""


def report_text(report: ImportReport) -> tuple[str, str]:
    """(summary line, details listing rejected files and why)."""
    parts = [f"{report.count('imported')} imported"]
    for status in ("revised", "unchanged"):
        if report.count(status):
            parts.append(f"{report.count(status)} {status}")
    if report.rejected:
        parts.append(f"{len(report.rejected)} rejected")
    if report.duplicates:
        parts.append(f"{len(report.duplicates)} duplicate(s) not imported")
    if report.near_duplicates:
        parts.append(f"{len(report.near_duplicates)} near-duplicate(s) linked")
    summary = ", ".join(parts) + ("; cancelled before the end." if report.cancelled else ".")
    listed = report.rejected + report.duplicates + report.near_duplicates
    details = "\n".join(f"{f.path}: {f.reason}" for f in listed)
    return summary, details


class JobRunner(QObject):
    """Runs the library's long jobs on the work queue and shows their progress.

    Attributes:
        label: what the running (or last) job does, "Importing" or "Analysing".

    Signals:
        progressed(int, int): done and total of the running job.
        importFinished(object): the ``ImportReport`` of an import.
        listChanged(): the library list should be read again: an import has written
            articles since the last signal (at most once a second, so the list shows them
            before the end), or a scan linked near-duplicates.
        articleAnalysed(int): an article's analysis was stored (during re-analysis).
        analysisFinished(int): a re-analysis ended; the number of articles analysed.
        pipelineLoaded(str): the NLP pipeline is loaded (its status line).
        pipelineFailed(str): the NLP pipeline could not be loaded (why).
        nearDuplicatesLinked(object): a scan linked these (near-duplicate, original) pairs.
        failed(str): a job failed (message for the user).
    """

    progressed = Signal(int, int)
    importFinished = Signal(object)
    listChanged = Signal()
    articleAnalysed = Signal(int)
    analysisFinished = Signal(int)
    pipelineLoaded = Signal(str)
    pipelineFailed = Signal(str)
    nearDuplicatesLinked = Signal(object)
    failed = Signal(str)

    def __init__(
        self, library: Library, queue: WorkQueue, status: QStatusBar, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.queue = queue
        self.status = status
        self.window = parent
        self.bar = QProgressBar(parent)
        self.bar.setObjectName("jobProgress")
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel", parent)
        self.cancel_button.setObjectName("jobCancel")
        status.addPermanentWidget(self.bar)
        status.addPermanentWidget(self.cancel_button)
        self.bar.hide()
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        self.active: list[Worker] = []
        self.closing = False  # set when the window closes: late results are dropped
        self.analyse_missing = False
        self.report_box: QMessageBox | None = None
        self.landed_at = 0.0  # when the library list last heard of imported articles
        self.landed_every = 1.0  # seconds
        self.label = ""  # what the running job does: "Importing", "Analysing"

    def busy(self) -> bool:
        return bool(self.active)

    def cancel(self) -> None:
        for worker in self.active:
            worker.cancel()
        self.cancel_button.setEnabled(False)
        self.status.showMessage("Cancelling…")

    def _start(self, worker: Worker, label: str, on_result: Callable[[Any], None]) -> Worker:
        self.active.append(worker)
        self.label = label
        self.bar.setRange(0, 0)  # busy until the first progress report gives a total
        self.bar.setFormat(label)
        self.bar.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        worker.signals.progress.connect(self._progress)
        worker.signals.result.connect(on_result)
        worker.signals.error.connect(lambda msg, _tb: self._failed(msg))
        worker.signals.finished.connect(lambda: self._done(worker))
        return self.queue.submit(worker)

    def _failed(self, message: str) -> None:
        if not self.closing:  # a job cancelled by the window's close may fail: no news
            self.failed.emit(message)

    def _progress(self, done: int, total: int, what: str) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)
        self.progressed.emit(done, total)

    def _done(self, worker: Worker) -> None:
        if worker in self.active:
            self.active.remove(worker)
        if not self.active:
            self.bar.hide()
            self.cancel_button.hide()

    # -- import ----------------------------------------------------------------------------

    def start_import(self, paths: list[str]) -> Worker:
        worker = Worker(self.library.import_paths, list(paths), analyze=True, progress=True)
        worker.signals.progress.connect(self._import_progress)
        self.status.showMessage("Importing: finding the files…")
        self.landed_at = time.monotonic()
        return self._start(worker, "Importing", self._imported)

    def _import_progress(self, done: int, total: int, path: str) -> None:
        """Files counted, not folders: "Importing 12 of 200 files"; the list is told to show
        what has landed once a second."""
        self.bar.setFormat("%v of %m files")
        if (page := PAGE_NOTE.search(path)) is not None:  # a long PDF being read
            name = Path(path[: page.start()]).name
            self.status.showMessage(
                f"Importing {done:,} of {total:,} files: reading {name}, page {page[1]} of "
                f"{page[2]}…"
            )
        elif path:
            name = Path(path).name
            self.status.showMessage(f"Importing {done:,} of {total:,} files: {name}")
        now = time.monotonic()
        if done and now - self.landed_at >= self.landed_every:
            self.landed_at = now
            self.listChanged.emit()

    def _imported(self, report: ImportReport) -> None:
        if self.closing:
            return
        summary, details = report_text(report)
        self.status.showMessage("Import: " + summary, 10000)
        box = QMessageBox(self.window)
        box.setObjectName("importReport")
        box.setWindowTitle("Import finished")
        box.setIcon(QMessageBox.Icon.Warning if report.rejected else QMessageBox.Icon.Information)
        box.setText(summary)
        if details:
            box.setInformativeText("Some files were not imported; see the details.")
            box.setDetailedText(details)
        box.open()  # not modal-blocking: the reader stays usable
        self.report_box = box
        self.importFinished.emit(report)

    # -- near-duplicates among the articles already in the library -------------------------

    def start_near_scan(self) -> Worker:
        worker = Worker(self.library.scan_near_duplicates, progress=True)
        self.status.showMessage("Comparing the articles for near-duplicates…")
        return self._start(worker, "Comparing", self._near_scanned)

    def _near_scanned(self, linked: list[tuple[int, int]]) -> None:
        if self.closing:
            return
        self.status.showMessage(
            f"Near-duplicates: {len(linked)} article(s) linked to an earlier original.", 10000
        )
        self.nearDuplicatesLinked.emit(linked)
        self.listChanged.emit()

    # -- analysis --------------------------------------------------------------------------

    def start_analysis(self, article_ids: list[int]) -> Worker:
        worker = Worker(self.library.reanalyze, list(article_ids), progress=True)
        worker.signals.progress.connect(lambda _d, _t, what: self._analysed(what))
        self.status.showMessage(f"Analysing {len(article_ids):,} article(s)…")
        worker = self._start(worker, "Analysing", self._analysis_done)
        self.bar.setFormat("Analysing %v of %m")
        return worker

    def _analysed(self, what: str) -> None:
        if what.isdigit():
            self.articleAnalysed.emit(int(what))

    def _analysis_done(self, count: int) -> None:
        if self.closing:
            return
        self.status.showMessage(f"Analysed {count} article(s).", 5000)
        self.analysisFinished.emit(count)

    # -- start-up --------------------------------------------------------------------------

    def load_pipeline(self, analyse_missing: bool) -> None:
        """Load the NLP pipeline in the background (the window is up already); then, if
        ``analyse_missing``, analyse the articles that have no analysis yet."""
        self.analyse_missing = analyse_missing
        worker = Worker(lambda: self.library.pipeline.message)
        worker.signals.result.connect(self._pipeline_loaded)
        worker.signals.error.connect(lambda msg, _tb: self.pipelineFailed.emit(msg))
        self.queue.submit(worker)

    def _pipeline_loaded(self, message: str) -> None:
        self.pipelineLoaded.emit(message)
        if not self.analyse_missing or self.closing:
            return
        finder = Worker(self.library.articles.unanalyzed_ids)
        finder.signals.result.connect(self._analyse_missing)
        finder.signals.error.connect(lambda msg, _tb: self.status.showMessage(msg, 8000))
        self.queue.submit(finder)

    def _analyse_missing(self, ids: list[int]) -> None:
        if ids and not self.closing:
            self.start_analysis(ids)
