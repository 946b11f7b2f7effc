"""The Claims tab: who said what in the open article, graded for credibility.

The analyst corrects what the extractor got wrong: the speaker's name, the kind and the
grade in the table; the speaker, cue and content spans from the reader ("Set … to
Selection": choose the claim here, select the words in the text, press the button, the
context menu's entry or the shortcut). Every change — inline edits, span corrections,
adding and deleting — is an undo command (``claim_commands``) on the window's undo stack.
On a re-analysis an extracted claim is found afresh; one the analyst graded or corrected
keeps the grade and corrections (``core.claims.carry``), but the undo of changes made to an
extracted claim before the re-analysis is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ...core.claims import CREDIBILITY, ClaimPart, StoredClaim
from ...core.library import Library
from ...core.models import ClaimKind
from ..commands.claim_commands import ClaimEdits
from ..dialogs.claim_dialog import ClaimDialog
from ..widgets.columns import allow_column_choice, fit_to_headers
from ..widgets.delegates import GradeDelegate
from ..widgets.row_table import row_table
from .claims_model import (
    CITATION,
    CONTENT,
    CREDIBILITY_COL,
    KIND,
    ClaimsModel,
)

SelectionProvider = Callable[[], "tuple[int, int, int] | None"]
"""Returns (article id, start, end) of the reader's selection, or None."""

SPAN_ACTIONS: tuple[tuple[ClaimPart, str, str, str], ...] = (
    ("speaker", "Set &Speaker to Selection", "Set speaker", "Ctrl+Shift+S"),
    ("cue", "Set Cu&e to Selection", "Set cue", "Ctrl+Shift+R"),  # R: reporting verb
    ("content", "Set C&ontent to Selection", "Set content", "Ctrl+Shift+C"),
)
"""(part, menu text, button text, shortcut) of the span corrections."""

NO_CLAIMS = (
    "No claims found in this article. To add one, select what was said in the text and "
    "click Add from selection."
)


class ClaimsPanel(QWidget):
    """Signals:
    claimSelected(int, int): code-point span of the selected claim (to scroll the reader).
    claimsChanged(): a claim was edited in the table outside ``edits`` (the reader
        repaints); changes through ``edits`` reach the window as ``changesMade``.
    raiseRequested(): an added claim is on its way: bring this tab forward.
    failed(str): a message for the user.
    notice(str): what a correction did, for the status bar.

    Attributes:
        edits: the ``ClaimEdits`` every change goes through (undo commands).
        span_actions: the "Set speaker/cue/content to selection" actions by part; the
            window adds them to its menu so their shortcuts work from the reader.
    """

    claimSelected = Signal(int, int)
    claimsChanged = Signal()
    raiseRequested = Signal()
    failed = Signal(str)
    notice = Signal(str)

    def __init__(
        self,
        library: Library,
        selection: SelectionProvider,
        stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        """``stack``: the window's undo stack, which claim changes share with highlights."""
        super().__init__(parent)
        self.setObjectName("claimsPanel")
        self.library = library
        self.selection = selection
        self.edits = ClaimEdits(library, stack, self)
        self.model = ClaimsModel(library, self)
        self.model.editor = self.edits.edit
        self.table = row_table(self, self.model, "claimsView", editable=True)
        self.table.setWordWrap(True)
        grades = [(None, "— not graded")] + [(k, f"{k} {v}") for k, v in CREDIBILITY.items()]
        self.table.setItemDelegateForColumn(CREDIBILITY_COL, GradeDelegate(grades, self.table))
        kinds = [(k, k) for k in ("direct", "indirect", "mixed")]
        self.table.setItemDelegateForColumn(KIND, GradeDelegate(kinds, self.table))
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(40)
        # Sortable by any column; at first (indicator on no column) in text order.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        # The content takes what is left; the narrow columns fit their headers (names and
        # long cues wrap or elide; the chosen claim's detail below says them whole).
        samples = {KIND: "indirect", CITATION: "Interfax, May 13"}
        fit_to_headers(self.table, CONTENT, samples)
        # Wrapped rows are measured again when a column changes width (the window or a
        # dragged column narrows the content): once, after the last change.
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._refit.start(0))
        # The side panel is narrow: kind and citation show below the table for the chosen
        # claim; the header's context menu brings the columns back.
        allow_column_choice(self.table, hidden=(KIND, CITATION))
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.clicked.connect(lambda i: self._row_changed(i, QModelIndex()))

        self.detail = QLabel(self)
        self.detail.setObjectName("claimDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel(self)
        self.add_button = QPushButton("Add from selection", self)
        self.add_button.setToolTip("Select the claim's content in the text, then click here")
        self.delete_button = QPushButton("Delete", self)
        self.delete_button.setEnabled(False)
        self.add_button.clicked.connect(self.add_from_selection)
        self.delete_button.clicked.connect(self.delete_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        self.span_actions: dict[ClaimPart, QAction] = {}
        self.toolbar = QToolBar("Correct claim", self)
        self.toolbar.setObjectName("claimsToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addWidget(QLabel("From the selected text:", self.toolbar))
        for part, text, short, keys in SPAN_ACTIONS:
            act = QAction(text, self)
            act.setIconText(short)
            act.setShortcut(QKeySequence(keys))
            what = "cue (reporting verb)" if part == "cue" else part
            tip = f"Make the text selected in the reader the chosen claim's {what} ({keys})"
            act.setToolTip(tip)
            act.setStatusTip(tip)
            act.setEnabled(False)
            act.triggered.connect(lambda _=False, p=part: self.set_span_from_selection(p))
            self.span_actions[part] = act
            self.toolbar.addAction(act)
        self.addActions(list(self.span_actions.values()))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.table_menu = QMenu(self)
        self.table_menu.addActions(list(self.span_actions.values()))
        self.table_menu.addSeparator()
        self.act_delete = self.table_menu.addAction("&Delete Claim")
        self.act_delete.triggered.connect(self.delete_current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.toolbar)
        layout.addLayout(buttons)
        self.model.failed.connect(self.failed)
        self.model.changed.connect(self.claimsChanged)
        self.model.modelReset.connect(self._update_summary)
        self.edits.changed.connect(self._claims_changed)
        self.edits.failed.connect(self.failed)
        self.dialog: ClaimDialog | None = None

    def load(self, article_id: int | None, claims: list[StoredClaim] | None = None) -> None:
        """Show the article's claims (``claims`` when the caller has just read them)."""
        self.model.load(article_id, claims)
        self.table.resizeRowsToContents()

    def _update_summary(self) -> None:
        n, hidden = self.model.rowCount(), self.model.hidden
        text = f"{n} claim{'s' if n != 1 else ''}"
        if hidden:  # nothing leaves the list unsaid
            text += f" · {hidden} low-confidence claim{'s' if hidden != 1 else ''} hidden"
        self.summary.setText(text)
        self.delete_button.setEnabled(False)
        # A reset (another article, or a reload) leaves no claim chosen and Qt says nothing
        # of it: the detail must not go on describing the previous article's claim.
        claim = self.current_claim()
        self.detail.setText(claim_detail(claim) if claim else self._empty_text(n + hidden))
        self.update_actions()

    def _empty_text(self, claims: int) -> str:
        """What the blank table means (none found, not none loaded) and how to add one."""
        if claims or self.model.article_id is None:
            return ""
        return NO_CLAIMS

    def current_claim(self) -> StoredClaim | None:
        index = self.table.currentIndex()
        return self.model.claim(index.row()) if index.isValid() else None

    def update_actions(self) -> None:
        """Enable the span corrections only with a claim chosen and text selected in it."""
        sel = self.selection()
        ready = (
            self.current_claim() is not None
            and sel is not None
            and sel[0] == self.model.article_id
            and sel[2] > sel[1]
        )
        for act in self.span_actions.values():
            act.setEnabled(ready)

    def set_span_from_selection(self, part: ClaimPart) -> None:
        """Move the chosen claim's ``part`` to the reader's selection, then repaint."""
        claim = self.current_claim()
        sel = self.selection()
        if claim is None or sel is None or sel[0] != self.model.article_id:
            self.failed.emit(f"Choose a claim, then select its {part} in the text.")
            return
        new = self.edits.set_span(claim.id, part, (sel[1], sel[2]))
        if new is None:
            return  # refused: ``failed`` told the user why
        shown = {"speaker": new.speaker, "cue": new.cue, "content": new.content}[part]
        text = shown.text if shown is not None else ""
        short = text if len(text) <= 60 else text[:57] + "…"
        self.notice.emit(f"Claim {part} set to “{short}” ({new.kind}).")

    def _claims_changed(self, article_id: int, claim_id: int) -> None:
        """After a change, undo or redo (the window has reloaded this tab from what the
        change wrote, ``edits.changesMade``): choose the claim."""
        if article_id != self.model.article_id:
            self.notice.emit("The claim change was in another article; open it to see it.")
            return
        row = next((i for i, c in enumerate(self.model.claims) if c.id == claim_id), -1)
        if row >= 0:
            self.select_row(row)

    def _table_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid() and index.row() != self.table.currentIndex().row():
            self.select_row(index.row())
        self.update_actions()
        self.act_delete.setEnabled(self.current_claim() is not None)
        self.table_menu.popup(self.table.viewport().mapToGlobal(pos))

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)
        self._row_changed(self.model.index(row, 0), QModelIndex())

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        claim = self.model.claim(current.row()) if current.isValid() else None
        self.delete_button.setEnabled(claim is not None)
        self.update_actions()
        self.detail.setText(claim_detail(claim) if claim else "")
        if claim is not None:
            start = min(
                claim.content.start,
                claim.cue.start,
                *([claim.speaker.start] if claim.speaker else []),
            )
            self.claimSelected.emit(start, max(claim.content.end, claim.cue.end))

    def delete_current(self) -> None:
        claim = self.model.claim(self.table.currentIndex().row())
        if claim is None:
            return
        self.edits.delete(claim.id)

    def add_from_selection(self) -> None:
        sel = self.selection()
        if sel is None or sel[0] != self.model.article_id:
            self.failed.emit("Select the claim's content in the text first.")
            return
        article_id, start, end = sel
        text = self.library.articles.get(article_id).text[start:end]
        self.dialog = ClaimDialog(text, parent=self)
        self.dialog.accepted.connect(lambda: self._add(article_id, start, end))
        self.dialog.open()

    def _add(self, article_id: int, start: int, end: int) -> None:
        assert self.dialog is not None
        self.add_claim(article_id, (start, end), self.dialog)

    def add_claim(self, article_id: int, content: tuple[int, int], dialog: ClaimDialog) -> None:
        """Add the claim an accepted ``dialog`` describes over ``content`` (undoable)."""
        self.raiseRequested.emit()
        self.edits.add(
            article_id,
            content,
            speaker_name=dialog.speaker.text(),
            cue_text=dialog.cue.text(),
            kind=cast(ClaimKind, dialog.kind.currentText()),  # the dialog offers only kinds
        )


def claim_detail(c: StoredClaim) -> str:
    who = c.speaker_label or "Unknown speaker"
    line = (
        f"{who} {c.cue.text} ({c.kind} quote)"
        if c.kind != "indirect"
        else (f"{who} {c.cue.text} (reported speech)")
    )
    if c.citation is not None:
        line += f"\nSource: {c.citation.text}"
    grade = f"{c.credibility} {CREDIBILITY[c.credibility]}" if c.credibility else "not graded"
    line += f"\nCredibility: {grade}" + ("  ·  added by you" if c.origin == "user" else "")
    if c.origin != "user":
        scored = f"{c.confidence:.2f}" if c.confidence is not None else "not scored"
        line += f"  ·  confidence {scored}"
    return line
