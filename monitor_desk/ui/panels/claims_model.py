"""The claims of one article as a table model (speaker and kind editable, credibility graded)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from ...core.claims import CREDIBILITY, StoredClaim
from ...core.claims.model import shown_confidence
from ...core.errors import MonitorDeskError
from ...core.library import Library
from ..commands.claim_commands import ClaimField
from ..widgets.confidence import ConfidenceView, confidence_tip, muted_colour
from ..widgets.delegates import GradeRole
from ..widgets.table_model import GRADE_HEADERS, ColumnsTableModel

COLUMNS = ("Speaker", "Cue", "Content", "Kind", "Citation", "Credibility", "Confidence")
SPEAKER, CUE, CONTENT, KIND, CITATION, CREDIBILITY_COL, CONFIDENCE_COL = range(7)
ClaimRole = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex
ClaimEditor = Callable[[int, ClaimField, Any], bool]
"""(claim id, field, value) → done: makes an inline edit (the Claims tab's undoable one)."""


class ClaimsModel(ColumnsTableModel):
    """Signals:
    failed(str): an edit was refused by the library (message for the user).
    changed(): a claim was edited, graded, added or deleted.

    Attributes:
        editor: when set, inline edits go through it (and it refreshes the table and
            reports errors); otherwise they are written to the library directly.
        confidence: the analyst's threshold and what to do below it (Preferences).
        hidden: how many low-confidence claims the list leaves out (``hidden`` mode).
        sorted_by: (column, order) the rows are sorted by; column -1 = text order.
    """

    columns = COLUMNS
    short = GRADE_HEADERS

    failed = Signal(str)
    changed = Signal()

    def __init__(self, library: Library, parent: Any = None) -> None:
        super().__init__(parent)
        self.library = library
        self.article_id: int | None = None
        self.claims: list[StoredClaim] = []
        self.editor: ClaimEditor | None = None
        self.confidence = ConfidenceView()
        self.hidden = 0
        self.sorted_by: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._all: list[StoredClaim] = []

    def load(self, article_id: int | None, claims: list[StoredClaim] | None = None) -> None:
        """Show the article's claims (``claims`` when the caller has just read them)."""
        self.beginResetModel()
        self.article_id = article_id
        if claims is None:
            claims = self.library.claims.list(article_id) if article_id is not None else []
        self._all = list(claims)
        self._arrange()
        self.endResetModel()

    @property
    def all_claims(self) -> list[StoredClaim]:
        """Every claim of the article, those hidden from the list too (the reader marks
        them all)."""
        return self._all

    def set_confidence(self, view: ConfidenceView) -> None:
        """Mute or hide the claims below ``view.threshold`` from now on."""
        self.beginResetModel()
        self.confidence = view
        self._arrange()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.beginResetModel()
        self.sorted_by = (column, order)
        self._arrange()
        self.endResetModel()

    def is_low(self, c: StoredClaim) -> bool:
        return self.confidence.is_low(c.confidence, c.vouched)

    def _arrange(self) -> None:
        shown = [c for c in self._all if not (self.confidence.hides and self.is_low(c))]
        self.hidden = len(self._all) - len(shown)
        column, order = self.sorted_by
        if 0 <= column < len(COLUMNS):  # else text order, as listed
            shown.sort(key=lambda c: _sort_key(c, column))
            if order == Qt.SortOrder.DescendingOrder:
                shown.reverse()
        self.claims = shown

    def reload(self) -> None:
        self.load(self.article_id)

    def claim(self, row: int) -> StoredClaim | None:
        return self.claims[row] if 0 <= row < len(self.claims) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.claims)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.claims):
            return None
        c = self.claims[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return _cell(c, col, edit=role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.ForegroundRole and self.is_low(c):
            return muted_colour()
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == CONFIDENCE_COL:
                return confidence_tip(c.confidence, c.origin, self.confidence, self.is_low(c))
            if col == CREDIBILITY_COL:
                meaning = CREDIBILITY[c.credibility] if c.credibility else "not graded"
                scale = "Admiralty scale: 1 confirmed … 6 cannot be judged"
                return f"{meaning}. {scale}.\nDouble-click to grade."
            return f"{c.speaker_label or 'Unknown'} {c.cue.text}: {c.content.text}"
        if role == GradeRole and col == CREDIBILITY_COL:
            return c.credibility
        if role == GradeRole and col == KIND:
            return c.kind
        if role == ClaimRole:
            return c
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in (SPEAKER, KIND, CREDIBILITY_COL):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        claim = self.claim(index.row()) if index.isValid() else None
        if claim is None:
            return False
        col = index.column()
        field: ClaimField
        if col == CREDIBILITY_COL and role in (GradeRole, Qt.ItemDataRole.EditRole):
            field, new = "credibility", value
        elif col == SPEAKER and role == Qt.ItemDataRole.EditRole:
            field, new = "speaker_name", str(value)
        elif col == KIND and role in (GradeRole, Qt.ItemDataRole.EditRole):
            field, new = "kind", str(value).strip().lower()
        else:
            return False
        if self.editor is not None:  # the undoable path: the editor reloads the table
            return self.editor(claim.id, field, new)
        try:
            if field == "credibility":
                self.library.claims.set_credibility(claim.id, new)
            else:
                self.library.claims.update(claim.id, **{field: new})
        except MonitorDeskError as exc:
            self.failed.emit(str(exc))
            return False
        self.claims[index.row()] = self.library.claims.get(claim.id)
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(COLUMNS) - 1))
        self.changed.emit()
        return True


def _sort_key(c: StoredClaim, col: int) -> tuple[Any, ...]:
    if col == CONFIDENCE_COL:  # the analyst's claims above every score, unscored below
        rank = 2.0 if c.origin == "user" else (c.confidence if c.confidence is not None else -1)
        return (rank, c.content.start)
    if col == CREDIBILITY_COL:
        return (c.credibility or 7, c.content.start)
    return (str(_cell(c, col, edit=False)).lower(), c.content.start)


def _cell(c: StoredClaim, col: int, edit: bool) -> Any:
    if col == SPEAKER:
        return c.speaker_label
    if col == CUE:
        return c.cue.text
    if col == CONTENT:  # a claim across a wrapped line reads as one line, as in the reader
        return " ".join(c.content.text.split())
    if col == KIND:
        return c.kind
    if col == CITATION:
        return " ".join(c.citation.text.strip("()").split()) if c.citation else ""
    if col == CREDIBILITY_COL:
        if c.credibility is None:
            return "" if edit else "—"
        return str(c.credibility) if not edit else f"{c.credibility} {CREDIBILITY[c.credibility]}"
    if col == CONFIDENCE_COL:
        return shown_confidence(c.confidence, c.origin) or "—"
    return None
