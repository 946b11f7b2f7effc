"""Entity corrections in the GUI: undo commands on the window's stack, and the controller
the reader's context menu and *Edit ▸ Entity Corrections…* talk to.

Making a correction and undoing it are the same core calls as the CLI's: undo revokes the
correction (the stored mentions show what the model found again), redo teaches it again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QInputDialog, QWidget

from ...core.changes import NO_CHANGES, Changes
from ...core.library import Library
from ..undo import GuardedCommand, push

_TITLES = {
    "retype": "Change Entity Type",
    "merge": "Merge Entities",
    "split": "Keep Name Apart",
    "ignore": "Not an Entity",
    "add": "Mark as Entity",
}


class TeachCorrection(GuardedCommand):
    """Teach one correction; undo revokes it."""

    def __init__(
        self,
        library: Library,
        kind: str,
        names: list[str],
        target: str | None,
        failed: Callable[[str], object],
        settled: Callable[[Changes], object],
    ) -> None:
        super().__init__(f"{_TITLES[kind]} “{', '.join(names)}”", failed)
        self.library, self.kind, self.names, self.target = library, kind, names, target
        self.correction_id: int | None = None
        self._after = settled

    def _redo(self) -> Changes:
        created = self.library.corrections.add(self.kind, self.names, self.target)
        self.correction_id = created.id
        return created.changes

    def _undo(self) -> Changes:
        if self.correction_id is None:
            return NO_CHANGES
        changes = self.library.corrections.revoke(self.correction_id)
        self.correction_id = None
        return changes

    def _settled(self, replay: bool) -> None:
        self._after(self.changes)


class RevokeCorrection(TeachCorrection):
    """Revoke a correction from the Corrections list; undo teaches it again."""

    def __init__(
        self,
        library: Library,
        correction_id: int,
        failed: Callable[[str], object],
        settled: Callable[[Changes], object],
    ) -> None:
        (c,) = [c for c in library.corrections.list() if c.id == correction_id]
        super().__init__(library, c.kind, list(c.names), c.target, failed, settled)
        self.setText(f"Revoke Correction “{c.describe()}”")
        self.correction_id = correction_id

    def _redo(self) -> Changes:
        return TeachCorrection._undo(self)

    def _undo(self) -> Changes:
        return TeachCorrection._redo(self)


class EntityCorrections(QObject):
    """Turns the analyst's requests into undoable corrections.

    Signals:
        corrected(Changes): a correction was made, revoked, undone or redone.
        failed(str): the library refused it (one line for the status bar).
    """

    corrected = Signal(object)
    failed = Signal(str)

    def __init__(self, library: Library, stack: QUndoStack, window: QWidget) -> None:
        super().__init__(window)
        self.library, self.stack, self.window = library, stack, window

    def connect_to(
        self, reader: QObject, corrected: Callable[[Changes], None], tell: Callable[[str], None]
    ) -> None:
        """Take requests from the reader's menu; report to the window."""
        reader.correctionRequested.connect(self.request)  # type: ignore[attr-defined]
        self.corrected.connect(corrected)
        self.failed.connect(tell)

    def request(self, kind: str, name: str, target: str) -> bool:
        """From the reader's menu; a merge without ``target`` asks for the canonical name."""
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
        return push(
            self.stack,
            TeachCorrection(
                self.library, kind, names, target, self.failed.emit, self.corrected.emit
            ),
        )

    def revoke(self, correction_id: int) -> bool:
        return push(
            self.stack,
            RevokeCorrection(self.library, correction_id, self.failed.emit, self.corrected.emit),
        )
