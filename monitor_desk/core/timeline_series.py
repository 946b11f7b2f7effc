"""Which series a timeline compares (``timelines.py``): the entities, speakers, outlets or
tags named by the analyst, found by name (any case), or — none named — the most frequent
in the newest articles (``RECENT``, an index probe rather than a count of everything).
Each raises ``NotFoundError`` for a name the library does not have."""

from __future__ import annotations

from sqlite_utils import Database

from .entity_corrections import speaker_sql
from .errors import NotFoundError
from .tags import normalize_tag, tagged_highlights_sql
from .timeline_sql import RECENT_FIRST, RECENT_REVISIONS

DEFAULT_TYPES = ("PERSON", "ORG", "GPE", "NORP")
"""The kinds of entity a mentions chart compares when none is named."""


def entity_series(db: Database, names: tuple[str, ...], top: int) -> dict[int, str]:
    """Library entity id → series name: each name asked (its canonical name, any type;
    found also by a name its mentions go by), else the people, organisations and places
    most mentioned in the newest articles (``RECENT``)."""
    if not names:
        rows = db.execute(
            f"""WITH m AS MATERIALIZED (
                    SELECT entity_id, SUM(n) AS n FROM chart_mentions
                    WHERE article_id >= ({RECENT_FIRST}) GROUP BY +entity_id)
                SELECT m.entity_id, le.name FROM m JOIN library_entities le ON le.id = m.entity_id
                WHERE le.label IN ({",".join("?" * len(DEFAULT_TYPES))})
                ORDER BY m.n DESC LIMIT ?""",
            [*DEFAULT_TYPES, top],
        ).fetchall()
        return {int(i): name for i, name in rows}
    out: dict[int, str] = {}
    for name in names:
        rows = db.execute(
            "SELECT id, name FROM library_entities WHERE name = ? COLLATE NOCASE", [name]
        ).fetchall()
        if not rows:
            rows = db.execute(
                """SELECT DISTINCT le.id, le.name FROM entities e
                   JOIN library_entities le ON le.id = e.entity_id
                   WHERE e.text = ? COLLATE NOCASE LIMIT 5""",
                [name],
            ).fetchall()
        if not rows:
            raise NotFoundError(f"No entity named {name!r} in the library.")
        out.update((int(i), rows[0][1]) for i, _n in rows)
    return out


def top_speakers(db: Database, top: int) -> list[str]:
    """The most quoted speakers of the newest articles (corrected names), most first."""
    rows = db.execute(
        f"""WITH c AS MATERIALIZED (
                SELECT {speaker_sql("c")} AS s FROM claims c
                WHERE c.revision_id IN ({RECENT_REVISIONS})
                AND c.speaker_name IS NOT NULL AND c.speaker_name != '')
            SELECT s FROM c GROUP BY lower(s) ORDER BY COUNT(*) DESC LIMIT ?""",
        [top],
    ).fetchall()
    return [r[0] for r in rows]


def speaker_series(
    db: Database, names: tuple[str, ...], top: int
) -> tuple[list[str], dict[str, str]]:
    """The names claims are stored under and (lower-cased shown name → series name)."""
    chosen = list(names) or top_speakers(db, top)
    stored: set[str] = set()
    for name in chosen:
        # the entity's spellings (an index probe each): mentions renamed to it by a merge
        spellings = [name] + [
            r[0]
            for r in db.execute(
                "SELECT name FROM library_entities WHERE name = ? COLLATE NOCASE", [name]
            )
        ]
        found = {
            r[0]
            for r in db.execute(
                f"""SELECT DISTINCT speaker_name FROM claims WHERE speaker_name = ? COLLATE NOCASE
                   UNION SELECT DISTINCT model_cluster FROM entities
                   WHERE cluster IN ({",".join("?" * len(spellings))})
                   AND model_cluster != cluster""",
                [name, *spellings],
            )
        }
        if not found and names:
            raise NotFoundError(f"No claims by {name!r} in the library.")
        stored |= found
    return sorted(stored) or [""], {n.lower(): n for n in chosen}  # [""]: stored under none


def outlet_series(db: Database, names: tuple[str, ...], top: int) -> dict[int, str]:
    if not names:
        rows = db.execute(
            f"""SELECT o.id, o.name FROM chart_outlets c JOIN outlets o ON o.id = c.outlet_id
                WHERE c.article_id >= ({RECENT_FIRST})
                GROUP BY o.id ORDER BY SUM(c.n) DESC LIMIT ?""",
            [top],
        ).fetchall()
        return {int(i): n for i, n in rows}
    out: dict[int, str] = {}
    for name in names:
        row = db.execute("SELECT id, name FROM outlets WHERE name = ?", [name]).fetchone()
        if row is None:
            raise NotFoundError(f"No outlet named {name!r} in the library.")
        out[int(row[0])] = row[1]
    return out


def tag_series(db: Database, names: tuple[str, ...], top: int) -> list[str]:
    if not names:
        rows = db.execute(
            """SELECT root FROM chart_tag_roots_dates
               GROUP BY root ORDER BY SUM(n) DESC LIMIT ?""",
            [top],
        ).fetchall()
        return [r[0] for r in rows]
    out = []
    for name in names:
        tag = normalize_tag(name)
        sub, params = tagged_highlights_sql(tag)
        exists = db.execute(
            "SELECT 1 FROM tags t WHERE " + sub.split("WHERE", 1)[1] + " LIMIT 1", params
        ).fetchone()
        if exists is None:
            raise NotFoundError(f"No tag named {tag!r} in the library.")
        row = db.execute("SELECT name FROM tags WHERE name = ?", [tag]).fetchone()
        out.append(row[0] if row else tag)
    return out


def tag_ids(db: Database, name: str) -> list[int]:
    """The ids of tag ``name`` and of its sub-tags (``tags.tagged_highlights_sql``'s match)."""
    sub, params = tagged_highlights_sql(name)
    where = sub.split("WHERE", 1)[1]
    return [int(r[0]) for r in db.execute(f"SELECT t.id FROM tags t WHERE {where}", params)]
