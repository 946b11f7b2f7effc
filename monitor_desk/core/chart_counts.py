"""Schema step ``0016_chart_counts``: per-article counts behind the Overview's charts
(``timelines.py``), kept by triggers.

A chart of mentions, cited outlets or tags at 100k articles used to join every mention,
citation item or tagged highlight to its article for the date: hundreds of thousands of
probes per chart. Instead each article keeps, per library entity, outlet and tag, how many
of them it has (``n``) beside its date, and a chart reads one index range per series:

- ``chart_mentions(article_id, entity_id, date, n)``: mentions of the entity in the
  article's current text (corrections applied: ``entities.entity_id``);
- ``chart_outlets(article_id, outlet_id, date, n)``: citation items naming the outlet in
  the article's current text;
- ``chart_tags(article_id, tag_id, date, n)``: the article's highlights with the tag (every
  highlight of the article, as the Notes list shows them, whichever revision it is on).

Triggers keep them exactly right whatever writes the rows (import, re-analysis, JSON
import, a correction, a tag edit, a delete and its undo, a date edit or a publication
rule): each change recounts the one (article, entity), the one (article, tag) or the one
article's outlets from the base tables — a recount, never an increment, so the order in
which SQLite runs cascades and triggers cannot make a count drift. A date change moves the
article's rows to its new date; a new current revision recounts its mentions and outlets.
Never edit this once released: add a new step.
"""

from __future__ import annotations

CHART_TABLES = ("chart_mentions", "chart_outlets", "chart_tags")


def _recount_mentions(revision: str, entity: str) -> str:
    """Recount one entity's mentions in the article whose current text is ``revision``."""
    return f"""
    DELETE FROM chart_mentions WHERE entity_id = {entity}
        AND article_id IN (SELECT id FROM articles WHERE current_revision_id = {revision});
    INSERT INTO chart_mentions(article_id, entity_id, date, n)
        SELECT a.id, e.entity_id, a.date, COUNT(*) FROM articles a
        JOIN entities e ON e.revision_id = a.current_revision_id AND e.entity_id = {entity}
        WHERE a.current_revision_id = {revision} GROUP BY a.id, e.entity_id;"""


def _recount_outlets(revision: str) -> str:
    """Recount every outlet cited in the article whose current text is ``revision``."""
    return f"""
    DELETE FROM chart_outlets
        WHERE article_id IN (SELECT id FROM articles WHERE current_revision_id = {revision});
    INSERT INTO chart_outlets(article_id, outlet_id, date, n)
        SELECT a.id, ci.outlet_id, a.date, COUNT(*) FROM articles a
        JOIN citations ct ON ct.revision_id = a.current_revision_id
        JOIN citation_items ci ON ci.citation_id = ct.id
        WHERE a.current_revision_id = {revision} GROUP BY a.id, ci.outlet_id;"""


def _recount_tag(article: str, tag: str) -> str:
    """Recount one tag's highlights in one article."""
    return f"""
    DELETE FROM chart_tags WHERE article_id = {article} AND tag_id = {tag};
    INSERT INTO chart_tags(article_id, tag_id, date, n)
        SELECT h.article_id, ht.tag_id, a.date, COUNT(*) FROM highlights h
        JOIN highlight_tags ht ON ht.highlight_id = h.id AND ht.tag_id = {tag}
        JOIN articles a ON a.id = h.article_id
        WHERE h.article_id = {article} GROUP BY h.article_id, ht.tag_id;"""


def _recount_article_tags(article: str) -> str:
    return f"""
    DELETE FROM chart_tags WHERE article_id = {article};
    INSERT INTO chart_tags(article_id, tag_id, date, n)
        SELECT h.article_id, ht.tag_id, a.date, COUNT(*) FROM highlights h
        JOIN highlight_tags ht ON ht.highlight_id = h.id
        JOIN articles a ON a.id = h.article_id
        WHERE h.article_id = {article} GROUP BY h.article_id, ht.tag_id;"""


def _recount_article(article: str, revision: str, date: str) -> str:
    """An article's mentions and outlets from its current text ``revision``."""
    return f"""
    DELETE FROM chart_mentions WHERE article_id = {article};
    INSERT INTO chart_mentions(article_id, entity_id, date, n)
        SELECT {article}, e.entity_id, {date}, COUNT(*) FROM entities e
        WHERE e.revision_id = {revision} AND e.entity_id IS NOT NULL GROUP BY e.entity_id;
    DELETE FROM chart_outlets WHERE article_id = {article};
    INSERT INTO chart_outlets(article_id, outlet_id, date, n)
        SELECT {article}, ci.outlet_id, {date}, COUNT(*) FROM citations ct
        JOIN citation_items ci ON ci.citation_id = ct.id
        WHERE ct.revision_id = {revision} GROUP BY ci.outlet_id;"""


def _citation_revision(row: str) -> str:
    return f"(SELECT revision_id FROM citations WHERE id = {row}.citation_id)"


def _highlight_article(row: str) -> str:
    return f"(SELECT article_id FROM highlights WHERE id = {row}.highlight_id)"


_TABLES = "\n".join(
    f"""CREATE TABLE {table} (
        article_id INTEGER NOT NULL,
        {key} INTEGER NOT NULL,
        date TEXT,
        n INTEGER NOT NULL,
        PRIMARY KEY (article_id, {key})
    ) WITHOUT ROWID;
    CREATE INDEX idx_{table}_series ON {table}({key}, date, n);"""
    for table, key in zip(CHART_TABLES, ("entity_id", "outlet_id", "tag_id"), strict=True)
)

_BACKFILL = """
INSERT INTO chart_mentions(article_id, entity_id, date, n)
    SELECT a.id, e.entity_id, a.date, COUNT(*) FROM articles a
    JOIN entities e ON e.revision_id = a.current_revision_id
    WHERE e.entity_id IS NOT NULL GROUP BY a.id, e.entity_id;
INSERT INTO chart_outlets(article_id, outlet_id, date, n)
    SELECT a.id, ci.outlet_id, a.date, COUNT(*) FROM articles a
    JOIN citations ct ON ct.revision_id = a.current_revision_id
    JOIN citation_items ci ON ci.citation_id = ct.id GROUP BY a.id, ci.outlet_id;
INSERT INTO chart_tags(article_id, tag_id, date, n)
    SELECT h.article_id, ht.tag_id, a.date, COUNT(*) FROM highlights h
    JOIN highlight_tags ht ON ht.highlight_id = h.id JOIN articles a ON a.id = h.article_id
    GROUP BY h.article_id, ht.tag_id;
"""

_TRIGGERS = f"""
CREATE TRIGGER chart_article_insert AFTER INSERT ON articles BEGIN
    {_recount_article("NEW.id", "NEW.current_revision_id", "NEW.date")}
END;
CREATE TRIGGER chart_article_revision AFTER UPDATE OF current_revision_id ON articles
    WHEN NEW.current_revision_id IS NOT OLD.current_revision_id BEGIN
    {_recount_article("NEW.id", "NEW.current_revision_id", "NEW.date")}
END;
CREATE TRIGGER chart_article_date AFTER UPDATE OF date ON articles
    WHEN NEW.date IS NOT OLD.date BEGIN
    UPDATE chart_mentions SET date = NEW.date WHERE article_id = NEW.id;
    UPDATE chart_outlets SET date = NEW.date WHERE article_id = NEW.id;
    UPDATE chart_tags SET date = NEW.date WHERE article_id = NEW.id;
END;
CREATE TRIGGER chart_article_delete AFTER DELETE ON articles BEGIN
    DELETE FROM chart_mentions WHERE article_id = OLD.id;
    DELETE FROM chart_outlets WHERE article_id = OLD.id;
    DELETE FROM chart_tags WHERE article_id = OLD.id;
END;

CREATE TRIGGER chart_mention_insert AFTER INSERT ON entities
    WHEN NEW.entity_id IS NOT NULL BEGIN
    {_recount_mentions("NEW.revision_id", "NEW.entity_id")}
END;
CREATE TRIGGER chart_mention_delete AFTER DELETE ON entities
    WHEN OLD.entity_id IS NOT NULL BEGIN
    {_recount_mentions("OLD.revision_id", "OLD.entity_id")}
END;
CREATE TRIGGER chart_mention_update AFTER UPDATE OF entity_id, revision_id ON entities
    WHEN NEW.entity_id IS NOT OLD.entity_id OR NEW.revision_id IS NOT OLD.revision_id BEGIN
    {_recount_mentions("OLD.revision_id", "OLD.entity_id")}
    {_recount_mentions("NEW.revision_id", "NEW.entity_id")}
END;

CREATE TRIGGER chart_citation_delete AFTER DELETE ON citations BEGIN
    {_recount_outlets("OLD.revision_id")}
END;
CREATE TRIGGER chart_citation_move AFTER UPDATE OF revision_id ON citations
    WHEN NEW.revision_id IS NOT OLD.revision_id BEGIN
    {_recount_outlets("OLD.revision_id")}
    {_recount_outlets("NEW.revision_id")}
END;
CREATE TRIGGER chart_citation_item_insert AFTER INSERT ON citation_items BEGIN
    {_recount_outlets(_citation_revision("NEW"))}
END;
CREATE TRIGGER chart_citation_item_delete AFTER DELETE ON citation_items BEGIN
    {_recount_outlets(_citation_revision("OLD"))}
END;
CREATE TRIGGER chart_citation_item_update AFTER UPDATE OF citation_id, outlet_id
    ON citation_items BEGIN
    {_recount_outlets(_citation_revision("OLD"))}
    {_recount_outlets(_citation_revision("NEW"))}
END;

CREATE TRIGGER chart_highlight_delete AFTER DELETE ON highlights BEGIN
    {_recount_article_tags("OLD.article_id")}
END;
CREATE TRIGGER chart_highlight_move AFTER UPDATE OF article_id ON highlights
    WHEN NEW.article_id IS NOT OLD.article_id BEGIN
    {_recount_article_tags("OLD.article_id")}
    {_recount_article_tags("NEW.article_id")}
END;
CREATE TRIGGER chart_highlight_tag_insert AFTER INSERT ON highlight_tags BEGIN
    {_recount_tag(_highlight_article("NEW"), "NEW.tag_id")}
END;
CREATE TRIGGER chart_highlight_tag_delete AFTER DELETE ON highlight_tags BEGIN
    {_recount_tag(_highlight_article("OLD"), "OLD.tag_id")}
END;
CREATE TRIGGER chart_highlight_tag_update AFTER UPDATE OF highlight_id, tag_id
    ON highlight_tags BEGIN
    {_recount_tag(_highlight_article("OLD"), "OLD.tag_id")}
    {_recount_tag(_highlight_article("NEW"), "NEW.tag_id")}
END;
"""

CHART_COUNTS = _TABLES + _BACKFILL + _TRIGGERS
"""The tables, filled from the library as it is, and the triggers that keep them."""
