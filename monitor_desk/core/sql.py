"""SQL pieces written once: an article's current revision, ``IN (?, ?, …)`` lists, a date
range, and the ``Where`` builder that the filters (``filters.py``) add their terms to."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlite_utils import Database

from .errors import NotFoundError

CURRENT_REVISION = "JOIN revisions r ON r.id = a.current_revision_id"
"""Joins ``articles a`` to its current revision as ``r``."""

CHUNK = 500
"""Ids per ``IN`` list: well under SQLite's limit of bound parameters."""

DAY_END = "\uffff"
"""Sorts after every time of day in an ISO string: ``until + DAY_END`` admits that whole day."""

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class CurrentRevision:
    id: int
    text: str
    text_sha256: str
    title: str


def current_revision(db: Database, article_id: int) -> CurrentRevision:
    """The article's current revision; ``NotFoundError`` when there is no such article."""
    row = db.execute(
        f"SELECT r.id, r.text, r.text_sha256, a.title FROM articles a {CURRENT_REVISION} "
        "WHERE a.id = ?",
        [article_id],
    ).fetchone()
    if row is None:
        raise NotFoundError(f"There is no article {article_id}.")
    return CurrentRevision(int(row[0]), row[1], row[2], row[3])


def in_clause(values: Sequence[Any]) -> str:
    """``(?, ?, ?)`` for ``values`` (bind them in the same order)."""
    return f"({','.join('?' * len(values))})"


def chunks(values: Sequence[T], size: int = CHUNK) -> Iterator[list[T]]:
    """``values`` in lists of at most ``size``, for one ``IN`` list each."""
    for start in range(0, len(values), size):
        yield list(values[start : start + size])


class Where:
    """WHERE terms and their parameters, added one filter at a time."""

    def __init__(self) -> None:
        self.terms: list[str] = []
        self.params: list[Any] = []

    def add(self, term: str, *params: Any) -> None:
        self.terms.append(term)
        self.params.extend(params)

    def among(self, column: str, values: Sequence[Any]) -> None:
        """``column`` is one of ``values``: an ``IN (?, …)`` list for a few, one JSON array
        parameter for many (100k ids stay one bound value, under SQLite's limit)."""
        if len(values) <= CHUNK:
            self.add(f"{column} IN {in_clause(values)}", *values)
        else:
            self.add(f"{column} IN (SELECT value FROM json_each(?))", json.dumps(list(values)))

    def extend(self, other: Where) -> None:
        """``other``'s terms and parameters added after these."""
        self.terms.extend(other.terms)
        self.params.extend(other.params)

    def sql(self, keyword: str = "WHERE") -> str:
        """`` WHERE a AND b`` (or with ``keyword`` ``AND`` to extend a condition); "" if none."""
        return f" {keyword} " + " AND ".join(self.terms) if self.terms else ""


def date_range(column: str, since: str | None, until: str | None) -> Where:
    """``column`` (an ISO date or timestamp) from ``since`` to ``until``, both inclusive: an
    end date admits its whole day. A bound left None or empty filters nothing. The one
    writing of a date range for the claims view, the charts, the Notes list and exports."""
    where = Where()
    if since:
        where.add(f"{column} >= ?", since)
    if until:
        where.add(f"{column} <= ?", until + DAY_END)
    return where
