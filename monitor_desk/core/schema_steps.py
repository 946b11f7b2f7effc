"""The schema's first steps, 0001–0010 (``core/schema.py`` adds the later ones and counts
them all). Never edit a released step: add a new one in ``core/schema.py``."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from .autoincrement import add_autoincrement

migrations = Migrations("monitor_desk")


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            source_path TEXT UNIQUE,
            title TEXT NOT NULL,
            publication TEXT,
            volume TEXT,
            issue TEXT,
            date TEXT,
            author TEXT,
            metadata_json TEXT NOT NULL DEFAULT '{}',
            current_revision_id INTEGER,
            imported TEXT NOT NULL,
            modified TEXT NOT NULL
        );
        CREATE INDEX idx_articles_title ON articles(title COLLATE NOCASE);
        CREATE INDEX idx_articles_pub ON articles(publication, volume, issue);
        CREATE INDEX idx_articles_date ON articles(date);

        CREATE TABLE revisions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            text TEXT NOT NULL,
            body_start INTEGER NOT NULL DEFAULT 0,
            text_sha256 TEXT NOT NULL,
            encoding TEXT,
            created TEXT NOT NULL,
            pipeline_name TEXT,
            pipeline_version TEXT,
            analyzed TEXT,
            UNIQUE(article_id, number)
        );
        CREATE INDEX idx_revisions_sha ON revisions(text_sha256);

        CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            revision_id INTEGER NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL,
            text TEXT NOT NULL,
            cluster TEXT NOT NULL
        );
        CREATE INDEX idx_entities_revision ON entities(revision_id);
        CREATE INDEX idx_entities_cluster ON entities(cluster, label);

        CREATE TABLE outlets (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            reliability TEXT CHECK (reliability IN ('A','B','C','D','E','F'))
        );

        CREATE TABLE citations (
            id INTEGER PRIMARY KEY,
            revision_id INTEGER NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            covers_json TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX idx_citations_revision ON citations(revision_id);

        CREATE TABLE citation_items (
            id INTEGER PRIMARY KEY,
            citation_id INTEGER NOT NULL REFERENCES citations(id) ON DELETE CASCADE,
            outlet_id INTEGER NOT NULL REFERENCES outlets(id),
            outlet_text TEXT,
            date_text TEXT,
            date_start TEXT,
            date_end TEXT
        );
        CREATE INDEX idx_citation_items_citation ON citation_items(citation_id);
        CREATE INDEX idx_citation_items_outlet ON citation_items(outlet_id);

        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            revision_id INTEGER NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
            speaker_start INTEGER,
            speaker_end INTEGER,
            speaker_text TEXT,
            speaker_name TEXT,
            cue_start INTEGER NOT NULL,
            cue_end INTEGER NOT NULL,
            cue_text TEXT NOT NULL,
            content_start INTEGER NOT NULL,
            content_end INTEGER NOT NULL,
            content_text TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('direct','indirect','mixed')),
            quotes_json TEXT NOT NULL DEFAULT '[]',
            citation_id INTEGER REFERENCES citations(id) ON DELETE SET NULL,
            credibility INTEGER CHECK (credibility BETWEEN 1 AND 6),
            origin TEXT NOT NULL DEFAULT 'auto' CHECK (origin IN ('auto','user'))
        );
        CREATE INDEX idx_claims_revision ON claims(revision_id);

        CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            color TEXT,
            created TEXT NOT NULL
        );

        CREATE TABLE highlights (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            revision_id INTEGER NOT NULL REFERENCES revisions(id),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            text_sha256 TEXT NOT NULL,
            color TEXT,
            note TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'anchored' CHECK (status IN ('anchored','orphan')),
            created TEXT NOT NULL,
            modified TEXT NOT NULL
        );
        CREATE INDEX idx_highlights_article ON highlights(article_id);

        CREATE TABLE highlight_tags (
            highlight_id INTEGER NOT NULL REFERENCES highlights(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (highlight_id, tag_id)
        ) WITHOUT ROWID;
        CREATE INDEX idx_highlight_tags_tag ON highlight_tags(tag_id);

        -- One full-text index over everything the analyst searches: article text,
        -- highlights (quote, note and tags) and claims (speaker and content). The rowid
        -- encodes what a row is (see core/search.py: ref_id * 4 + kind) so that a row is
        -- replaced by rowid instead of by a scan.
        CREATE VIRTUAL TABLE search_fts USING fts5(
            article_id UNINDEXED, title, body,
            tokenize = 'unicode61 remove_diacritics 2'
        );
        """
    )


@migrations(name="0002_list_sorting")
def _list_sorting(db: Database) -> None:
    """Every column of the library list sorts from an index (100k articles, no stall):
    publication and vol./issue as the list compares them, and a notes count kept by
    triggers instead of counted per row."""
    db.executescript(
        """
        DROP INDEX idx_articles_pub;
        CREATE INDEX idx_articles_pub ON articles(publication COLLATE NOCASE);
        CREATE INDEX idx_articles_issue ON articles(
            publication COLLATE NOCASE, CAST(volume AS INTEGER), CAST(issue AS INTEGER));
        ALTER TABLE articles ADD COLUMN notes_count INTEGER NOT NULL DEFAULT 0;
        UPDATE articles SET notes_count =
            (SELECT COUNT(*) FROM highlights h WHERE h.article_id = articles.id);
        CREATE INDEX idx_articles_notes ON articles(notes_count);
        CREATE TRIGGER highlights_count_insert AFTER INSERT ON highlights BEGIN
            UPDATE articles SET notes_count = notes_count + 1 WHERE id = NEW.article_id;
        END;
        CREATE TRIGGER highlights_count_delete AFTER DELETE ON highlights BEGIN
            UPDATE articles SET notes_count = notes_count - 1 WHERE id = OLD.article_id;
        END;
        """
    )


@migrations(name="0003_ids_never_reused", transactional=False)
def _ids_never_reused(db: Database) -> None:
    """Ids of deleted highlights, tags and claims are never given to new rows: an undo puts
    a deleted row back under its id, which must not be another (e.g. imported) row's.

    Not transactional because foreign keys must be off to rebuild a table (see
    ``add_autoincrement``), which then runs in one transaction of its own; a kill before
    this step is recorded runs it again, and it skips tables already rebuilt."""
    add_autoincrement(db, ["highlights", "tags", "claims"])


@migrations(name="0004_search_current_claims")
def _search_current_claims(db: Database) -> None:
    """Only the current revision's claims are searchable: a revised article used to leave
    its old revision's claims in the index (duplicate and stale hits). Claim rows are
    ``claim_id * 4 + 2`` (see core/search.py)."""
    db.execute(
        """DELETE FROM search_fts WHERE rowid % 4 = 2 AND rowid / 4 NOT IN (
               SELECT c.id FROM claims c JOIN articles a ON a.current_revision_id = c.revision_id
           )"""
    )


@migrations(name="0005_claims_across_revisions")
def _claims_across_revisions(db: Database) -> None:
    """What a claim needs to follow the analyst across new texts and new analyses (see
    core/claims/carry.py): ``status`` (an analyst's claim whose words left the text is kept
    as an ``orphan`` on its old revision), ``edited`` (the analyst changed an extracted
    claim) and ``extracted_key`` (the cue and content the extractor found, to match the
    claim in a new analysis; for old rows the best guess is what they hold now)."""
    db.executescript(
        """
        ALTER TABLE claims ADD COLUMN status TEXT NOT NULL DEFAULT 'anchored'
            CHECK (status IN ('anchored','orphan'));
        ALTER TABLE claims ADD COLUMN edited INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE claims ADD COLUMN extracted_key TEXT;
        UPDATE claims SET extracted_key = cue_text || char(31) || content_text
            WHERE origin = 'auto';
        """
    )


@migrations(name="0006_analysis_errors")
def _analysis_errors(db: Database) -> None:
    """Why the analysis of a revision failed: such a revision is stamped as analysed (with
    nothing found) so that background analysis does not retry it at every start."""
    db.execute("ALTER TABLE revisions ADD COLUMN analysis_error TEXT")


@migrations(name="0007_article_dates")
def _article_dates(db: Database) -> None:
    """Where an article's date came from and how precise it is (core/article_dates.py), and
    which fields the analyst set (``analyst_fields``, a JSON list: a re-import or
    re-analysis never overwrites them). Dates stored before came from the file itself."""
    db.executescript(
        """
        ALTER TABLE articles ADD COLUMN date_source TEXT CHECK (date_source IN
            ('header','metadata','dateline','citations','analyst'));
        ALTER TABLE articles ADD COLUMN date_precision TEXT CHECK (date_precision IN
            ('day','month','year','after'));
        ALTER TABLE articles ADD COLUMN analyst_fields TEXT NOT NULL DEFAULT '[]';
        UPDATE articles SET date_source = 'header',
            date_precision = CASE
                WHEN date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN 'day'
                WHEN date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' THEN 'month'
                WHEN date GLOB '[0-9][0-9][0-9][0-9]' THEN 'year'
            END
            WHERE date IS NOT NULL AND date != '';
        CREATE INDEX idx_articles_date_source ON articles(date_source);
        """
    )


@migrations(name="0008_article_hygiene", transactional=False)
def _article_hygiene(db: Database) -> None:
    """Articles can be deleted (and a delete undone) and duplicates are recognised at import.

    An undone delete puts the rows back under their ids, so articles, revisions and what an
    analysis stores get ``AUTOINCREMENT`` ids (as highlights, tags and claims got in 0003):
    without it an import after the delete would take the deleted article's id. Each revision
    gets the hash of its whitespace-normalised text (``core/duplicates.py``), indexed, so a
    duplicate is one lookup; the keys a delete follows are indexed. Not transactional for
    the rebuild (see ``add_autoincrement``); rerun after a kill, every part skips what is
    done."""
    from .duplicates import normalized_sha256

    add_autoincrement(db, ["articles", "revisions", "entities", "citations", "citation_items"])
    with db.atomic():
        if "norm_sha256" not in db["revisions"].columns_dict:
            db.execute("ALTER TABLE revisions ADD COLUMN norm_sha256 TEXT")
        rows = db.execute("SELECT id, text FROM revisions WHERE norm_sha256 IS NULL")
        db.conn.executemany(
            "UPDATE revisions SET norm_sha256 = ? WHERE id = ?",
            [(normalized_sha256(text), rid) for rid, text in rows.fetchall()],
        )
        db.execute("CREATE INDEX IF NOT EXISTS idx_revisions_norm ON revisions(norm_sha256)")
        # A delete's cascades look rows up by these keys: without an index each deleted
        # revision or citation would scan every highlight or claim of the library.
        db.execute("CREATE INDEX IF NOT EXISTS idx_highlights_revision ON highlights(revision_id)")
        db.execute("CREATE INDEX IF NOT EXISTS idx_claims_citation ON claims(citation_id)")


@migrations(name="0009_entity_corrections")
def _entity_corrections(db: Database) -> None:
    """Entities are the library's, and the analyst corrects them once (see
    core/entity_corrections.py): ``corrections`` holds what the analyst taught; a stored
    mention keeps what the model found (``model_label``, ``model_cluster``; ``added`` marks a
    mention the analyst added) so that a correction can be revoked without re-running the
    model; mentions marked "not an entity" wait in ``entities_hidden``; every mention links
    to one ``library_entities`` row (canonical name and type) through ``entity_id``."""
    db.executescript(
        """
        CREATE TABLE corrections (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL CHECK (kind IN ('retype','merge','split','ignore','add')),
            names_json TEXT NOT NULL,
            target TEXT,
            created TEXT NOT NULL
        );
        CREATE TABLE library_entities (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL COLLATE NOCASE,
            label TEXT NOT NULL,
            UNIQUE (name, label)
        );
        ALTER TABLE entities ADD COLUMN model_label TEXT;
        ALTER TABLE entities ADD COLUMN model_cluster TEXT;
        ALTER TABLE entities ADD COLUMN added INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE entities ADD COLUMN entity_id INTEGER;
        UPDATE entities SET model_label = label, model_cluster = cluster;
        CREATE INDEX idx_entities_model_cluster ON entities(model_cluster COLLATE NOCASE);
        CREATE INDEX idx_entities_text ON entities(text COLLATE NOCASE);
        CREATE INDEX idx_entities_entity ON entities(entity_id, revision_id);
        CREATE TABLE entities_hidden (
            id INTEGER PRIMARY KEY,
            revision_id INTEGER NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            model_label TEXT NOT NULL,
            model_cluster TEXT NOT NULL
        );
        CREATE INDEX idx_entities_hidden_revision ON entities_hidden(revision_id);
        CREATE INDEX idx_entities_hidden_text ON entities_hidden(text COLLATE NOCASE);
        CREATE INDEX idx_entities_hidden_cluster ON entities_hidden(model_cluster COLLATE NOCASE);
        """
    )
    # Existing mentions join their library entities once, here, in the same transaction.
    from .entity_corrections import relink_all

    relink_all(db)


@migrations(name="0010_near_duplicates")
def _near_duplicates(db: Database) -> None:
    """An article can be the near-duplicate of another (core/near_duplicates.py): the link,
    cleared when the original is deleted, and each revision's head/tail keys that find the
    candidates in one index probe. Existing revisions get their keys; existing articles are
    not linked (only an import links)."""
    from .near_duplicates import keys

    db.executescript(
        """
        ALTER TABLE articles ADD COLUMN near_duplicate_of INTEGER
            REFERENCES articles(id) ON DELETE SET NULL;
        CREATE INDEX idx_articles_near_duplicate_of ON articles(near_duplicate_of);
        ALTER TABLE revisions ADD COLUMN near_head TEXT;
        ALTER TABLE revisions ADD COLUMN near_tail TEXT;
        """
    )
    rows = db.execute("SELECT id, text FROM revisions").fetchall()
    db.conn.executemany(
        "UPDATE revisions SET near_head = ?, near_tail = ? WHERE id = ?",
        [(*keys(text), rid) for rid, text in rows],
    )
    db.executescript(
        """
        CREATE INDEX idx_revisions_near_head ON revisions(near_head);
        CREATE INDEX idx_revisions_near_tail ON revisions(near_tail);
        """
    )
