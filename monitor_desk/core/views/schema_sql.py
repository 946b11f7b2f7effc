"""Schema step ``0012_claim_views`` (applied from core/schema.py, kept here beside the
queries it serves so that the schema module stays small).

Indexes for the views over the whole library: a claim's speaker entity is found from its
revision and the model's name for it (``idx_entities_speaker``), and an entity's claims
from the names the model gave its mentions (``idx_entities_entity_name``,
``idx_claims_revision_speaker``); claims by the speaker's
written name and by the form of their cue; a claim's article from its revision. Each
article keeps the number of its current text's claims (``claims_count``, kept by triggers
on claims and on an article's current revision, beside its date in an index), so the
unfiltered and date-only counts are a sum over articles instead of a join over every
claim. Never edit this once released: add a new step.
"""

CLAIM_VIEWS = """
CREATE INDEX IF NOT EXISTS idx_entities_speaker
    ON entities(revision_id, model_cluster, added, entity_id);
CREATE INDEX IF NOT EXISTS idx_entities_entity_name ON entities(entity_id, model_cluster);
CREATE INDEX IF NOT EXISTS idx_claims_revision_speaker ON claims(revision_id, speaker_name);
CREATE INDEX IF NOT EXISTS idx_claims_cue ON claims(lower(cue_text));
ALTER TABLE articles ADD COLUMN claims_count INTEGER NOT NULL DEFAULT 0;
UPDATE articles SET claims_count =
    (SELECT COUNT(*) FROM claims c WHERE c.revision_id = articles.current_revision_id);
CREATE INDEX idx_articles_date_claims ON articles(date, claims_count);
CREATE TRIGGER claims_count_insert AFTER INSERT ON claims BEGIN
    UPDATE articles SET claims_count = claims_count + 1
        WHERE current_revision_id = NEW.revision_id;
END;
CREATE TRIGGER claims_count_delete AFTER DELETE ON claims BEGIN
    UPDATE articles SET claims_count = claims_count - 1
        WHERE current_revision_id = OLD.revision_id;
END;
CREATE TRIGGER claims_count_move AFTER UPDATE OF revision_id ON claims
    WHEN NEW.revision_id IS NOT OLD.revision_id BEGIN
    UPDATE articles SET claims_count = claims_count - 1
        WHERE current_revision_id = OLD.revision_id;
    UPDATE articles SET claims_count = claims_count + 1
        WHERE current_revision_id = NEW.revision_id;
END;
CREATE TRIGGER claims_count_revision AFTER UPDATE OF current_revision_id ON articles
    WHEN NEW.current_revision_id IS NOT OLD.current_revision_id BEGIN
    UPDATE articles SET claims_count = (SELECT COUNT(*) FROM claims c
        WHERE c.revision_id = NEW.current_revision_id) WHERE id = NEW.id;
END;
"""


def speaker_entity_sql(claim: str) -> str:
    """SQL: the library entity id of ``claim``'s speaker, or NULL — the one rule that
    ``claims.speaker_entity_id`` stores: the entity of a mention the model named the speaker
    after in the same revision (so a merge moves the claim), else an entity with the
    speaker's name (a person, an organisation, any)."""
    return f"""COALESCE(
    (SELECT MIN(e.entity_id) FROM entities e WHERE e.revision_id = {claim}.revision_id
        AND e.model_cluster = {claim}.speaker_name AND e.added = 0),
    (SELECT le.id FROM library_entities le WHERE le.name = {claim}.speaker_name
        AND le.label = 'PERSON'),
    (SELECT le.id FROM library_entities le WHERE le.name = {claim}.speaker_name
        AND le.label = 'ORG'),
    (SELECT MIN(le.id) FROM library_entities le WHERE le.name = {claim}.speaker_name))"""


def overlaps_sql(h: str, c: str) -> str:
    """SQL: highlight ``h`` lies over claim ``c`` (same revision, anchored, sharing a
    character with its cue or content) — what the claims view's tag filter means."""
    return f"""{h}.revision_id = {c}.revision_id AND {h}.status = 'anchored'
        AND {h}.start < max({c}.content_end, {c}.cue_end)
        AND {h}."end" > min({c}.content_start, {c}.cue_start)"""


_PAIR = "INSERT OR IGNORE INTO claim_highlights(highlight_id, claim_id, revision_id, place)"

_SET = f"UPDATE claims SET speaker_entity_id = {speaker_entity_sql('claims')}"

CLAIM_SPEAKERS = f"""
ALTER TABLE claims ADD COLUMN speaker_entity_id INTEGER;
{_SET};
CREATE INDEX idx_claims_speaker_entity
    ON claims(speaker_entity_id, revision_id, content_start, citation_id);
CREATE INDEX idx_entities_aliases ON entities(entity_id, text, cluster);
DROP INDEX IF EXISTS idx_claims_cue;
CREATE INDEX idx_claims_cue_sort ON claims(lower(cue_text), revision_id, content_start);
CREATE INDEX idx_claims_revision_spans
    ON claims(revision_id, content_start, content_end, cue_start, cue_end);
CREATE INDEX idx_articles_date_id_claims ON articles(date, id, claims_count);
CREATE TABLE claim_highlights (
    highlight_id INTEGER NOT NULL,
    claim_id INTEGER NOT NULL,
    revision_id INTEGER NOT NULL,
    place INTEGER NOT NULL,
    PRIMARY KEY (highlight_id, claim_id)
) WITHOUT ROWID;
CREATE INDEX idx_claim_highlights_claim ON claim_highlights(claim_id);
{_PAIR} SELECT h.id, c.id, c.revision_id, c.content_start
    FROM highlights h JOIN claims c ON {overlaps_sql("h", "c")};
CREATE TRIGGER highlights_claims_insert AFTER INSERT ON highlights BEGIN
    {_PAIR} SELECT NEW.id, c.id, c.revision_id, c.content_start FROM claims c
        WHERE {overlaps_sql("NEW", "c")};
END;
CREATE TRIGGER highlights_claims_update
    AFTER UPDATE OF revision_id, start, "end", status ON highlights BEGIN
    DELETE FROM claim_highlights WHERE highlight_id = OLD.id;
    {_PAIR} SELECT NEW.id, c.id, c.revision_id, c.content_start FROM claims c
        WHERE {overlaps_sql("NEW", "c")};
END;
CREATE TRIGGER highlights_claims_delete AFTER DELETE ON highlights BEGIN
    DELETE FROM claim_highlights WHERE highlight_id = OLD.id;
END;
CREATE TRIGGER claims_highlights_insert AFTER INSERT ON claims BEGIN
    {_PAIR} SELECT h.id, NEW.id, NEW.revision_id, NEW.content_start FROM highlights h
        WHERE {overlaps_sql("h", "NEW")};
END;
CREATE TRIGGER claims_highlights_update
    AFTER UPDATE OF revision_id, content_start, content_end, cue_start, cue_end ON claims BEGIN
    DELETE FROM claim_highlights WHERE claim_id = OLD.id;
    {_PAIR} SELECT h.id, NEW.id, NEW.revision_id, NEW.content_start FROM highlights h
        WHERE {overlaps_sql("h", "NEW")};
END;
CREATE TRIGGER claims_highlights_delete AFTER DELETE ON claims BEGIN
    DELETE FROM claim_highlights WHERE claim_id = OLD.id;
END;
CREATE TRIGGER claims_speaker_insert AFTER INSERT ON claims BEGIN
    {_SET} WHERE id = NEW.id;
END;
CREATE TRIGGER claims_speaker_update AFTER UPDATE OF revision_id, speaker_name ON claims BEGIN
    {_SET} WHERE id = NEW.id;
END;
CREATE TRIGGER entities_speaker_insert AFTER INSERT ON entities
    WHEN NEW.model_cluster IS NOT NULL BEGIN
    {_SET} WHERE revision_id = NEW.revision_id AND speaker_name = NEW.model_cluster;
END;
CREATE TRIGGER entities_speaker_update
    AFTER UPDATE OF revision_id, model_cluster, added, entity_id ON entities
    WHEN NEW.revision_id IS NOT OLD.revision_id OR NEW.model_cluster IS NOT OLD.model_cluster
        OR NEW.added IS NOT OLD.added OR NEW.entity_id IS NOT OLD.entity_id BEGIN
    {_SET} WHERE (revision_id = OLD.revision_id AND speaker_name = OLD.model_cluster)
        OR (revision_id = NEW.revision_id AND speaker_name = NEW.model_cluster);
END;
CREATE TRIGGER entities_speaker_delete AFTER DELETE ON entities
    WHEN OLD.model_cluster IS NOT NULL BEGIN
    {_SET} WHERE revision_id = OLD.revision_id AND speaker_name = OLD.model_cluster;
END;
CREATE TRIGGER library_entities_speaker_insert AFTER INSERT ON library_entities BEGIN
    {_SET} WHERE speaker_name = NEW.name COLLATE NOCASE;
END;
CREATE TRIGGER library_entities_speaker_update AFTER UPDATE OF name, label ON library_entities
    BEGIN
    {_SET} WHERE speaker_entity_id = OLD.id OR speaker_name = OLD.name COLLATE NOCASE
        OR speaker_name = NEW.name COLLATE NOCASE;
END;
CREATE TRIGGER library_entities_speaker_delete AFTER DELETE ON library_entities BEGIN
    {_SET} WHERE speaker_entity_id = OLD.id OR speaker_name = OLD.name COLLATE NOCASE;
END;
"""
"""Schema step ``0015_claim_speakers``: each claim's speaker entity stored
(``claims.speaker_entity_id``), filled here in one set-based UPDATE and kept by triggers on
everything the rule reads — the claim's revision and name, the revision's mentions (their
model name, ``added`` and library entity: analysis, corrections, deletes, undo), and the
library entities' names — so no write path can leave it stale. And indexes that answer the
claims view's filters in date order without reading a claim's row: a speaker's or a cue's
claims with their revision and place (the sort key after the article's date; a speaker's
with their citations too, for a profile's outlets), the names an entity's mentions go by
(a profile's aliases), a revision's
claim spans (what a tagged highlight overlaps), and the articles in (date, id) order with
their claim counts (how a page deep in the unfiltered list skips whole articles). And which
highlights lie over which claims (``claim_highlights``, with the claim's revision and place
in it, kept by triggers on both), so the tag filter reads pairs — and orders them by date —
instead of comparing every tagged highlight with its revision's claims."""


_CURRENT = "EXISTS (SELECT 1 FROM articles WHERE current_revision_id = {rev})"
_ADD_PAIRS = """INSERT INTO entity_pairs(entity_id, other_id, revisions)
    SELECT x.entity_id, y.entity_id, 1 FROM revision_entities x JOIN revision_entities y
    ON y.revision_id = x.revision_id AND y.entity_id != x.entity_id
    WHERE x.revision_id = {rev}
    ON CONFLICT DO UPDATE SET revisions = revisions + 1"""
_TAKE_PAIRS = """UPDATE entity_pairs SET revisions = revisions - 1
    WHERE (entity_id, other_id) IN (SELECT x.entity_id, y.entity_id FROM revision_entities x
        JOIN revision_entities y ON y.revision_id = x.revision_id
        AND y.entity_id != x.entity_id WHERE x.revision_id = {rev})"""

CO_MENTIONS = f"""
CREATE TABLE revision_entities (
    revision_id INTEGER NOT NULL,
    entity_id INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (revision_id, entity_id)
) WITHOUT ROWID;
CREATE TABLE entity_pairs (
    entity_id INTEGER NOT NULL,
    other_id INTEGER NOT NULL,
    revisions INTEGER NOT NULL,
    PRIMARY KEY (entity_id, other_id)
) WITHOUT ROWID;
INSERT INTO revision_entities SELECT revision_id, entity_id, COUNT(*) FROM entities
    WHERE entity_id IS NOT NULL GROUP BY revision_id, entity_id;
INSERT INTO entity_pairs SELECT x.entity_id, y.entity_id, COUNT(*) FROM articles a
    JOIN revision_entities x ON x.revision_id = a.current_revision_id
    JOIN revision_entities y ON y.revision_id = x.revision_id AND y.entity_id != x.entity_id
    GROUP BY x.entity_id, y.entity_id;
CREATE TRIGGER entities_pairs_insert AFTER INSERT ON entities
    WHEN NEW.entity_id IS NOT NULL BEGIN
    INSERT INTO revision_entities VALUES (NEW.revision_id, NEW.entity_id, 1)
        ON CONFLICT DO UPDATE SET mentions = mentions + 1;
END;
CREATE TRIGGER entities_pairs_delete AFTER DELETE ON entities
    WHEN OLD.entity_id IS NOT NULL BEGIN
    UPDATE revision_entities SET mentions = mentions - 1
        WHERE revision_id = OLD.revision_id AND entity_id = OLD.entity_id;
    DELETE FROM revision_entities WHERE revision_id = OLD.revision_id
        AND entity_id = OLD.entity_id AND mentions <= 0;
END;
CREATE TRIGGER entities_pairs_update AFTER UPDATE OF revision_id, entity_id ON entities
    WHEN NEW.revision_id IS NOT OLD.revision_id OR NEW.entity_id IS NOT OLD.entity_id BEGIN
    UPDATE revision_entities SET mentions = mentions - 1
        WHERE revision_id = OLD.revision_id AND entity_id = OLD.entity_id;
    DELETE FROM revision_entities WHERE revision_id = OLD.revision_id
        AND entity_id = OLD.entity_id AND mentions <= 0;
    INSERT INTO revision_entities SELECT NEW.revision_id, NEW.entity_id, 1
        WHERE NEW.entity_id IS NOT NULL
        ON CONFLICT DO UPDATE SET mentions = mentions + 1;
END;
CREATE TRIGGER revision_entities_pairs_insert AFTER INSERT ON revision_entities
    WHEN {_CURRENT.format(rev="NEW.revision_id")} BEGIN
    INSERT INTO entity_pairs(entity_id, other_id, revisions)
        SELECT NEW.entity_id, entity_id, 1 FROM revision_entities
        WHERE revision_id = NEW.revision_id AND entity_id != NEW.entity_id
        ON CONFLICT DO UPDATE SET revisions = revisions + 1;
    INSERT INTO entity_pairs(entity_id, other_id, revisions)
        SELECT entity_id, NEW.entity_id, 1 FROM revision_entities
        WHERE revision_id = NEW.revision_id AND entity_id != NEW.entity_id
        ON CONFLICT DO UPDATE SET revisions = revisions + 1;
END;
CREATE TRIGGER revision_entities_pairs_delete AFTER DELETE ON revision_entities
    WHEN {_CURRENT.format(rev="OLD.revision_id")} BEGIN
    UPDATE entity_pairs SET revisions = revisions - 1 WHERE entity_id = OLD.entity_id
        AND other_id IN (SELECT entity_id FROM revision_entities
            WHERE revision_id = OLD.revision_id);
    UPDATE entity_pairs SET revisions = revisions - 1 WHERE other_id = OLD.entity_id
        AND entity_id IN (SELECT entity_id FROM revision_entities
            WHERE revision_id = OLD.revision_id);
END;
CREATE TRIGGER articles_pairs_insert AFTER INSERT ON articles
    WHEN NEW.current_revision_id IS NOT NULL BEGIN
    {_ADD_PAIRS.format(rev="NEW.current_revision_id")};
END;
CREATE TRIGGER articles_pairs_revision AFTER UPDATE OF current_revision_id ON articles
    WHEN NEW.current_revision_id IS NOT OLD.current_revision_id BEGIN
    {_TAKE_PAIRS.format(rev="OLD.current_revision_id")};
    {_ADD_PAIRS.format(rev="NEW.current_revision_id")};
END;
CREATE TRIGGER articles_pairs_delete BEFORE DELETE ON articles BEGIN
    {_TAKE_PAIRS.format(rev="OLD.current_revision_id")};
END;
"""
"""Part of schema step ``0015_claim_speakers``: who is mentioned with whom, kept on write
for the speaker profile's "mentioned with". ``revision_entities``: each revision's library
entities with their number of mentions (kept by triggers on mentions); ``entity_pairs``: for
two entities, in how many current texts both are mentioned (both ways round; kept by
triggers on ``revision_entities`` and on an article's current revision; a pair no text
shares any more stays at 0)."""
