"""The Overview's count tables (``core/chart_counts.py``) counted again from scratch, from
the base tables, to check that the triggers kept them exactly right."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlite_utils import Database

Rows = list[tuple[Any, ...]]


def _level_one(db: Database) -> dict[str, Counter[tuple[Any, ...]]]:
    out: dict[str, Counter[tuple[Any, ...]]] = {
        "chart_mentions": Counter(),
        "chart_outlets": Counter(),
        "chart_tags": Counter(),
        "chart_tag_roots": Counter(),
    }
    current = {r[0]: (r[1], r[2]) for r in db.execute(
        "SELECT current_revision_id, id, date FROM articles")}  # fmt: skip
    for revision_id, entity_id in db.execute("SELECT revision_id, entity_id FROM entities"):
        if revision_id in current and entity_id is not None:
            article, date = current[revision_id]
            out["chart_mentions"][(article, entity_id, date)] += 1
    for revision_id, outlet_id in db.execute(
        """SELECT ct.revision_id, ci.outlet_id FROM citation_items ci
           JOIN citations ct ON ct.id = ci.citation_id"""
    ):
        if revision_id in current:
            article, date = current[revision_id]
            out["chart_outlets"][(article, outlet_id, date)] += 1
    for article, date, tag_id, name in db.execute(
        """SELECT a.id, a.date, t.id, t.name FROM highlights h JOIN articles a ON a.id = h.article_id
           JOIN highlight_tags ht ON ht.highlight_id = h.id JOIN tags t ON t.id = ht.tag_id"""
    ):
        out["chart_tags"][(article, tag_id, date)] += 1
        out["chart_tag_roots"][(article, name.split("/")[0].lower(), date)] += 1
    return out


def _key(table: str, value: Any) -> Any:
    return value.lower() if table == "chart_tag_roots" else value


def stored(db: Database, table: str) -> tuple[Rows, Rows]:
    """A count table's rows per article and per date, sorted, tag roots lower-cased."""
    key = db.execute(f"SELECT * FROM {table} LIMIT 0").description[1][0]
    one = [(a, _key(table, k), d, n) for a, k, d, n in db.execute(
        f"SELECT article_id, {key}, date, n FROM {table}")]  # fmt: skip
    two = [(_key(table, k), d, n, c) for k, d, n, c in db.execute(
        f"SELECT {key}, date, n, articles FROM {table}_dates")]  # fmt: skip
    return sorted(one, key=repr), sorted(two, key=repr)


def from_scratch(db: Database, table: str) -> tuple[Rows, Rows]:
    counts = _level_one(db)[table]
    one = [(a, k, d, n) for (a, k, d), n in counts.items()]
    sums: dict[tuple[Any, str], list[int]] = {}
    for (_a, k, d), n in counts.items():
        s = sums.setdefault((k, d or ""), [0, 0])
        s[0] += n
        s[1] += 1
    two = [(k, d, n, c) for (k, d), (n, c) in sums.items()]
    return sorted(one, key=repr), sorted(two, key=repr)


def assert_exact(db: Database) -> None:
    """Every count table equals its count from scratch (per article and per date)."""
    for table in ("chart_mentions", "chart_outlets", "chart_tags", "chart_tag_roots"):
        assert stored(db, table) == from_scratch(db, table), table
