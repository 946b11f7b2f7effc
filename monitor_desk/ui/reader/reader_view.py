"""The reader's text: an article with its marks (the pane around it is ``reader_pane``).

The text is plain text (``setPlainText``): markup in an article shows literally, links are
not followed and nothing loads resources. Marks are character formats (see
``reader_format``); a flash is an extra selection, so it never touches the document.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QToolTip, QWidget

from ...core.claims import ClaimPart, StoredClaim
from ...core.models import Analysis, Article, EntityMention, Highlight
from ..widgets.palette import HIDDEN_BY_DEFAULT, mix
from .entity_menu import add_correction_entries
from .reader_format import apply_formats
from .reader_marks import ArticleMarks, Mark, entity_at, marks_at, title_span, tooltip
from .reader_outline import paint_outlines
from .text_offsets import OffsetMap, document_text

DEFAULT_POINT_SIZE = 12.0
_UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
MAX_TEXT_WIDTH_EM = 38  # ~70 characters a line: long lines tire the eye
FLASH_MS = 1200


class ReaderView(QTextBrowser):
    """The article text.

    Signals:
        entityClicked(str, str): cluster and label of a clicked entity.
        addClaimRequested(): "Add claim from selection" was chosen in the context menu.
        highlightRequested(): ``H`` or "Highlight…" with text selected.
        favouriteRequested(int): key ``1``–``9`` with text selected (the key's number).
        highlightClicked(int): a click on a highlight (its id).
        editHighlightRequested(int), deleteHighlightRequested(int),
        promoteHighlightRequested(int): chosen in a highlight's context menu.
        correctionRequested(str, str, str): an entity correction chosen in the context menu
            (kind, name, target; see reader/entity_menu.py).

    Attributes:
        claim_span_actions: the Claims tab's "Set speaker/cue/content to selection" actions
            by part; the context menu offers them while they are enabled (a claim chosen
            and text selected).
    """

    entityClicked = Signal(str, str)
    addClaimRequested = Signal()
    highlightRequested = Signal()
    favouriteRequested = Signal(int)
    highlightClicked = Signal(int)
    editHighlightRequested = Signal(int)
    deleteHighlightRequested = Signal(int)
    promoteHighlightRequested = Signal(int)
    correctionRequested = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setMouseTracking(True)
        # Keyboard selection (Shift+arrows) too: highlighting must work without a mouse.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.article: Article | None = None
        self.marks = ArticleMarks()
        self.hidden: set[str] = set(HIDDEN_BY_DEFAULT)
        self.tag_colors: dict[str, str] = {}
        self.point_size = DEFAULT_POINT_SIZE
        self.font_family, self.text_width_em = "", float(MAX_TEXT_WIDTH_EM)  # Preferences
        self.offsets = OffsetMap("")
        self.claim_span_actions: dict[ClaimPart, QAction] = {}
        self._mark_list: list[Mark] = []
        self._title_span: tuple[int, int] | None = None
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(lambda: self.setExtraSelections([]))

    # -- content ---------------------------------------------------------------------------

    def show_article(
        self,
        article: Article | None,
        analysis: Analysis | None = None,
        claims: list[StoredClaim] | None = None,
        highlights: list[Highlight] | None = None,
        keep_scroll: bool = False,
    ) -> None:
        scroll = self.verticalScrollBar().value()
        self.article = article
        self.marks = ArticleMarks(
            entities=list(analysis.entities) if analysis else [],
            claims=list(claims or []),
            citations=list(analysis.citations) if analysis else [],
            highlights=list(highlights or []),
        )
        self._mark_list = self.marks.marks()
        text = article.text if article else ""
        self.offsets = OffsetMap(text)
        self._title_span = title_span(article) if article else None
        self.setExtraSelections([])
        self.setPlainText(document_text(text))
        self.repaint_marks()
        self.verticalScrollBar().setValue(scroll if keep_scroll else 0)

    def title_in_text(self) -> bool:
        return self._title_span is not None

    def repaint_marks(self) -> None:
        if self.article is None:
            return
        apply_formats(
            self.document(),
            len(self.article.text),
            self.offsets,
            self.marks,
            self.article.body_start,
            self._title_span,
            self.hidden,
            self.tag_colors,
            self.palette(),
            self.point_size,
            self.font_family,
        )
        self._fit_margins()

    def set_marks(
        self, highlights: list[Highlight] | None = None, claims: list[StoredClaim] | None = None
    ) -> None:
        """Repaint with the highlights or claims as now stored, keeping the scroll position."""
        self.marks.highlights = self.marks.highlights if highlights is None else list(highlights)
        self.marks.claims = self.marks.claims if claims is None else list(claims)
        scroll = self.verticalScrollBar().value()
        self._mark_list = self.marks.marks()
        self.repaint_marks()
        self.verticalScrollBar().setValue(scroll)

    def highlight_at(self, pos: int) -> Highlight | None:
        """The highlight under code point ``pos``; of overlapping ones the shortest."""
        here = [
            m.payload for m in marks_at(self._mark_list, pos) if isinstance(m.payload, Highlight)
        ]
        return min(here, key=lambda h: (h.end - h.start, -h.id)) if here else None

    def selection_point(self) -> QPoint:
        """Global point just below the selection's end (or the caret), for a popup."""
        rect = self.cursorRect(self.textCursor())
        return self.viewport().mapToGlobal(QPoint(rect.left(), rect.bottom() + 6))

    def point_below(self, pos: int) -> QPoint:
        """Global point just below code point ``pos``, for a popup about the text there."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_utf16(pos))
        rect = self.cursorRect(cursor)
        return self.viewport().mapToGlobal(QPoint(rect.left(), rect.bottom() + 6))

    def collapse_selection(self) -> None:
        """Leave the caret at the selection's end (a selection hides the marks under it)."""
        cursor = self.textCursor()
        cursor.setPosition(cursor.selectionEnd())
        self.setTextCursor(cursor)

    def set_type_visible(self, label: str, visible: bool) -> None:
        (self.hidden.discard if visible else self.hidden.add)(label)
        self.repaint_marks()

    # -- positions -------------------------------------------------------------------------

    def selected_span(self) -> tuple[int, int] | None:
        """The selection in code points, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self.offsets.to_code_point(cursor.selectionStart())
        end = self.offsets.to_code_point(cursor.selectionEnd())
        return (start, end) if end > start else None

    def position_at(self, point: QPoint) -> int | None:
        """Code point offset of the character under a viewport point, or None."""
        doc_point = QPointF(
            point.x() + self.horizontalScrollBar().value(),
            point.y() + self.verticalScrollBar().value(),
        )
        pos = self.document().documentLayout().hitTest(doc_point, Qt.HitTestAccuracy.ExactHit)
        return None if pos < 0 else self.offsets.to_code_point(pos)

    def scroll_to(self, start: int, end: int, flash: bool = True) -> None:
        """Bring ``text[start:end]`` (code points) into view, a third from the top."""
        a, b = self.offsets.span_to_utf16(start, end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(a)
        # The caret goes there too (no selection: it would hide the marks), so keyboard
        # selection and "what is current" start from what the analyst just chose.
        self.setTextCursor(cursor)
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self.viewport().height() // 3)
        if flash:
            self.flash(start, end)

    def flash(self, start: int, end: int) -> None:
        a, b = self.offsets.span_to_utf16(start, end)
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor  # type: ignore[attr-defined]
        fmt = selection.format  # type: ignore[attr-defined]
        base = self.palette().color(QPalette.ColorRole.Base)
        accent = self.palette().color(QPalette.ColorRole.Highlight)
        fmt.setBackground(mix(base, accent, 0.45))
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
        selection.format = fmt  # type: ignore[attr-defined]
        self.setExtraSelections([selection])
        self._flash_timer.start(FLASH_MS)

    def flashed_span(self) -> tuple[int, int] | None:
        """What is flashing now (code points), for tests and accessibility."""
        selections = self.extraSelections()
        if not selections:
            return None
        cursor = selections[0].cursor  # type: ignore[attr-defined]  # a field the stubs lack
        return (
            self.offsets.to_code_point(cursor.selectionStart()),
            self.offsets.to_code_point(cursor.selectionEnd()),
        )

    # -- zoom and layout -------------------------------------------------------------------

    def zoom_by(self, step: float) -> None:
        self.point_size = min(28.0, max(8.0, self.point_size + step))
        self.repaint_marks()

    def zoom_reset(self) -> None:
        self.point_size = DEFAULT_POINT_SIZE
        self.repaint_marks()

    def set_reading(self, family: str, point_size: float, width_em: float) -> None:
        """The analyst's font, size and text column width (Edit ▸ Preferences…)."""
        self.font_family, self.text_width_em = family, max(16.0, width_em)
        self.zoom_by(point_size - self.point_size)  # clamped; repaints and refits

    def _fit_margins(self) -> None:
        # Centre a column of text_width_em; the frame's margins keep the base colour around.
        em = (
            self.fontMetrics().horizontalAdvance("M")
            * self.point_size
            / max(1.0, self.font().pointSizeF())
        )
        width = self.viewport().width()
        side = max(24, int((width - self.text_width_em * em) / 2))
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        if int(fmt.leftMargin()) != side:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            fmt.setTopMargin(16)
            fmt.setBottomMargin(48)
            frame.setFrameFormat(fmt)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_margins()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        paint_outlines(self, self.marks.highlights, self.offsets, self.tag_colors, event.rect())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.repaint_marks()  # tints are mixed from the palette: recompute them

    # -- mouse -----------------------------------------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            pos = self.position_at(event.pos())
            pages = self.article.page_starts if self.article is not None else ()
            text = tooltip(self._mark_list, pos, self.hidden, pages) if pos is not None else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton:
            pos = self.position_at(event.position().toPoint())
            over = pos is not None and entity_at(self._mark_list, pos, self.hidden) is not None
            shape = Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.IBeamCursor
            self.viewport().setCursor(shape)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # The window's "Highlight…" action has the H shortcut; this catches the key when
        # shortcuts do not fire (window not active). Digits apply favourite tags.
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if any(event.matches(k) for k in _UNDO_KEYS) or (
            ctrl and event.key() in (Qt.Key.Key_Z, Qt.Key.Key_Y)
        ):
            event.ignore()  # read-only text has no undo: the window's stack takes it
            return
        if plain and event.key() == Qt.Key.Key_H:
            self.highlightRequested.emit()
            return
        if plain and Qt.Key.Key_1 <= event.key() <= Qt.Key.Key_9:
            if self.textCursor().hasSelection():
                self.favouriteRequested.emit(event.key() - Qt.Key.Key_0)
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        pos = self.position_at(event.position().toPoint())
        highlight = self.highlight_at(pos) if pos is not None else None
        if highlight is not None:
            self.highlightClicked.emit(highlight.id)
            return
        entity = entity_at(self._mark_list, pos, self.hidden) if pos is not None else None
        if entity is not None:
            self.entityClicked.emit(entity.cluster, entity.label)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def context_menu(self, point: QPoint) -> QMenu:
        """The context menu for a right-click at ``point`` (viewport coordinates)."""
        menu = self.createStandardContextMenu(point)
        menu.addSeparator()
        selected = self.textCursor().hasSelection()
        mark = menu.addAction("Highlight…")
        mark.setShortcut(QKeySequence("H"))
        mark.setEnabled(selected)
        mark.triggered.connect(self.highlightRequested)
        add = menu.addAction("Add Claim from Selection…")
        add.setEnabled(selected)
        add.triggered.connect(self.addClaimRequested)
        ready = [a for a in self.claim_span_actions.values() if a.isEnabled()]
        if selected and ready:
            menu.addSeparator()
            for act in ready:  # "Set &Speaker to Selection" → "Set Claim &Speaker to Selection"
                entry = menu.addAction(act.text().replace("Set ", "Set Claim ", 1))
                entry.setShortcut(act.shortcut())
                entry.setToolTip(act.toolTip())
                entry.triggered.connect(act.trigger)
        pos = self.position_at(point)
        highlight = self.highlight_at(pos) if pos is not None else None
        if highlight is not None:
            hid = highlight.id
            menu.addSeparator()
            menu.addAction("Edit Highlight…").triggered.connect(
                lambda: self.editHighlightRequested.emit(hid)
            )
            menu.addAction("Promote Highlight to Claim…").triggered.connect(
                lambda: self.promoteHighlightRequested.emit(hid)
            )
            menu.addAction("Delete Highlight").triggered.connect(
                lambda: self.deleteHighlightRequested.emit(hid)
            )
        entity = self.entity_under(pos) if pos is not None else None
        if entity is not None:
            show = menu.addAction(f"Show Mentions of “{entity.cluster}”")
            show.triggered.connect(lambda: self.entityClicked.emit(entity.cluster, entity.label))
        selection = self.textCursor().selectedText() if selected else ""
        add_correction_entries(menu, entity, selection, self.correctionRequested.emit)
        return menu

    def entity_under(self, pos: int) -> EntityMention | None:
        return entity_at(self._mark_list, pos, self.hidden)
