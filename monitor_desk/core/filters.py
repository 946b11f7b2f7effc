"""The one filter builder: which articles (the library list, claim and source exports) and
which highlights (the Notes list, note exports) a choice of tag, text, dates and ids means.

A tag matches itself and its sub-tags ("claim" matches "claim/denial", never "claimant").
Dates are ISO strings; an end date includes that whole day.
"""

from __future__ import annotations

from collections.abc import Sequence

from .search import to_fts_query
from .sql import Where, date_range
from .tags import tagged_highlights_sql


def article_where(
    *,
    ids: Sequence[int] | None = None,
    publication: str | None = None,
    volume: str | None = None,
    issue: str | None = None,
    tag: str | None = None,
    entity: str | None = None,
    outlet: str | None = None,
    search: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    date_source: str | None = None,
    near_duplicates: bool | None = None,
) -> Where:
    """Terms over ``articles a``; every argument left None filters nothing. ``date_source``:
    one source (``header`` … ``analyst``), ``inferred`` (dateline, citations or a publication
    rule), ``rule`` (a publication rule gave the year) or ``none``
    (undated). ``near_duplicates=False`` leaves out articles linked to an original."""
    where = Where()
    if ids is not None:
        where.among("a.id", ids)
    for column, value in (("publication", publication), ("volume", volume), ("issue", issue)):
        if value is not None:
            where.add(f"a.{column} = ? COLLATE NOCASE", value)
    if tag is not None:
        sub, sub_params = tagged_highlights_sql(tag)
        where.add(f"a.id IN (SELECT article_id FROM highlights WHERE id IN ({sub}))", *sub_params)
    if entity is not None:
        where.add(
            """a.current_revision_id IN (SELECT revision_id FROM entities
               WHERE cluster = ? COLLATE NOCASE OR text = ? COLLATE NOCASE)""",
            entity,
            entity,
        )
    if outlet is not None:
        where.add(
            """a.current_revision_id IN (SELECT c.revision_id FROM citations c
               JOIN citation_items ci ON ci.citation_id = c.id
               JOIN outlets o ON o.id = ci.outlet_id WHERE o.name = ? COLLATE NOCASE)""",
            outlet,
        )
    if search is not None:
        fts = to_fts_query(search)
        if fts:
            where.add("a.id IN (SELECT article_id FROM search_fts WHERE search_fts MATCH ?)", fts)
        else:
            where.add("0")
    where.extend(date_range("a.date", date_from, date_to))
    if date_to:
        # A date without its year (``--09-26``) is in no range of years.
        where.add("a.date GLOB '[0-9]*'")
    if date_source == "none":
        where.add("a.date IS NULL")
    elif date_source == "inferred":
        where.add("(a.date_source IN ('dateline', 'citations') OR a.date_rule IS NOT NULL)")
    elif date_source == "rule":
        where.add("a.date_rule IS NOT NULL")
    elif date_source == "analyst":  # the analyst's own edits, not a rule's years
        where.add("a.date_source = 'analyst' AND a.date_rule IS NULL")
    elif date_source is not None:
        where.add("a.date_source = ?", date_source)
    if near_duplicates is False:
        where.add("a.near_duplicate_of IS NULL")
    return where


def highlight_where(
    *,
    article_ids: Sequence[int] | None = None,
    highlight_ids: Sequence[int] | None = None,
    tag: str | None = None,
    search: str | None = None,
    created_from: str | None = None,
    created_to: str | None = None,
    any_tag: Sequence[str] | None = None,
    article_dates: tuple[str | None, str | None] | None = None,
) -> Where:
    """Terms over ``highlights h``; every argument left None filters nothing. ``any_tag``:
    one of these tags or their sub-tags; ``article_dates``: the highlight's article is dated
    in this range (as ``article_where``'s ``date_from``/``date_to``)."""
    where = Where()
    if article_ids is not None:
        where.among("h.article_id", article_ids)
    if highlight_ids is not None:
        where.among("h.id", highlight_ids)
    if tag is not None:
        sub, sub_params = tagged_highlights_sql(tag)
        where.add(f"h.id IN ({sub})", *sub_params)
    if any_tag is not None:
        subs = [tagged_highlights_sql(t) for t in any_tag]
        where.add(
            "(" + " OR ".join(f"h.id IN ({sql})" for sql, _ in subs) + ")" if subs else "0",
            *[p for _, params in subs for p in params],
        )
    if article_dates is not None:
        dated = article_where(date_from=article_dates[0], date_to=article_dates[1])
        where.add(f"h.article_id IN (SELECT a.id FROM articles a{dated.sql()})", *dated.params)
    if search is not None:
        fts = to_fts_query(search)
        if fts is None:
            where.add("0")
        else:
            # A note matches when its own text, tags or note match, or its article does.
            where.add(
                """(h.id * 4 + 1 IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)
                    OR h.article_id * 4 IN (SELECT rowid FROM search_fts
                                            WHERE search_fts MATCH ?))""",
                fts,
                fts,
            )
    where.extend(date_range("h.created", created_from, created_to))
    return where
