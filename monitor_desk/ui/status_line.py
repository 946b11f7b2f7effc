"""The status bar's permanent line in plain words: "Loading language model…", "Analysis
ready", "Analysing 12 of 200…". The model's name and version are in its tooltip (and in
Help ▸ About), not in the analyst's way."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from .progress import JobRunner

LOADING = "Loading language model…"
READY = "Analysis ready"
FALLBACK = (
    "Analysis ready with simple rules: no language model is installed "
    "(rule fallback: fewer entities, no claims)"
)


def plain_status(pipeline_message: str) -> str:
    """What the pipeline's own line ("Model en_core_web_sm 3.8.0") means to the analyst."""
    return READY if pipeline_message.startswith("Model ") else FALLBACK


class StatusLine(QObject):
    """Keeps ``label`` saying what the analysis is doing.

    Attributes:
        ready: the line once the pipeline is loaded ("" before).
    """

    def __init__(self, label: QLabel, jobs: JobRunner, window: QObject) -> None:
        super().__init__(window)
        self.label = label
        self.bar = jobs.status
        self.ready = ""
        jobs.progressed.connect(lambda done, total: self._progress(jobs.label, done, total))
        jobs.pipelineLoaded.connect(self.pipeline_loaded)
        jobs.pipelineFailed.connect(self.pipeline_failed)
        jobs.analysisFinished.connect(lambda _n: self._idle())
        jobs.importFinished.connect(lambda _r: self._idle())
        jobs.failed.connect(lambda _m: self._idle())

    def pipeline_loaded(self, message: str) -> None:
        self.ready = plain_status(message)
        self.label.setToolTip(message)
        self.label.setText(self.ready)

    def pipeline_failed(self, message: str) -> None:
        self.ready = f"Analysis unavailable: the language model failed to load ({message})"
        self.label.setText(self.ready)

    def loading(self) -> None:
        """Another model was chosen: it loads again."""
        self.ready = ""
        self.label.setText(LOADING)

    def _progress(self, label: str, done: int, total: int) -> None:
        if total > 0 and label:
            self.label.setText(f"{label} {done:,} of {total:,}…")
            if self.bar.currentMessage().startswith("Analysing"):
                self.bar.clearMessage()  # the job's opening line would hide the count

    def _idle(self) -> None:
        self.label.setText(self.ready or LOADING)
