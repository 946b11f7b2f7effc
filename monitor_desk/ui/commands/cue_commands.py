"""Taught cues in the GUI: teaching and revoking them as undo commands on the window's
stack, and re-analysing the articles a taught word touches in the background.

A taught cue rewrites no stored claim (it applies at the next analysis), so teaching and
revoking are quick writes run at once; re-analysing the articles with the word is a job
with its progress in the status bar (``JobRunner.start_analysis``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ...core.changes import Changes
from ...core.errors import MonitorDeskError
from ...core.library import Library
from ...core.taught_cues import TaughtCue, checked_kind, checked_lemma
from ..progress import JobRunner
from ..undo import GuardedCommand, push


class CueCommand(GuardedCommand):
    """Teach ``cue`` (``teach``) or revoke it; undo does the other."""

    def __init__(self, edits: TaughtCueEdits, cue: TaughtCue, teach: bool) -> None:
        verb = "Teach" if teach else "Revoke"
        super().__init__(f"{verb} Cue “{cue.lemma}”", edits.failed.emit)
        self.edits, self.cue, self.teach = edits, cue, teach

    def _add(self) -> Changes:
        c = self.cue
        return self.edits.library.cues.add(c.lemma, c.kind, c.object_only, c.note).changes

    def _remove(self) -> Changes:
        return self.edits.library.cues.remove(self.cue.lemma)

    def _redo(self) -> Changes:
        return self._add() if self.teach else self._remove()

    def _undo(self) -> Changes:
        return self._remove() if self.teach else self._add()

    def _settled(self, replay: bool) -> None:
        if not self.refused:
            self.edits.changed.emit(self.cue.lemma)


class TaughtCueEdits(QObject):
    """Teaches and revokes cues (undoable) and re-analyses what they touch.

    Attributes:
        library, stack: the ``Library`` and the window's undo stack.

    Signals:
        changed(str): a cue of this lemma was taught or revoked (or that was undone).
        failed(str): the library refused it: a message for the user.
    """

    changed = Signal(str)
    failed = Signal(str)

    def __init__(
        self, library: Library, stack: QUndoStack, jobs: JobRunner, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.library, self.stack, self.jobs = library, stack, jobs

    def teach(
        self, lemma: str, kind: str = "cue", object_only: bool = False, note: str = ""
    ) -> bool:
        try:
            cue = TaughtCue(
                0, checked_lemma(lemma), checked_kind(kind, object_only), object_only, "", note
            )
        except MonitorDeskError as exc:
            self.failed.emit(str(exc))
            return False
        return push(self.stack, CueCommand(self, cue, teach=True))

    def revoke(self, lemma: str) -> bool:
        found = [c for c in self.library.cues.list() if c.lemma == lemma]
        if not found:
            self.failed.emit(f"“{lemma}” is not a taught cue.")
            return False
        return push(self.stack, CueCommand(self, found[0], teach=False))

    def articles_with(self, lemma: str) -> list[int]:
        return self.library.cues.articles_with(lemma)

    def reanalyse(self, lemma: str) -> int:
        """Analyse again, in the background, the articles whose text has the word."""
        ids = self.articles_with(lemma)
        if ids:
            self.jobs.start_analysis(ids)
        return len(ids)
