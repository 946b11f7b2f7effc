"""``lib.claim_views``: the claims of the whole library, filtered, counted exactly and
read a page at a time in date order (the GUI's Claims view and ``monitor-desk claims``)."""

from __future__ import annotations

from collections.abc import Iterator

from ..connection import Component
from .claim_query import ClaimFilter, Speaker
from .claim_rows import ClaimCount, ClaimRow, count, iter_rows, page, resolve_speaker


class ClaimViews(Component):
    """Claims across the library (current texts only); see ``ClaimFilter``."""

    def speaker(self, name: str) -> Speaker:
        """The speaker a typed name means (canonical name or alias); ``NotFoundError``."""
        with self._lock:
            return resolve_speaker(self.db, name)

    def count(self, f: ClaimFilter) -> ClaimCount:
        with self._lock:
            return count(self.db, f)

    def page(
        self,
        f: ClaimFilter,
        offset: int,
        limit: int,
        descending: bool = False,
        counted: ClaimCount | None = None,
    ) -> list[ClaimRow]:
        """Rows by position in date order (oldest first, or newest with ``descending``);
        claims of undated articles come after the dated ones either way."""
        with self._lock:
            return page(self.db, f, offset, limit, descending, counted)

    def rows(self, f: ClaimFilter, descending: bool = False) -> Iterator[ClaimRow]:
        """Every claim the filter finds, in date order, read in batches (the library stays
        locked until the last row is read: finish or close the iterator)."""
        with self._lock:
            yield from iter_rows(self.db, f, descending)

    def outlets(self) -> list[str]:
        """Every outlet the library's citations name, by name."""
        with self._lock:
            return [r[0] for r in self.db.execute("SELECT name FROM outlets ORDER BY name")]
