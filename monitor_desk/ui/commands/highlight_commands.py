"""Every highlight and tag change as an undo command on the window's ``QUndoStack``.

A command snapshots what it is about to change before its first ``redo`` (what a creation
or an edit made: only when it is undone, as most never are); ``undo`` writes the snapshot
back through ``lib.highlights.restore`` / ``lib.tags.restore`` (same ids, created times,
colours and tag links), so undo is exact rather than a reverse operation.
Tags that a command created on the fly are removed again by its undo and re-created with
their old ids by a later redo.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QStringListModel, Signal
from PySide6.QtGui import QUndoStack

from ...core.changes import NO_CHANGES, Changes
from ...core.errors import MonitorDeskError
from ...core.library import Library
from ...core.models import Highlight, Tag
from ...core.tags import TagSnapshot, normalize_tag
from ..undo import GuardedCommand, push

FAVOURITES = 9


def parse_tags(text: str) -> list[str]:
    """``"a, b/c,,"`` → ``["a", "b/c"]``: normalised names, invalid ones dropped, no repeats."""
    out: list[str] = []
    for part in text.split(","):
        try:
            name = normalize_tag(part)
        except MonitorDeskError:
            continue
        if name.casefold() not in (n.casefold() for n in out):
            out.append(name)
    return out


class HighlightService(QObject):
    """Highlight and tag changes as undo commands, and a cache of the tags for the popup
    and the favourite keys.

    Attributes:
        library: the ``Library``; stack: the window's ``QUndoStack`` the commands go on.
        tags: ``list_tags()`` as of the last change (most used first).
        tag_model: the tag names in that order, for completers (refreshed on change).
        pinned: favourite tags chosen by the user (keys 1–9 use them before the most used).

    Signals:
        changesMade(Changes): a change, undo or redo wrote this (the window refreshes it).
        tagsChanged(): the tag list (names, colours or counts) or the pinned tags changed.
        failed(str): a change could not be made; a message for the user.
        replayed(int, int, int, int): an undo or redo (not the first run) changed a highlight
            of article (first): its id (second; 0 when the undo or redo removed it) and the
            code-point span (start, end) where it is or was (0, 0 when not in the text) —
            so the window can show the change even in an article that is not open.
    """

    changesMade = Signal(object)
    tagsChanged = Signal()
    failed = Signal(str)
    replayed = Signal(int, int, int, int)

    def __init__(self, library: Library, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.stack = stack
        self.tags: list[Tag] = []
        self.tag_model = QStringListModel(self)
        self.pinned: list[str] = []
        self.refresh_tags()

    def refresh_tags(self) -> None:
        self.tags = self.library.tags.list()
        self.tag_model.setStringList([t.name for t in self.tags])

    def tag_colors(self) -> dict[str, str]:
        return {t.name: t.color for t in self.tags if t.color}

    def favourites(self) -> list[str]:
        """Tags for keys 1–9: the pinned ones, then the most used."""
        names = {t.name.casefold(): t.name for t in self.tags}
        out = [names[p.casefold()] for p in self.pinned if p.casefold() in names]
        for t in self.tags:
            if len(out) >= FAVOURITES:
                break
            if t.name not in out:
                out.append(t.name)
        return out[:FAVOURITES]

    def set_pinned(self, names: list[str]) -> None:
        """Choose the favourite tags (keys 1–9 take them in this order)."""
        self.pinned = list(dict.fromkeys(names))[:FAVOURITES]
        self.tagsChanged.emit()

    def tag_exists(self, name: str) -> bool:
        return any(t.name.casefold() == name.casefold() for t in self.tags)

    def push(self, command: _Command) -> bool:
        """Run ``command`` and keep it for undo; False (and ``failed``) if it could not run."""
        return push(self.stack, command)

    def changed(self, changes: Changes) -> None:
        """Report what a step wrote; the tag list is read again only when tags were touched."""
        if changes.tags:
            self.refresh_tags()
            self.tagsChanged.emit()
        if not changes.empty:
            self.changesMade.emit(changes)

    # -- what the GUI asks for ---------------------------------------------------------------

    def create(
        self,
        article_id: int,
        start: int,
        end: int,
        tags: Sequence[str],
        note: str = "",
        color: str | None = None,
    ) -> int | None:
        """Highlight ``text[start:end]`` (code points); the new id, or None on failure."""
        cmd = CreateHighlight(self, article_id, start, end, list(tags), note, color)
        return cmd.highlight_id if self.push(cmd) else None

    def edit(self, highlight_id: int, tags: Sequence[str], note: str, color: str | None) -> bool:
        return self._make(lambda: EditHighlight(self, highlight_id, list(tags), note, color))

    def delete(self, highlight_id: int) -> bool:
        return self._make(lambda: DeleteHighlight(self, highlight_id))

    def rename_tag(self, old: str, new: str) -> bool:
        run = lambda: self.library.tags.rename(old, new)  # noqa: E731
        done = self._make(lambda: TagCommand(self, f"Rename Tag “{old}”", [old], run))
        if done and old in self.pinned:  # a pinned tag stays pinned under its new name
            self.set_pinned([new.strip() if p == old else p for p in self.pinned])
        return done

    def merge_tags(self, source: str, target: str) -> bool:
        run = lambda: self.library.tags.merge(source, target).changes  # noqa: E731
        text = f"Merge Tag “{source}” into “{target}”"
        return self._make(lambda: TagCommand(self, text, [source, target], run, target))

    def recolor_tag(self, name: str, color: str | None) -> bool:
        run = lambda: self.library.tags.recolor(name, color)  # noqa: E731
        return self._make(lambda: TagCommand(self, f"Recolour Tag “{name}”", [name], run))

    def delete_tag(self, name: str) -> bool:
        run = lambda: self.library.tags.delete(name).changes  # noqa: E731
        return self._make(lambda: TagCommand(self, f"Delete Tag “{name}”", [name], run))

    def _make(self, build: Callable[[], _Command]) -> bool:
        try:
            command = build()  # snapshots: fails if the highlight or tag is gone
        except MonitorDeskError as exc:
            self.failed.emit(str(exc))
            return False
        return self.push(command)


class _Command(GuardedCommand):
    """After every step: what it wrote reported (``changesMade``); after an undo or redo,
    where the highlight it changed is now (``replayed``)."""

    def __init__(self, service: HighlightService, text: str) -> None:
        super().__init__(text, service.failed.emit)
        self.service = service
        self.library = service.library

    def _settled(self, replay: bool) -> None:
        self.service.changed(self.changes)
        subject = self.subject() if replay else None
        if subject is not None:
            self._report(subject)

    def subject(self) -> Highlight | None:
        """The highlight this command changes (a snapshot); None for tag-wide commands."""
        return None

    def _report(self, snapshot: Highlight) -> None:
        try:
            live: Highlight | None = self.library.highlights.get(snapshot.id)
        except MonitorDeskError:  # undone creation or redone deletion: show where it was
            live = None
        shown = live or snapshot
        span = (shown.start, shown.end) if shown.status == "anchored" else (0, 0)
        self.service.replayed.emit(snapshot.article_id, live.id if live else 0, *span)


class _HighlightCommand(_Command):
    """Shared by create and edit: remembers the tags the change brought into being."""

    new_tags: list[str]
    new_tag_snapshots: list[TagSnapshot]

    def _note_new_tags(self, tags: Sequence[str]) -> None:
        self.new_tags = [t for t in parse_tags(",".join(tags)) if not self.service.tag_exists(t)]
        self.new_tag_snapshots = []

    def _remove_new_tags(self) -> Changes:
        # Only tags nothing else uses now: one added meanwhile outside the stack stays.
        self.new_tag_snapshots = []
        changes = NO_CHANGES
        for name in self.new_tags:
            snap = self.library.tags.snapshot(name)
            if not snap.highlight_ids:
                self.new_tag_snapshots.append(snap)
                changes |= self.library.tags.delete(name).changes
        return changes

    def _restore_new_tags(self) -> Changes:
        changes = NO_CHANGES
        for snap in self.new_tag_snapshots:
            # the highlight's tags link to them again in the restore that follows
            changes |= self.library.tags.restore(snap)
        return changes


class CreateHighlight(_HighlightCommand):
    def __init__(
        self,
        service: HighlightService,
        article_id: int,
        start: int,
        end: int,
        tags: list[str],
        note: str,
        color: str | None,
    ) -> None:
        label = ", ".join(parse_tags(",".join(tags))) or "no tags"
        super().__init__(service, f"Highlight ({label})")
        self.args = (article_id, start, end, tags, note, color)
        self.highlight_id: int | None = None
        self.highlight: Highlight | None = None  # as it was when last undone, to redo exactly
        self._note_new_tags(tags)

    def _redo(self) -> Changes:
        if self.highlight_id is None:
            created = self.library.highlights.add(*self.args)
            self.highlight_id = created.id
            return created.changes
        assert self.highlight is not None
        changes = self._restore_new_tags()
        return changes | self.library.highlights.restore(self.highlight)

    def _undo(self) -> Changes:
        assert self.highlight_id is not None
        # Read only now, not after every creation: most highlights are never undone.
        self.highlight = self.library.highlights.get(self.highlight_id)
        changes = self.library.highlights.delete(self.highlight_id)
        return changes | self._remove_new_tags()

    def subject(self) -> Highlight | None:
        return self.highlight


class EditHighlight(_HighlightCommand):
    def __init__(
        self,
        service: HighlightService,
        highlight_id: int,
        tags: list[str],
        note: str,
        color: str | None,
    ) -> None:
        super().__init__(service, "Edit Highlight")
        self.before = service.library.highlights.get(highlight_id)
        self.after: Highlight | None = None  # read when undone: the state to redo to
        self.change = (tags, note, color)
        self._note_new_tags(tags)

    def _redo(self) -> Changes:
        if self.after is None:  # the edit itself (a replay always follows an undo)
            tags, note, color = self.change
            return self.library.highlights.update(self.before.id, tags=tags, note=note, color=color)
        changes = self._restore_new_tags()
        return changes | self.library.highlights.restore(self.after)

    def _undo(self) -> Changes:
        # The state to redo to is read when undone, not after every edit.
        self.after = self.library.highlights.get(self.before.id)
        changes = self.library.highlights.restore(self.before)
        return changes | self._remove_new_tags()

    def subject(self) -> Highlight | None:
        return self.before


class DeleteHighlight(_Command):
    def __init__(self, service: HighlightService, highlight_id: int) -> None:
        super().__init__(service, "Delete Highlight")
        self.before = service.library.highlights.get(highlight_id)

    def _redo(self) -> Changes:
        return self.library.highlights.delete(self.before.id)

    def _undo(self) -> Changes:
        return self.library.highlights.restore(self.before)

    def subject(self) -> Highlight | None:
        return self.before


class TagCommand(_Command):
    """Rename, merge, recolour or delete: snapshot the tags involved (those that exist) and
    run the change; undo removes a tag the change created (a merge's new target) and puts
    every snapshot back — a renamed tag's row gets its old name again."""

    def __init__(
        self,
        service: HighlightService,
        text: str,
        names: list[str],
        run: Callable[[], Changes],
        may_create: str | None = None,
    ) -> None:
        super().__init__(service, text)
        self.run = run
        self.snapshots = [service.library.tags.snapshot(n) for n in names if n != may_create]
        self.created: list[str] = []
        if may_create is not None:
            if service.tag_exists(may_create):
                self.snapshots.append(service.library.tags.snapshot(may_create))
            else:
                self.created.append(may_create)

    def _redo(self) -> Changes:
        return self.run()

    def _undo(self) -> Changes:
        return self.library.tags.undo_change(self.snapshots, self.created)  # all or nothing
