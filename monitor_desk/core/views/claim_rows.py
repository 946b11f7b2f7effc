"""Reading claims across the library: resolving a speaker's name, counting, and fetching
rows a page at a time (shared by ``lib.claim_views`` and ``lib.speakers``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlite_utils import Database

from ..article_dates import display_date
from ..errors import NotFoundError
from ..sql import chunks, date_range, in_clause
from ..tags import tagged_highlights_sql
from .claim_query import (
    DATED,
    FROM,
    SPEAKER_ENTITY,
    SPEAKER_NAME,
    ClaimFilter,
    Speaker,
    claim_where,
    selective,
)


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One claim as the library-wide views list it."""

    id: int
    article_id: int
    title: str
    date: str | None
    date_precision: str | None
    speaker_name: str
    speaker_entity_id: int | None
    speaker_type: str | None
    cue: str
    content: str
    kind: str
    outlets: tuple[str, ...]
    credibility: int | None
    start: int
    end: int
    """Where the claim is in the article's current text (cue and content)."""
    confidence: float | None = None
    """The extractor's confidence 0–1; None for the analyst's claims or not yet scored."""
    origin: str = "auto"

    @property
    def shown_date(self) -> str:
        return display_date(self.date, self.date_precision)

    def to_dict(self) -> dict[str, Any]:
        return {"claim_id": self.id, "article_id": self.article_id, "title": self.title,
                "date": self.date, "date_precision": self.date_precision,
                "speaker_name": self.speaker_name, "speaker_type": self.speaker_type,
                "cue": self.cue, "content": self.content, "kind": self.kind,
                "outlets": list(self.outlets), "credibility": self.credibility,
                "confidence": self.confidence, "origin": self.origin}  # fmt: skip


@dataclass(frozen=True, slots=True)
class ClaimCount:
    """How many claims a filter finds: ``dated`` + ``undated`` are listed; ``undated_apart``
    were left out by a date range because their article has no usable date."""

    dated: int
    undated: int
    undated_apart: int = 0

    @property
    def total(self) -> int:
        return self.dated + self.undated


def resolve_speaker(db: Database, name: str) -> Speaker:
    """The speaker a typed name means: a library entity by its canonical name, else a
    speaker no entity stands for by the name claims give it, else an entity by one of its
    aliases (the most mentioned); ``NotFoundError`` when none."""
    name = " ".join(name.split())
    if not name:
        raise NotFoundError("Name a speaker.")
    row = db.execute(
        """SELECT id FROM library_entities WHERE name = ? COLLATE NOCASE
           ORDER BY label != 'PERSON', label != 'ORG', id LIMIT 1""",
        [name],
    ).fetchone()
    if row is not None:
        return Speaker(entity_id=int(row[0]))
    written = Speaker(name=name)
    if count(db, ClaimFilter(speaker=written)).total:
        return written  # a speaker no entity stands for, as `speakers` lists it
    row = db.execute(
        """SELECT e.entity_id FROM entities e WHERE e.entity_id IS NOT NULL
           AND (e.text = ? COLLATE NOCASE OR e.model_cluster = ? COLLATE NOCASE)
           GROUP BY e.entity_id ORDER BY COUNT(*) DESC LIMIT 1""",
        [name, name],
    ).fetchone()
    if row is not None:
        return Speaker(entity_id=int(row[0]))
    raise NotFoundError(
        f"No speaker is called {name!r} in this library (`monitor-desk speakers` lists them)."
    )


def _count(db: Database, f: ClaimFilter, undated: str) -> int:
    where = claim_where(f, undated)  # type: ignore[arg-type]
    if not selective(f) and not f.kind:
        # Only the articles' dates filter: each article's count of its claims, summed
        # (triggers keep ``articles.claims_count``; see schema step 0012_claim_views).
        sql = f"SELECT COALESCE(SUM(a.claims_count), 0) FROM articles a{where.sql()}"
        return int(db.execute(sql, where.params).fetchone()[0])
    return int(db.execute(f"SELECT COUNT(*) {FROM}{where.sql()}", where.params).fetchone()[0])


def count(db: Database, f: ClaimFilter) -> ClaimCount:
    if not selective(f) and not f.kind:  # sums of the articles' counts: no claim is read
        if f.has_dates:
            apart = _count(db, replace(f, since=None, until=None), "only")
            return ClaimCount(_count(db, f, "exclude"), 0, apart)
        return ClaimCount(_count(db, f, "exclude"), _count(db, f, "only"))
    # One pass over the claims the filter finds: dated (in the range) and undated apart.
    where = claim_where(replace(f, since=None, until=None), "include")
    in_range = date_range("a.date", f.since, f.until)
    dated, undated = db.execute(
        f"""SELECT COALESCE(SUM(COALESCE({" AND ".join([DATED, *in_range.terms])}, 0)), 0),
                   COALESCE(SUM(NOT COALESCE({DATED}, 0)), 0) {FROM}{where.sql()}""",
        [*in_range.params, *where.params],
    ).fetchone()
    if f.has_dates:
        return ClaimCount(int(dated), 0, int(undated))
    return ClaimCount(int(dated), int(undated))


# The written name only where no entity names the speaker (a probe saved per row).
_COLUMNS = f"""c.id, a.id, a.title, a.date, a.date_precision, {SPEAKER_ENTITY},
    CASE WHEN {SPEAKER_ENTITY} IS NULL THEN {SPEAKER_NAME} END, c.cue_text, c.content_text,
    c.kind, c.credibility, c.citation_id,
    min(c.cue_start, c.content_start), max(c.cue_end, c.content_end), c.confidence, c.origin"""


def _segment(
    db: Database,
    f: ClaimFilter,
    dated: bool,
    descending: bool,
    offset: int,
    limit: int,
    size: int,
) -> list[tuple[Any, ...]]:
    """Rows ``offset`` … ``offset + limit`` of the dated (or undated) part, ``size`` rows
    long: read from whichever end is nearer, so the last page costs what the first does."""
    if offset >= size or limit <= 0:
        return []
    back = offset + limit // 2 > size // 2
    if back:  # the same rows, counted from the end in the opposite order
        offset, limit = max(0, size - offset - limit), min(limit, size - offset)
    where = claim_where(f, "exclude" if dated else "only")
    way = "DESC" if descending != back else ""
    within = "DESC" if back else ""
    order = f"a.date {way}, a.id {way}" if dated else f"a.id {way}"
    if offset and not selective(f) and not f.kind:
        # Only the articles' dates filter: skip whole articles by their claim counts (one
        # pass over the articles' (date, id, claims_count) index, in its order) instead of
        # stepping over ``offset`` claims.
        found = db.execute(
            f"""SELECT id, date, upto - claims_count FROM (SELECT a.id, a.date,
                    a.claims_count, SUM(a.claims_count) OVER (ORDER BY {order}
                    ROWS UNBOUNDED PRECEDING) AS upto FROM articles a{where.sql()})
                WHERE upto > ? LIMIT 1""",
            [*where.params, offset],
        ).fetchone()
        if found is None:
            return []
        key, start = ((found[1], found[0]), "(a.date, a.id)") if dated else ((found[0],), "a.id")
        marks = ", ".join("?" * len(key))
        where.add(f"{start} {'<=' if way else '>='} ({marks})", *key)
        offset -= found[2]
    # The page's ids first (sorting only what orders them), then their columns: SQLite
    # would otherwise work out every column of every claim it sorts.
    sql = f"""SELECT c.id {FROM}{where.sql()}
              ORDER BY {order}, c.content_start {within}, c.id {within} LIMIT ? OFFSET ?"""
    ids = [r[0] for r in db.execute(sql, [*where.params, limit, offset])]
    if not ids:
        return []
    if back:
        ids.reverse()
    rows = db.execute(f"SELECT {_COLUMNS} {FROM} WHERE c.id IN {in_clause(ids)}", ids)
    by_id = {r[0]: r for r in rows}
    return [by_id[i] for i in ids if i in by_id]


def ordered_ids(db: Database, f: ClaimFilter, descending: bool) -> tuple[list[int], list[int]]:
    """The ids of every claim a selective filter finds, in list order: dated (in the date
    range) and undated (with no date range: those a range leaves apart). One pass, sorted
    on index columns only, so a count and any page after it need no second one."""
    if f.tag and replace(f, tag=None, since=None, until=None) == ClaimFilter():
        return _tagged_ids(db, f, descending)
    out = []
    for dated in (True, False):
        part = f if dated else replace(f, since=None, until=None)
        where = claim_where(part, "exclude" if dated else "only")
        way = "DESC" if descending else ""
        order = f"a.date {way}, a.id {way}" if dated else f"a.id {way}"
        sql = f"SELECT c.id {FROM}{where.sql()} ORDER BY {order}, c.content_start, c.id"
        out.append([r[0] for r in db.execute(sql, where.params)])
    return out[0], out[1]


def _tagged_ids(db: Database, f: ClaimFilter, descending: bool) -> tuple[list[int], list[int]]:
    """``ordered_ids`` of a tag (and dates) alone: from the kept pairs of highlights and
    claims, which hold each claim's revision and place, so no claim row is read."""
    sub, sub_params = tagged_highlights_sql(f.tag or "")
    dated = DATED.replace("a.date", "+a.date")
    way = "DESC" if descending else ""
    in_range = date_range("+a.date", f.since, f.until)
    out = []
    for part, terms, params in (
        ("dated", [dated, *in_range.terms], in_range.params),
        ("undated", [f"NOT COALESCE({dated}, 0)"], []),
    ):
        order = f"a.date {way}, a.id {way}" if part == "dated" else f"a.id {way}"
        rows = db.execute(
            f"""SELECT DISTINCT ch.claim_id, a.date, a.id, ch.place FROM claim_highlights ch
                JOIN articles a ON a.current_revision_id = ch.revision_id
                WHERE ch.highlight_id IN ({sub}) AND {" AND ".join(terms)}
                ORDER BY {order}, ch.place, ch.claim_id""",
            [*sub_params, *params],
        )
        out.append([r[0] for r in rows])
    return out[0], out[1]


def rows_of(db: Database, ids: Sequence[int]) -> list[ClaimRow]:
    """These claims' rows, in this order."""
    if not ids:
        return []
    rows = db.execute(f"SELECT {_COLUMNS} {FROM} WHERE c.id IN {in_clause(ids)}", list(ids))
    by_id = {r[0]: r for r in rows}
    return _rows(db, [by_id[i] for i in ids if i in by_id])


def page(
    db: Database,
    f: ClaimFilter,
    offset: int,
    limit: int,
    descending: bool = False,
    counted: ClaimCount | None = None,
) -> list[ClaimRow]:
    """Rows ``offset`` … ``offset + limit`` in date order (dated first, undated after)."""
    counted = counted or count(db, f)
    raw: list[tuple[Any, ...]] = []
    if offset < counted.dated:
        raw = _segment(db, f, True, descending, offset, limit, counted.dated)
    rest = limit - len(raw)
    if rest > 0 and counted.undated:
        at = max(0, offset - counted.dated)
        raw += _segment(db, f, False, descending, at, rest, counted.undated)
    return _rows(db, raw)


def iter_rows(
    db: Database, f: ClaimFilter, descending: bool = False, batch: int = 2000
) -> Iterator[ClaimRow]:
    """Every claim the filter finds, in date order (undated ones last): one query per part
    read in batches (no page re-counts or skips what came before)."""
    for dated in (True, False):
        where = claim_where(f, "exclude" if dated else "only")
        way = "DESC" if descending else ""
        order = f"a.date {way}, a.id {way}" if dated else f"a.id {way}"
        cursor = db.execute(
            f"SELECT {_COLUMNS} {FROM}{where.sql()} ORDER BY {order}, c.content_start, c.id",
            where.params,
        )
        while raw := cursor.fetchmany(batch):
            yield from _rows(db, raw)


def _rows(db: Database, raw: Sequence[tuple[Any, ...]]) -> list[ClaimRow]:
    entity_ids = sorted({r[5] for r in raw if r[5] is not None})
    entities: dict[int, tuple[str, str]] = {}
    for part in chunks(entity_ids):
        for eid, name, label in db.execute(
            f"SELECT id, name, label FROM library_entities WHERE id IN {in_clause(part)}", part
        ):
            entities[eid] = (name, label)
    outlets = outlets_of(db, [r[11] for r in raw if r[11] is not None])
    out = []
    for r in raw:
        written = " ".join((r[6] or "").split())
        name, label = entities.get(r[5], (written, None)) if r[5] is not None else (written, None)
        out.append(
            ClaimRow(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                name,
                r[5],
                label,
                r[7],
                r[8],
                r[9],
                outlets.get(r[11], ()),
                r[10],
                r[12],
                r[13],
                r[14],
                r[15],
            )  # fmt: skip
        )
    return out


def outlets_of(db: Database, citation_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """The outlet names each citation cites, in the citation's order."""
    found: dict[int, list[str]] = {}
    wanted = sorted(set(citation_ids))
    for part in chunks(wanted):
        for cid, name in db.execute(
            f"""SELECT ci.citation_id, o.name FROM citation_items ci
                JOIN outlets o ON o.id = ci.outlet_id
                WHERE ci.citation_id IN {in_clause(part)} ORDER BY ci.citation_id, ci.id""",
            part,
        ):
            names = found.setdefault(cid, [])
            if name not in names:
                names.append(name)
    return {k: tuple(v) for k, v in found.items()}
