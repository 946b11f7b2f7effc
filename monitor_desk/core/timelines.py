"""Counts over time across the library: ``lib.timelines``, behind the Overview's charts and
``monitor-desk timeline``.

Five kinds: articles; mentions of chosen library entities (canonical, corrections applied);
claims of chosen speakers; citations of chosen outlets (with each one's share of all
citations in the bucket); highlights with chosen tags (a tag counts its sub-tags). Only
current revisions count. Every figure is counted in SQL (``timeline_sql.py``, which also
says how each date precision buckets): articles on the date index, claims grouped by date,
mentions, outlets and tags read from the sums per date that ``chart_counts.py`` keeps;
undated and unplaced articles come back apart.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, TextIO, cast

from sqlite_utils import Database

from .connection import Component
from .dates import RANGE_DATE
from .errors import InvalidInputError
from .export import neutralize
from .sql import DAY_END
from .timeline_buckets import AUTO, CHOICES, BucketChoice, choose_bucket
from .timeline_series import (
    entity_series,
    outlet_series,
    speaker_names,
    speaker_series,
    tag_ids,
    tag_series,
    top_speakers,
)
from .timeline_sql import (
    APART,
    GRANULARITIES,
    KINDS,
    OUTLET_TOTALS_SQL,
    UNDATED,
    UNITS,
    UNPLACED,
    Granularity,
    Source,
    TimelineKind,
    apart_ids_sql,
    articles_source,
    bucket_of,
    by_date_sql,
    claims_source,
    ids_sql,
    mentions_sources,
    outlets_sources,
    tag_source,
)

__all__ = [
    "KINDS",
    "GRANULARITIES",
    "CHOICES",
    "AUTO",
    "UNDATED",
    "UNPLACED",
    "Timeline",
    "TimelineQuery",
]

MAX_FILLED = 3000  # buckets: past this the gaps between dates are not filled in


@dataclass(frozen=True, slots=True)
class TimelineQuery:
    """A chart's question. ``names``: the entities, speakers, outlets or tags to compare
    (none: the ``top`` most frequent); ``since``/``until``: ``YYYY[-MM[-DD]]``, inclusive;
    ``by``: the bucket size, or ``auto`` (``timeline_buckets.py``: chosen from the span of
    the dates counted; the ``Timeline`` answered carries the size chosen)."""

    kind: TimelineKind = "articles"
    by: BucketChoice = "month"
    names: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    top: int = 5


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    """``value`` units (see ``unit``) of ``series`` in ``bucket``, in ``articles`` articles."""

    bucket: str
    series: str
    value: int
    articles: int


@dataclass(frozen=True)
class Timeline:
    """Attributes:
    query: what was asked; unit: what one of ``value`` is (articles, mentions …).
    series: the lines or bars, in the order asked (or most frequent first).
    buckets: every bucket from the first to the last, empty ones included (``YYYY``,
        ``YYYY-MM``, ``YYYY-MM-DD`` or the Monday ``YYYY-MM-DD`` of a week).
    points: the placed counts; apart: counts in bucket ``undated`` or ``unplaced``.
    totals: per bucket, all citations (outlets) — what a share is a share of.
    """

    query: TimelineQuery
    unit: str
    series: tuple[str, ...]
    buckets: tuple[str, ...]
    points: tuple[TimelinePoint, ...]
    apart: tuple[TimelinePoint, ...]
    totals: dict[str, int] = field(default_factory=dict)
    apart_articles: dict[str, int] = field(default_factory=dict)

    def value(self, series: str, bucket: str) -> int:
        return self._index.get((series, bucket), 0)

    def values(self, series: str) -> list[int]:
        return [self._index.get((series, b), 0) for b in self.buckets]

    def share(self, series: str, bucket: str) -> float | None:
        """The series' part of every citation in the bucket (outlets only)."""
        total = self.totals.get(bucket)
        return self.value(series, bucket) / total if total else None

    @cached_property
    def _index(self) -> dict[tuple[str, str], int]:
        """(series, bucket) → value, built once (a hover or a CSV asks it per point)."""
        return {(p.series, p.bucket): p.value for p in self.points}

    @property
    def undated(self) -> int:
        """Articles without a date (behind any series), counted apart."""
        return self.apart_articles.get(UNDATED, 0)

    @property
    def unplaced(self) -> int:
        """Articles whose date fits no bucket of this size, counted apart."""
        return self.apart_articles.get(UNPLACED, 0)

    def rows(self) -> list[tuple[str, str, int, int, float | None]]:
        """``(bucket, series, value, articles, share)``: every placed point, then apart."""
        out: list[tuple[str, str, int, int, float | None]] = []
        for p in sorted(self.points, key=lambda p: (p.bucket, self.series.index(p.series))):
            share = self.share(p.series, p.bucket) if self.totals else None
            out.append((p.bucket, p.series, p.value, p.articles, share))
        out += [(p.bucket, p.series, p.value, p.articles, None) for p in self.apart]
        return out

    def to_dict(self) -> dict[str, Any]:
        q = self.query
        return {
            "kind": q.kind, "by": q.by, "since": q.since, "until": q.until, "unit": self.unit,
            "series": list(self.series), "buckets": list(self.buckets),
            "points": [
                {"bucket": b, "series": s, "value": v, "articles": n}
                | ({"share": round(sh, 4)} if sh is not None else {})
                for b, s, v, n, sh in self.rows() if b not in APART
            ],
            "apart": [{"bucket": p.bucket, "series": p.series, "value": p.value,
                       "articles": p.articles} for p in self.apart],
            "undated_articles": self.undated, "unplaced_articles": self.unplaced,
        }  # fmt: skip

    def write_csv(self, stream: TextIO, bom: bool = True) -> int:
        """RFC 4180, UTF-8 with BOM: ``bucket, series, <unit>, articles, share``; the apart
        counts last (bucket ``undated`` / ``unplaced``). Returns the rows written."""
        if bom:
            stream.write("\ufeff")
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(["bucket", "series", self.unit, "articles", "share"])
        rows = self.rows()
        for b, s, v, n, sh in rows:
            writer.writerow([b, neutralize(s), v, n, "" if sh is None else f"{sh:.4f}"])
        return len(rows)


def check_range_date(value: str | None, what: str) -> str | None:
    if value is None or value == "":
        return None
    value = value.strip()
    if not RANGE_DATE.fullmatch(value):
        raise InvalidInputError(
            f"{what} {value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD."
        )
    return value


def fill_buckets(present: Sequence[str], by: Granularity) -> tuple[str, ...]:
    """Every bucket from the first present to the last (empty ones too), when not too many."""
    if not present:
        return ()
    first, last = min(present), max(present)
    out: list[str] = []
    if by == "year":
        out = [f"{y:04d}" for y in range(int(first), int(last) + 1)]
    elif by == "month":
        y, m = int(first[:4]), int(first[5:7])
        while f"{y:04d}-{m:02d}" <= last and len(out) <= MAX_FILLED:
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    else:
        day, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        step = dt.timedelta(days=1 if by == "day" else 7)
        while day <= end and len(out) <= MAX_FILLED:
            out.append(day.isoformat())
            day += step
    if len(out) > MAX_FILLED:
        return tuple(sorted(set(present)))
    return tuple(out)


class Timelines(Component):
    """``lib.timelines``: the Overview's counts over time."""

    def timeline(self, query: TimelineQuery) -> Timeline:
        """The counts ``query`` asks for; ``NotFoundError`` names a series the library lacks.

        One pass per source, by stored date in SQL; the dates (hundreds or thousands, not
        one per article) are folded into buckets here."""
        q = self._checked(query)
        with self._lock:
            sources = self._sources(self.db, q)
            fetched = [self.db.execute(*by_date_sql(src)).fetchall() for src in sources]
            if q.by == AUTO:
                dates = {r[0] for got in fetched for r in got if r[0] and r[0][:1].isdigit()}
                q = replace(q, by=choose_bucket(d for d in dates if self._within(d, q)))
            rows: list[Any] = []
            for src, got in zip(sources, fetched, strict=True):
                rows += got
                if src.dates_table and sum(len(s.names) for s in sources) > 1:
                    rows += self._apart_rows(src, [r[0] for r in got], q)
            totals: dict[str, int] = {}
            if q.kind == "outlets" and sources:
                for d, value in self.db.execute(OUTLET_TOTALS_SQL).fetchall():
                    key = self._key(d, q)
                    if key is not None and key not in APART:
                        totals[key] = totals.get(key, 0) + value
        names = tuple(name for src in sources for name in src.names)
        counts: dict[tuple[str, str], list[int]] = {}
        apart_ids: dict[str, set[int]] = {k: set() for k in APART}
        for d, series, value, articles, ids in rows:
            key = self._key(d, q)
            if key is None:
                continue  # outside the date range
            if series is not None:  # None: a row of ids apart only
                c = counts.setdefault((series, key), [0, 0])
                c[0] += value
                c[1] += articles
            if key in APART and ids:
                apart_ids[key].update(int(i) for i in str(ids).split(","))
        if len(names) == 1:
            apart_articles = {k: counts.get((names[0], k), [0, 0])[1] for k in APART}
        else:  # an article behind two series is counted once
            apart_articles = {k: len(v) for k, v in apart_ids.items()}
        points = [TimelinePoint(k, s, v, n) for (s, k), (v, n) in counts.items()]
        placed = tuple(p for p in points if p.bucket not in APART)
        apart = [p for p in points if p.bucket in APART]
        return Timeline(
            q,
            UNITS[q.kind],
            names,
            fill_buckets([p.bucket for p in placed], _size(q)),
            placed,
            tuple(sorted(apart, key=lambda p: (p.bucket, names.index(p.series)))),
            totals,
            apart_articles,
        )

    def _apart_rows(self, src: Source, dates: list[str], q: TimelineQuery) -> list[Any]:
        """Rows (series None) of nothing but the ids of the articles apart (undated or
        unplaced) behind ``src``'s sums per date, so that one behind two series is counted
        once."""
        apart = [d for d in dates if self._key(d, q) in APART]
        if not apart:
            return []
        by_date: dict[str, list[str]] = {}
        for article_id, date in self.db.execute(*apart_ids_sql(src, apart)):
            by_date.setdefault(date or "", []).append(str(article_id))
        return [(d, None, 0, 0, ",".join(ids)) for d, ids in by_date.items()]

    @staticmethod
    def _key(date: str | None, q: TimelineQuery) -> str | None:
        """The bucket (or undated / unplaced) of a date; None when outside the range."""
        key = bucket_of(date, _size(q))
        if key in APART or date is None:
            return key
        return key if Timelines._within(date, q) else None

    @staticmethod
    def _within(date: str, q: TimelineQuery) -> bool:
        return not ((q.since and date < q.since) or (q.until and date > q.until + DAY_END))

    def article_ids(
        self, query: TimelineQuery, bucket: str, series: str | None = None
    ) -> list[int]:
        """The articles behind one bucket (or ``undated`` / ``unplaced``) of a chart, in
        date order; of one series when given (else of all the chart's series)."""
        q = self._checked(query)
        if series is not None and q.kind != "articles":
            q = replace(q, names=(series,))
        if q.by == AUTO:  # the size the chart would choose
            q = replace(q, by=self.timeline(q).query.by)
        with self._lock:
            return self._apart_ids(self._sources(self.db, q), q, bucket)

    def _apart_ids(self, sources: list[Source], q: TimelineQuery, key: str) -> list[int]:
        ids: dict[int, None] = {}
        for source in sources:
            by = _size(q)
            for article_id, date in self.db.execute(*ids_sql(source, by, key, q.since, q.until)):
                if key not in APART or bucket_of(date, by) == key:
                    ids[article_id] = None
        return list(ids)

    def names(self, kind: TimelineKind, limit: int = 300) -> list[str]:
        """What a chart of ``kind`` can compare, most frequent first (for completion)."""
        q = self._checked(TimelineQuery(kind, top=limit))
        with self._lock:
            if kind == "mentions":
                return list(dict.fromkeys(entity_series(self.db, q.names, q.top).values()))
            if kind == "claims":
                return speaker_names(self.db, top_speakers(self.db, q.top))
            if kind == "outlets":
                return list(outlet_series(self.db, q.names, q.top).values())
            if kind == "tags":
                return [r[0] for r in self.db.execute("SELECT name FROM tags ORDER BY name")]
        return []

    # -- the series ------------------------------------------------------------------------

    def _checked(self, q: TimelineQuery) -> TimelineQuery:
        if q.kind not in KINDS:
            raise InvalidInputError(f"{q.kind!r} is not a timeline; use one of {', '.join(KINDS)}.")
        if q.by not in CHOICES:
            raise InvalidInputError(
                f"{q.by!r} is not a bucket size; use day, week, month, year or auto."
            )
        since, until = check_range_date(q.since, "since"), check_range_date(q.until, "until")
        if since and until and since > until + DAY_END:
            raise InvalidInputError(f"The range ends ({until}) before it starts ({since}).")
        names = tuple(dict.fromkeys(n.strip() for n in q.names if n.strip()))
        return replace(q, since=since, until=until, names=names)

    def _sources(self, db: Database, q: TimelineQuery) -> list[Source]:
        """What to count, one source per tag, else one; none when nothing is there to
        compare (no entities, claims, citations or tags yet)."""
        if q.kind == "articles":
            return [articles_source()]
        if q.kind == "mentions":
            entities = entity_series(db, q.names, q.top)
            return mentions_sources(entities)
        if q.kind == "claims":
            entities, written = speaker_series(db, q.names, q.top)
            return [claims_source(entities, written)] if entities or written else []
        if q.kind == "outlets":
            outlets = outlet_series(db, q.names, q.top)
            return outlets_sources(outlets)
        return [tag_source(name, tag_ids(db, name)) for name in tag_series(db, q.names, q.top)]


def _size(q: TimelineQuery) -> Granularity:
    """The bucket size of a query whose ``auto`` has been resolved."""
    if q.by == "auto":
        raise ValueError("an auto bucket size is resolved before counting")
    return cast(Granularity, q.by)
