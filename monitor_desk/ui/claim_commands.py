"""Every claim change in the GUI as a ``QUndoCommand``, on the window's one undo stack.

A command runs its core call once (the first ``redo``) with a snapshot of the claim taken
before and after (``lib.claims.snapshot``); later undos and redos write one snapshot or
the other back through ``lib.claims.restore`` (or delete the claim when it did not exist
in that state), so both directions are exact: spans, name, kind, grade, quotes, citation and
the claim's id — hence its place in the table — all come back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.claims import ClaimSnapshot, StoredClaim
from ..core.errors import MonitorDeskError
from ..core.library import Library

EDITABLE = {
    "speaker_name": "Rename Claim Speaker",
    "kind": "Change Claim Kind",
    "credibility": "Grade Claim",
}
"""The table's inline edits: field → undo text."""


class ClaimEdits(QObject):
    """Makes claim changes through undo commands.

    Attributes:
        library: the ``Library``.
        stack: the ``QUndoStack`` the commands go on (the window gives its shared one).

    Signals:
        changed(int, int): a change, undo or redo touched a claim of article (first) and
            left claim (second) to show chosen; 0 when the claim is gone.
        failed(str): a change could not be made or undone; a message for the user.
        replayed(int, int): an undo or redo (not the first run) is about to be reported by
            ``changed`` for article (first) and claim (second; 0 when it is gone): emitted
            first, so the window can open that article before the Claims tab reloads.
    """

    changed = Signal(int, int)
    failed = Signal(str)
    replayed = Signal(int, int)

    def __init__(
        self, library: Library, stack: QUndoStack | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.library = library
        # A stand-alone stack until the window gives its own; not a child, so the window's
        # stays the one ``findChild(QUndoStack)`` finds.
        self.stack = stack if stack is not None else QUndoStack()

    def edit(self, claim_id: int, field: str, value: object) -> bool:
        """Set the speaker's name, the kind or the credibility grade (None clears it)."""
        if field == "credibility":
            # The core refuses anything but None and 1..6, with a message for the user.
            run = lambda: self.library.claims.set_credibility(claim_id, value)  # type: ignore[arg-type]  # noqa: E731
        elif field == "speaker_name":
            run = lambda: self.library.claims.update(claim_id, speaker_name=str(value))  # noqa: E731
        elif field == "kind":
            kind = str(value).strip().lower()
            run = lambda: self.library.claims.update(claim_id, kind=kind)  # noqa: E731
        else:
            raise ValueError(f"{field!r} is not an editable claim field")
        return self._push(EDITABLE[field], claim_id, lambda: (run(), claim_id)[1])

    def set_span(self, claim_id: int, part: str, span: tuple[int, int]) -> StoredClaim | None:
        """Move the claim's speaker, cue or content; the claim as now stored, or None."""
        stored: list[StoredClaim] = []

        def run() -> int:
            stored.append(self.library.claims.set_span(claim_id, part, span).claim)
            return claim_id

        if not self._push(f"Set Claim {part.capitalize()}", claim_id, run):
            return None
        return stored[-1]  # as the write returned it: nothing is read back

    def add(
        self,
        article_id: int,
        content: tuple[int, int],
        speaker_name: str | None = None,
        cue_text: str = "",
        kind: str = "indirect",
    ) -> int | None:
        """Add an analyst's claim over ``content``; its id, or None."""
        command = ClaimCommand(
            self,
            "Add Claim",
            article_id,
            None,
            lambda: self.library.claims.add(article_id, content, speaker_name, cue_text, kind).id,
        )
        return command.claim_id if self._run(command) else None

    def delete(self, claim_id: int) -> bool:
        return self._push("Delete Claim", claim_id, lambda: self.library.claims.delete(claim_id))

    def _push(self, text: str, claim_id: int, run: Callable[[], int | None]) -> bool:
        try:
            before = self.library.claims.snapshot(claim_id)  # also names the article
        except MonitorDeskError as exc:
            self.failed.emit(str(exc))
            return False
        return self._run(ClaimCommand(self, text, before.article_id, claim_id, run, before))

    def _run(self, command: ClaimCommand) -> bool:
        self.stack.push(command)  # runs redo(); a command that failed is made obsolete
        return command.ok


class ClaimCommand(QUndoCommand):
    """One claim change: ``run`` (the core call, returning the claim's id or None when it
    deleted the claim) the first time, snapshots ever after.

    An error becomes a ``failed`` message and makes the command obsolete (the stack drops
    it), never an exception inside Qt.
    """

    def __init__(
        self,
        edits: ClaimEdits,
        text: str,
        article_id: int,
        claim_id: int | None,
        run: Callable[[], int | None],
        before: ClaimSnapshot | None = None,
    ) -> None:
        super().__init__(text)
        self.edits = edits
        self.library = edits.library
        self.article_id = article_id
        self.claim_id = claim_id
        self.run: Callable[[], int | None] | None = run
        self.before = before
        self.after: ClaimSnapshot | None = None
        self.exists = claim_id is not None  # whether the claim is there after the last step
        self.ok = True

    def redo(self) -> None:
        if self.run is not None:
            self._guard(self._first_redo, replay=False)
        else:
            self._guard(lambda: self._put(self.after), replay=True)

    def undo(self) -> None:
        self._guard(lambda: self._put(self.before), replay=True)

    def _first_redo(self) -> None:
        assert self.run is not None
        result = self.run()
        self.run = None
        self.exists = isinstance(result, int)
        if isinstance(result, int):
            self.claim_id = result
            self.after = self.library.claims.snapshot(result)
        if self.after == self.before:  # e.g. a name "edited" to itself: nothing to undo
            self.setObsolete(True)

    def _exists(self) -> bool:
        if self.claim_id is None:
            return False
        try:
            self.library.claims.snapshot(self.claim_id)
        except MonitorDeskError:
            return False
        return True

    def _put(self, state: ClaimSnapshot | None) -> None:
        if state is not None:
            self.library.claims.restore(state)
        elif self.claim_id is not None:
            self.library.claims.delete(self.claim_id)
        self.exists = state is not None

    def _guard(self, step: Callable[[], None], replay: bool) -> None:
        try:
            step()
        except MonitorDeskError as exc:
            self.ok = False
            self.setObsolete(True)
            self.edits.failed.emit(str(exc))
            replay = False  # nothing changed: nothing to show
            self.exists = self._exists()  # a refused step: ask the library
        shown = self.claim_id if self.claim_id is not None and self.exists else 0
        if replay:
            self.edits.replayed.emit(self.article_id, shown)
        self.edits.changed.emit(self.article_id, shown)
