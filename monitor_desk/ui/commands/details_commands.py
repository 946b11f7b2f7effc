"""The analyst's edits of article details as undo commands on the window's stack, and the
two actions that make them (Edit ▸ Article Details…, Edit ▸ Set Field for Selected…).

A command takes a snapshot of the articles before its first run (``lib.details.snapshot``,
``language_snapshot`` for a language choice); undo writes it back
(``lib.details.restore``), redo makes the same edit again. A language choice is analysed
again after each."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import suppress

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QDialog, QWidget

from ...core.changes import Changes
from ...core.errors import MonitorDeskError, NotFoundError
from ...core.library import Library
from ..dialogs.details_dialog import LABELS, DetailsDialog, SetFieldDialog
from ..dialogs.rule_dialog import PublicationRuleDialog
from ..reader.reader_pane import ReaderPane
from ..undo import GuardedCommand, push
from .rule_commands import RuleCommand


def header_refresher(library: Library, pane: ReaderPane) -> Callable[[int], None]:
    """Re-shows the reader's title and metadata line of an article whose details changed."""

    def show(article_id: int) -> None:
        try:
            article = library.articles.get(article_id)
        except NotFoundError:
            return  # removed meanwhile: whatever removed it clears the reader
        pane.show_details(article)

    return show


class EditDetailsCommand(GuardedCommand):
    """Set ``fields`` on ``article_ids``: one step on the undo stack, however many."""

    def __init__(
        self,
        library: Library,
        article_ids: Sequence[int],
        fields: dict[str, str],
        done: Callable[[Changes], object],
        failed: Callable[[str], object],
    ) -> None:
        names = ", ".join(LABELS[f].replace("&", "") for f in fields)
        many = f" of {len(article_ids)} Articles" if len(article_ids) > 1 else ""
        super().__init__(f"Edit {names}{many}", failed)
        self.library = library
        self.article_ids = list(article_ids)
        self.fields = fields
        self._done = done
        self._before = library.details.snapshot(self.article_ids)

    def _redo(self) -> Changes:
        return self.library.details.edit(self.article_ids, **self.fields)

    def _undo(self) -> Changes:
        return self.library.details.restore(self._before)

    def _settled(self, replay: bool) -> None:
        if not self.changes.empty:
            self._done(self.changes)


class SetLanguageCommand(GuardedCommand):
    """Set the analyst's language of ``article_ids`` (``en``, ``ru``; ``auto``: detect),
    one undo step; the change, its undo and its redo each have the articles analysed again
    (``analyse``, in the background) in the language they then have."""

    def __init__(
        self,
        library: Library,
        article_ids: Sequence[int],
        language: str,
        done: Callable[[Changes], object],
        analyse: Callable[[list[int]], object] | None,
        failed: Callable[[str], object],
    ) -> None:
        many = f" of {len(article_ids)} Articles" if len(article_ids) > 1 else ""
        super().__init__(f"Set Language{many}", failed)
        self.library = library
        self.article_ids = list(article_ids)
        self.language = language
        self._done, self._analyse = done, analyse
        self._before = library.details.language_snapshot(self.article_ids)

    def _redo(self) -> Changes:
        return self.library.details.set_language(self.article_ids, self.language)

    def _undo(self) -> Changes:
        return self.library.details.restore(self._before)

    def _settled(self, replay: bool) -> None:
        if self.refused:
            return
        self._done(self.changes)
        if self._analyse is not None:  # as Library.set_language / restore_language do
            self._analyse(self.article_ids)


class DetailsEditing(QObject):
    """The actions that edit article details.

    Signals:
        changesMade(Changes): what an edit, its undo or redo wrote.
        failed(str): an edit was refused (a bad date); a message for the user.
    """

    changesMade = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        library: Library,
        stack: QUndoStack,
        current: Callable[[], int | None],
        selected: Callable[[], list[int]],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.library, self.stack, self.window = library, stack, window
        self._current, self._selected = current, selected
        self._analyse: Callable[[list[int]], object] | None = None
        self.act_details = QAction("Article &Details…", window)
        self.act_details.setShortcut("Ctrl+I")
        self.act_details.setStatusTip("Edit the title, date, publication, issue or author")
        self.act_details.triggered.connect(self.edit_current)
        self.act_set_field = QAction("Set &Field for Selected Articles…", window)
        self.act_set_field.setStatusTip("Set one field (e.g. the date) on every selected article")
        self.act_set_field.triggered.connect(self.set_field_for_selected)
        self.act_rule = QAction("Publication &Rule…", window)
        self.act_rule.setStatusTip(
            "Which year a volume of a publication is: set once, used for all"
        )
        self.act_rule.triggered.connect(lambda: self.edit_rule())
        window.addActions([self.act_details, self.act_set_field, self.act_rule])

    def connect_to(
        self,
        reader: ReaderPane,
        changed: Callable[[Changes], None],
        tell: Callable[..., None],
        analyse: Callable[[list[int]], object] | None = None,
    ) -> None:
        """The reader header's "Edit details…" asks; the window refreshes and tells, and
        ``analyse`` analyses articles again (their language changed)."""
        self._analyse = analyse
        self.changesMade.connect(changed)
        self.failed.connect(lambda msg: tell(msg, error=True))
        reader.detailsRequested.connect(self.edit_current)

    @property
    def actions(self) -> list[QAction]:
        return [self.act_details, self.act_set_field, self.act_rule]

    def edit_current(self) -> None:
        article_id = self._current()
        if article_id is None:
            return
        try:
            article = self.library.articles.get(article_id)
        except MonitorDeskError as exc:
            self.failed.emit(str(exc))
            return
        dialog = DetailsDialog(
            article, self.window, on_rule=lambda pub: self._rule_from(dialog, pub)
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if dialog.changed():
            self.apply([article_id], dialog.changed())
        if language := dialog.language_choice():
            self.set_language([article_id], language)

    def set_language(self, article_ids: list[int], language: str) -> bool:
        """Set the analyst's language as one undoable step; the articles are analysed
        again in the background (after an undo or redo too). False when refused."""
        command = SetLanguageCommand(
            self.library,
            article_ids,
            language,
            self.changesMade.emit,
            self._analyse,
            self.failed.emit,
        )
        return push(self.stack, command)

    def _rule_from(self, dialog: DetailsDialog, publication: str) -> None:
        if self.edit_rule(publication, dialog):
            with suppress(MonitorDeskError):  # removed meanwhile: the dialog's OK says so
                dialog.show_date(self.library.articles.get(dialog.article_id))

    def edit_rule(self, publication: str | None = None, parent: QWidget | None = None) -> bool:
        """The rule dialog for ``publication`` (default: the current article's); True when
        a rule was set or removed (one undoable step)."""
        if publication is None:
            current = self._current()
            try:
                publication = self.library.articles.get(current).publication if current else None
            except MonitorDeskError:
                publication = None
        publication = publication or ""
        dialog = PublicationRuleDialog(
            publication, self.library.rules.get(publication) if publication else None,
            parent or self.window,
        )  # fmt: skip
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        rule = None if dialog.removed else dialog.rule()
        name = rule.publication if rule else publication
        command = RuleCommand(self.library, name, rule, self.changesMade.emit, self.failed.emit)
        return push(self.stack, command)

    def set_field_for_selected(self) -> None:
        ids = self._selected()
        if not ids:
            return
        dialog = SetFieldDialog(len(ids), self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            name, value = dialog.choice()
            self.apply(ids, {name: value})

    def apply(self, article_ids: Sequence[int], fields: dict[str, str]) -> bool:
        """Make the edit as one undoable step; False when refused (the reason is told)."""
        command = EditDetailsCommand(
            self.library, article_ids, fields, self.changesMade.emit, self.failed.emit
        )
        return push(self.stack, command)
