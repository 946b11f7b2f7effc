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

from dataclasses import dataclass, field
from typing import Any, Literal

from .entity_corrections import speaker_sql

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

_Y = "[0-9][0-9][0-9][0-9]"
_BUCKET = {
    "year": f"CASE WHEN a.date GLOB '{_Y}*' THEN substr(a.date, 1, 4) END",
    "month": f"CASE WHEN a.date GLOB '{_Y}-[01][0-9]*' THEN substr(a.date, 1, 7) END",
    # date() is NULL for an impossible day; 'weekday 1' after '-6 days': that week's Monday.
    "week": f"""CASE WHEN a.date GLOB '{_Y}-[01][0-9]-[0-3][0-9]*'
                THEN date(substr(a.date, 1, 10), '-6 days', 'weekday 1') END""",
}


def bucket_sql(by: Granularity) -> str:
    """The bucket of ``articles a``'s date at ``by``, NULL when it has none."""
    return _BUCKET[by]


def key_sql(by: Granularity) -> str:
    """The bucket, or ``undated`` / ``unplaced`` for an article in none."""
    return f"""COALESCE({bucket_sql(by)}, CASE WHEN a.date IS NULL OR trim(a.date) = ''
               THEN '{UNDATED}' ELSE '{UNPLACED}' END)"""


CURRENT = "JOIN revisions r ON r.id = {rev} JOIN articles a ON a.id = r.article_id AND a.current_revision_id = r.id"  # noqa: E501
"""Joins a row's revision to its article, keeping only rows of current revisions."""


@dataclass
class Source:
    """What one kind counts: ``FROM`` (with ``articles a``), the series of a row and
    extra terms; ``series`` and ``where`` take ``params`` in that order."""

    from_sql: str
    series: str
    where: list[str] = field(default_factory=list)
    series_params: list[Any] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)


def case_of(column: str, names: dict[Any, str]) -> tuple[str, list[Any]]:
    """``CASE column WHEN k THEN name … END`` for ``names`` (several keys may share a name)."""
    params: list[Any] = []
    whens = []
    for key, name in names.items():
        whens.append("WHEN ? THEN ?")
        params += [key, name]
    return f"CASE {column} {' '.join(whens)} END", params


def articles_source() -> Source:
    return Source("articles a", "'articles'")


def mentions_source(entity_names: dict[int, str]) -> Source:
    """Mentions of the given library entities (id → series name) in current texts."""
    series, params = case_of("e.entity_id", entity_names)
    ids = list(entity_names)
    return Source(
        f"entities e {CURRENT.format(rev='e.revision_id')}",
        series,
        [f"e.entity_id IN ({','.join('?' * len(ids))})"],
        params,
        ids,
    )


def claims_source(stored_names: list[str], speakers: dict[str, str]) -> Source:
    """Claims whose speaker (as the faces show it, corrections applied) is one of
    ``speakers`` (lower-cased name → series name); ``stored_names`` are the names those
    claims may be stored under (the index finds them)."""
    shown = speaker_sql("c")
    series, params = case_of(f"lower({shown})", speakers)
    return Source(
        f"claims c {CURRENT.format(rev='c.revision_id')}",
        series,
        [
            f"c.speaker_name COLLATE NOCASE IN ({','.join('?' * len(stored_names))})",
            f"lower({shown}) IN ({','.join('?' * len(speakers))})",
        ],
        params,
        [*stored_names, *speakers],
    )


OUTLETS_FROM = f"""citation_items ci JOIN citations ct ON ct.id = ci.citation_id
    {CURRENT.format(rev="ct.revision_id")} JOIN outlets o ON o.id = ci.outlet_id"""


def outlets_source(outlet_ids: dict[int, str] | None) -> Source:
    """Citation items of the given outlets (id → name); of every outlet when None."""
    if outlet_ids is None:
        return Source(OUTLETS_FROM, "'all'")
    series, params = case_of("ci.outlet_id", outlet_ids)
    ids = list(outlet_ids)
    where = [f"ci.outlet_id IN ({','.join('?' * len(ids))})"]
    return Source(OUTLETS_FROM, series, where, params, ids)


def tag_source(name: str, subquery: str, sub_params: list[Any]) -> Source:
    """Highlights with tag ``name`` or one of its sub-tags (one series per tag: a highlight
    with two chosen tags counts in both)."""
    return Source(
        "highlights h JOIN articles a ON a.id = h.article_id",
        "?",
        [f"h.id IN ({subquery})"],
        [name],
        list(sub_params),
    )


Ranged = tuple[list[str], list[Any]]
"""Terms (and their parameters) on placed rows only: the date range."""


def counts_sql(source: Source, by: Granularity, ranged: Ranged) -> tuple[str, list[Any]]:
    """``(series, key, value, distinct articles)`` rows for ``source``; ``ranged`` are
    terms on placed rows (a date range), which leave the undated and unplaced alone."""
    bucket = bucket_sql(by)
    terms = list(source.where)
    if ranged[0]:
        terms.append(f"({bucket} IS NULL OR ({' AND '.join(ranged[0])}))")
    where = f"WHERE {' AND '.join(terms)}" if terms else ""
    sql = f"""SELECT {source.series} AS s, {key_sql(by)} AS k, COUNT(*), COUNT(DISTINCT a.id)
              FROM {source.from_sql} {where} GROUP BY s, k"""
    return sql, [*source.series_params, *source.params, *ranged[1]]


def ids_sql(source: Source, by: Granularity, key: str, ranged: Ranged) -> tuple[str, list[Any]]:
    """The ids of the articles behind one bucket (or ``undated``/``unplaced``) of
    ``source``, all series together, in date order."""
    terms = [*source.where, f"{key_sql(by)} = ?"]
    params = [*source.params, key]
    if key not in APART:
        terms += ranged[0]
        params += ranged[1]
    sql = f"""SELECT DISTINCT a.id, a.date FROM {source.from_sql}
              WHERE {" AND ".join(terms)} ORDER BY a.date, a.id"""
    return sql, params
