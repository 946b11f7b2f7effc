"""Which series a timeline compares (``timelines.py``): the entities, speakers, outlets or
tags named by the analyst, found by name (any case), or — none named — the most frequent
in the newest articles (``RECENT``, an index probe rather than a count of everything).
Each raises ``NotFoundError`` for a name the library does not have."""

from __future__ import annotations

from sqlite_utils import Database

from .errors import NotFoundError
from .tags import normalize_tag, tagged_highlights_sql
from .timeline_sql import RECENT_FIRST, RECENT_REVISIONS
from .views.claim_query import Speaker
from .views.claim_rows import resolve_speaker
from .views.speakers import PRONOUNS

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


def top_speakers(db: Database, top: int) -> list[Speaker]:
    """The most quoted speakers of the newest articles, most first: library entities by the
    claims' stored speaker entity, else names no entity stands for (pronouns left out)."""
    rows = db.execute(
        f"""WITH c AS MATERIALIZED (
                SELECT c.speaker_entity_id AS eid,
                       COALESCE(c.speaker_name, c.speaker_text) AS written FROM claims c
                WHERE c.revision_id IN ({RECENT_REVISIONS})
                AND COALESCE(c.speaker_name, c.speaker_text, '') != '')
            SELECT eid, MAX(written) FROM c
            WHERE eid IS NOT NULL OR lower(written) NOT IN ({",".join("?" * len(PRONOUNS))})
            GROUP BY CASE WHEN eid IS NOT NULL THEN 'e' || eid ELSE 'n' || lower(written) END
            ORDER BY COUNT(*) DESC LIMIT ?""",
        [*PRONOUNS, top],
    ).fetchall()
    return [Speaker(entity_id=int(e)) if e is not None else Speaker(name=w) for e, w in rows]


def speaker_names(db: Database, speakers: list[Speaker]) -> list[str]:
    """What each speaker is called: its library entity's name, else its written name."""
    out = []
    for s in speakers:
        row = None
        if s.entity_id is not None:
            row = db.execute(
                "SELECT name FROM library_entities WHERE id = ?", [s.entity_id]
            ).fetchone()
        out.append(row[0] if row else " ".join((s.name or "").split()))
    return out


def speaker_series(
    db: Database, names: tuple[str, ...], top: int
) -> tuple[dict[int, str], dict[str, str]]:
    """Series of claims by speaker, as ``claims --speaker`` finds them: library entity id →
    series name, and (written name → series name; names differing only in case are one)
    for speakers no entity stands for. A name asked is resolved as ``claims --speaker``
    resolves it and names its series."""
    if names:
        chosen = []
        for name in names:
            try:
                chosen.append(resolve_speaker(db, name))
            except NotFoundError:
                raise NotFoundError(f"No claims by {name!r} in the library.") from None
        shown = list(names)
    else:
        chosen = top_speakers(db, top)
        shown = speaker_names(db, chosen)
    entities: dict[int, str] = {}
    written: dict[str, tuple[str, str]] = {}
    for speaker, name in zip(chosen, shown, strict=True):
        if speaker.entity_id is not None:
            entities.setdefault(speaker.entity_id, name)
        else:
            as_written = " ".join((speaker.name or "").split())
            written.setdefault(as_written.lower(), (as_written, name))
    return entities, dict(written.values())


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
