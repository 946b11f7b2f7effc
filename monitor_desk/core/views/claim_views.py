"""``lib.claim_views``: the claims of the whole library, filtered, counted exactly and
read a page at a time in date order (the GUI's Claims view and ``monitor-desk claims``).

A filter that picks claims through their own indexes (speaker, cue, outlet, tag, words)
is listed once — every id in order, one pass — and its count and pages are read from
that list while the library is unchanged (``PRAGMA data_version`` and the connection's
change count say so exactly): the view's count, first page and last page cost one query.
Without such a filter, counts and pages come from the articles' claim counts instead."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Iterator

from ..connection import Component, Connection
from .claim_query import ClaimFilter, Speaker, selective
from .claim_rows import (
    ClaimCount,
    ClaimRow,
    count,
    iter_rows,
    ordered_ids,
    page,
    resolve_speaker,
    rows_of,
)

KEPT = 4
"""Filters whose ordered ids are kept (the one in force, and a few the analyst went back to)."""


class ClaimViews(Component):
    """Claims across the library (current texts only); see ``ClaimFilter``."""

    def __init__(self, connection: Connection) -> None:
        super().__init__(connection)
        self._listed: OrderedDict[Hashable, tuple[list[int], list[int]]] = OrderedDict()

    def speaker(self, name: str) -> Speaker:
        """The speaker a typed name means (canonical name or alias); ``NotFoundError``."""
        with self._lock:
            return resolve_speaker(self.db, name)

    def count(self, f: ClaimFilter) -> ClaimCount:
        with self._lock:
            listed = self._ordered(f, None)
            if listed is None:
                return count(self.db, f)
            dated, undated = listed
            if f.has_dates:
                return ClaimCount(len(dated), 0, len(undated))
            return ClaimCount(len(dated), len(undated))

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
            listed = self._ordered(f, descending)
            if listed is None:
                return page(self.db, f, offset, limit, descending, counted)
            dated, undated = listed
            ids = dated if f.has_dates else dated + undated
            return rows_of(self.db, ids[max(0, offset) : max(0, offset) + max(0, limit)])

    def rows(self, f: ClaimFilter, descending: bool = False) -> Iterator[ClaimRow]:
        """Every claim the filter finds, in date order, read in batches (the library stays
        locked until the last row is read: finish or close the iterator)."""
        with self._lock:
            yield from iter_rows(self.db, f, descending)

    def outlets(self) -> list[str]:
        """Every outlet the library's citations name, by name."""
        with self._lock:
            return [r[0] for r in self.db.execute("SELECT name FROM outlets ORDER BY name")]

    def _ordered(
        self, f: ClaimFilter, descending: bool | None
    ) -> tuple[list[int], list[int]] | None:
        """The ids a selective filter finds in list order (either order when
        ``descending`` is None: a count), kept while nothing changed; None for others."""
        if not selective(f):  # the date index and the articles' claim counts serve these
            return None
        version = (
            self.db.execute("PRAGMA data_version").fetchone()[0],
            self.db.conn.total_changes,
        )
        ways = (False, True) if descending is None else (descending,)
        try:
            keys: list[Hashable] = [(f, way, version) for way in ways]
            hash(keys[0])
        except TypeError:  # a list of article ids: listed, not kept
            return ordered_ids(self.db, f, bool(descending))
        for key in keys:
            if key in self._listed:
                self._listed.move_to_end(key)
                return self._listed[key]
        found = ordered_ids(self.db, f, bool(descending))
        self._listed[keys[0]] = found
        while len(self._listed) > KEPT:
            self._listed.popitem(last=False)
        return found
