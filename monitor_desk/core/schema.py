"""The library's schema as ``sqlite_utils.Migrations`` steps: 0001–0010 in
``core/schema_steps.py``, the later ones here, in the order they run.

Each step runs in its own transaction together with its record. ``SCHEMA_VERSION`` is the
number of steps and is written to ``PRAGMA user_version`` so that a file from a newer
Monitor Desk can be recognised (and refused) before anything touches it.
Never edit a released step: add a new one at the end.
"""

from __future__ import annotations

import sqlite3

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

    _run_reporting(db, CLAIM_SPEAKERS + CO_MENTIONS)


@migrations(name="0016_chart_counts")
def _chart_counts(db: Database) -> None:
    """Each article's count of its mentions per library entity, citations per outlet and
    highlights per tag, beside its date, kept by triggers: the Overview's charts read an
    index range per series instead of joining every row to its article (the SQL and why:
    core/chart_counts.py)."""
    from .chart_counts import CHART_COUNTS

    _run_reporting(db, CHART_COUNTS)


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
    from .step_progress import report_rows

    db.conn.create_function("monitor_desk_stems", 2, stems, deterministic=True)
    db.execute(
        """CREATE VIRTUAL TABLE search_fts_stemmed USING fts5(
               article_id UNINDEXED, title, body, stems,
               tokenize = 'unicode61 remove_diacritics 2'
           )"""
    )
    _copy_stemmed(db)
    report_rows(0, None, "dropping the old search index")
    db.execute("DROP TABLE search_fts")
    db.execute("ALTER TABLE search_fts_stemmed RENAME TO search_fts")
    _merge_index(db)
    for sql in (
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


REBUILD_BATCH = 2000
"""Search rows copied into the stemmed index between two reports of 0020's progress."""


def _copy_stemmed(db: Database) -> None:
    """0020's copy of every search row with its stems, in rowid order a batch at a time
    (the same rows as one ``INSERT … SELECT``), reporting after each batch."""
    from .step_progress import report_rows

    total = db.execute("SELECT count(*) FROM search_fts_docsize").fetchone()[0]
    done, last = 0, None
    while True:
        after = "" if last is None else "WHERE rowid > :last"
        db.execute(
            f"""INSERT INTO search_fts_stemmed(rowid, article_id, title, body, stems)
                SELECT rowid, article_id, title, body, monitor_desk_stems(title, body)
                FROM search_fts {after} ORDER BY rowid LIMIT :n""",
            {"last": last, "n": REBUILD_BATCH} if last is not None else {"n": REBUILD_BATCH},
        )
        row = db.execute("SELECT rowid FROM search_fts_stemmed ORDER BY rowid DESC LIMIT 1")
        newest = row.fetchone()
        if newest is None or newest[0] == last:
            break
        last = newest[0]
        done = min(total, done + REBUILD_BATCH)
        report_rows(done, total)


MERGE_PAGES = 500
"""Index pages one step of 0020's merge works through between two reports."""


def _merge_index(db: Database) -> None:
    """One b-tree per term again, as an index built row by row has (queries stay as fast):
    FTS5's ``optimize``, done as incremental ``merge`` steps (a negative page count merges
    every level; run until a step does no work, the index is as ``optimize`` leaves it) so
    that the progress moves. Its total is estimated from the index's pages."""
    from .step_progress import report_rows

    pages = db.execute("SELECT count(*) FROM search_fts_data").fetchone()[0] or 1
    done = 0
    while True:
        before = db.conn.total_changes
        db.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('merge', ?)", [-MERGE_PAGES])
        if db.conn.total_changes - before < 2:  # FTS5's sign that the step did nothing
            break
        done += MERGE_PAGES
        report_rows(min(done, pages * 99 // 100), pages, "merging the search index")
    report_rows(pages, pages, "merging the search index")


def _run_reporting(db: Database, script: str) -> None:
    """A step's script statement by statement, in the step's transaction, reporting how
    many are done (core/upgrade.py); the same SQL as ``executescript``."""
    from .step_progress import report_rows

    statements = _statements(script)
    for done, sql in enumerate(statements, 1):
        db.execute(sql)
        report_rows(done, len(statements))


def _statements(script: str) -> list[str]:
    """A script's statements (triggers whole), as ``executescript`` would run them."""
    statements, current = [], ""
    for piece in script.split(";"):
        current += piece + ";"
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements if s.strip(" \n;")]


@migrations(name="0021_russian_analysed_by")
def _russian_analysed_by(db: Database) -> None:
    """An article analysed in Russian is stored as analysed by ``natasha`` and its version
    (core/nlp/pipeline.py ``analysed_by``), so that a natasha upgrade marks it stale as a
    model change marks an English one. Those analysed before were stored under the English
    model's name, by a natasha whose version nobody wrote down: they become ``natasha`` of
    version ``unknown`` (stale: ``reanalyze --stale`` brings them up to date). An article
    mostly in English with a few Russian lines cannot be told without parsing: it keeps
    its label until it is next analysed."""
    db.execute(
        """UPDATE revisions SET pipeline_name = 'natasha', pipeline_version = 'unknown'
           WHERE pipeline_name IS NOT NULL AND pipeline_name != 'natasha'
             AND id IN (SELECT current_revision_id FROM articles WHERE language = 'ru')"""
    )


# Every step is pending for an empty database: counted through the public API, so a step
# added above is counted without anyone touching this line.
SCHEMA_VERSION = len(migrations.pending(Database(memory=True)))
