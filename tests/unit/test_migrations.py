"""Every released schema upgrades to the current one with all its data, a copy first.

The fixture library for each older version is built here, step by step, with rows in every
table written through schema-1 columns only (they exist in every later version).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from chart_scratch import assert_exact
from sqlite_utils import Database

from monitor_desk.core.library import Library
from monitor_desk.core.schema import SCHEMA_VERSION, migrations
from monitor_desk.core.views.claim_query import ClaimFilter

TEXT = (
    "Old brief on the border\n\n"
    "Foreign Minister Ivan Petrov said on Monday that the border talks would resume "
    "(Interfax, March 3). The opposition called the plan a surrender.\n"
)
REVISED = TEXT.replace("Monday", "Tuesday")

ROWS: dict[str, list[dict[str, object]]] = {
    "articles": [
        {"id": 1, "source_path": "/briefs/old.txt", "title": "Old brief on the border",
         "publication": "Monitor", "volume": "7", "issue": "12", "date": "2001-03-04",
         "author": "A. Writer", "metadata_json": '{"publication": "Monitor"}',
         "current_revision_id": 2, "imported": "2020-01-01T00:00:00Z",
         "modified": "2020-01-02T00:00:00Z"},
        {"id": 2, "source_path": None, "title": "A brief without a file", "publication": None,
         "volume": None, "issue": None, "date": None, "author": None, "metadata_json": "{}",
         "current_revision_id": 3, "imported": "2020-02-01T00:00:00Z",
         "modified": "2020-02-01T00:00:00Z"},
    ],
    "revisions": [
        {"id": 1, "article_id": 1, "number": 1, "text": TEXT, "body_start": 25,
         "text_sha256": "sha-1", "encoding": "utf-8", "created": "2020-01-01T00:00:00Z",
         "pipeline_name": "en_core_web_sm", "pipeline_version": "3.7.0",
         "analyzed": "2020-01-01T00:00:00Z"},
        {"id": 2, "article_id": 1, "number": 2, "text": REVISED, "body_start": 25,
         "text_sha256": "sha-2", "encoding": "cp1251", "created": "2020-01-02T00:00:00Z",
         "pipeline_name": "en_core_web_sm", "pipeline_version": "3.7.0",
         "analyzed": "2020-01-02T00:00:00Z"},
        {"id": 3, "article_id": 2, "number": 1, "text": "Untitled\n\nShort text.\n",
         "body_start": 10, "text_sha256": "sha-3", "encoding": "utf-16", "created": "x",
         "pipeline_name": None, "pipeline_version": None, "analyzed": None},
    ],
    "entities": [
        {"id": 1, "revision_id": 2, "start": 42, "end": 53, "label": "PERSON",
         "text": "Ivan Petrov", "cluster": "Ivan Petrov"},
        {"id": 2, "revision_id": 1, "start": 42, "end": 53, "label": "PERSON",
         "text": "Ivan Petrov", "cluster": "Ivan Petrov"},
    ],
    "outlets": [
        {"id": 1, "name": "Interfax", "reliability": "B"},
        {"id": 2, "name": "Kommersant", "reliability": None},
    ],
    "citations": [
        {"id": 1, "revision_id": 2, "idx": 0, "start": 110, "end": 128,
         "text": "(Interfax, March 3)", "covers_json": "[[25, 129]]"},
    ],
    "citation_items": [
        {"id": 1, "citation_id": 1, "outlet_id": 1, "outlet_text": "Interfax",
         "date_text": "March 3", "date_start": "2001-03-03", "date_end": "2001-03-03"},
    ],
    "claims": [
        {"id": 1, "revision_id": 2, "speaker_start": 25, "speaker_end": 53,
         "speaker_text": "Foreign Minister Ivan Petrov", "speaker_name": "Ivan Petrov",
         "cue_start": 54, "cue_end": 58, "cue_text": "said", "content_start": 73,
         "content_end": 108, "content_text": "the border talks would resume",
         "kind": "indirect", "quotes_json": "[]", "citation_id": 1, "credibility": 2,
         "origin": "auto"},
        {"id": 2, "revision_id": 2, "speaker_start": None, "speaker_end": None,
         "speaker_text": None, "speaker_name": None, "cue_start": 134, "cue_end": 140,
         "cue_text": "called", "content_start": 141, "content_end": 159,
         "content_text": "the plan a surrender", "kind": "direct", "quotes_json": "[]",
         "citation_id": None, "credibility": None, "origin": "user"},
    ],
    "tags": [
        {"id": 1, "name": "borders", "color": "#aabbcc", "created": "2020-01-01T00:00:00Z"},
        {"id": 2, "name": "people/russia", "color": None, "created": "2020-01-01T00:00:00Z"},
    ],
    "highlights": [
        {"id": 1, "article_id": 1, "revision_id": 2, "start": 42, "end": 53,
         "exact": "Ivan Petrov", "prefix": "Minister ", "suffix": " said", "text_sha256": "sha-2",
         "color": "#ff0000", "note": "the old minister", "status": "anchored",
         "created": "2020-01-03T00:00:00Z", "modified": "2020-01-03T00:00:00Z"},
        {"id": 2, "article_id": 1, "revision_id": 1, "start": 84, "end": 90, "exact": "border",
         "prefix": "", "suffix": "", "text_sha256": "sha-1", "color": None, "note": "",
         "status": "orphan", "created": "2020-01-03T00:00:00Z",
         "modified": "2020-01-04T00:00:00Z"},
        {"id": 3, "article_id": 2, "revision_id": 3, "start": 10, "end": 15, "exact": "Short",
         "prefix": "", "suffix": "", "text_sha256": "sha-3", "color": None, "note": "n",
         "status": "anchored", "created": "x", "modified": "x"},
    ],
    "highlight_tags": [
        {"highlight_id": 1, "tag_id": 1},
        {"highlight_id": 1, "tag_id": 2},
        {"highlight_id": 2, "tag_id": 1},
    ],
}  # fmt: skip
LATER_ROWS: dict[str, list[dict[str, object]]] = {
    # Tables of later steps: written only into libraries that have them.
    "corrections": [
        {"id": 1, "kind": "retype", "names_json": '["Interfax"]', "target": "ORG",
         "created": "2021-01-01T00:00:00Z"},
    ],
    "library_entities": [{"id": 1, "name": "Ivan Petrov", "label": "PERSON"}],
    "entities_hidden": [
        {"id": 9, "revision_id": 2, "start": 0, "end": 3, "text": "Old", "model_label": "ORG",
         "model_cluster": "Old"},
    ],
    "publication_rules": [
        {"publication": "Monitor", "volume": 1, "year": 1995, "cadence": "daily",
         "created": "2021-01-01T00:00:00Z"},
    ],
    "taught_cues": [
        {"id": 1, "lemma": "trumpet", "kind": "cue", "object_only": 0,
         "created": "2021-01-01T00:00:00Z", "note": ""},
    ],
    "outlet_aliases": [
        {"name": "Новые Известия", "outlet": "Novye Izvestia", "created": "2021-01-01T00:00:00Z"},
    ],
}  # fmt: skip
KEPT_BY_TRIGGERS = {"claim_highlights", "revision_entities", "entity_pairs"}
"""Tables of step 0015 worked out from the others (filled by the step, kept by triggers):
no fixture rows of their own; the upgrade test checks what they give."""
FTS = [
    (1 * 4 + 0, 1, "Old brief on the border", REVISED[25:]),
    (2 * 4 + 0, 2, "A brief without a file", "Short text.\n"),
    (1 * 4 + 1, 1, "", "Ivan Petrov\nthe old minister\nborders people/russia"),
    (1 * 4 + 2, 1, "", "Ivan Petrov the border talks would resume"),
]


def _old_library(path: Path, version: int) -> None:
    db = Database(path)
    if version < SCHEMA_VERSION:
        migrations.apply(db, stop_before=migrations._migrations[version].name)
    else:
        migrations.apply(db)
    db.execute(f"PRAGMA user_version = {version}")
    later = {t: r for t, r in LATER_ROWS.items() if db[t].exists()}
    for table, rows in (ROWS | later).items():
        for row in rows:
            cols = ", ".join(f'"{c}"' for c in row)
            marks = ", ".join("?" * len(row))
            db.execute(f"INSERT INTO {table}({cols}) VALUES ({marks})", list(row.values()))
    db.conn.executemany(
        "INSERT INTO search_fts(rowid, article_id, title, body) VALUES (?, ?, ?, ?)", FTS
    )
    db.conn.commit()
    db.close()


def _rows(conn: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
    cols = ", ".join(f'"{c}"' for c in ROWS[table][0])
    return conn.execute(f"SELECT {cols} FROM {table} ORDER BY {cols}").fetchall()


def _expected(table: str) -> list[tuple[object, ...]]:
    return sorted(
        (tuple(r.values()) for r in ROWS[table]),
        key=lambda t: tuple((v is not None, v if v is not None else 0) for v in t),
    )


RELEASED = list(range(1, SCHEMA_VERSION))


@pytest.mark.parametrize("version", RELEASED)
def test_an_old_library_upgrades_with_every_row_intact_after_a_copy(
    tmp_path: Path, version: int
) -> None:
    path = tmp_path / "old.sqlite"
    _old_library(path, version)
    pending = migrations._migrations[version].name
    with Library.open(path) as lib:
        conn = lib.db.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert not migrations.pending(lib.db)
        for table in ROWS:
            assert _rows(conn, table) == _expected(table), table
        fts = conn.execute("SELECT rowid, article_id, title, body FROM search_fts ORDER BY 1")
        assert fts.fetchall() == sorted(FTS)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert_exact(lib.db)  # the Overview's counts: filled by 0016, kept since
        # And the library reads it as the analyst left it.
        art = lib.articles.get(1)
        assert (art.title, art.text, art.revision_id) == (
            "Old brief on the border",
            REVISED,
            2,
        )
        by_id = {h.id: h for h in lib.highlights.list(1)}
        assert by_id[1].tags == ["borders", "people/russia"]
        assert (by_id[1].note, by_id[1].color, by_id[2].status) == (
            "the old minister",
            "#ff0000",
            "orphan",
        )
        assert {a.id: a.notes_count for a in lib.articles.list()} == {1: 2, 2: 1}
        # Claims know their speaker entity, and the profile who is mentioned with whom.
        petrov = lib.claim_views.speaker("Ivan Petrov")
        said = lib.claim_views.page(ClaimFilter(speaker=petrov), 0, 10)
        assert [(r.speaker_name, r.content) for r in said] == [
            ("Ivan Petrov", "the border talks would resume")]  # fmt: skip
        assert lib.speakers.profile(petrov).co_mentioned == ()
        hits = lib.search("minister")
        assert sorted((h.kind, h.article_id) for h in hits) == [("article", 1), ("highlight", 1)]
        assert {t.name: t.color for t in lib.tags.list()} == {
            "borders": "#aabbcc",
            "people/russia": None,
        }
        analysis = lib.articles.analysis(1)
        assert analysis is not None
        assert [e.text for e in analysis.entities] == ["Ivan Petrov"]
        assert [c.text for c in analysis.citations] == ["(Interfax, March 3)"]
        # Still writable after the upgrade.
        lib.highlights.add(2, 10, 15, tags=["new"])
    (copy,) = tmp_path.glob(f"old.sqlite.before-{pending}-*.bak")
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == version
        for table in ROWS:
            assert _rows(conn, table) == _expected(table), table


def test_the_fixture_covers_every_table_of_the_current_schema(tmp_path: Path) -> None:
    """A table added by a future step must get fixture rows here too."""
    path = tmp_path / "now.sqlite"
    with Library.open(path) as lib:
        tables = {
            t
            for t in lib.db.table_names()
            if not t.startswith(("_", "search_fts", "chart_")) and t != "sqlite_sequence"
        }  # chart_*: counts of the tables here (checked against them by assert_exact)
    tables -= KEPT_BY_TRIGGERS
    assert tables <= set(ROWS) | set(LATER_ROWS), tables - set(ROWS) - set(LATER_ROWS)


def test_a_library_from_before_0016_gets_the_chart_counts_of_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _old_library(path, _step("0016_chart_counts"))
    with sqlite3.connect(path) as conn:  # mentions linked to their library entity
        conn.execute("UPDATE entities SET entity_id = 1")
    with Library.open(path) as lib:
        assert_exact(lib.db)
        counted = {t: lib.db[t].count for t in ("chart_mentions", "chart_outlets", "chart_tags")}
        assert all(counted.values()), counted
        lib.details.edit([1], date="2001-05-04")  # and the triggers keep them from now on
        lib.highlights.add(2, 10, 15, tags=["borders/north"])
        assert_exact(lib.db)


def test_a_current_library_reopens_without_a_copy_or_change(tmp_path: Path) -> None:
    path = tmp_path / "now.sqlite"
    _old_library(path, SCHEMA_VERSION)
    with Library.open(path) as lib:
        for table in ROWS:
            assert _rows(lib.db.conn, table) == _expected(table), table
        for table, rows in LATER_ROWS.items():
            cols = ", ".join(f'"{c}"' for c in rows[0])
            got = lib.db.execute(f"SELECT {cols} FROM {table} ORDER BY 1").fetchall()
            assert got == [tuple(r.values()) for r in rows], table
    assert not list(tmp_path.glob("*.bak"))


def test_a_library_killed_before_its_version_was_written_gets_it_on_the_next_open(
    tmp_path: Path,
) -> None:
    path = tmp_path / "now.sqlite"
    _old_library(path, SCHEMA_VERSION)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 1")  # every step recorded, the number not yet
    with Library.open(path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert _rows(lib.db.conn, "highlights") == _expected("highlights")


def _step(name: str) -> int:
    """How many steps come before the step called ``name`` (its schema version - 1)."""
    return next(i for i, m in enumerate(migrations._migrations) if m.name == name)


def test_a_library_from_before_0003_never_reuses_ids_after_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _old_library(path, _step("0003_ids_never_reused"))
    with Library.open(path) as lib:
        for table in ("highlights", "tags", "claims"):
            sql = lib.db.execute(
                "SELECT sql FROM sqlite_master WHERE name = ?", [table]
            ).fetchone()[0]
            assert "AUTOINCREMENT" in sql, table
        for table in ROWS:  # the rebuild dropped no tag link (ON DELETE CASCADE)
            assert _rows(lib.db.conn, table) == _expected(table), table
        assert lib.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        # The newest highlight, tag and claim deleted: new ones get fresh ids.
        lib.highlights.delete(3)
        assert lib.highlights.add(2, 10, 15, tags=["fresh"]).id == 4
        assert lib.tags.snapshot("fresh").id == 3
        lib.tags.delete("fresh")
        assert lib.tags.create("fresher").id == 4
        lib.claims.delete(2)
        assert lib.claims.add(1, (141, 159)).id == 3
        # The notes count is still kept by its triggers on the rebuilt table.
        assert {a.id: a.notes_count for a in lib.articles.list()} == {1: 2, 2: 1}
        assert lib.highlights.get(1).tags == ["borders", "people/russia"]
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_0003_rebuild_runs_again_harmlessly_after_a_kill_before_its_record(
    tmp_path: Path,
) -> None:
    """The step is not one transaction with its record: killed in between, it runs again."""
    path = tmp_path / "now.sqlite"
    _old_library(path, SCHEMA_VERSION)
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0003_ids_never_reused'")
        conn.execute(f"PRAGMA user_version = {_step('0003_ids_never_reused')}")
    with Library.open(path) as lib:
        assert not migrations.pending(lib.db)
        for table in ROWS:
            assert _rows(lib.db.conn, table) == _expected(table), table


def test_a_library_from_before_0009_gains_library_entities_with_its_mentions_intact(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite"
    _old_library(path, _step("0009_entity_corrections"))
    with Library.open(path) as lib:
        for table in ROWS:
            assert _rows(lib.db.conn, table) == _expected(table), table
        got = lib.db.execute(
            "SELECT id, model_label, model_cluster, added FROM entities ORDER BY id"
        ).fetchall()
        assert got == [(1, "PERSON", "Ivan Petrov", 0), (2, "PERSON", "Ivan Petrov", 0)]
        ((name, label, mentions, articles),) = [
            (e.name, e.label, e.mentions, e.articles) for e in lib.entities.list()
        ]
        assert (name, label, mentions, articles) == ("Ivan Petrov", "PERSON", 1, 1)
        assert lib.corrections.list() == []
        # Correctable after the upgrade, and revocable back to what the model found.
        created = lib.corrections.add("merge", ["Ivan Petrov"], "Ivan I. Petrov")
        assert [c.speaker_name for c in lib.claims.list(1)][0] == "Ivan I. Petrov"
        lib.corrections.revoke(created.id)
        assert [e.name for e in lib.entities.list()] == ["Ivan Petrov"]
