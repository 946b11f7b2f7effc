"""The Notes list as ordered highlight ids (filters applied in SQL) and its rows by the page.

A whole library can hold 100k highlights: the list keeps only their ids, in the order
``list_highlights`` uses (article, position, id), and fetches the rows on screen.
The text filter has the Notes tab's meaning — every word occurs, ignoring case (Unicode
case folding), in the quote, the note or a tag name — and runs in SQL. Callers hold the
library's lock.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from .filters import highlight_where
from .models import Highlight
from .sql import Where, chunks, in_clause
from .tags import tags_of

ORDER = "h.article_id, h.start, h.id"


def scope_where(article_id: int | None, tag: str | None) -> Where:
    """Terms (over ``highlights h``) for one article's highlights (None: all) that carry
    ``tag`` or a sub-tag (None: any)."""
    return highlight_where(article_ids=None if article_id is None else [article_id], tag=tag)


HIGHLIGHT_COLUMNS = """h.id, h.article_id, h.revision_id, h.start, h."end", h.exact, h.prefix,
    h.suffix, h.text_sha256, h.color, h.note, h.status, h.created, h.modified"""

_CONTAINS_FN = "monitor_desk_folded_contains"


@dataclass(frozen=True, slots=True)
class HighlightIds:
    """The highlights a Notes list shows.

    Attributes:
        ids: highlight ids in list order (a compact array: 8 bytes a highlight).
        orphans: how many of them are no longer found in their article's text.
    """

    ids: array[int]
    orphans: int


def _like_literal(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _contains(text: Any, word: str) -> bool:
    """``word`` (case-folded) occurs in ``text`` case-folded."""
    return isinstance(text, str) and word in text.casefold()


def _column_has(column: str, word: str) -> tuple[str, list[str]]:
    """SQL true when the case-folded ``column`` contains ``word`` (already case-folded).

    LIKE folds ASCII only, which is all pure-ASCII text needs. Python's folding is called
    just for text with a character outside ASCII (more bytes than characters: a cheap test,
    where GLOB or per-character tests cost 10-20 times more), and for an ASCII word only
    when LIKE said no ("strasse" in "Straße"). A word with a character outside ASCII cannot
    be in pure ASCII text at all.
    """
    non_ascii = f"length(CAST({column} AS BLOB)) != length({column})"
    folded = f"({non_ascii} AND {_CONTAINS_FN}({column}, ?))"
    if word.isascii():
        return f"({column} LIKE ? ESCAPE '\\' OR {folded})", [_like_literal(word), word]
    return folded, [word]


def _text_filter(db: Database, text: str) -> tuple[list[str], list[Any]]:
    words = text.casefold().split()
    if not words:
        return [], []
    db.conn.create_function(_CONTAINS_FN, 2, _contains, deterministic=True)
    # Tag names are few: which ones hold a word is decided here, not per highlight.
    tag_names = [(int(i), str(n).casefold()) for i, n in db.execute("SELECT id, name FROM tags")]
    where: list[str] = []
    params: list[Any] = []
    for word in words:
        parts: list[str] = []
        tag_ids = [i for i, name in tag_names if word in name]
        if tag_ids:  # first: a lookup in a small set is cheaper than a LIKE over the text
            parts.append(
                "h.id IN (SELECT highlight_id FROM highlight_tags WHERE tag_id IN "
                f"({','.join(map(str, tag_ids))}))"
            )
        for column in ("h.exact", "h.note"):
            sql, column_params = _column_has(column, word)
            parts.append(sql)
            params += column_params
        where.append("(" + " OR ".join(parts) + ")")
    return where, params


def highlight_ids(
    db: Database, article_id: int | None = None, tag: str | None = None, text: str = ""
) -> HighlightIds:
    """Ids of the highlights of ``article_id`` (None: every article) that carry ``tag`` or
    one of its sub-tags (None: any) and contain every word of ``text``, in list order.

    Raises ``InvalidInputError`` when ``tag`` is no tag name (e.g. "/").
    """
    where = scope_where(article_id, tag)
    text_where, text_params = _text_filter(db, text)
    for term in text_where:
        where.add(term)
    where.params += text_params
    condition = where.sql()
    # One string of ids, not 100k rows: Python builds no row objects. "+h.article_id"
    # keeps SQLite from walking the article index for the order: reading the table in
    # its own order and sorting is 20% faster (and the lookup for one article still
    # uses the index).
    sql = f"""SELECT group_concat(id), coalesce(sum(orphan), 0) FROM (
                  SELECT h.id AS id, h.status != 'anchored' AS orphan FROM highlights h
                  {condition} ORDER BY +{ORDER})"""
    joined, orphans = db.execute(sql, where.params).fetchone()
    ids = array("q", json.loads(f"[{joined}]")) if joined else array("q")  # json: 2x faster
    return HighlightIds(ids, int(orphans))


def highlights_by_ids(db: Database, ids: Sequence[int]) -> list[Highlight]:
    """Highlights (with their tags) for ``ids``, in the same order; missing ids left out."""
    found: dict[int, Highlight] = {}
    for chunk in chunks(ids):
        sql = f"SELECT {HIGHLIGHT_COLUMNS} FROM highlights h WHERE h.id IN {in_clause(chunk)}"
        for row in db.execute(sql, chunk):
            found[row[0]] = Highlight(*row)
    tag_map = tags_of(db, list(found))
    for hid, h in found.items():
        h.tags = tag_map.get(hid, [])
    return [found[i] for i in ids if i in found]
