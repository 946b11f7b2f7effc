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


@migrations(name="0016_chart_counts")
def _chart_counts(db: Database) -> None:
    """Each article's count of its mentions per library entity, citations per outlet and
    highlights per tag, beside its date, kept by triggers: the Overview's charts read an
    index range per series instead of joining every row to its article (the SQL and why:
    core/chart_counts.py)."""
    from .chart_counts import CHART_COUNTS

    db.executescript(CHART_COUNTS)


@migrations(name="0017_claim_confidence")
def _claim_confidence(db: Database) -> None:
    """How likely an extracted claim is right, 0–1 (core/nlp/claims/confidence.py). NULL
    for the analyst's own claims, and for extracted claims of a library analysed before
    this step until they are analysed again (the panels show "not scored")."""
    db.execute("ALTER TABLE claims ADD COLUMN confidence REAL")


@migrations(name="0018_taught_cues")
def _taught_cues(db: Database) -> None:
    """Cues the analyst taught the claim extractor for this library (core/taught_cues.py):
    ``cue`` — treat ``lemma`` as a reporting verb; ``never`` — never make a claim of it
    (with ``object_only``: only where its content is a bare object, "made the proposal").
    One row per lemma; AUTOINCREMENT so that a removed row's id never comes back for an
    undo to mistake. Nothing is re-analysed here: a cue applies at the next analysis."""
    db.executescript(
        """
        CREATE TABLE taught_cues (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            lemma TEXT NOT NULL UNIQUE COLLATE NOCASE,
            kind TEXT NOT NULL CHECK (kind IN ('cue', 'never')),
            object_only INTEGER NOT NULL DEFAULT 0 CHECK (object_only IN (0, 1)),
            created TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        );
        """
    )


@migrations(name="0020_russian_search")
def _russian_search(db: Database) -> None:
    """The full-text index gets a ``stems`` column: the stems of each row's Russian words
    (core/search_stems.py), so that ``Медведев`` finds ``Медведева``. An FTS5 table takes
    no new column, so the index is built again from its own rows (title and body as they
    were; English rows get an empty column). ``outlet_aliases``: the analyst's word that
    an outlet is another ("Новые Известия" is "Novye Izvestia", core/sources.py), kept
    for every later analysis."""
    from .search_stems import stems

    db.conn.create_function("monitor_desk_stems", 2, stems, deterministic=True)
    for sql in (
        """CREATE VIRTUAL TABLE search_fts_stemmed USING fts5(
               article_id UNINDEXED, title, body, stems,
               tokenize = 'unicode61 remove_diacritics 2'
           )""",
        """INSERT INTO search_fts_stemmed(rowid, article_id, title, body, stems)
           SELECT rowid, article_id, title, body, monitor_desk_stems(title, body)
           FROM search_fts""",
        "DROP TABLE search_fts",
        "ALTER TABLE search_fts_stemmed RENAME TO search_fts",
        # one b-tree per term again, as an index built row by row has (queries stay as fast)
        "INSERT INTO search_fts(search_fts) VALUES ('optimize')",
        """CREATE TABLE outlet_aliases (
               name TEXT PRIMARY KEY COLLATE NOCASE,
               outlet TEXT NOT NULL,
               created TEXT NOT NULL
           )""",
    ):  # one statement at a time: executescript would commit the step's transaction
        db.execute(sql)


@migrations(name="0019_article_language")
def _article_language(db: Database) -> None:
    """An article's language (core/nlp/language.py): ``language`` is what its last analysis
    read it as (``en``, ``ru``, another ISO 639-1 code, ``und``; NULL: analysed before
    languages were, until re-analysed), ``language_override`` the analyst's choice (``en``
    or ``ru``; NULL: detect), which every later analysis and a JSON round trip keep.

    Articles analysed before, whose text is mostly Cyrillic, were given no entities then
    (English only): they are marked not analysed, so the next start analyses them in
    Russian. Only the first 5,000 characters of each current text are read."""
    db.executescript(
        """
        ALTER TABLE articles ADD COLUMN language TEXT;
        ALTER TABLE articles ADD COLUMN language_override TEXT
            CHECK (language_override IN ('en', 'ru'));
        """
    )
    stale = [
        revision_id
        for revision_id, sample in db.execute(
            """SELECT r.id, substr(r.text, r.body_start + 1, 5000) FROM articles a
               JOIN revisions r ON r.id = a.current_revision_id
               WHERE r.pipeline_name IS NOT NULL"""
        )
        if _mostly_cyrillic(sample or "")
    ]
    db.conn.executemany(
        "UPDATE revisions SET pipeline_name = NULL, pipeline_version = NULL WHERE id = ?",
        [(r,) for r in stale],
    )


def _mostly_cyrillic(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 20 and sum("\u0400" <= c <= "\u04ff" for c in letters) > len(letters) / 2


# Every step is pending for an empty database: counted through the public API, so a step
# added above is counted without anyone touching this line.
SCHEMA_VERSION = len(migrations.pending(Database(memory=True)))
