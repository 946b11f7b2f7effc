"""Every claim change in the GUI as an undo command, on the window's one undo stack.

A command runs its core call once (the first ``redo``) with a snapshot of the claim taken
before and after (``lib.claims.snapshot``); later undos and redos write one snapshot or
the other back through ``lib.claims.restore`` (or delete the claim when it did not exist
in that state), so both directions are exact: spans, name, kind, grade, quotes, citation and
the claim's id — hence its place in the table — all come back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, cast

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ...core.changes import Changes
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

Step = tuple[int | None, Changes]
"""What a claim command's core call returns: the claim's id (None: it deleted the claim)
and what the write changed."""


class ClaimEdits(QObject):
    """Makes claim changes through undo commands.

    Attributes:
        library: the ``Library``.
        stack: the window's ``QUndoStack`` the commands go on (shared with highlights).

    Signals:
        changesMade(Changes): what a change, undo or redo wrote (the window refreshes the
            Claims tab and the reader from it); a refused step reports the claim's article,
            whose claims may not be what the tab shows.
        changed(int, int): emitted next: the change touched a claim of article (first) and
            left claim (second) to show chosen; 0 when the claim is gone.
        failed(str): a change could not be made or undone; a message for the user.
        replayed(int, int): an undo or redo (not the first run) is about to be reported by
            ``changed`` for article (first) and claim (second; 0 when it is gone): emitted
            first, so the window can open that article before the Claims tab reloads.
        added(int): the analyst added this claim (its first run, not an undo or redo).
        deleted(object): the analyst deleted this claim (the ``StoredClaim`` as it was).
    """

    changesMade = Signal(object)
    changed = Signal(int, int)
    failed = Signal(str)
    replayed = Signal(int, int)
    added = Signal(int)
    deleted = Signal(object)

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
        return self._push(EDITABLE[field], claim_id, lambda: (claim_id, run()))

    def set_span(self, claim_id: int, part: ClaimPart, span: tuple[int, int]) -> StoredClaim | None:
        """Move the claim's speaker, cue or content; the claim as now stored, or None."""
        stored: list[StoredClaim] = []

        def run() -> Step:
            edit = self.library.claims.set_span(claim_id, part, span)
            stored.append(edit.claim)  # as the write returned it: nothing is read back
            return claim_id, edit.changes

        if not self._push(f"Set Claim {part.capitalize()}", claim_id, run):
            return None
        return stored[-1]

    def add(
        self,
        article_id: int,
        content: tuple[int, int],
        speaker_name: str | None = None,
        cue_text: str = "",
        kind: ClaimKind = "indirect",
    ) -> int | None:
        """Add an analyst's claim over ``content``; its id, or None."""

        def run() -> Step:
            created = self.library.claims.add(article_id, content, speaker_name, cue_text, kind)
            return created.id, created.changes

        command = ClaimCommand(self, "Add Claim", article_id, None, run)
        if not push(self.stack, command) or command.claim_id is None:
            return None
        self.added.emit(command.claim_id)
        return command.claim_id

    def delete(self, claim_id: int) -> bool:
        try:
            claim = self.library.claims.get(claim_id)
        except MonitorDeskError as exc:
            self.failed.emit(str(exc))
            return False
        run = lambda: (None, self.library.claims.delete(claim_id))  # noqa: E731
        if not self._push("Delete Claim", claim_id, run):
            return False
        self.deleted.emit(claim)
        return True

    def _push(self, text: str, claim_id: int, run: Callable[[], Step]) -> bool:
        try:
            before = self.library.claims.snapshot(claim_id)  # the one read before: also the article
        except MonitorDeskError as exc:
            self.failed.emit(str(exc))
            return False
        command = ClaimCommand(self, text, before.article_id, claim_id, run, before)
        return push(self.stack, command)  # runs redo(); a refused command is dropped


class ClaimCommand(GuardedCommand):
    """One claim change: ``run`` (the core call) the first time, snapshots ever after.

    ``before`` is the claim as it was (None for a new claim); ``exists`` whether the claim
    is there after the last step, known from the step rather than read back. After every
    step ``changesMade`` then ``changed`` tell the window and the Claims tab; after an
    undo or redo ``replayed`` first tells the window.
    """

    def __init__(
        self,
        edits: ClaimEdits,
        text: str,
        article_id: int,
        claim_id: int | None,
        run: Callable[[], Step],
        before: ClaimSnapshot | None = None,
    ) -> None:
        super().__init__(text, edits.failed.emit)
        self.edits = edits
        self.library = edits.library
        self.article_id = article_id
        self.claim_id = claim_id
        self.run: Callable[[], Step] | None = run
        self.before = before
        self.after: ClaimSnapshot | None = None
        self.exists = claim_id is not None

    def _redo(self) -> Changes:
        if self.run is not None:
            return self._first_redo()
        return self._put(self.after)

    def _undo(self) -> Changes:
        return self._put(self.before)

    def _first_redo(self) -> Changes:
        assert self.run is not None
        claim_id, changes = self.run()
        self.run = None
        self.exists = claim_id is not None
        if claim_id is not None:
            self.claim_id = claim_id
            self.after = self.library.claims.snapshot(claim_id)  # the state to redo to
        if self.after == self.before:  # e.g. a name "edited" to itself: nothing to undo
            self.setObsolete(True)
        return changes

    def _put(self, state: ClaimSnapshot | None) -> Changes:
        if state is not None:
            changes = self.library.claims.restore(state)
        else:
            assert self.claim_id is not None
            changes = self.library.claims.delete(self.claim_id)
        self.exists = state is not None
        return changes

    def _settled(self, replay: bool) -> None:
        changes = self.changes
        if self.refused and self.claim_id is not None:
            # The library and the tab may disagree about this claim: show the library's.
            self.exists = self._exists()
            changes = Changes.of(articles=[self.article_id], claims=[self.claim_id])
        shown = self.claim_id if self.claim_id is not None and self.exists else 0
        if replay:
            self.edits.replayed.emit(self.article_id, shown)
        self.edits.changesMade.emit(changes)
        self.edits.changed.emit(self.article_id, shown)

    def _exists(self) -> bool:
        assert self.claim_id is not None
        try:
            self.library.claims.snapshot(self.claim_id)
        except MonitorDeskError:
            return False
        return True
