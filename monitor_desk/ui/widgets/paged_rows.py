"""Rows of a long id list, fetched from core a page at a time and cached.

The library list and the Notes list hold only ordered ids; a view asks for the rows on
screen, so a page of 200 rows is fetched in one call and the 50 most recent pages kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from ...core.errors import LibraryClosedError

PAGE = 200
CACHE_PAGES = 50

Row = TypeVar("Row")


class PagedRows(Generic[Row]):
    """Rows for ``ids`` by position; ``fetch(ids)`` returns a row per id it still finds
    (in any order), keyed by ``key``. A vanished id yields ``None``."""

    def __init__(
        self, fetch: Callable[[Sequence[int]], Sequence[Row]], key: Callable[[Row], int]
    ) -> None:
        self._fetch = fetch
        self._key = key
        self._pages: dict[int, list[Row | None]] = {}

    def clear(self) -> None:
        self._pages.clear()

    def row(self, ids: Sequence[int], row: int) -> Row | None:
        if not 0 <= row < len(ids):
            return None
        page_no = row // PAGE
        page = self._pages.get(page_no)
        if page is None:
            if len(self._pages) >= CACHE_PAGES:
                self._pages.pop(next(iter(self._pages)))  # the oldest page
            wanted = ids[page_no * PAGE : (page_no + 1) * PAGE]
            try:
                fetched = self._fetch(wanted)
            except LibraryClosedError:  # its window is closing: no row, and no exception
                return None  # out of a model's data(), which PySide cannot take in a paint
            by_id = {self._key(r): r for r in fetched}
            page = [by_id.get(i) for i in wanted]
            self._pages[page_no] = page
        return page[row - page_no * PAGE]
