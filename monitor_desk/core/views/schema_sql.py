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
