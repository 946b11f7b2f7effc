"""Entity corrections in the GUI: undo commands on the window's stack, and the controller
the reader's and the Entities tab's context menus and *Edit ▸ Entity Corrections…* talk to.

Making a correction and undoing it are the same core calls as the CLI's: undo revokes the
correction (the stored mentions show what the model found again), redo teaches it again.
Every such call rewrites mentions across the library (seconds on a large one), so it runs
on the window's one-thread work queue with its progress in the status bar: each undo and
redo too, and the queue runs them in the order they were asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QInputDialog, QMainWindow, QWidget

from ...core.changes import NO_CHANGES, Changes
from ...core.corrections import checked
from ...core.entity_corrections import Progress
from ...core.errors import MonitorDeskError
from ...core.library import Library
from ..progress import JobRunner
from ..workers import Worker
from .cue_commands import TaughtCueEdits
from .outlet_commands import OutletLinkEdits

_TITLES = {
    "retype": "Change Entity Type",
    "merge": "Merge Entities",
    "split": "Keep Name Apart",
    "ignore": "Not an Entity",
    "add": "Mark as Entity",
}

Step = Callable[[Progress], Changes]


class TeachCorrection(QUndoCommand):
    """Teach one correction; undo revokes it. Each step runs on the work queue."""

    def __init__(
        self, runner: EntityCorrections, kind: str, names: list[str], target: str | None
    ) -> None:
        super().__init__(f"{_TITLES[kind]} “{', '.join(names)}”")
        self.runner, self.kind, self.names, self.target = runner, kind, names, target
        # Set on the worker thread: a revoke queued behind the teach reads it there.
        self.correction_id: int | None = None

    def redo(self) -> None:
        self.runner.run(self, self._teach)

    def undo(self) -> None:
        self.runner.run(self, self._revoke)

    def _teach(self, progress: Progress) -> Changes:
        created = self.runner.library.corrections.add(self.kind, self.names, self.target, progress)
        self.correction_id = created.id
        return created.changes

    def _revoke(self, progress: Progress) -> Changes:
        cid, self.correction_id = self.correction_id, None
        if cid is None:  # the teach was refused: nothing to take back
            return NO_CHANGES
        return self.runner.library.corrections.revoke(cid, progress)


class RevokeCorrection(TeachCorrection):
    """Revoke a correction from the Corrections list; undo teaches it again."""

    def __init__(self, runner: EntityCorrections, correction_id: int) -> None:
        (c,) = [c for c in runner.library.corrections.list() if c.id == correction_id]
        super().__init__(runner, c.kind, list(c.names), c.target)
        self.setText(f"Revoke Correction “{c.describe()}”")
        self.correction_id = correction_id

    def redo(self) -> None:
        self.runner.run(self, self._revoke)

    def undo(self) -> None:
        self.runner.run(self, self._teach)


class EntityCorrections(QObject):
    """Turns the analyst's requests into undoable corrections, run on the work queue.

    Signals:
        corrected(Changes): a correction was made, revoked, undone or redone.
        failed(str): the library refused it (one line for the status bar).
        finished(): a step (teach, revoke, undo or redo) ended, done or refused.

    Attributes:
        cues: the ``TaughtCueEdits``: the cues taught to the claim extractor, listed and
            revoked with the corrections.
        outlets: the ``OutletLinkEdits``: one cited outlet is another (the Sources tab's
            *Same Outlet As…*), listed and revoked with the corrections.
    """

    corrected = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(
        self, library: Library, stack: QUndoStack, window: QWidget, jobs: JobRunner
    ) -> None:
        super().__init__(window)
        self.library, self.stack, self.window, self.jobs = library, stack, window, jobs
        self.running = 0  # steps queued or running
        self.cues = TaughtCueEdits(library, stack, jobs, self)
        self.cues.failed.connect(self.failed)
        self.outlets = OutletLinkEdits(library, stack, self)
        self.outlets.failed.connect(self.failed)
        self.outlets.changed.connect(self.corrected)  # the window reopens a moved article

    def connect_to(
        self,
        sources: Iterable[QObject],
        corrected: Callable[[Changes], None],
        tell: Callable[[str], None],
    ) -> None:
        """Take requests from the reader's, the Entities tab's and the Sources tab's menus;
        report to the window."""
        for source in sources:
            source.correctionRequested.connect(self.request)  # type: ignore[attr-defined]
        self.corrected.connect(corrected)
        self.failed.connect(tell)

    def request(self, kind: str, name: str, target: str) -> bool:
        """From a context menu; a merge without ``target`` asks for the canonical name."""
        if kind == "profile":
            return False  # not a correction: the library views show the profile
        if kind == "same-outlet":  # the Sources tab's menu
            return self.outlets.link(name, target)
        if kind == "unlink-outlet":
            return self.outlets.unlink(name)
        if kind == "merge" and not target:
            known = [e.name for e in self.library.entities.list(limit=500) if e.name != name]
            target, ok = QInputDialog.getItem(
                self.window, "Merge Into", f"Merge “{name}” into (the name to keep):", known, 0,
                True,
            )  # fmt: skip
            if not ok or not target.strip():
                return False
        return self.teach(kind, [name], target or None)

    def teach(self, kind: str, names: list[str], target: str | None) -> bool:
        """Queue the correction; False (and ``failed``) if it is not a valid one."""
        try:
            checked(kind, names, target)
        except MonitorDeskError as exc:
            self.failed.emit(str(exc))
            return False
        self.stack.push(TeachCorrection(self, kind, names, target))
        return True

    def revoke(self, correction_id: int) -> bool:
        self.stack.push(RevokeCorrection(self, correction_id))
        return True

    # -- the work queue --------------------------------------------------------------------

    def run(self, command: QUndoCommand, step: Step) -> None:
        """Run one step of ``command`` on the work queue, its progress in the status bar."""
        worker = Worker(lambda: None)
        worker.fn = lambda: step(lambda done, total: worker.signals.progress.emit(done, total, ""))
        worker.signals.progress.connect(
            lambda done, total, _w: self._say(f"{command.text()}: {done}/{total} article(s)…")
        )
        worker.signals.result.connect(self._done)
        worker.signals.error.connect(lambda msg, _tb: self._refused(command, msg))
        worker.signals.finished.connect(self._finished)
        self.running += 1
        self._say(f"{command.text()}…")
        self.jobs.queue.submit(worker)

    def _say(self, message: str, timeout: int = 0) -> None:
        if isinstance(self.window, QMainWindow):
            self.window.statusBar().showMessage(message, timeout)

    def _done(self, changes: Changes) -> None:
        if self.jobs.closing:  # the window is closing: nothing left to show it in
            return
        self._say("Correction applied.", 4000)
        self.corrected.emit(changes)

    def _refused(self, command: QUndoCommand, message: str) -> None:
        command.setObsolete(True)  # the stack drops it at its next undo or redo
        if self.jobs.closing:
            return
        self._say("")
        self.failed.emit(message)

    def _finished(self) -> None:
        self.running -= 1
        self.finished.emit()
