"""Every claim change in the GUI as an undo command, on the window's one undo stack.

A command runs its core call once (the first ``redo``) with a snapshot of the claim taken
before and after (``Library.claim_snapshot``); later undos and redos write one snapshot or
the other back through ``Library.restore_claim`` (or delete the claim when it did not exist
in that state), so both directions are exact: spans, name, kind, grade, quotes, citation and
the claim's id — hence its place in the table — all come back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, cast

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ...core.claims import ClaimPart, ClaimSnapshot, StoredClaim
from ...core.errors import MonitorDeskError
from ...core.library import Library
from ...core.models import ClaimKind
from ..undo import GuardedCommand, push

ClaimField = Literal["speaker_name", "kind", "credibility"]
"""What the Claims table edits in place."""

EDITABLE: dict[ClaimField, str] = {
    "speaker_name": "Rename Claim Speaker",
    "kind": "Change Claim Kind",
    "credibility": "Grade Claim",
}
"""The table's inline edits: field → undo text."""


class ClaimEdits(QObject):
    """Makes claim changes through undo commands.

    Attributes:
        library: the ``Library``.
        stack: the window's ``QUndoStack`` the commands go on (shared with highlights).

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

    def __init__(self, library: Library, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.stack = stack

    def edit(self, claim_id: int, field: ClaimField, value: object) -> bool:
        """Set the speaker's name, the kind or the credibility grade (None clears it)."""
        if field == "credibility":
            # The core refuses anything but None and 1..6, with a message for the user.
            run = lambda: self.library.claims.set_credibility(claim_id, value)  # type: ignore[arg-type]  # noqa: E731
        elif field == "speaker_name":
            run = lambda: self.library.claims.update(claim_id, speaker_name=str(value))  # noqa: E731
        elif field == "kind":
            kind = str(value).strip().lower()
            run = lambda: self.library.claims.update(claim_id, kind=cast(ClaimKind, kind))  # noqa: E731
        else:
            raise ValueError(f"{field!r} is not an editable claim field")
        return self._push(EDITABLE[field], claim_id, lambda: (run(), claim_id)[1])

    def set_span(self, claim_id: int, part: ClaimPart, span: tuple[int, int]) -> StoredClaim | None:
        """Move the claim's speaker, cue or content; the claim as now stored, or None."""
        run = lambda: self.library.claims.set_span(claim_id, part, span).claim.id  # noqa: E731
        if not self._push(f"Set Claim {part.capitalize()}", claim_id, run):
            return None
        return self._stored(claim_id)

    def add(
        self,
        article_id: int,
        content: tuple[int, int],
        speaker_name: str | None = None,
        cue_text: str = "",
        kind: ClaimKind = "indirect",
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
        return self._push(
            "Delete Claim", claim_id, lambda: (self.library.claims.delete(claim_id), None)[1]
        )

    def _push(self, text: str, claim_id: int, run: Callable[[], int | None]) -> bool:
        try:
            article_id = self.library.claims.snapshot(claim_id).article_id
        except MonitorDeskError as exc:
            self.failed.emit(str(exc))
            return False
        return self._run(ClaimCommand(self, text, article_id, claim_id, run))

    def _run(self, command: ClaimCommand) -> bool:
        try:
            command.snapshot_before()
        except MonitorDeskError as exc:
            self.failed.emit(str(exc))
            return False
        return push(self.stack, command)  # runs redo(); a refused command is dropped

    def _stored(self, claim_id: int) -> StoredClaim | None:
        article_id = self.library.claims.snapshot(claim_id).article_id
        return next((c for c in self.library.claims.list(article_id) if c.id == claim_id), None)


class ClaimCommand(GuardedCommand):
    """One claim change: ``run`` (the core call, returning the claim's id or None when it
    deleted the claim) the first time, snapshots ever after.

    After every step ``changed`` tells the Claims tab, after an undo or redo ``replayed``
    first tells the window.
    """

    def __init__(
        self,
        edits: ClaimEdits,
        text: str,
        article_id: int,
        claim_id: int | None,
        run: Callable[[], int | None],
    ) -> None:
        super().__init__(text, edits.failed.emit)
        self.edits = edits
        self.library = edits.library
        self.article_id = article_id
        self.claim_id = claim_id
        self.run: Callable[[], int | None] | None = run
        self.before: ClaimSnapshot | None = None
        self.after: ClaimSnapshot | None = None

    def snapshot_before(self) -> None:
        if self.claim_id is not None:
            self.before = self.library.claims.snapshot(self.claim_id)

    def _redo(self) -> None:
        if self.run is not None:
            self._first_redo()
        else:
            self._put(self.after)

    def _undo(self) -> None:
        self._put(self.before)

    def _first_redo(self) -> None:
        assert self.run is not None
        result = self.run()
        self.run = None
        if isinstance(result, int):
            self.claim_id = result
            self.after = self.library.claims.snapshot(result)
        if self.after == self.before:  # e.g. a name "edited" to itself: nothing to undo
            self.setObsolete(True)

    def _put(self, state: ClaimSnapshot | None) -> None:
        if state is not None:
            self.library.claims.restore(state)
        elif self.claim_id is not None:
            self.library.claims.delete(self.claim_id)

    def _settled(self, replay: bool) -> None:
        shown = self.claim_id if self.claim_id is not None and self._exists() else 0
        if replay:
            self.edits.replayed.emit(self.article_id, shown)
        self.edits.changed.emit(self.article_id, shown)

    def _exists(self) -> bool:
        assert self.claim_id is not None
        try:
            self.library.claims.snapshot(self.claim_id)
        except MonitorDeskError:
            return False
        return True
