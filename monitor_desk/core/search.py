"""Full-text search over article text, highlights and claims (one FTS5 table).

A row's rowid says what it is: ``ref_id * 4 + kind``; that lets a row be replaced or
removed by rowid, never by a scan. Its ``stems`` column holds the stems of its Russian
words (core/search_stems.py), so a Russian word is found in any case form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from sqlite_utils import Database

from .entity_corrections import speaker_sql
from .models import SearchCount, SearchHit
from .search_stems import has_cyrillic, query_stems, stems

Kind = Literal["article", "highlight", "claim"]
_KIND_CODE: dict[str, int] = {"article": 0, "highlight": 1, "claim": 2}
_CODE_KIND: dict[int, Kind] = {0: "article", 1: "highlight", 2: "claim"}

_TERM = re.compile(r'"([^"]*)"|(\S+)')
_SNIPPET_OPEN = "\u27e6"  # ⟦ marks a hit in snippets; faces turn it into bold or colour
_SNIPPET_CLOSE = "\u27e7"


def fts_rowid(kind: Kind, ref_id: int) -> int:
    return ref_id * 4 + _KIND_CODE[kind]


def index_row(
    db: Database, kind: Kind, ref_id: int, article_id: int, title: str, body: str
) -> None:
    rowid = fts_rowid(kind, ref_id)
    if kind != "article":
        title = ""  # notes and claims match on their own words, not their article's title
    db.execute("DELETE FROM search_fts WHERE rowid = ?", [rowid])
    db.execute(
        "INSERT INTO search_fts(rowid, article_id, title, body, stems) VALUES (?, ?, ?, ?, ?)",
        [rowid, article_id, title, body, stems(title, body)],
    )


def set_title(db: Database, article_id: int) -> None:
    """Give the article's search row its current title (and the title's stems)."""
    rowid = fts_rowid("article", article_id)
    row = db.execute(
        """SELECT a.title, s.body FROM articles a JOIN search_fts s ON s.rowid = ?
           WHERE a.id = ?""",
        [rowid, article_id],
    ).fetchone()
    if row is not None:
        db.execute(
            "UPDATE search_fts SET title = ?, stems = ? WHERE rowid = ?",
            [row[0], stems(row[0], row[1]), rowid],
        )


def index_highlight(db: Database, highlight_id: int) -> None:
    """(Re)write a highlight's row: its quote, note and tag names."""
    article_id, title, exact, note = db.execute(
        """SELECT h.article_id, a.title, h.exact, h.note FROM highlights h
           JOIN articles a ON a.id = h.article_id WHERE h.id = ?""",
        [highlight_id],
    ).fetchone()
    tags = [
        r[0]
        for r in db.execute(
            """SELECT t.name FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id
               WHERE ht.highlight_id = ? ORDER BY t.name COLLATE NOCASE""",
            [highlight_id],
        )
    ]
    body = "\n".join(x for x in (exact, note, " ".join(tags)) if x)
    index_row(db, "highlight", highlight_id, article_id, title, body)


_CLAIM_ROWS = f"""SELECT c.id, r.article_id, a.title, {speaker_sql("c")}, c.speaker_text,
           c.content_text FROM claims c JOIN revisions r ON r.id = c.revision_id
           JOIN articles a ON a.id = r.article_id"""


def index_claim(db: Database, claim_id: int) -> None:
    """(Re)write a claim's row: ``speaker: content``, the speaker's corrected name."""
    row = db.execute(f"{_CLAIM_ROWS} WHERE c.id = ?", [claim_id]).fetchone()
    _index_claim_row(db, row)


def index_claims_of(db: Database, article_ids: Iterable[int]) -> None:
    """Rewrite the claim rows of these articles' current revisions: after an entity
    correction renamed speakers, search finds a claim by its speaker's corrected name."""
    for article_id in sorted(set(article_ids)):
        for row in db.execute(
            f"""{_CLAIM_ROWS} WHERE c.revision_id =
                (SELECT current_revision_id FROM articles WHERE id = ?)""",
            [article_id],
        ).fetchall():
            _index_claim_row(db, row)


def _index_claim_row(db: Database, row: tuple[int, int, str, str, str, str]) -> None:
    claim_id, article_id, title, name, speaker, content = row
    index_row(db, "claim", claim_id, article_id, title, f"{name or speaker or ''}: {content}")


def unindex_rows(db: Database, kind: Kind, ref_ids: Iterable[int]) -> None:
    db.conn.executemany(
        "DELETE FROM search_fts WHERE rowid = ?", [(fts_rowid(kind, r),) for r in ref_ids]
    )


def to_fts_query(query: str) -> str | None:
    """Turn what a user typed into a safe FTS5 query: every word must occur.

    Quotes make a phrase; a trailing ``*`` on a word is a prefix search; every other
    character is literal (no FTS5 syntax errors from ``-``, ``:``, ``(``, ``AND`` …).
    A Russian word matches its stem in the ``stems`` column, and its stem as a prefix of
    the text's words, so snippets mark the words found ("Медведев": "Медведеву").
    """
    parts: list[str] = []
    for m in _TERM.finditer(query):
        phrase, word = m.group(1), m.group(2)
        if phrase is not None:
            tokens = re.findall(r"\w+", phrase)
            if tokens:
                parts.append(_russian_phrase(tokens) or '"' + " ".join(tokens) + '"')
            continue
        prefix = word.endswith("*")
        tokens = re.findall(r"\w+", word)
        for i, token in enumerate(tokens):
            star = prefix and i == len(tokens) - 1
            if has_cyrillic(token) and not star and not token.isdigit():
                parts.append(_russian_word(token))
            else:
                parts.append(f'"{token}"' + ("*" if star else ""))
    return " AND ".join(parts) if parts else None  # FTS5 takes no implicit AND after ")"


def _russian_word(token: str) -> str:
    found = query_stems(token)
    in_stems = " OR ".join(f'stems : "{s}"' for s in found)
    shortest = min(found, key=len)
    # the second half only marks the words for snippet(): the first decides the match
    return f'(({in_stems}) AND ({{title body}} : "{shortest}"* OR stems : "{shortest}"))'


def _russian_phrase(tokens: list[str]) -> str | None:
    """A phrase of Russian words as their stems (a phrase mixing alphabets: as written)."""
    if not all(has_cyrillic(t) for t in tokens):
        return None
    words = " ".join(stems(t) for t in tokens)
    marks = " OR ".join(f'{{title body}} : "{min(query_stems(t), key=len)}"*' for t in tokens)
    return f'(stems : "{words}" AND ({marks} OR stems : "{words}"))'


def search(db: Database, query: str, limit: int = 100, offset: int = 0) -> list[SearchHit]:
    """The best ``limit`` hits after the first ``offset``, best first."""
    fts = to_fts_query(query)
    if fts is None:
        return []
    sql = f"""
        SELECT s.rowid, s.article_id,
               snippet(search_fts, 2, '{_SNIPPET_OPEN}', '{_SNIPPET_CLOSE}', '…', 16) AS snip,
               a.title, a.publication, a.volume, a.issue, a.date, a.source_path,
               a.date_source, a.date_precision, a.date_rule
        FROM search_fts AS s JOIN articles AS a ON a.id = s.article_id
        WHERE search_fts MATCH ?
        ORDER BY rank
        LIMIT ? OFFSET ?
    """
    hits = []
    for row in db.execute(sql, [fts, limit, max(0, offset)]):
        rowid, article_id, snip, title, pub, vol, iss, date, path, source, precision, rule = row
        kind = _CODE_KIND[rowid % 4]
        hits.append(
            SearchHit(
                article_id=article_id,
                title=title,
                kind=kind,
                snippet=snip,
                publication=pub,
                volume=vol,
                issue=iss,
                date=date,
                source_path=path,
                highlight_id=rowid // 4 if kind == "highlight" else None,
                date_source=source,
                date_precision=precision,
                date_rule=rule,
            )
        )
    return hits


# The articles of a query's hits: an article's own row says it by its rowid, a note's or a
# claim's by its article_id column (read from FTS5's content: the slow part, so only for
# those rows). Every row of search_fts belongs to an article in the library (a delete
# removes them), so no join with articles is needed.
_HIT_ARTICLES = """
    SELECT rowid / 4 AS id FROM search_fts WHERE search_fts MATCH :q AND rowid % 4 = 0
    UNION ALL SELECT article_id FROM search_fts WHERE search_fts MATCH :q AND rowid % 4 != 0"""


def count(db: Database, query: str, articles_up_to: int | None = None) -> SearchCount:
    """Every hit of ``query`` (exact, not capped; cheap: rowids only) and the articles they
    are in — None when there are more than ``articles_up_to`` hits (at 100k articles
    counting the articles of 160k hits reads their rows: 0.3-0.5 s)."""
    fts = to_fts_query(query)
    if fts is None:
        return SearchCount(0, 0)
    (hits,) = db.execute(
        "SELECT COUNT(*) FROM search_fts WHERE search_fts MATCH ?", [fts]
    ).fetchone()
    if articles_up_to is not None and hits > articles_up_to:
        return SearchCount(int(hits), None)
    (articles,) = db.execute(
        f"SELECT COUNT(DISTINCT id) FROM ({_HIT_ARTICLES})", {"q": fts}
    ).fetchone()
    return SearchCount(int(hits), int(articles))


def article_ids(db: Database, query: str) -> list[int]:
    """The articles with a hit of ``query`` (in their text, a note or a claim), by id."""
    fts = to_fts_query(query)
    if fts is None:
        return []
    row = db.execute(
        f"SELECT group_concat(id) FROM (SELECT DISTINCT id FROM ({_HIT_ARTICLES}) ORDER BY id)",
        {"q": fts},
    ).fetchone()
    return list(map(int, row[0].split(","))) if row and row[0] else []


def plain_snippet(snippet: str) -> str:
    """The snippet without hit markers (for plain-text output)."""
    return snippet.replace(_SNIPPET_OPEN, "").replace(_SNIPPET_CLOSE, "")
