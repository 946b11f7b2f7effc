"""``lib.speakers``: who made the library's claims — each speaker with counts and dates —
and one speaker's profile: claims by date, the outlets they were cited to, mentions per
month, the entities mentioned with them, and the names they go by."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from ..connection import Component
from .claim_query import DATED, FROM, SPEAKER_ENTITY, ClaimFilter, Speaker, claim_where
from .claim_rows import ClaimCount, resolve_speaker

NOT_CO_MENTIONED = ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL")
"""Entity types left out of "mentioned with": numbers and dates are not company."""


@dataclass(frozen=True, slots=True)
class SpeakerSummary:
    """One speaker across the library. ``entity_id`` is None for a speaker no library
    entity stands for (named as the claims write it; ``type`` is then None)."""

    name: str
    type: str | None
    entity_id: int | None
    claims: int
    articles: int
    first_date: str | None
    last_date: str | None
    undated_claims: int
    top_outlets: tuple[tuple[str, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "claims": self.claims,
                "articles": self.articles, "first_date": self.first_date,
                "last_date": self.last_date, "undated_claims": self.undated_claims,
                "top_outlets": [{"outlet": o, "claims": n}
                                for o, n in self.top_outlets]}  # fmt: skip


@dataclass(frozen=True, slots=True)
class SpeakerProfile:
    """Everything a profile shows; its claims are read by page through ``lib.claim_views``
    with ``filter``."""

    speaker: Speaker
    name: str
    type: str | None
    filter: ClaimFilter
    claims: ClaimCount
    articles: int
    mentions: int
    aliases: tuple[str, ...]
    outlets: tuple[tuple[str, int], ...]
    mentions_by_month: tuple[tuple[str, int], ...]
    undated_mentions: int
    co_mentioned: tuple[tuple[str, str, int], ...] = field(default=())
    """(name, type, articles in common), most shared first."""


PRONOUNS = ("i", "he", "she", "it", "we", "they", "you", "who", "which", "that", "this")
"""Speakers the extractor could not resolve to a name: not listed as speakers."""

# Per claim of a current revision: who said it (entity id, else the written name) with
# its article, date (NULL when unusable) and citation.
_SAID = f"""SELECT {SPEAKER_ENTITY} AS eid,
       lower(COALESCE(c.speaker_name, c.speaker_text)) AS nkey,
       COALESCE(c.speaker_name, c.speaker_text) AS written,
       a.id AS aid, CASE WHEN {DATED} THEN a.date END AS d, c.citation_id AS cit
       {FROM} WHERE COALESCE(c.speaker_name, c.speaker_text, '') != ''
       AND lower(COALESCE(c.speaker_name, c.speaker_text)) NOT IN
           ({", ".join(f"'{p}'" for p in PRONOUNS)})"""
_KEY = "CASE WHEN eid IS NOT NULL THEN 'e' || eid ELSE 'n' || nkey END"


class Speakers(Component):
    """``lib.speakers``: speakers across the library and their profiles."""

    def list(self, top_outlets: int = 3) -> list[SpeakerSummary]:
        """Every speaker with claims, most claims first (unresolved pronouns left out)."""
        with self._lock:
            groups = self.db.execute(
                f"""WITH said AS MATERIALIZED ({_SAID})
                    SELECT {_KEY}, MAX(eid), MAX(written), COUNT(*), COUNT(DISTINCT aid),
                           MIN(d), MAX(d), SUM(d IS NULL) FROM said GROUP BY 1"""
            ).fetchall()
            outlets: dict[str, list[tuple[str, int]]] = {}
            for key, name, n in self.db.execute(
                f"""WITH said AS MATERIALIZED ({_SAID} AND c.citation_id IS NOT NULL)
                    SELECT {_KEY}, o.name, COUNT(*) FROM said
                    JOIN citation_items ci ON ci.citation_id = said.cit
                    JOIN outlets o ON o.id = ci.outlet_id
                    GROUP BY 1, o.id ORDER BY 1, 3 DESC, o.name"""
            ):
                outlets.setdefault(key, []).append((name, n))
            names = {
                eid: (name, label)
                for eid, name, label in self.db.execute(
                    "SELECT id, name, label FROM library_entities"
                )
            }
        out = []
        for key, eid, written, n, articles, first, last, undated in groups:
            name, label = names.get(eid, (written, None)) if eid is not None else (written, None)
            tops = tuple(outlets.get(key, [])[:top_outlets])
            out.append(SpeakerSummary(name, label, eid, n, articles, first, last, undated, tops))
        out.sort(key=lambda s: (-s.claims, s.name.casefold()))
        return out

    def of_entity(self, cluster: str, label: str) -> Speaker:
        """The speaker a mention (its cluster and type, as the reader shows them) stands
        for: its library entity, else whatever its name resolves to."""
        with self._lock:
            row = self.db.execute(
                """SELECT entity_id FROM entities WHERE cluster = ? AND label = ?
                   AND entity_id IS NOT NULL LIMIT 1""",
                [cluster, label],
            ).fetchone()
            return Speaker(entity_id=int(row[0])) if row else resolve_speaker(self.db, cluster)

    def profile(self, speaker: Speaker | str, top: int = 10) -> SpeakerProfile:
        """One speaker's profile (a name is resolved as ``claims --speaker`` resolves it)."""
        with self._lock:
            if isinstance(speaker, str):
                speaker = resolve_speaker(self.db, speaker)
            return _profile(self.db, speaker, top)


def _profile(db: Database, speaker: Speaker, top: int) -> SpeakerProfile:
    f = ClaimFilter(speaker=speaker)
    where = claim_where(f)
    # Counted on the index of the speaker's claims (with their revisions and citations):
    # how many (dated or not), in how many articles; then the outlets they were cited to,
    # each claim counted once per outlet.
    n, dated, n_articles = db.execute(
        f"""SELECT COUNT(*), COALESCE(SUM(COALESCE({DATED}, 0)), 0), COUNT(DISTINCT a.id)
            {FROM}{where.sql()}""",
        where.params,
    ).fetchone()
    claims = ClaimCount(int(dated), int(n) - int(dated))
    by_outlet = db.execute(
        f"""SELECT o.name, COUNT(DISTINCT c.id) {FROM}
            JOIN citation_items ci ON ci.citation_id = c.citation_id
            JOIN outlets o ON o.id = ci.outlet_id{where.sql()} GROUP BY o.id""",
        where.params,
    ).fetchall()
    outlets = tuple(sorted(((o, int(k)) for o, k in by_outlet), key=lambda o: (-o[1], o[0])))
    if speaker.entity_id is None:
        name = " ".join((speaker.name or "").split())
        return SpeakerProfile(speaker, name, None, f, claims, n_articles, 0, (), outlets, (), 0)
    eid = speaker.entity_id
    name, label = db.execute(
        "SELECT name, label FROM library_entities WHERE id = ?", [eid]
    ).fetchone()
    mentions = """FROM entities e JOIN articles a ON a.current_revision_id = e.revision_id
                   WHERE e.entity_id = ?"""
    # One pass over the entity's mentions (an index walk): how many per stored month
    # prefix; those without a usable month are the undated ones.
    by_prefix = db.execute(
        f"""SELECT CASE WHEN {DATED} AND length(a.date) >= 7 THEN substr(a.date, 1, 7) END,
                   COUNT(*) {mentions} GROUP BY 1 ORDER BY 1""",
        [eid],
    ).fetchall()
    by_month = [(m, k) for m, k in by_prefix if m is not None]
    undated = sum(k for m, k in by_prefix if m is None)
    total = sum(k for _, k in by_prefix)
    aliases = _aliases(db, eid, name)
    skip = ",".join(f"'{t}'" for t in NOT_CO_MENTIONED)
    # Kept on write (``entity_pairs``, schema step 0015): in how many current texts each
    # other entity is mentioned with this one; types are the library entities'.
    co = db.execute(
        f"""SELECT le.name, le.label, p.revisions FROM entity_pairs p
            JOIN library_entities le ON le.id = p.other_id
            WHERE p.entity_id = ? AND p.revisions > 0 AND le.label NOT IN ({skip})
            ORDER BY p.revisions DESC, le.name LIMIT ?""",
        [eid, top],
    ).fetchall()
    return SpeakerProfile(
        speaker, name, label, f, claims, n_articles, int(total), aliases, outlets,
        tuple((m, n) for m, n in by_month), int(undated),
        tuple((n, t, k) for n, t, k in co),
    )  # fmt: skip


def _aliases(db: Database, eid: int, name: str) -> tuple[str, ...]:
    """The other names the entity's mentions go by: what the text says, what the model
    called them, and what the analyst merged into it."""
    seen = {name.casefold()}
    out = []
    for (alias,) in db.execute(
        """SELECT cluster FROM entities WHERE entity_id = ? UNION
           SELECT model_cluster FROM entities WHERE entity_id = ? AND model_cluster IS NOT NULL
           UNION SELECT text FROM entities WHERE entity_id = ?""",
        [eid, eid, eid],
    ):
        alias = " ".join(alias.split())
        if alias and alias.casefold() not in seen:
            seen.add(alias.casefold())
            out.append(alias)
    return tuple(sorted(out, key=str.casefold))
