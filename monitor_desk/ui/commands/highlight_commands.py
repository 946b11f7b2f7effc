"""Every highlight and tag change as an undo command on the window's ``QUndoStack``.

A command snapshots what it is about to change before its first ``redo``; ``undo`` writes
the snapshot back through ``Library.restore_highlight`` / ``restore_tag`` (same ids,
created times, colours and tag links), so undo is exact rather than a reverse operation.
Tags that a command created on the fly are removed again by its undo and re-created with
their old ids by a later redo.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QStringListModel, Signal
from PySide6.QtGui import QUndoStack

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
        highlightsChanged(): highlights were created, edited or deleted, or tags changed.
        tagsChanged(): the tag list (names, colours or counts) changed.
        failed(str): a change could not be made; a message for the user.
        replayed(int, int, int, int): an undo or redo (not the first run) changed a highlight
            of article (first): its id (second; 0 when the undo or redo removed it) and the
            code-point span (start, end) where it is or was (0, 0 when not in the text) —
            so the window can show the change even in an article that is not open.
    """

    highlightsChanged = Signal()
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

    def changed(self) -> None:
        self.refresh_tags()
        self.tagsChanged.emit()
        self.highlightsChanged.emit()

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
        return cmd.highlight.id if self.push(cmd) and cmd.highlight else None

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
        run = lambda: self.library.tags.merge(source, target).count  # noqa: E731
        text = f"Merge Tag “{source}” into “{target}”"
        return self._make(lambda: TagCommand(self, text, [source, target], run, target))

    def recolor_tag(self, name: str, color: str | None) -> bool:
        run = lambda: self.library.tags.recolor(name, color)  # noqa: E731
        return self._make(lambda: TagCommand(self, f"Recolour Tag “{name}”", [name], run))

    def delete_tag(self, name: str) -> bool:
        run = lambda: self.library.tags.delete(name).count  # noqa: E731
        return self._make(lambda: TagCommand(self, f"Delete Tag “{name}”", [name], run))

    def _make(self, build: Callable[[], _Command]) -> bool:
        try:
            command = build()  # snapshots: fails if the highlight or tag is gone
        except MonitorDeskError as exc:
            self.failed.emit(str(exc))
            return False
        return self.push(command)


class _Command(GuardedCommand):
    """After every step: the tag cache and the window refreshed; after an undo or redo,
    where the highlight it changed is now (``replayed``)."""

    def __init__(self, service: HighlightService, text: str) -> None:
        super().__init__(text, service.failed.emit)
        self.service = service
        self.library = service.library

    def _settled(self, replay: bool) -> None:
        self.service.changed()
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

    def _remove_new_tags(self) -> None:
        # Only tags nothing else uses now: one added meanwhile outside the stack stays.
        self.new_tag_snapshots = []
        for name in self.new_tags:
            snap = self.library.tags.snapshot(name)
            if not snap.highlight_ids:
                self.new_tag_snapshots.append(snap)
                self.library.tags.delete(name)

    def _restore_new_tags(self) -> None:
        for snap in self.new_tag_snapshots:
            self.library.tags.restore(snap)  # the highlight's tags link to them again below


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
        self.highlight: Highlight | None = None
        self._note_new_tags(tags)

    def _redo(self) -> None:
        if self.highlight is None:
            hid = self.library.highlights.add(*self.args).id
            self.highlight = self.library.highlights.get(hid)
        else:
            self._restore_new_tags()
            self.library.highlights.restore(self.highlight)

    def _undo(self) -> None:
        assert self.highlight is not None
        self.library.highlights.delete(self.highlight.id)
        self._remove_new_tags()

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
        self.after: Highlight | None = None
        self.change = (tags, note, color)
        self._note_new_tags(tags)

    def _redo(self) -> None:
        if self.after is None:
            tags, note, color = self.change
            self.library.highlights.update(self.before.id, tags=tags, note=note, color=color)
            self.after = self.library.highlights.get(self.before.id)
        else:
            self._restore_new_tags()
            self.library.highlights.restore(self.after)

    def _undo(self) -> None:
        self.library.highlights.restore(self.before)
        self._remove_new_tags()

    def subject(self) -> Highlight | None:
        return self.before


class DeleteHighlight(_Command):
    def __init__(self, service: HighlightService, highlight_id: int) -> None:
        super().__init__(service, "Delete Highlight")
        self.before = service.library.highlights.get(highlight_id)

    def _redo(self) -> None:
        self.library.highlights.delete(self.before.id)

    def _undo(self) -> None:
        self.library.highlights.restore(self.before)

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
        run: Callable[[], object],
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

    def _redo(self) -> None:
        self.run()

    def _undo(self) -> None:
        self.library.tags.undo_change(self.snapshots, self.created)  # all or nothing
