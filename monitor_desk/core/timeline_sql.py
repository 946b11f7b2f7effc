"""The SQL behind the timelines (``timelines.py``): which bucket an article's date falls in,
and for each kind of count, what is counted, under which series name.

How a date buckets (``articles.date``, see ``article_dates.py``):

- ``YYYY-MM-DD`` (precision ``day``) falls in its week (the Monday that starts it, ISO
  weeks), its month and its year;
- ``YYYY-MM`` (``month``) in its month and year, but in no week: at ``week`` it is counted
  apart as *unplaced*;
- ``YYYY`` (``year``) only in its year, unplaced at ``week`` and ``month``;
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
from typing import Any, Literal

TimelineKind = Literal["articles", "mentions", "claims", "outlets", "tags"]
Granularity = Literal["week", "month", "year"]
KINDS: tuple[TimelineKind, ...] = ("articles", "mentions", "claims", "outlets", "tags")
GRANULARITIES: tuple[Granularity, ...] = ("week", "month", "year")
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

_PLACED = {
    "year": re.compile(r"^\d{4}"),
    "month": re.compile(r"^\d{4}-[01]\d"),
    "week": re.compile(r"^\d{4}-[01]\d-[0-3]\d"),
}


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
    return bucket, (dt.date.fromisoformat(bucket) + dt.timedelta(days=7)).isoformat()


@dataclass
class Source:
    """What one kind counts: ``FROM`` (ending in ``articles a``), the series and the weight
    (how many units) of a row, and extra terms; ``series``/``where`` take their params."""

    from_sql: str
    series: str
    where: list[str] = field(default_factory=list)
    series_params: list[Any] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)
    weight: str = "1"
    names: list[str] = field(default_factory=list)


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


def mentions_source(entity_names: dict[int, str]) -> Source:
    """Mentions of the given library entities (id → series name) in current texts, counted
    per entity and revision first (on the ``(entity_id, revision_id)`` index) and only then
    joined to their articles."""
    series, params = case_of("m.entity_id", entity_names)
    ids = list(entity_names)
    per_revision = f"""(SELECT entity_id, revision_id, COUNT(*) AS n FROM entities
                        WHERE entity_id IN ({_marks(ids)}) GROUP BY entity_id, revision_id) m"""
    return Source(
        f"{per_revision} {CURRENT.format(rev='m.revision_id')}",
        series,
        [],
        params,
        ids,
        "m.n",
        list(dict.fromkeys(entity_names.values())),
    )


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


OUTLETS_FROM = f"""citation_items ci JOIN citations ct ON ct.id = ci.citation_id
    {CURRENT.format(rev="ct.revision_id")} JOIN outlets o ON o.id = ci.outlet_id"""


def outlets_source(outlet_ids: dict[int, str] | None) -> Source:
    """Citation items of the given outlets (id → name); of every outlet when None."""
    if outlet_ids is None:
        per_revision = """(SELECT ct.revision_id, COUNT(*) AS n FROM citation_items ci
                           JOIN citations ct ON ct.id = ci.citation_id GROUP BY 1) m"""
        return Source(
            f"{per_revision} {CURRENT.format(rev='m.revision_id')}",
            "'all'",
            weight="m.n",
            names=["all"],
        )
    series, params = case_of("m.outlet_id", outlet_ids)
    ids = list(outlet_ids)
    per_revision = f"""(SELECT ct.revision_id, ci.outlet_id, COUNT(*) AS n FROM citation_items ci
                        JOIN citations ct ON ct.id = ci.citation_id
                        WHERE ci.outlet_id IN ({_marks(ids)}) GROUP BY 1, 2) m"""
    return Source(
        f"{per_revision} {CURRENT.format(rev='m.revision_id')}",
        series,
        [],
        params,
        ids,
        "m.n",
        list(outlet_ids.values()),
    )


def tag_source(name: str, subquery: str, sub_params: list[Any]) -> Source:
    """Highlights with tag ``name`` or one of its sub-tags (one series per tag: a highlight
    with two chosen tags counts in both)."""
    return Source(
        f"""({subquery}) x JOIN highlights h ON h.id = x.highlight_id
            JOIN articles a ON a.id = h.article_id""",
        "?",
        [],
        [name],
        list(sub_params),
        names=[name],
    )


Ranged = tuple[list[str], list[Any]]
"""Terms (and their parameters) on placed rows only: the date range."""


MAYBE_APART = """a.date IS NULL OR a.date NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]*'
                 OR substr(a.date, 9, 2) > '28'"""
"""Dates that may be in no bucket at some size (every one that is not plainly a day): their
articles' ids come back with the counts, so that articles apart are counted once however
many series they are behind."""


def by_date_sql(source: Source) -> tuple[str, list[Any]]:
    """One pass over ``source`` grouped by stored date and series: ``(date, series, units,
    articles, ids of articles whose date may be apart or None)``. Dates are few (hundreds
    to thousands): the caller folds them into buckets, undated and unplaced."""
    if source.from_sql == "articles a":
        return ARTICLES_BY_DATE, []
    where = f"WHERE {' AND '.join(source.where)}" if source.where else ""
    sql = f"""SELECT a.date, {source.series} AS s, SUM({source.weight}), COUNT(DISTINCT a.id),
                     group_concat(CASE WHEN {MAYBE_APART} THEN a.id END)
              FROM {source.from_sql} {where} GROUP BY a.date, s"""
    return sql, [*source.series_params, *source.params]


def ids_sql(source: Source, by: Granularity, key: str, ranged: Ranged) -> tuple[str, list[Any]]:
    """The ids and dates of the articles behind one bucket of ``source`` (through the date
    index), or of those undated / unplaced (``key``), in date order."""
    terms, params = list(source.where), list(source.params)
    if key == UNDATED:
        terms.append("(a.date IS NULL OR trim(a.date) = '')")
    elif key == UNPLACED:
        terms.append("trim(a.date) != ''")
    else:
        low, high = bucket_range(key, by)
        terms += ["a.date >= ?", "a.date < ?", *ranged[0]]
        params += [low, high, *ranged[1]]
    sql = f"""SELECT DISTINCT a.id, a.date FROM {source.from_sql}
              WHERE {" AND ".join(terms)} ORDER BY a.date, a.id"""
    return sql, params
