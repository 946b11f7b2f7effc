"""Background work: ``QRunnable``s whose signals live on a separate ``QObject``.

A runnable cannot carry signals itself, and its Python wrapper may be collected while Qt
still runs it; so every ``Worker`` keeps a ``WorkerSignals`` object created on the GUI
thread (signals emitted from the pool are queued to it) and a ``WorkQueue`` keeps each
worker alive until it has finished.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class WorkerSignals(QObject):
    """Signals of one background job.

    Signals:
        started(): the job began on a pool thread.
        progress(int, int, str): ``done``, ``total`` and what is being worked on.
        result(object): the job's return value.
        error(str, str): a one-line message and the traceback.
        finished(): always last, after ``result`` or ``error``.
    """

    started = Signal()
    progress = Signal(int, int, str)
    result = Signal(object)
    error = Signal(str, str)
    finished = Signal()


class Worker(QRunnable):
    """Runs ``fn(*args, **kwargs)`` on a pool thread.

    With ``progress=True`` the call also gets ``progress=`` (a ``(done, total, what)``
    callback that emits ``signals.progress``) and ``cancel=`` (a ``threading.Event``,
    set by ``cancel()``).
    """

    def __init__(
        self, fn: Callable[..., Any], *args: Any, progress: bool = False, **kwargs: Any
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the queue drops the Python reference when done
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.signals = WorkerSignals()
        self.cancel_event = threading.Event()
        if progress:
            self.kwargs["progress"] = self._report
            self.kwargs["cancel"] = self.cancel_event

    def cancel(self) -> None:
        self.cancel_event.set()

    def _report(self, done: int, total: int, what: str) -> None:
        self.signals.progress.emit(done, total, what)

    def run(self) -> None:
        self.signals.started.emit()
        try:
            value = self.fn(*self.args, **self.kwargs)
        except Exception as exc:  # reported to the GUI, which shows it to the user
            self.signals.error.emit(str(exc) or type(exc).__name__, traceback.format_exc())
        else:
            self.signals.result.emit(value)
        finally:
            self.signals.finished.emit()


class WorkQueue(QObject):
    """One pool thread for all library work, so jobs run in order and never race.

    The library serialises its calls anyway; one thread also keeps the spaCy load from
    happening twice and lets the window wait for everything at exit.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._alive: set[Worker] = set()

    def submit(self, worker: Worker) -> Worker:
        """Queue ``worker``; connect to its signals BEFORE this call, or a fast job's
        signals are emitted before anyone listens."""
        self._alive.add(worker)
        worker.signals.finished.connect(lambda: self._alive.discard(worker))
        self.pool.start(worker)
        return worker

    def pending(self) -> int:
        return len(self._alive)

    def shutdown(self, timeout_ms: int = -1) -> bool:
        """Cancel what can be cancelled, drop queued jobs and wait for the running one."""
        for worker in list(self._alive):
            worker.cancel()
        self.pool.clear()
        return self.pool.waitForDone(timeout_ms)
