"""The SQL behind the timelines (``timelines.py``): which bucket an article's date falls in,
and for each kind of count, what is counted, under which series name.

How a date buckets (``articles.date``, see ``article_dates.py``):

- ``YYYY-MM-DD`` (precision ``day``) falls in its day, its week (the Monday that starts
  it, ISO weeks), its month and its year;
- ``YYYY-MM`` (``month``) in its month and year, but in no day or week: at ``day`` and
  ``week`` it is counted apart as *unplaced*;
- ``YYYY`` (``year``) only in its year, unplaced at ``day``, ``week`` and ``month``;
- ``after`` (a lower bound, from the citations) buckets by its bound, the best guess there
  is, at whatever its shape allows;
- ``--MM-DD`` (a day without its year) and free text are in no bucket: unplaced;
- no date at all: *undated*.

Unplaced and undated articles are counted and reported apart, never dropped; a date range
(``since``/``until``) applies to the placed ones only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from .chart_counts import key_of
from .sql import date_range

TimelineKind = Literal["articles", "mentions", "claims", "outlets", "tags"]
Granularity = Literal["day", "week", "month", "year"]
KINDS: tuple[TimelineKind, ...] = ("articles", "mentions", "claims", "outlets", "tags")
GRANULARITIES: tuple[Granularity, ...] = ("day", "week", "month", "year")
UNDATED = "undated"
UNPLACED = "unplaced"
APART = (UNDATED, UNPLACED)

UNITS: dict[TimelineKind, str] = {
    "articles": "articles",
    "mentions": "mentions",
    "claims": "claims",
    "outlets": "citations",
    "tags": "highlights",
}
"""What one unit of a kind's ``value`` is."""

CURRENT = "JOIN articles a ON a.current_revision_id = {rev}"
"""Joins a row's revision to its article, keeping only rows of current revisions: one probe
of ``idx_articles_current`` (current revision, date; the id comes with it), which never
touches the revisions' texts."""

RECENT = 1000
"""Series chosen for the analyst (none named) are the most frequent in this many newest
articles: found with an index probe, not by counting the whole library."""

RECENT_REVISIONS = f"SELECT current_revision_id FROM articles ORDER BY id DESC LIMIT {RECENT}"
RECENT_FIRST = f"SELECT min(id) FROM (SELECT id FROM articles ORDER BY id DESC LIMIT {RECENT})"
"""The oldest of the newest articles: the count tables' rows from it on are theirs."""

_PLACED = {
    "year": re.compile(r"^\d{4}"),
    "month": re.compile(r"^\d{4}-[01]\d"),
    "week": re.compile(r"^\d{4}-[01]\d-[0-3]\d"),
}
_PLACED["day"] = _PLACED["week"]


@lru_cache(maxsize=1 << 16)  # a chart asks it once per stored date and series
def bucket_of(date: str | None, by: Granularity) -> str:
    """The bucket of a stored date (as ``bucket_sql``), or ``undated`` / ``unplaced``."""
    if date is None or not date.strip():
        return UNDATED
    if not _PLACED[by].match(date):
        return UNPLACED
    if by == "year":
        return date[:4]
    if by == "month":
        return date[:7]
    try:
        day = dt.date.fromisoformat(date[:10])
    except ValueError:
        return UNPLACED
    if by == "day":
        return day.isoformat()
    return (day - dt.timedelta(days=day.weekday())).isoformat()


def bucket_range(bucket: str, by: Granularity) -> tuple[str, str]:
    """``[low, high)`` of stored dates that fall in ``bucket`` (dates sort as text): the
    date index finds a bucket's articles. A month-only date sorts before its month's days,
    so it is outside every week."""
    if by == "year":
        return bucket, f"{int(bucket) + 1:04d}"
    if by == "month":
        y, m = int(bucket[:4]), int(bucket[5:7])
        return bucket, (f"{y + 1:04d}-01" if m == 12 else f"{y:04d}-{m + 1:02d}")
    days = 1 if by == "day" else 7
    return bucket, (dt.date.fromisoformat(bucket) + dt.timedelta(days=days)).isoformat()


@dataclass
class Source:
    """What one kind counts: ``FROM`` (ending in ``articles a``, or a count table of
    ``chart_counts.py``), the series and the weight (how many units) of a row, and extra
    terms; ``series``/``where`` take their params. ``date`` and ``article``: the columns
    of a row's article date and id; ``dates_table``: the sums per key and date of a count
    table (level 2 of ``chart_counts.py``), read instead of its rows; ``params`` are then
    the series' keys."""

    from_sql: str
    series: str
    where: list[str] = field(default_factory=list)
    series_params: list[Any] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)
    weight: str = "1"
    names: list[str] = field(default_factory=list)
    date: str = "a.date"
    article: str = "a.id"
    dates_table: str | None = None


def case_of(column: str, names: dict[Any, str]) -> tuple[str, list[Any]]:
    """``CASE column WHEN k THEN name … END`` for ``names`` (several keys may share a name)."""
    params: list[Any] = []
    whens = []
    for key, name in names.items():
        whens.append("WHEN ? THEN ?")
        params += [key, name]
    return f"CASE {column} {' '.join(whens)} END", params


def _marks(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


def articles_source() -> Source:
    return Source("articles a", "'articles'", names=["articles"])


ARTICLES_BY_DATE = "SELECT date, 'articles', COUNT(*), COUNT(*), NULL FROM articles GROUP BY date"
"""``by_date_sql`` of ``articles_source``: a walk of the date index."""


def counted_sources(table: str, names: dict[Any, str]) -> list[Source]:
    """One series each from a per-article count table (``chart_counts.py``) for the given
    keys (key → series name; several keys may share one, e.g. one name of two types): its
    chart reads the sums per key and date, the articles behind a bar one index range per
    key."""
    key = key_of(table)
    keys: dict[str, list[Any]] = {}
    for k, name in names.items():
        keys.setdefault(name, []).append(k)
    return [
        Source(
            f"{table} c",
            "?",
            [f"c.{key} IN ({_marks(ks)})"],
            [name],
            ks,
            "c.n",
            [name],
            date="c.date",
            article="c.article_id",
            dates_table=f"{table}_dates",
        )
        for name, ks in keys.items()
    ]


def _dates_sql(source: Source) -> tuple[str, list[Any]]:
    """A counted series per stored date from the sums (level 2). With several keys, an
    article may be behind two of them: the articles are those of the biggest key (its
    sums) and those of the others that the biggest has not (probed on level 1)."""
    table, dates = source.from_sql.split()[0], source.dates_table
    key, keys, name = f"c.{key_of(table)}", source.params, source.series_params
    if len(keys) == 1:
        sql = f"SELECT c.date, ?, c.n, c.articles, NULL FROM {dates} c WHERE {key} = ?"
        return sql, [*name, *keys]
    inside = f"{key} IN ({_marks(keys)})"
    sql = f"""WITH major AS MATERIALIZED (SELECT {key} AS k FROM {dates} c WHERE {inside}
                  GROUP BY {key} ORDER BY SUM(c.articles) DESC LIMIT 1)
              SELECT c.date, ?, SUM(c.n),
                     SUM(CASE WHEN {key} = (SELECT k FROM major) THEN c.articles ELSE 0 END),
                     NULL
              FROM {dates} c WHERE {inside} GROUP BY c.date
              UNION ALL
              SELECT c.date, ?, 0, COUNT(DISTINCT c.article_id), NULL
              FROM {table} c WHERE {inside} AND {key} != (SELECT k FROM major)
              AND NOT EXISTS (SELECT 1 FROM {table} b WHERE b.article_id = c.article_id
                              AND b.{key[2:]} = (SELECT k FROM major))
              GROUP BY c.date"""
    return sql, [*keys, *name, *keys, *name, *keys]


def mentions_sources(entity_names: dict[int, str]) -> list[Source]:
    """Mentions of the given library entities (id → series name) in current texts, from
    each article's count per entity (``chart_mentions``)."""
    return counted_sources("chart_mentions", entity_names)


def claims_source(entities: dict[int, str], written: dict[str, str]) -> Source:
    """Claims of the chosen speakers, matched as ``claims --speaker`` matches them: by the
    stored speaker entity (library entity id → series name, through
    ``idx_claims_speaker_entity``), and for speakers no entity stands for by the written name
    (any case → series name)."""
    by_entity, p1 = case_of("c.eid", entities)
    by_name, p2 = case_of("c.written COLLATE NOCASE", written)
    parts: list[str] = []
    params: list[Any] = []
    if entities:
        parts.append(f"""SELECT revision_id, speaker_entity_id AS eid, NULL AS written
                         FROM claims WHERE speaker_entity_id IN ({_marks(list(entities))})""")
        params += list(entities)
    if written:
        marks = _marks(list(written))
        parts.append(f"""SELECT revision_id, NULL, COALESCE(speaker_name, speaker_text)
                         FROM claims WHERE speaker_entity_id IS NULL
                         AND (speaker_name COLLATE NOCASE IN ({marks}) OR (speaker_name
                              IS NULL AND speaker_text COLLATE NOCASE IN ({marks})))""")
        params += [*written, *written]
    chosen = f"({' UNION ALL '.join(parts)}) c"
    return Source(
        f"{chosen} {CURRENT.format(rev='c.revision_id')}",
        f"COALESCE({by_entity if entities else 'NULL'}, {by_name if written else 'NULL'})",
        [],
        [*(p1 if entities else []), *(p2 if written else [])],
        params,
        names=list(dict.fromkeys([*entities.values(), *written.values()])),
    )


def outlets_sources(outlet_ids: dict[int, str]) -> list[Source]:
    """Citation items of the given outlets (id → name) in current texts, from each
    article's count per outlet (``chart_outlets``)."""
    return counted_sources("chart_outlets", outlet_ids)


OUTLET_TOTALS_SQL = "SELECT date, SUM(n) FROM chart_outlets_dates GROUP BY date"
"""Every citation item per stored date: what an outlet's share is a share of."""


def tag_source(name: str, tag_ids: list[int]) -> Source:
    """Highlights with tag ``name`` or one of its sub-tags (``tag_ids``), from each
    article's count per top-level name (``chart_tag_roots``) or per tag (``chart_tags``).
    One series per tag: a highlight with two chosen tags counts in both, and under one tag
    with two of its sub-tags, twice."""
    if "/" not in name:
        return counted_sources("chart_tag_roots", {name: name})[0]
    return counted_sources("chart_tags", dict.fromkeys(tag_ids or [0], name))[0]


def maybe_apart(date: str) -> str:
    """Dates that may be in no bucket at some size (every one that is not plainly a day):
    their articles' ids come back with the counts, so that articles apart are counted once
    however many series they are behind."""
    return f"""{date} IS NULL OR {date} NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]*'
               OR substr({date}, 9, 2) > '28'"""


def by_date_sql(source: Source) -> tuple[str, list[Any]]:
    """One pass over ``source`` grouped by stored date and series: ``(date, series, units,
    articles, ids of articles whose date may be apart or None)``. Dates are few (hundreds
    to thousands): the caller folds them into buckets, undated and unplaced."""
    if source.from_sql == "articles a":
        return ARTICLES_BY_DATE, []
    if source.dates_table:  # the sums per date: undated and unplaced ids asked apart
        return _dates_sql(source)
    where = f"WHERE {' AND '.join(source.where)}" if source.where else ""
    date, article = source.date, source.article
    sql = f"""SELECT {date}, {source.series} AS s, SUM({source.weight}), COUNT(DISTINCT {article}),
                     group_concat(CASE WHEN {maybe_apart(date)} THEN {article} END)
              FROM {source.from_sql} {where} GROUP BY {date}, s"""
    return sql, [*source.series_params, *source.params]


def apart_ids_sql(source: Source, dates: Sequence[str]) -> tuple[str, list[Any]]:
    """The ids and dates of the articles of ``source`` at the given stored dates (those
    undated or unplaced; '' stands for no date)."""
    date = source.date
    sql = f"""SELECT DISTINCT {source.article}, {date} FROM {source.from_sql}
              WHERE {" AND ".join(source.where)}
              AND ({date} IS NULL OR {date} IN ({_marks(dates)}))"""
    return sql, [*source.params, *dates]


def ids_sql(
    source: Source, by: Granularity, key: str, since: str | None, until: str | None
) -> tuple[str, list[Any]]:
    """The ids and dates of the articles behind one bucket of ``source`` (through the date
    index), or of those undated / unplaced (``key``), in date order; ``since``/``until``
    bound the placed dates (inclusive: ``until`` admits its whole day)."""
    terms, params = list(source.where), list(source.params)
    date, article = source.date, source.article
    if key == UNDATED:
        terms.append(f"({date} IS NULL OR trim({date}) = '')")
    elif key == UNPLACED:
        terms.append(f"trim({date}) != ''")
    else:
        low, high = bucket_range(key, by)
        terms += [f"{date} >= ?", f"{date} < ?"]
        params += [low, high]
        in_range = date_range(date, since, until)
        terms += in_range.terms
        params += in_range.params
    sql = f"""SELECT DISTINCT {article}, {date} FROM {source.from_sql}
              WHERE {" AND ".join(terms)} ORDER BY {date}, {article}"""
    return sql, params
