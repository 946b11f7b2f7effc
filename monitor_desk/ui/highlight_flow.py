"""The highlight-and-tag workflow in the window: H and the popup, favourite keys 1–9,
clicking, editing, deleting and promoting highlights, the tag manager, and undo/redo.

The window creates one ``HighlightFlow`` and puts its actions in the Edit menu; the flow
wires the reader, the Notes tab and the Claims tab to the ``HighlightService``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QCompleter

from ..core.errors import MonitorDeskError
from ..core.models import EntityMention, Highlight
from .claim_dialog import ClaimDialog
from .highlight_commands import HighlightService
from .tag_manager import TagManager
from .tag_popup import TagPopup

if TYPE_CHECKING:
    from .main_window import MainWindow

_CUE = re.compile(
    r"\b(said|says|told|tells|warned|warns|insisted|claimed|claims|stated|added|announced|"
    r"noted|argued|stressed|declared|asserted|hinted|suggested|reported|believes|thinks)\b"
)
_EXCERPT = 48


_CTRL = Qt.KeyboardModifier.ControlModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier


def is_undo_key(event: QKeyEvent) -> bool:
    return event.matches(QKeySequence.StandardKey.Undo) or (
        event.key() == Qt.Key.Key_Z and event.modifiers() == _CTRL
    )


def is_redo_key(event: QKeyEvent) -> bool:
    """Ctrl+Shift+Z and Ctrl+Y on every platform, plus the platform's own."""
    mods = event.modifiers()
    return (
        event.matches(QKeySequence.StandardKey.Redo)
        or (event.key() == Qt.Key.Key_Y and mods == _CTRL)
        or (event.key() == Qt.Key.Key_Z and mods == _CTRL | _SHIFT)
    )


class HighlightFlow(QObject):
    """Attributes:
    service: the ``HighlightService`` (its ``stack`` is the window's undo stack).
    popup: the reused ``TagPopup``; manager: the ``TagManager`` once opened.
    act_undo, act_redo, act_highlight, act_tags: actions for the menus and toolbar.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.library = window.library
        self.view = window.reader.view
        self.notes = window.notes
        self.service = HighlightService(self.library, self)
        self.popup = TagPopup(self.service.tag_model, self.view)
        self.manager: TagManager | None = None
        self.claim_dialog: ClaimDialog | None = None
        self._pending: tuple[str, int, int, int] | None = None
        completer = QCompleter(self.service.tag_model, self.notes.tag_filter)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.notes.tag_filter.setCompleter(completer)
        pinned = window.settings.value("tags/pinned")
        if isinstance(pinned, str):  # QSettings gives a lone value as a string
            pinned = [pinned] if pinned else []
        self.service.pinned = [str(p) for p in pinned or []]
        self._build_actions()
        self._connect()
        # Ctrl+Z that no shortcut took (the window not active, e.g. under test drivers)
        # and no child used (line edits keep their own undo) reaches the window: undo here.
        window.installEventFilter(self)

    def _build_actions(self) -> None:
        w = self.window
        stack = self.service.stack
        self.act_undo = stack.createUndoAction(w, "&Undo")
        self.act_undo.setShortcuts([QKeySequence("Ctrl+Z")])
        self.act_redo = stack.createRedoAction(w, "&Redo")
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.act_highlight = QAction("&Highlight…", w)
        self.act_highlight.setShortcut(QKeySequence("H"))
        self.act_highlight.setStatusTip("Highlight the selected text and tag it")
        self.act_highlight.triggered.connect(self.highlight_selection)
        self.act_tags = QAction("&Tags…", w)
        self.act_tags.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.act_tags.setStatusTip("Rename, merge, recolour and delete tags")
        self.act_tags.triggered.connect(self.open_tag_manager)
        for a in (self.act_undo, self.act_redo, self.act_highlight, self.act_tags):
            w.addAction(a)

    def _connect(self) -> None:
        v = self.view
        v.highlightRequested.connect(self.highlight_selection)
        v.favouriteRequested.connect(self.apply_favourite)
        v.highlightClicked.connect(self.show_in_notes)
        v.editHighlightRequested.connect(self.edit)
        v.deleteHighlightRequested.connect(lambda hid: self.delete([hid]))
        v.promoteHighlightRequested.connect(self.promote)
        self.notes.editRequested.connect(self.edit)
        self.notes.deleteRequested.connect(self.delete)
        self.notes.promoteRequested.connect(self.promote)
        self.popup.saved.connect(self._popup_saved)
        self.service.changesMade.connect(self.window.apply_changes)
        self.service.failed.connect(self.window.tell)
        self.service.replayed.connect(self.show_change)
        self.service.tagsChanged.connect(
            lambda: self.window.settings.setValue("tags/pinned", self.service.pinned)
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.window
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            if is_redo_key(event):
                self.service.stack.redo()
                return True
            if is_undo_key(event):
                self.service.stack.undo()
                return True
        return super().eventFilter(watched, event)

    # -- making and changing highlights ----------------------------------------------------

    def highlight_selection(self) -> None:
        span = self.view.selected_span()
        article = self.view.article
        if span is None or article is None or self.window.article_id is None:
            self.window.tell("Select text in the reader first, then press H.")
            return
        self._pending = ("create", self.window.article_id, *span)
        quote = " ".join(article.text[span[0] : span[1]].split())
        if len(quote) > _EXCERPT:
            quote = quote[: _EXCERPT - 1] + "…"
        self.popup.open_at(
            self.view.selection_point(),
            f"Highlight “{quote}”",
            favourites=self.service.favourites(),
        )

    def apply_favourite(self, number: int) -> None:
        span = self.view.selected_span()
        favourites = self.service.favourites()
        if span is None or self.window.article_id is None:
            return
        if number > len(favourites):
            self.window.tell(f"No favourite tag {number} yet: tag a few highlights first.")
            return
        if self.service.create(self.window.article_id, *span, [favourites[number - 1]]):
            self._collapse_selection()
            self.window.statusBar().showMessage(f"Tagged “{favourites[number - 1]}”.", 3000)

    def _popup_saved(self, tags: list[str], note: str, color: object) -> None:
        pending, self._pending = self._pending, None
        if pending is None:
            return
        kind, ref, start, end = pending
        chosen = color if isinstance(color, str) else None
        if kind == "create":
            if self.service.create(ref, start, end, tags, note, chosen):
                self._collapse_selection()
        else:
            self.service.edit(ref, tags, note, chosen)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def edit(self, highlight_id: int) -> None:
        try:
            h = self.library.highlights.get(highlight_id)
        except MonitorDeskError as exc:
            self.window.tell(str(exc))
            return
        self._pending = ("edit", h.id, h.start, h.end)
        point = self._point_at(h)
        quote = " ".join(h.exact.split())
        quote = quote[: _EXCERPT - 1] + "…" if len(quote) > _EXCERPT else quote
        self.popup.open_at(
            point, f"Edit “{quote}”", h.tags, h.note, h.color, self.service.favourites()
        )

    def delete(self, highlight_ids: list[int]) -> None:
        if not highlight_ids:
            return
        stack = self.service.stack
        if len(highlight_ids) > 1:
            stack.beginMacro(f"Delete {len(highlight_ids)} Highlights")
        for hid in highlight_ids:
            self.service.delete(hid)
        if len(highlight_ids) > 1:
            stack.endMacro()

    def show_in_notes(self, highlight_id: int) -> None:
        self.window.side.setCurrentWidget(self.notes)
        if not self.notes.select_highlight(highlight_id):
            self.notes.tag_filter.clear()
            self.notes.text_filter.clear()
            self.notes.select_highlight(highlight_id)

    def show_change(self, article_id: int, highlight_id: int, start: int, end: int) -> None:
        """After an undo or redo: open its article if another is open (bringing the Notes
        tab forward), choose the highlight there when it still exists and bring its place
        in the text into view."""
        if article_id != self.window.article_id:
            self.window.bring_up(article_id)
            if article_id != self.window.article_id:
                return  # it could not be opened: the window said why
            self.window.side.setCurrentWidget(self.notes)
        if highlight_id and not self.notes.select_highlight(highlight_id):
            self.notes.tag_filter.clear()  # filtered out: show it all the same
            self.notes.text_filter.clear()
            self.notes.select_highlight(highlight_id)
        if end > start:
            self.view.scroll_to(start, end)

    def _collapse_selection(self) -> None:
        # The selection would hide the new highlight's colour: leave the caret at its end.
        cursor = self.view.textCursor()
        cursor.setPosition(cursor.selectionEnd())
        self.view.setTextCursor(cursor)

    def _point_at(self, h: Highlight) -> QPoint:
        if h.status != "anchored" or self.view.article is None:
            return self.notes.mapToGlobal(self.notes.rect().center())
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self.view.offsets.to_utf16(h.end))
        rect = self.view.cursorRect(cursor)
        return self.view.viewport().mapToGlobal(QPoint(rect.left(), rect.bottom() + 6))

    # -- tags ------------------------------------------------------------------------------

    def open_tag_manager(self) -> TagManager:
        if self.manager is None:
            self.manager = TagManager(self.service, self.window)
        self.manager.show()
        self.manager.raise_()
        return self.manager

    # -- claims ----------------------------------------------------------------------------

    def promote(self, highlight_id: int) -> ClaimDialog | None:
        """Ask who said the highlighted text (prefilled with a guess), then add the claim."""
        try:
            h = self.library.highlights.get(highlight_id)
        except MonitorDeskError as exc:
            self.window.tell(str(exc))
            return None
        if h.status != "anchored":
            self.window.tell("This highlight's text is no longer in the article.")
            return None
        speaker, cue = self.guess_speaker(h)
        dialog = ClaimDialog(h.exact, speaker, self.window)
        dialog.setWindowTitle("Promote highlight to claim")
        dialog.cue.setText(cue)
        dialog.accepted.connect(lambda: self._add_claim(h, dialog))
        self.claim_dialog = dialog
        dialog.open()
        return dialog

    def guess_speaker(self, h: Highlight) -> tuple[str, str]:
        """Speaker and cue: from an analysed claim over the highlight, else the nearest
        person named before it in its paragraph and the last reporting verb between."""
        for claim in self.view.marks.claims:
            if claim.content.start < h.end and h.start < claim.content.end:
                return claim.speaker_label, claim.cue.text
        article = self.view.article
        if article is None:
            return "", ""
        para = article.text.rfind("\n", 0, h.start) + 1
        people = [
            m
            for m in self.view.marks.entities
            if isinstance(m, EntityMention) and m.label == "PERSON" and para <= m.start < h.start
        ]
        if not people:
            return "", ""
        person = people[-1]
        verbs = list(_CUE.finditer(article.text, person.end, h.start))
        return person.cluster or person.text, verbs[-1].group(0) if verbs else ""

    def _add_claim(self, h: Highlight, dialog: ClaimDialog) -> None:
        claims = self.window.claims
        self.window.side.setCurrentWidget(claims)
        claims.edits.add(  # undoable; a refusal reaches the status bar through ``failed``
            h.article_id,
            (h.start, h.end),
            speaker_name=dialog.speaker.text(),
            cue_text=dialog.cue.text(),
            kind=dialog.kind.currentText(),
        )
