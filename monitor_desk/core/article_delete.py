"""Deleting articles, and putting them back exactly (``lib.deletions``; undo in the GUI).

A delete removes the articles and, by the schema's cascades, everything that hangs on them:
revisions, their analysis (entities, citations, claims), highlights with their tags. Before
it deletes, it snapshots every one of those rows — found by following the foreign keys that
point at ``articles``, so a table a later schema adds is carried too — plus the articles'
full-text rows. ``restore`` writes them back under their ids: ids are never handed out again
(AUTOINCREMENT since 0003 / 0008), so a restored row cannot collide with a newer one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from . import search
from .changes import Changes
from .connection import Component
from .db import environment_errors
from .errors import InvalidInputError, NotFoundError
from .sql import chunks, in_clause


@dataclass(frozen=True, slots=True)
class DeleteImpact:
    """What deleting some articles takes with it (the confirmation says so)."""

    articles: int
    highlights: int
    analyst_claims: int  # claims the analyst added or edited; extracted ones come back on analysis


@dataclass(frozen=True, slots=True)
class ArticlesSnapshot:
    """Every row a delete removes: ``tables`` in the order they can be re-inserted, each as
    (table, column names, rows); ``search`` the full-text rows as (rowid, article_id, title,
    body); ``near_links`` the (near-duplicate, original) links of articles left in the
    library to originals deleted (the delete clears them; the undo sets them again)."""

    article_ids: tuple[int, ...]
    tables: tuple[tuple[str, tuple[str, ...], tuple[tuple[Any, ...], ...]], ...]
    search: tuple[tuple[Any, ...], ...]
    near_links: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Deleted:
    """A delete: how many articles went, what changed, and the snapshot that undoes it."""

    count: int
    changes: Changes
    snapshot: ArticlesSnapshot


def _children(db: Database, parent: str) -> list[tuple[str, str]]:
    """(table, column) of every foreign key that references ``parent``'s id."""
    found = []
    for (table,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ):
        for fk in db.execute(f'PRAGMA foreign_key_list("{table}")'):
            if fk[2] == parent and table != parent:
                found.append((table, fk[3]))
    return found


def _has_id(db: Database, table: str) -> bool:
    return any(c[1] == "id" and c[5] == 1 for c in db.execute(f'PRAGMA table_info("{table}")'))


def _snapshot(db: Database, article_ids: list[int]) -> ArticlesSnapshot:
    """Rows hanging on ``article_ids``, parents before children (inside a transaction)."""
    rows: dict[str, dict[Any, tuple[Any, ...]]] = {}
    columns: dict[str, tuple[str, ...]] = {}
    order: list[str] = []
    ids: dict[str, set[int]] = {"articles": set(article_ids)}

    def take(table: str, where: str, values: list[int]) -> None:
        sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
        key = "NULL" if "WITHOUT ROWID" in sql.upper() else "rowid"
        for chunk in chunks(values):
            cur = db.execute(
                f'SELECT {key} AS _key_, * FROM "{table}" WHERE "{where}" IN {in_clause(chunk)}',
                chunk,
            )
            columns[table] = tuple(d[0] for d in cur.description[1:])
            for row in cur:
                key = row[0] if row[0] is not None else row[1:]
                rows.setdefault(table, {})[key] = tuple(row[1:])
        if table not in order:
            order.append(table)

    take("articles", "id", article_ids)
    queue = ["articles"]
    while queue:
        parent = queue.pop(0)
        for table, column in _children(db, parent):
            take(table, column, sorted(ids[parent]))
            if _has_id(db, table):
                got = {r[columns[table].index("id")] for r in rows.get(table, {}).values()}
                if not got <= ids.get(table, set()):
                    ids[table] = ids.get(table, set()) | got
                    queue.append(table)
    # A table goes after every table it references (highlights after revisions).
    ordered: list[str] = []
    while len(ordered) < len(order):
        for table in order:
            if table in ordered:
                continue
            parents = {fk[2] for fk in db.execute(f'PRAGMA foreign_key_list("{table}")')}
            if all(p in ordered or p == table or p not in order for p in parents):
                ordered.append(table)
    fts_ids = [search.fts_rowid("article", i) for i in article_ids]
    fts_ids += [search.fts_rowid("highlight", i) for i in ids.get("highlights", ())]
    fts_ids += [search.fts_rowid("claim", i) for i in ids.get("claims", ())]
    fts: list[tuple[Any, ...]] = []
    for chunk in chunks(fts_ids):
        fts += db.execute(
            f"SELECT rowid, article_id, title, body, stems FROM search_fts WHERE rowid IN "
            f"{in_clause(chunk)}",
            chunk,
        ).fetchall()
    deleted = set(article_ids)
    links: list[tuple[int, int]] = []
    for chunk in chunks(article_ids):
        links += [
            (int(dup), int(original))
            for dup, original in db.execute(
                f"SELECT id, near_duplicate_of FROM articles WHERE near_duplicate_of IN "
                f"{in_clause(chunk)}",
                chunk,
            )
            if dup not in deleted
        ]
    return ArticlesSnapshot(
        tuple(article_ids),
        tuple((t, columns[t], tuple(rows.get(t, {}).values())) for t in ordered),
        tuple(fts),
        tuple(links),
    )


def _changes(snapshot: ArticlesSnapshot) -> Changes:
    found = {t: (cols, rs) for t, cols, rs in snapshot.tables}

    def ids(table: str) -> list[int]:
        if table not in found or "id" not in found[table][0]:
            return []
        at = found[table][0].index("id")
        return [r[at] for r in found[table][1]]

    return Changes.of(
        articles=[*snapshot.article_ids, *(dup for dup, _ in snapshot.near_links)],
        highlights=ids("highlights"),
        claims=ids("claims"),
    )


class Deletions(Component):
    """``lib.deletions``: delete articles, say what a delete would take, undo it."""

    def impact(self, article_ids: Iterable[int]) -> DeleteImpact:
        wanted = sorted(set(article_ids))
        articles = highlights = claims = 0
        with self._connection.reading() as db:
            for chunk in chunks(wanted):
                where = in_clause(chunk)
                a, h = db.execute(
                    f"SELECT COUNT(*), COALESCE(SUM(notes_count), 0) FROM articles "
                    f"WHERE id IN {where}",
                    chunk,
                ).fetchone()
                (c,) = db.execute(
                    f"""SELECT COUNT(*) FROM claims c JOIN revisions r ON r.id = c.revision_id
                        WHERE r.article_id IN {where} AND (c.origin = 'user' OR c.edited
                              OR c.credibility IS NOT NULL)""",
                    chunk,
                ).fetchone()
                articles, highlights, claims = articles + a, highlights + h, claims + c
        return DeleteImpact(articles, highlights, claims)

    @environment_errors
    def delete(self, article_ids: Iterable[int]) -> Deleted:
        """Delete the articles and everything on them; ``NotFoundError`` (nothing deleted)
        if one of them is not in the library."""
        wanted = sorted(set(article_ids))
        if not wanted:
            raise InvalidInputError("No article to delete.")
        with self._connection.writing() as db:
            present: set[int] = set()
            for chunk in chunks(wanted):
                present |= {
                    r[0]
                    for r in db.execute(
                        f"SELECT id FROM articles WHERE id IN {in_clause(chunk)}", chunk
                    )
                }
            missing = [i for i in wanted if i not in present]
            if missing:
                raise NotFoundError(f"There is no article {missing[0]}.")
            snapshot = _snapshot(db, wanted)
            db.conn.executemany(
                "DELETE FROM search_fts WHERE rowid = ?", [(r[0],) for r in snapshot.search]
            )
            for chunk in chunks(wanted):
                db.execute(f"DELETE FROM articles WHERE id IN {in_clause(chunk)}", chunk)
        return Deleted(len(wanted), _changes(snapshot), snapshot)

    @environment_errors
    def restore(self, snapshot: ArticlesSnapshot) -> Changes:
        """Put back exactly what ``delete`` removed, ids kept; refused (nothing written) if
        one of the articles is in the library again."""
        with self._connection.writing() as db:
            for chunk in chunks(list(snapshot.article_ids)):
                back = db.execute(
                    f"SELECT id FROM articles WHERE id IN {in_clause(chunk)}", chunk
                ).fetchone()
                if back is not None:
                    raise InvalidInputError(f"Article {back[0]} is in the library already.")
            notes: dict[int, int] = {}
            for table, cols, rows in snapshot.tables:
                if table == "articles" and "near_duplicate_of" in cols:
                    # Originals first: a near-duplicate deleted with its original links to it.
                    link = cols.index("near_duplicate_of")
                    rows = tuple(sorted(rows, key=lambda r: r[link] is not None))  # noqa: B023
                names = ", ".join(f'"{c}"' for c in cols)
                marks = ", ".join("?" * len(cols))
                db.conn.executemany(f'INSERT INTO "{table}"({names}) VALUES ({marks})', rows)
                if table == "articles":
                    at, count = cols.index("id"), cols.index("notes_count")
                    notes = {r[at]: r[count] for r in rows}
            # The highlights' insert trigger counted them once more: the stored count is right.
            db.conn.executemany(
                "UPDATE articles SET notes_count = ? WHERE id = ?",
                [(n, i) for i, n in notes.items()],
            )
            # So did the claims' trigger (schema 0012_claim_views): count them once, here.
            for chunk in chunks(list(snapshot.article_ids)):
                db.execute(
                    f"""UPDATE articles SET claims_count = (SELECT COUNT(*) FROM claims c
                        WHERE c.revision_id = articles.current_revision_id)
                        WHERE id IN {in_clause(chunk)}""",
                    chunk,
                )
            db.conn.executemany(
                "INSERT INTO search_fts(rowid, article_id, title, body, stems) "
                "VALUES (?, ?, ?, ?, ?)",
                snapshot.search,
            )
            # Near-duplicates left in the library link to their original again (unless one
            # was linked to another meanwhile, or is gone).
            db.conn.executemany(
                "UPDATE articles SET near_duplicate_of = ? WHERE id = ? AND near_duplicate_of "
                "IS NULL",
                [(original, dup) for dup, original in snapshot.near_links],
            )
        return _changes(snapshot)
