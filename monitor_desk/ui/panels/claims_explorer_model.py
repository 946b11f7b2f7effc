"""The library-wide Claims view's table: a model over ``lib.claim_views`` that holds the
exact count and fetches rows by position, a page of 200 at a time (a few pages cached), so
it opens at once over any number of claims. Sorted by date only: oldest or newest first,
claims of undated articles after the dated ones either way."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from ...core.claims.model import CREDIBILITY, shown_confidence
from ...core.library import Library
from ...core.views.claim_query import ClaimFilter
from ...core.views.claim_rows import ClaimCount, ClaimRow
from ..widgets.confidence import ConfidenceView, confidence_tip, muted_colour
from ..widgets.table_model import ColumnsTableModel

COLUMNS = ("Date", "Speaker", "Cue", "Content", "Kind", "Outlet(s)", "Credibility", "Article",
           "Confidence")  # fmt: skip
CONFIDENCE_COL = 8
PAGE = 200
CACHE_PAGES = 20

_Index = QModelIndex | QPersistentModelIndex


class ClaimsExplorerModel(ColumnsTableModel):
    """Claims of the whole library under ``filter``.

    Attributes:
        filter: the ``ClaimFilter`` in force; counted: its exact ``ClaimCount``;
        descending: newest first.
        confidence: the analyst's threshold: claims below it are greyed (muted even in
            ``hidden`` mode: this view is counted and paged in SQL by date, and a claim
            left out of it would change its exact count).
    """

    columns = COLUMNS

    def __init__(self, library: Library, parent: Any = None) -> None:
        super().__init__(parent)
        self.library = library
        self.filter = ClaimFilter()
        self.descending = False
        self.counted = ClaimCount(0, 0)
        self.confidence = ConfidenceView()
        self._pages: dict[int, list[ClaimRow]] = {}

    def set_filter(self, f: ClaimFilter, counted: ClaimCount | None = None) -> None:
        """Show the claims ``f`` finds (``counted``: their count, when already known)."""
        self.filter = f
        self.refresh(counted)

    def set_confidence(self, view: ConfidenceView) -> None:
        self.confidence = view
        if self.counted.total:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.counted.total - 1, len(COLUMNS) - 1)
            )

    def _low(self, c: ClaimRow) -> bool:
        vouched = c.origin == "user" or c.credibility is not None
        return self.confidence.is_low(c.confidence, vouched)

    def refresh(self, counted: ClaimCount | None = None) -> None:
        self.beginResetModel()
        self._pages.clear()
        self.counted = counted or self.library.claim_views.count(self.filter)
        self.endResetModel()

    def claim(self, row: int) -> ClaimRow | None:
        if not 0 <= row < self.counted.total:
            return None
        number = row // PAGE
        page = self._pages.get(number)
        if page is None:
            if len(self._pages) >= CACHE_PAGES:
                self._pages.pop(next(iter(self._pages)))
            page = self.library.claim_views.page(
                self.filter, number * PAGE, PAGE, self.descending, self.counted
            )
            self._pages[number] = page
        offset = row - number * PAGE
        return page[offset] if offset < len(page) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.counted.total

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c = self.claim(index.row())
        if c is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(c, col)
        if role == Qt.ItemDataRole.ForegroundRole and self._low(c):
            return muted_colour()
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == CONFIDENCE_COL:
                return confidence_tip(c.confidence, c.origin, self.confidence, self._low(c))
            if col == 3:
                return c.content
            if col == 0 and not c.date:
                return "Undated article: listed after the dated ones."
            if col == 6 and c.credibility:
                return CREDIBILITY[c.credibility]
            if col == 7:
                return c.title
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        if column != 0 or descending == self.descending:
            return
        self.descending = descending
        self.refresh(self.counted)  # the same claims in the other order


def _display(c: ClaimRow, col: int) -> str:
    if col == 0:
        return c.shown_date or "undated"
    if col == 1:
        return c.speaker_name
    if col == 2:
        return c.cue
    if col == 3:
        return " ".join(c.content.split())
    if col == 4:
        return c.kind
    if col == 5:
        return ", ".join(c.outlets)
    if col == 6:
        return f"{c.credibility} {CREDIBILITY[c.credibility]}" if c.credibility else "—"
    if col == CONFIDENCE_COL:
        return shown_confidence(c.confidence, c.origin) or "—"
    return c.title
