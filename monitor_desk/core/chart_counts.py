"""Schema step ``0016_chart_counts``: the counts behind the Overview's charts
(``timelines.py``), kept by triggers.

A chart of mentions, cited outlets or tags at 100k articles used to join every mention,
citation item or tagged highlight to its article for the date: hundreds of thousands of
probes per chart. Instead each article keeps its counts beside its date, one row per
article and series key (*level 1*):

- ``chart_mentions(article_id, entity_id, date, n)``: mentions of the library entity in
  the article's current text (corrections applied: ``entities.entity_id``);
- ``chart_outlets(article_id, outlet_id, date, n)``: citation items naming the outlet in
  the article's current text;
- ``chart_tags(article_id, tag_id, date, n)``: the article's highlights with the tag
  (every highlight of the article, as the Notes list shows them);
- ``chart_tag_roots(article_id, root, date, n)``: the same per top-level tag name
  (``topic`` for ``topic`` and ``topic/arms``), so that a tag with its sub-tags is one key.

and each level-1 table is summed per key and stored date in ``<table>_dates(key, date, n,
articles)`` (*level 2*; ``date`` '' for an undated article): a chart reads a few rows per
date, the articles behind a bar and the undated ones come from level 1.

Level 1 is recounted from the base tables by triggers whatever writes them (import,
re-analysis, JSON import, a correction, a tag edit, a delete and its undo, a date edit or a
publication rule): each change recounts the one (article, entity), or the one article's
outlets or tags — a recount, never an increment, so the order in which SQLite runs
cascades and triggers cannot make a count drift. A new current revision recounts its
mentions and outlets. Level 2 follows every row of level 1 added or removed by triggers of
its own; a date change moves the article's rows and their part of the sums to its new
date in a few statements per table (a trigger per row made re-dating 100 articles take
0.3 s at 10k).
Never edit this once released: add a new step.
"""

from __future__ import annotations

LEVEL_ONE = {
    "chart_mentions": "entity_id INTEGER",
    "chart_outlets": "outlet_id INTEGER",
    "chart_tags": "tag_id INTEGER",
    "chart_tag_roots": "root TEXT COLLATE NOCASE",
}
"""Each per-article count table with its key column."""

ROOT = "substr(t.name, 1, instr(t.name || '/', '/') - 1) COLLATE NOCASE"
"""A tag's top-level name (``tags.tag_series`` groups by the same)."""


def key_of(table: str) -> str:
    return LEVEL_ONE[table].split()[0]


def _current(revision: str) -> str:
    return f"(SELECT id FROM articles WHERE current_revision_id = {revision})"


def _recount_mentions(revision: str, entity: str) -> str:
    """Recount one entity's mentions in the article whose current text is ``revision``:
    its row written only when the count changed (an import links mentions one at a time),
    dropped when none is left."""
    count = f"""(SELECT COUNT(*) FROM entities e
        WHERE e.entity_id = {entity} AND e.revision_id = {revision})"""
    return f"""
    INSERT INTO chart_mentions(article_id, entity_id, date, n)
        SELECT a.id, {entity}, a.date, {count} FROM articles a
        WHERE a.current_revision_id = {revision} AND {count} > 0
        ON CONFLICT(article_id, entity_id) DO UPDATE SET n = excluded.n WHERE n != excluded.n;
    DELETE FROM chart_mentions WHERE entity_id = {entity}
        AND article_id IN {_current(revision)} AND {count} = 0;"""


def _recount_outlets(revision: str) -> str:
    """Recount every outlet cited in the article whose current text is ``revision``."""
    return f"""
    DELETE FROM chart_outlets WHERE article_id IN {_current(revision)};
    INSERT INTO chart_outlets(article_id, outlet_id, date, n)
        SELECT a.id, ci.outlet_id, a.date, COUNT(*) FROM articles a
        JOIN citations ct ON ct.revision_id = a.current_revision_id
        JOIN citation_items ci ON ci.citation_id = ct.id
        WHERE a.current_revision_id = {revision} GROUP BY a.id, ci.outlet_id;"""


def _recount_tags(articles: str) -> str:
    """Recount the tags (and their top-level names) of the articles ``IN articles``."""
    tagged = f"""FROM highlights h JOIN highlight_tags ht ON ht.highlight_id = h.id
        JOIN tags t ON t.id = ht.tag_id JOIN articles a ON a.id = h.article_id
        WHERE h.article_id IN {articles}"""
    return f"""
    DELETE FROM chart_tags WHERE article_id IN {articles};
    INSERT INTO chart_tags(article_id, tag_id, date, n)
        SELECT h.article_id, t.id, a.date, COUNT(*) {tagged} GROUP BY h.article_id, t.id;
    DELETE FROM chart_tag_roots WHERE article_id IN {articles};
    INSERT INTO chart_tag_roots(article_id, root, date, n)
        SELECT h.article_id, {ROOT}, a.date, COUNT(*) {tagged} GROUP BY 1, 2;"""


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


def _move_date(table: str) -> str:
    """An article's rows of ``table`` not yet at its new date moved there, and with them
    their part of the sums: one statement each, not a trigger per row (the sums probed by
    key and old date: every row of an article is at its date). Rows already at the new
    date (recounted by a new revision set in the same statement) stay as they are."""
    key, dates = key_of(table), f"{table}_dates"
    moving = f"FROM {table} WHERE article_id = NEW.id AND date IS NOT NEW.date"
    return f"""
    INSERT INTO {dates}({key}, date, n, articles)
        SELECT {key}, ifnull(NEW.date, ''), n, 1 {moving}
        ON CONFLICT({key}, date) DO UPDATE SET n = n + excluded.n, articles = articles + 1;
    UPDATE {dates} SET articles = articles - 1, n = n - (SELECT c.n FROM {table} c
        WHERE c.article_id = NEW.id AND c.{key} = {dates}.{key})
        WHERE date = ifnull(OLD.date, '') AND {key} IN (SELECT {key} {moving});
    DELETE FROM {dates} WHERE articles <= 0
        AND date = ifnull(OLD.date, '') AND {key} IN (SELECT {key} {moving});
    UPDATE {table} SET date = NEW.date WHERE article_id = NEW.id AND date IS NOT NEW.date;"""


def _citation_revision(row: str) -> str:
    return f"(SELECT revision_id FROM citations WHERE id = {row}.citation_id)"


def _highlight_article(row: str) -> str:
    return f"(SELECT article_id FROM highlights WHERE id = {row}.highlight_id)"


def _level_two(table: str, part: str) -> str:
    """``table`` and its ``<table>_dates`` (``part`` "tables"), the index of ``table`` and
    the sums filled from it ("sums") or the triggers that make the sums follow every row of
    ``table`` ("triggers")."""
    key, column = key_of(table), LEVEL_ONE[table]
    dates = f"{table}_dates"
    add = f"""INSERT INTO {dates}({key}, date, n, articles)
        VALUES (NEW.{key}, ifnull(NEW.date, ''), NEW.n, 1)
        ON CONFLICT({key}, date) DO UPDATE SET n = n + excluded.n, articles = articles + 1;"""
    take = f"""UPDATE {dates} SET n = n - OLD.n, articles = articles - 1
        WHERE {key} = OLD.{key} AND date = ifnull(OLD.date, '');
    DELETE FROM {dates} WHERE {key} = OLD.{key} AND date = ifnull(OLD.date, '')
        AND articles <= 0;"""
    if part == "sums":  # and the index of level 1, made once it is filled
        return f"""CREATE INDEX idx_{table}_series ON {table}({key}, date, n);
        INSERT INTO {dates}({key}, date, n, articles)
        SELECT {key}, ifnull(date, ''), SUM(n), COUNT(*) FROM {table} GROUP BY 1, 2;"""
    if part == "triggers":
        return f"""
    CREATE TRIGGER {dates}_add AFTER INSERT ON {table} BEGIN {add} END;
    CREATE TRIGGER {dates}_take AFTER DELETE ON {table} BEGIN {take} END;
    CREATE TRIGGER {dates}_count AFTER UPDATE OF n ON {table}
        WHEN NEW.article_id = OLD.article_id AND NEW.{key} = OLD.{key}
        AND NEW.date IS OLD.date BEGIN
        UPDATE {dates} SET n = n + NEW.n - OLD.n
            WHERE {key} = NEW.{key} AND date = ifnull(NEW.date, '');
    END;
    CREATE TRIGGER {dates}_move AFTER UPDATE OF article_id, {key}, n ON {table}
        WHEN NEW.article_id != OLD.article_id OR NEW.{key} != OLD.{key}
        OR NEW.date IS NOT OLD.date BEGIN {take} {add} END;"""
    return f"""
    CREATE TABLE {table} (
        article_id INTEGER NOT NULL,
        {column} NOT NULL,
        date TEXT,
        n INTEGER NOT NULL,
        PRIMARY KEY (article_id, {key})
    ) WITHOUT ROWID;
    CREATE TABLE {dates} (
        {column} NOT NULL,
        date TEXT NOT NULL,
        n INTEGER NOT NULL,
        articles INTEGER NOT NULL,
        PRIMARY KEY ({key}, date)
    ) WITHOUT ROWID;"""


_TABLES = (
    "\n".join(_level_two(table, "tables") for table in LEVEL_ONE)
    + """
CREATE INDEX idx_chart_outlets_dates_date ON chart_outlets_dates(date, n);
"""
)

_BACKFILL = f"""
INSERT INTO chart_mentions(article_id, entity_id, date, n)
    SELECT a.id, e.entity_id, a.date, COUNT(*) FROM articles a
    JOIN entities e ON e.revision_id = a.current_revision_id
    WHERE e.entity_id IS NOT NULL GROUP BY a.id, e.entity_id;
INSERT INTO chart_outlets(article_id, outlet_id, date, n)
    SELECT a.id, ci.outlet_id, a.date, COUNT(*) FROM articles a
    JOIN citations ct ON ct.revision_id = a.current_revision_id
    JOIN citation_items ci ON ci.citation_id = ct.id GROUP BY a.id, ci.outlet_id;
{_recount_tags("(SELECT id FROM articles)")}
{"".join(_level_two(table, "sums") for table in LEVEL_ONE)}
{"".join(_level_two(table, "triggers") for table in LEVEL_ONE)}
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
    {"".join(_move_date(t) for t in LEVEL_ONE)}
END;
CREATE TRIGGER chart_article_delete AFTER DELETE ON articles BEGIN
    {" ".join(f"DELETE FROM {t} WHERE article_id = OLD.id;" for t in LEVEL_ONE)}
END;

CREATE TRIGGER chart_mention_insert AFTER INSERT ON entities
    WHEN NEW.entity_id IS NOT NULL BEGIN
    {_recount_mentions("NEW.revision_id", "NEW.entity_id")}
END;
CREATE TRIGGER chart_mention_delete AFTER DELETE ON entities
    WHEN OLD.entity_id IS NOT NULL BEGIN
    {_recount_mentions("OLD.revision_id", "OLD.entity_id")}
END;
CREATE TRIGGER chart_mention_unlink AFTER UPDATE OF entity_id, revision_id ON entities
    WHEN OLD.entity_id IS NOT NULL AND (NEW.entity_id IS NOT OLD.entity_id
    OR NEW.revision_id IS NOT OLD.revision_id) BEGIN
    {_recount_mentions("OLD.revision_id", "OLD.entity_id")}
END;
CREATE TRIGGER chart_mention_link AFTER UPDATE OF entity_id, revision_id ON entities
    WHEN NEW.entity_id IS NOT NULL AND (NEW.entity_id IS NOT OLD.entity_id
    OR NEW.revision_id IS NOT OLD.revision_id) BEGIN
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
    {_recount_tags("(OLD.article_id)")}
END;
CREATE TRIGGER chart_highlight_move AFTER UPDATE OF article_id ON highlights
    WHEN NEW.article_id IS NOT OLD.article_id BEGIN
    {_recount_tags("(OLD.article_id, NEW.article_id)")}
END;
CREATE TRIGGER chart_highlight_tag_insert AFTER INSERT ON highlight_tags BEGIN
    {_recount_tags(f"({_highlight_article('NEW')})")}
END;
CREATE TRIGGER chart_highlight_tag_delete AFTER DELETE ON highlight_tags BEGIN
    {_recount_tags(f"({_highlight_article('OLD')})")}
END;
CREATE TRIGGER chart_highlight_tag_update AFTER UPDATE OF highlight_id, tag_id
    ON highlight_tags BEGIN
    {_recount_tags(f"({_highlight_article('OLD')}, {_highlight_article('NEW')})")}
END;
CREATE TRIGGER chart_tag_rename AFTER UPDATE OF name ON tags
    WHEN NEW.name IS NOT OLD.name BEGIN
    {
    _recount_tags('''(SELECT h.article_id FROM highlight_tags ht
        JOIN highlights h ON h.id = ht.highlight_id WHERE ht.tag_id = NEW.id)''')
}
END;
"""

CHART_COUNTS = _TABLES + _BACKFILL + _TRIGGERS
"""The tables, filled from the library as it is (the sums in one pass each, before their
triggers), and the triggers that keep them."""
