from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils.migrations import Migrations

from monitor_desk.core import db as dbmod
from monitor_desk.core.errors import LibraryFileError, NewerLibraryError
from monitor_desk.core.library import Library
from monitor_desk.core.schema import SCHEMA_VERSION, migrations


def test_new_library_uses_wal_foreign_keys_and_records_its_schema(tmp_path: Path) -> None:
    with Library.open(tmp_path / "new" / "lib.sqlite") as lib:
        conn = lib.db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        tables = set(lib.db.table_names())
    for table in (
        "articles",
        "revisions",
        "entities",
        "claims",
        "citations",
        "outlets",
        "highlights",
        "tags",
        "highlight_tags",
        "search_fts",
    ):
        assert table in tables


def test_a_file_from_a_newer_version_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    Library.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = path.read_bytes()
    with pytest.raises(NewerLibraryError, match="newer Monitor Desk"):
        Library.open(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database\n")
    with pytest.raises(LibraryFileError, match="not a Monitor Desk library"):
        Library.open(path)
    assert path.read_text() == "these are my notes, not a database\n"


def test_a_folder_is_not_a_library(tmp_path: Path) -> None:
    with pytest.raises(LibraryFileError, match="folder"):
        Library.open(tmp_path)


def test_a_copy_is_written_before_a_migration_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as lib:
        lib.db.execute("INSERT INTO tags(name, created) VALUES ('kept', '2026-01-01T00:00:00Z')")
        lib.db.conn.commit()
    upgraded = Migrations("monitor_desk")
    for m in migrations._migrations:
        upgraded(name=m.name)(m.fn)

    @upgraded(name="9999_test_step")
    def _step(db):  # type: ignore[no-untyped-def]
        db.execute("ALTER TABLE tags ADD COLUMN test_column TEXT")

    monkeypatch.setattr(dbmod, "migrations", upgraded)
    monkeypatch.setattr(dbmod, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with Library.open(path) as lib:
        assert "test_column" in lib.db["tags"].columns_dict
    backups = list(tmp_path.glob("lib.sqlite.before-9999_test_step-*.bak"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT name FROM tags").fetchall() == [("kept",)]
        columns = [r[1] for r in conn.execute("PRAGMA table_info(tags)")]
    assert "test_column" not in columns


def test_a_second_writer_gets_a_clear_message_and_may_read(tmp_path: Path) -> None:
    from monitor_desk.core.filelock import LibraryInUseError

    path = tmp_path / "lib.sqlite"
    with Library.open(path) as first:
        first.tags.create("shared")
        with pytest.raises(LibraryInUseError, match="open in another Monitor Desk"):
            Library.open(path)
        with Library.open(path, read_only=True) as reader:
            assert [t.name for t in reader.tags.list()] == ["shared"]
            with pytest.raises(LibraryFileError, match="read-only"):
                reader.tags.create("nope")
    with Library.open(path) as again:  # released on close
        assert [t.name for t in again.tags.list()] == ["shared"]


def test_a_second_process_is_refused_while_the_first_holds_the_library(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "lib.sqlite"
    with Library.open(path):
        res = subprocess.run(
            [sys.executable, "-m", "monitor_desk", "--db", str(path), "import", str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert res.returncode == 1
    assert "open in another Monitor Desk (pid" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_a_full_disk_is_a_clear_error_and_nothing_is_half_written(tmp_path: Path) -> None:
    folder = tmp_path / "briefs"
    folder.mkdir()
    for i in range(40):
        (folder / f"b{i:02}.txt").write_text(f"Title {i}\n\n" + "Words of a brief. " * 400)
    with Library.open(tmp_path / "lib.sqlite") as lib:
        pages = lib.db.execute("PRAGMA page_count").fetchone()[0]
        lib.db.execute(f"PRAGMA max_page_count = {pages + 40}")
        with pytest.raises(LibraryFileError, match="disk is full"):
            lib.import_paths([folder], analyze=False)
        done = lib.articles.list()
        assert len(done) % 32 == 0  # whole batches only
        for a in done:
            art = lib.articles.get(a.id)
            assert art.text.endswith("Words of a brief. \n") or art.text.endswith("brief. ")
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_schema_1_library_upgrades_with_its_notes_counted(tmp_path: Path) -> None:
    from sqlite_utils import Database

    path = tmp_path / "old.sqlite"
    old = Database(path)
    migrations.apply(old, stop_before="0002_list_sorting")
    old.execute("PRAGMA user_version = 1")
    old.execute(
        "INSERT INTO articles(id, title, imported, modified) VALUES (1, 'Old brief', 'x', 'x')"
    )
    old.execute(
        "INSERT INTO revisions(id, article_id, number, text, text_sha256, created) "
        "VALUES (1, 1, 1, 'Some old text here.', 'h', 'x')"
    )
    old.execute("UPDATE articles SET current_revision_id = 1")
    for start in (0, 5):
        old.execute(
            'INSERT INTO highlights(article_id, revision_id, start, "end", exact, text_sha256, '
            "created, modified) VALUES (1, 1, ?, ?, 'x', 'h', 'x', 'x')",
            [start, start + 3],
        )
    old.conn.commit()
    old.close()
    with Library.open(path) as lib:
        (art,) = lib.articles.list()
        assert (art.title, art.notes_count) == ("Old brief", 2)
        hid = lib.highlights.add(1, 0, 4).id
        assert lib.articles.list()[0].notes_count == 3
        lib.highlights.delete(hid)
        assert lib.articles.list(sort="notes")[0].notes_count == 2
    assert list(tmp_path.glob("old.sqlite.before-0002_list_sorting-*.bak"))
