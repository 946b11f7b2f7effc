"""The pages of a paged document (a PDF): which page an offset of a revision's text is on.

A revision of a paged document stores ``page_starts``: the code-point offset into its
``text`` where each page begins (page 1 at index 0), as a JSON array in
``revisions.page_starts`` (step ``0014_document_pages``). Text that has no pages (plain
text, HTML, e-mail …) stores NULL, and every offset of it is on no page (``None``).
An offset before the first page's start (a header block written above the first page)
counts as page 1.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from sqlite_utils import Database

from .sql import chunks, in_clause

PAGE_OF_HIGHLIGHT = """(SELECT CASE WHEN pr.page_starts IS NULL THEN NULL ELSE
        MAX(1, (SELECT COUNT(*) FROM json_each(pr.page_starts) j WHERE j.value <= h.start))
        END FROM revisions pr WHERE pr.id = h.revision_id)"""
"""SQL: the page of highlight ``h`` (``page_for`` of its start in its revision), or NULL."""


def page_for(page_starts: Sequence[int], offset: int) -> int | None:
    """The 1-based page that ``offset`` is on, given a revision's page starts."""
    if not page_starts:
        return None
    return max(1, bisect_right(page_starts, offset))


def encode_page_starts(page_starts: Sequence[int]) -> str | None:
    """The column's value: NULL for a document without pages."""
    return json.dumps(list(page_starts)) if page_starts else None


def decode_page_starts(value: str | None) -> list[int]:
    return [int(n) for n in json.loads(value)] if value else []


def page_starts(db: Database, revision_id: int) -> list[int]:
    """Where each page of the revision begins; empty when it has no pages."""
    row = db.execute("SELECT page_starts FROM revisions WHERE id = ?", [revision_id]).fetchone()
    return decode_page_starts(row[0]) if row else []


def page_at(db: Database, revision_id: int, offset: int) -> int | None:
    """The 1-based page of ``offset`` in the revision; None when it has no pages (or there
    is no such revision)."""
    return page_for(page_starts(db, revision_id), offset)


def pages_at(db: Database, spots: Iterable[tuple[int, int]]) -> dict[tuple[int, int], int | None]:
    """``page_at`` for many ``(revision_id, offset)`` pairs, one query per 500 revisions."""
    wanted = list(dict.fromkeys(spots))
    starts: dict[int, list[int]] = {}
    revision_ids = list(dict.fromkeys(rid for rid, _ in wanted))
    for chunk in chunks(revision_ids):
        for rid, value in db.execute(
            f"SELECT id, page_starts FROM revisions WHERE id IN {in_clause(chunk)}", chunk
        ):
            starts[rid] = decode_page_starts(value)
    return {(rid, off): page_for(starts.get(rid, []), off) for rid, off in wanted}


def page_count(db: Database, revision_id: int) -> int:
    """How many pages the revision has (0: not a paged document)."""
    return len(page_starts(db, revision_id))
