"""The highlight-and-tag workflow: H and the popup, favourite keys 1–9, editing,
deleting and promoting highlights, and the tag manager.

The window makes one ``HighlightFlow`` over the reader, the Notes and Claims tabs and the
``HighlightService`` (which holds the window's undo stack), and puts its actions in the
Edit menu. What a change means for the other panels is the window's business: it listens
to the service.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import QObject, QPoint, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from ..core.errors import MonitorDeskError
from ..core.models import EntityMention, Highlight
from .commands.highlight_commands import HighlightService
from .dialogs.claim_dialog import ClaimDialog
from .dialogs.tag_manager import TagManager
from .dialogs.tag_popup import TagPopup
from .panels.claims_panel import ClaimsPanel
from .panels.notes_panel import NotesPanel
from .preferences import PINNED
from .reader.reader_view import ReaderView

_CUE = re.compile(
    r"\b(said|says|told|tells|warned|warns|insisted|claimed|claims|stated|added|announced|"
    r"noted|argued|stressed|declared|asserted|hinted|suggested|reported|believes|thinks)\b"
)
_EXCERPT = 300  # the popup wraps the quote; only a very long one is cut
_TELL_MS = 8000


class HighlightFlow(QObject):
    """Attributes:
    service: the ``HighlightService`` (its ``stack`` is the window's undo stack).
    popup: the reused ``TagPopup``; manager: the ``TagManager`` once opened.
    act_highlight, act_tags: actions for the menus and toolbar.
    """

    def __init__(
        self,
        service: HighlightService,
        reader: ReaderView,
        notes: NotesPanel,
        claims: ClaimsPanel,
        settings: QSettings,
        show_message: Callable[[str, int], object],
        parent: QWidget,
    ) -> None:
        """``show_message(text, ms)`` is the status bar's; ``parent`` (the window) holds
        the actions, so their shortcuts work window-wide, and parents the dialogs."""
        super().__init__(parent)
        self.parent_widget = parent
        self.service = service
        self.library = service.library
        self.view = reader
        self.notes = notes
        self.claims = claims
        self.settings = settings
        self.show_message = show_message
        self.popup = TagPopup(self.service.tag_model, self.view)
        self.manager: TagManager | None = None
        self.claim_dialog: ClaimDialog | None = None
        # What the open popup will save: a new highlight (article id, span) or an edit
        # (highlight id, span).
        self._pending: tuple[Literal["create", "edit"], int, int, int] | None = None
        self.service.pinned = PINNED.read(settings)
        self._build_actions()
        self._connect()

    def _build_actions(self) -> None:
        w = self.parent_widget
        self.act_highlight = QAction("&Highlight…", w)
        self.act_highlight.setShortcut(QKeySequence("H"))
        self.act_highlight.setStatusTip("Highlight the selected text and tag it")
        self.act_highlight.triggered.connect(self.highlight_selection)
        self.act_tags = QAction("&Tags…", w)
        self.act_tags.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.act_tags.setStatusTip("Rename, merge, recolour and delete tags")
        self.act_tags.triggered.connect(self.open_tag_manager)
        w.addActions([self.act_highlight, self.act_tags])

    def _connect(self) -> None:
        v = self.view
        v.highlightRequested.connect(self.highlight_selection)
        v.favouriteRequested.connect(self.apply_favourite)
        v.editHighlightRequested.connect(self.edit)
        v.deleteHighlightRequested.connect(lambda hid: self.delete([hid]))
        v.promoteHighlightRequested.connect(self.promote)
        self.notes.editRequested.connect(self.edit)
        self.notes.deleteRequested.connect(self.delete)
        self.notes.promoteRequested.connect(self.promote)
        self.popup.saved.connect(self._popup_saved)
        self.service.failed.connect(self.tell)
        self.service.tagsChanged.connect(lambda: PINNED.write(self.settings, self.service.pinned))

    def tell(self, message: str) -> None:
        self.show_message(message, _TELL_MS)

    def _article_id(self) -> int | None:
        return self.view.article.id if self.view.article is not None else None

    # -- making and changing highlights ----------------------------------------------------

    def highlight_selection(self) -> None:
        span = self.view.selected_span()
        article = self.view.article
        if span is None or article is None:
            self.tell("Select text in the reader first, then press H.")
            return
        self._pending = ("create", article.id, *span)
        quote = excerpt(article.text[span[0] : span[1]])
        self.popup.open_at(
            self.view.selection_point(),
            f"Highlight “{quote}”",
            favourites=self.service.favourites(),
        )

    def apply_favourite(self, number: int) -> None:
        span = self.view.selected_span()
        favourites = self.service.favourites()
        article_id = self._article_id()
        if span is None or article_id is None:
            return
        if number > len(favourites):
            self.tell(f"No favourite tag {number} yet: tag a few highlights first.")
            return
        if self.service.create(article_id, *span, [favourites[number - 1]]):
            self.view.collapse_selection()
            self.show_message(f"Tagged “{favourites[number - 1]}”.", 3000)

    def _popup_saved(self, tags: list[str], note: str, color: object) -> None:
        pending, self._pending = self._pending, None
        if pending is None:
            return
        kind, ref, start, end = pending
        chosen = color if isinstance(color, str) else None
        if kind == "create":
            if self.service.create(ref, start, end, tags, note, chosen):
                self.view.collapse_selection()
        else:
            self.service.edit(ref, tags, note, chosen)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def edit(self, highlight_id: int) -> None:
        try:
            h = self.library.highlights.get(highlight_id)
        except MonitorDeskError as exc:
            self.tell(str(exc))
            return
        self._pending = ("edit", h.id, h.start, h.end)
        point = self._point_at(h)
        quote = excerpt(h.exact)
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

    def _point_at(self, h: Highlight) -> QPoint:
        if h.status != "anchored" or self.view.article is None:
            return self.notes.mapToGlobal(self.notes.rect().center())
        return self.view.point_below(h.end)

    # -- tags ------------------------------------------------------------------------------

    def open_tag_manager(self) -> TagManager:
        if self.manager is None:
            self.manager = TagManager(self.service, self.parent_widget)
        self.manager.show()
        self.manager.raise_()
        return self.manager

    # -- claims ----------------------------------------------------------------------------

    def promote(self, highlight_id: int) -> ClaimDialog | None:
        """Ask who said the highlighted text (prefilled with a guess), then add the claim."""
        try:
            h = self.library.highlights.get(highlight_id)
        except MonitorDeskError as exc:
            self.tell(str(exc))
            return None
        if h.status != "anchored":
            self.tell("This highlight's text is no longer in the article.")
            return None
        speaker, cue = self.guess_speaker(h)
        dialog = ClaimDialog(h.exact, speaker, self.parent_widget)
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
        # Undoable; a refusal reaches the status bar through the Claims tab's ``failed``.
        self.claims.add_claim(h.article_id, (h.start, h.end), dialog)


def excerpt(text: str) -> str:
    """The quote for the popup's title: whitespace folded; a very long one cut at a word."""
    quote = " ".join(text.split())
    if len(quote) <= _EXCERPT:
        return quote
    cut = quote[: _EXCERPT - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > _EXCERPT // 2 else cut) + " …"
