"""The library's schema as ``sqlite_utils.Migrations`` steps: 0001–0010 in
``core/schema_steps.py``, the later ones here, in the order they run.

Each step runs in its own transaction together with its record. ``SCHEMA_VERSION`` is the
number of steps and is written to ``PRAGMA user_version`` so that a file from a newer
Monitor Desk can be recognised (and refused) before anything touches it.
Never edit a released step: add a new one at the end.
"""

from __future__ import annotations

from sqlite_utils import Database

from .schema_steps import migrations

__all__ = ["SCHEMA_VERSION", "migrations"]


@migrations(name="0011_publication_rules")
def _publication_rules(db: Database) -> None:
    """A publication's rule (core/publication_rules.py): volume ``volume`` is the year
    ``year``, one volume a year, issues at ``cadence``. ``articles.date_rule`` names the
    publication whose rule gave an article's date its year (NULL: the rule had no part), so
    that a changed or removed rule can take back exactly what it gave. No rule exists yet,
    so no article's date changes here."""
    db.executescript(
        """
        CREATE TABLE publication_rules (
            publication TEXT PRIMARY KEY COLLATE NOCASE,
            volume INTEGER NOT NULL,
            year INTEGER NOT NULL CHECK (year BETWEEN 1 AND 9999),
            cadence TEXT CHECK (cadence IN ('daily', 'weekly', 'monthly')),
            created TEXT NOT NULL
        );
        ALTER TABLE articles ADD COLUMN date_rule TEXT;
        """
    )


@migrations(name="0012_claim_views")
def _claim_views(db: Database) -> None:
    """Indexes and per-article claim counts for the views over the whole library (the SQL
    and why: core/views/schema_sql.py)."""
    from .views.schema_sql import CLAIM_VIEWS

    db.executescript(CLAIM_VIEWS)


@migrations(name="0013_timeline_indexes")
def _timeline_indexes(db: Database) -> None:
    """The Overview's charts (core/timelines.py) count from indexes alone: one speaker's
    claims by name (any case) with their revisions; a row's article and date from its
    revision (never reading the revisions' texts); an outlet's citations; and a claim's
    corrected speaker name (``entity_corrections.speaker_sql``) from one probe of a small
    partial index of the corrected mentions, not a walk through its revision's mentions."""
    db.executescript(
        """
        CREATE INDEX IF NOT EXISTS idx_claims_speaker
            ON claims(speaker_name COLLATE NOCASE, revision_id);
        CREATE INDEX IF NOT EXISTS idx_entities_corrected ON entities(revision_id, model_cluster)
            WHERE cluster != model_cluster;
        CREATE INDEX IF NOT EXISTS idx_articles_current ON articles(current_revision_id, date);
        CREATE INDEX IF NOT EXISTS idx_citation_items_outlet_citation
            ON citation_items(outlet_id, citation_id);
        """
    )


@migrations(name="0014_document_pages")
def _document_pages(db: Database) -> None:
    """Where each page of a paged document (a PDF) begins in a revision's text, as a JSON
    array of code-point offsets (core/pages.py); NULL for text without pages."""
    db.execute("ALTER TABLE revisions ADD COLUMN page_starts TEXT")


@migrations(name="0015_claim_speakers")
def _claim_speakers(db: Database) -> None:
    """Each claim's speaker as a library entity id, stored and indexed, kept right by
    triggers (core/views/schema_sql.py): the speaker filter, profiles, ``claims --speaker``,
    ``speakers`` and the claims chart read it instead of working it out per claim; the pairs
    of highlights and claims that overlap (the tag filter), and who is mentioned with whom
    (a profile), kept the same way."""
    from .views.schema_sql import CLAIM_SPEAKERS, CO_MENTIONS

    db.executescript(CLAIM_SPEAKERS + CO_MENTIONS)


# Every step is pending for an empty database: counted through the public API, so a step
# added above is counted without anyone touching this line.
SCHEMA_VERSION = len(migrations.pending(Database(memory=True)))
