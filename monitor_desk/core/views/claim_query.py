"""What a choice of speaker, cue, outlet, tag, dates and words means over the library's
claims, as SQL: one builder shared by the claims view, the speakers and their profiles, so
that every count agrees with every list.

A claim's speaker is a library entity when the model named it after a mention in the same
revision (through ``model_cluster``, so a merge correction moves it to the canonical entity),
else when its name is a library entity's name; otherwise it is the name as written. The
entity is stored with the claim (``speaker_entity_id``, kept by triggers).
Only claims of articles' current revisions count. An article's date is "usable" when it
starts with its year; undated articles (no date, or a day without its year) are kept apart:
listed after the dated ones, and counted — never silently dropped — when a date range
leaves them out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..entity_corrections import speaker_sql
from ..search import to_fts_query
from ..sql import Where, date_range
from ..tags import tagged_highlights_sql
from .cues import inflections

SPEAKER_ENTITY = "c.speaker_entity_id"
"""SQL: the library entity id of claim ``c``'s speaker, or NULL (stored, kept by triggers:
schema step ``0015_claim_speakers`` in ``schema_sql.py``)."""

SPEAKER_NAME = f"COALESCE({speaker_sql('c')}, c.speaker_text, '')"
"""SQL: the name claim ``c`` shows for its speaker (the corrected name when it has one)."""

FROM = "FROM claims c JOIN articles a ON a.current_revision_id = c.revision_id"
DATED = "a.date >= '0' AND a.date < ':'"  # starts with a digit: its year is known

Undated = Literal["include", "exclude", "only"]


@dataclass(frozen=True, slots=True)
class Speaker:
    """Whom a speaker filter means: a library entity (``entity_id``) or, for a speaker no
    entity stands for, the name as written (``name``)."""

    entity_id: int | None = None
    name: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """A choice of filters over the library's claims; every field left None filters
    nothing. ``cue`` is a lemma ("say" finds said, says, saying); ``tag`` matches a
    highlight with the tag or a sub-tag that overlaps the claim; ``since``/``until`` are ISO
    dates (an end date includes its whole day); ``search`` words of the speaker's name or
    the content (as the search box takes them); ``article_ids`` restricts to articles."""

    speaker: Speaker | None = None
    cue: str | None = None
    outlet: str | None = None
    tag: str | None = None
    since: str | None = None
    until: str | None = None
    search: str | None = None
    kind: str | None = None
    article_ids: Sequence[int] | None = None

    @property
    def has_dates(self) -> bool:
        return bool(self.since or self.until)


def speaker_terms(where: Where, speaker: Speaker) -> None:
    """Claims of this speaker, through ``idx_claims_speaker_entity`` (an entity) or
    ``idx_claims_speaker`` (a name no entity stands for)."""
    if speaker.entity_id is not None:
        where.add("c.speaker_entity_id = ?", speaker.entity_id)
    else:
        name = " ".join((speaker.name or "").split())
        where.add(
            f"""c.id IN (SELECT c2.id FROM claims c2 WHERE c2.speaker_name = ? COLLATE NOCASE
                UNION SELECT c3.id FROM claims c3 WHERE c3.speaker_name IS NULL
                    AND c3.speaker_text = ? COLLATE NOCASE)
                AND {SPEAKER_ENTITY} IS NULL""",
            name,
            name,
        )


def selective(f: ClaimFilter) -> bool:
    """Whether the filter picks claims through their own indexes (speaker, cue, outlet,
    words, tag): then the articles' date index must not drive the query."""
    return any((f.speaker, f.cue, f.outlet, f.search is not None, f.tag, f.article_ids))


def claim_where(f: ClaimFilter, undated: Undated = "include") -> Where:
    """Terms over ``claims c`` joined to ``articles a`` (see ``FROM``)."""
    where = Where()
    # "+" keeps SQLite from walking every article by date when the claims' own indexes
    # find far fewer rows.
    date = "+a.date" if selective(f) else "a.date"
    if f.article_ids is not None:
        where.among("a.id", f.article_ids)
    if f.speaker is not None:
        speaker_terms(where, f.speaker)
    if f.cue:
        forms = inflections(f.cue)
        if forms:
            where.add(f"lower(c.cue_text) IN ({','.join('?' * len(forms))})", *forms)
    if f.kind:
        where.add("c.kind = ?", f.kind)
    if f.outlet:
        where.add(
            """c.citation_id IN (SELECT ci.citation_id FROM citation_items ci
               JOIN outlets o ON o.id = ci.outlet_id WHERE o.name = ? COLLATE NOCASE)""",
            " ".join(f.outlet.split()),
        )
    if f.tag:
        sub, sub_params = tagged_highlights_sql(f.tag)
        # the pairs of overlapping highlights and claims, kept by triggers (0015)
        where.add(
            f"""c.id IN (SELECT ch.claim_id FROM claim_highlights ch
                WHERE ch.highlight_id IN ({sub}))""",
            *sub_params,
        )
    if f.search is not None:
        fts = to_fts_query(f.search)
        if fts is None:
            where.add("0")
        else:
            where.add(
                """c.id IN (SELECT rowid / 4 FROM search_fts WHERE search_fts MATCH ?
                   AND rowid % 4 = 2)""",
                fts,
            )
    dated = DATED.replace("a.date", date)
    if undated == "only":
        where.add(f"NOT COALESCE({dated}, 0)")
    elif f.has_dates or undated == "exclude":
        where.add(dated)
    where.extend(date_range(date, f.since, f.until))
    return where
