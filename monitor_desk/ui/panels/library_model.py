"""The library list: a table model over article ids, rows fetched lazily in pages.

Only the ids of the articles that pass the filters are held (cheap at 100k); summaries
are fetched a page at a time when a row is first painted and kept in a small cache.
Sorting asks the library for ids in the new order: nothing is sorted in Python.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from ...core.article_dates import display_date
from ...core.articles import ArticleSort
from ...core.library import Library
from ...core.models import ArticleSummary
from ..widgets.date_cell import DATE_ROLES, date_cell
from ..widgets.paged_rows import PagedRows
from ..widgets.table_model import ColumnsTableModel

COLUMNS = ("Title", "Publication", "Vol./Issue", "Date", "Notes")
SORT_KEYS: tuple[ArticleSort, ...] = ("title", "publication", "issue", "date", "notes")

ArticleIdRole = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class LibraryModel(ColumnsTableModel):
    """Articles of the library, filtered and sorted by the library itself.

    Attributes:
        filters: keyword filters passed to ``Library.articles.ids``.
        only_ids: when not None, the list shows only these articles (and the filters
            apply within them): "Show these in the library list".
    """

    columns = COLUMNS

    def __init__(
        self,
        library: Library,
        parent: Any = None,
        sort_key: ArticleSort = "imported",
        descending: bool = False,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.filters: dict[str, str | bool] = {}
        self.only_ids: list[int] | None = None
        self.sort_key = sort_key
        self.descending = descending
        self._ids: list[int] = []
        self._pages: PagedRows[ArticleSummary] = PagedRows(
            self.library.articles.summaries, lambda s: s.id
        )
        self.refresh()

    # -- data ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-query ids (after an import, a filter or a sort change)."""
        self.beginResetModel()
        self._ids = self._query_ids()
        self._pages.clear()
        self.endResetModel()

    def _query_ids(self) -> list[int]:
        filters: dict[str, Any] = {
            k: v for k, v in self.filters.items() if k != "group_near_duplicates"
        }
        if self.only_ids is not None:
            filters["ids"] = self.only_ids
        return self.library.articles.ids(
            self.sort_key, self.descending, group_near_duplicates=self.grouped, **filters
        )

    def restrict(self, ids: list[int] | None) -> None:
        """Show only these articles (None: the whole library again)."""
        self.only_ids = None if ids is None else list(ids)
        self.refresh()

    def set_filters(self, **filters: str | bool | None) -> None:
        # None and "" filter nothing; False does (``near_duplicates=False`` hides them).
        self.filters = {k: v for k, v in filters.items() if v is not None and v != ""}
        self.refresh()

    def article_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: int) -> int:
        try:
            return self._ids.index(article_id)
        except ValueError:
            return -1

    def summary(self, row: int) -> ArticleSummary | None:
        if not 0 <= row < len(self._ids):
            return None
        # an article removed meanwhile keeps its row until the next refresh
        return self._pages.row(self._ids, row) or _gone(self._ids[row])

    def invalidate(self, article_id: int | None = None) -> None:
        """Forget cached rows (one article's, or all) so they are fetched again."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, 4))

    # -- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self.summary(index.row())
        if s is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return self._title(s)
            return _display(s, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            near = f"\n{s.near_duplicates} near-duplicate(s)" if s.near_duplicates else ""
            return s.title + (f"\n{s.source_path}" if s.source_path else "") + near
        if col == 3 and role in DATE_ROLES:
            return date_cell(s, role)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ArticleIdRole:
            return s.id
        return None

    @property
    def grouped(self) -> bool:
        """Near-duplicates sit under their originals (the filters ask for it)."""
        return bool(self.filters.get("group_near_duplicates"))

    def _title(self, s: ArticleSummary) -> str:
        title = s.title
        if s.near_duplicate_of is not None and self.grouped:
            title = f"    \u21b3 {title}"  # ↳: under its original, one step in
        if s.near_duplicates:
            many = "s" if s.near_duplicates != 1 else ""
            title += f"  (+{s.near_duplicates} near-duplicate{many})"
        return title

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(SORT_KEYS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (SORT_KEYS[column], descending) == (self.sort_key, self.descending):
            return  # already in this order (the view asks again when sorting is enabled)
        self.sort_key = SORT_KEYS[column]
        self.descending = descending
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self.article_id(i.row()) for i in old]
        self._ids = self._query_ids()
        self._pages.clear()
        # Usually one or two persistent indexes (the selection): a scan each beats a
        # 100k-entry dict.
        wanted = {aid for aid in old_ids if aid is not None}
        rows = {aid: r for r, aid in enumerate(self._ids) if aid in wanted} if wanted else {}
        new = [
            self.index(rows[aid], i.column()) if aid in rows else QModelIndex()
            for i, aid in zip(old, old_ids, strict=True)
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()


def _gone(article_id: int) -> ArticleSummary:
    return ArticleSummary(article_id, "(removed)", None, None, None, None, None, None)


def _display(s: ArticleSummary, col: int) -> Any:
    if col == 0:
        return s.title
    if col == 1:
        return s.publication or ""
    if col == 2:
        return "/".join(x for x in (s.volume, s.issue) if x)
    if col == 3:
        return display_date(s.date, s.date_precision)
    if col == 4:
        return s.notes_count or ""
    return None
