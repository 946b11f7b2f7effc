"""Files that are not (healthy, current, writable) libraries: another program's database,
a newer library, a damaged one, one on a read-only disk. Each is refused or read as it
is, byte-identical, with one clear line."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from monitor_desk.cli import main
from monitor_desk.core import backups, library_file
from monitor_desk.core.errors import (
    DamagedLibraryError,
    LibraryFileError,
    NewerLibraryError,
    NotALibraryError,
    ReadOnlyLibraryError,
)
from monitor_desk.core.library import Library
from monitor_desk.core.schema import SCHEMA_VERSION


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_another_programs_database_is_refused_byte_identical(
    tmp_path: Path, journal: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "contacts.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode = {journal}")
    conn.execute("CREATE TABLE contacts(name, phone)")
    conn.execute("INSERT INTO contacts VALUES ('Ann', '555')")
    conn.commit()
    conn.close()
    before = _files(tmp_path)
    with pytest.raises(NotALibraryError, match="another program's database"):
        Library.open(path)
    with pytest.raises(NotALibraryError):
        Library.open(path, read_only=True)
    code, _, err = _cli(capsys, "--db", str(path), "import", "--no-analyze", str(tmp_path))
    assert code == 1
    assert len(err.strip().splitlines()) == 1
    assert "not a Monitor Desk library" in err
    assert _files(tmp_path) == before  # no tables, no WAL, no lock file, no copy


def test_a_database_marked_by_another_program_is_refused_even_when_empty(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 12345")
    conn.close()
    before = _files(tmp_path)
    with pytest.raises(NotALibraryError):
        Library.open(path)
    assert _files(tmp_path) == before


def test_empty_files_become_libraries_and_carry_our_mark(tmp_path: Path) -> None:
    empty, blank = tmp_path / "empty.sqlite", tmp_path / "blank.sqlite"
    empty.touch()
    sqlite3.connect(blank).execute("PRAGMA user_version = 0").connection.close()
    for path in (empty, blank):
        with Library.open(path) as lib:
            lib.tags.create("new")
            app_id = lib.db.execute("PRAGMA application_id").fetchone()[0]
        assert app_id == library_file.APPLICATION_ID


def test_a_library_of_an_older_version_without_our_mark_still_opens(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with Library.open(path) as lib:
        lib.tags.create("from before the mark")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 0")  # as every library made before it
    conn.close()
    with Library.open(path) as lib:
        assert [t.name for t in lib.tags.list()] == ["from before the mark"]
        assert lib.db.execute("PRAGMA application_id").fetchone()[0] != 0


def _newer(path: Path) -> None:
    with Library.open(path) as lib:
        lib.tags.create("written by the future")
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    conn.close()


def test_a_newer_library_is_refused_untouched_with_the_version_it_needs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "lib.sqlite"
    _newer(path)
    path.with_name("lib.sqlite.lock").unlink(missing_ok=True)  # as from another computer
    before = _files(tmp_path)
    with pytest.raises(NewerLibraryError, match=f"schema {SCHEMA_VERSION + 3}"):
        Library.open(path)
    code, _, err = _cli(capsys, "--db", str(path), "list")
    assert code == 1
    assert f"library schema {SCHEMA_VERSION + 3}" in err
    assert len(err.strip().splitlines()) == 1
    assert _files(tmp_path) == before  # not even a lock file


def test_restore_backup_never_puts_an_older_copy_over_a_newer_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as lib:
        lib.tags.create("old")
    older = backups.make_backup(path)
    _newer(path)
    newer_copy = backups.make_backup(path)  # a copy made by the newer version
    assert backups.newest_backup(path) == older  # the newer copy is never offered
    assert backups.copy_state(newer_copy).startswith("newer")
    before = path.read_bytes()
    code, _, err = _cli(capsys, "--db", str(path), "restore-backup")
    assert code == 1
    assert "newer Monitor Desk" in err
    assert "not replaced" in err
    assert len(err.strip().splitlines()) == 1
    code, _, err = _cli(capsys, "--db", str(tmp_path / "x.sqlite"), "restore-backup", "--from",
                        str(newer_copy))  # fmt: skip
    assert code == 1
    assert "Nothing was restored" in err
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.damaged*"))


def damage_pages(path: Path, seed: int = 3) -> None:
    """Noise over a few pages in the middle of the file (the header stays intact)."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    rng = random.Random(seed)
    data = bytearray(path.read_bytes())
    for page in (pages // 3, pages // 2, pages - 2):
        data[page * 4096 : (page + 1) * 4096] = bytes(rng.randrange(256) for _ in range(4096))
    path.write_bytes(bytes(data))


def briefs(folder: Path, count: int = 40) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"b{i:03}.txt").write_text(f"Brief {i}\n\n" + f"Words of brief {i}. " * 300)
    return folder


def test_damage_found_at_open_stops_every_write_with_the_advice_to_restore(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as lib:
        lib.import_paths([briefs(tmp_path / "in")], analyze=False)
    damage_pages(path)
    before = path.read_bytes()
    with pytest.raises(DamagedLibraryError, match="restore-backup"):
        Library.open(path)
    more = briefs(tmp_path / "more", 3)
    code, _, err = _cli(capsys, "--db", str(path), "import", "--no-analyze", str(more))
    assert code == 1
    assert "damaged" in err
    assert "restore-backup" in err
    assert len(err.strip().splitlines()) == 1
    assert path.read_bytes() == before


def test_only_a_library_changed_by_something_else_is_checked_at_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check reads the whole file: a library as Monitor Desk closed it is not checked
    again (start-up stays fast); one changed behind its back is."""
    import os

    path = tmp_path / "lib.sqlite"
    with Library.open(path) as lib:
        lib.tags.create("x")
    checked: list[Path] = []
    monkeypatch.setattr("monitor_desk.core.db.require_intact", lambda c, p: checked.append(p))
    with Library.open(path) as lib:
        lib.tags.create("y")
    Library.open(path).close()
    assert checked == []
    os.utime(path, (1, 1))
    Library.open(path).close()
    assert checked == [path]


def _read_only_disk(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """What a read-only mount looks like to ``access`` (even for root: EROFS)."""
    import os

    real = os.access

    def access(path: object, mode: int, *a: object, **k: object) -> bool:
        if mode & os.W_OK and str(path).startswith(str(folder)):
            return False
        return real(path, mode, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(library_file.os, "access", access)


def test_a_library_on_a_read_only_disk_is_read_and_writes_get_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mnt"
    path = folder / "lib.sqlite"
    with Library.open(path) as lib:
        lib.import_paths([briefs(tmp_path / "in", 3)], analyze=False)
    Library.open(path).close()
    before = _files(folder)
    _read_only_disk(monkeypatch, folder)
    with pytest.raises(ReadOnlyLibraryError, match="read-only"):
        Library.open(path)
    assert "immutable=1" in library_file.read_only_uri(path)
    with Library.open(path, read_only=True) as lib:
        assert len(lib.articles.list()) == 3
        with pytest.raises(LibraryFileError, match="read-only"):
            lib.tags.create("no")
    code, out, err = _cli(capsys, "--db", str(path), "list")
    assert code == 0
    assert len(out.strip().splitlines()) == 3
    assert "read-only" in err
    code, out, err = _cli(capsys, "--db", str(path), "search", "brief", "--json")
    assert code == 0
    code, _, err = _cli(capsys, "--db", str(path), "import", "--no-analyze", str(tmp_path / "in"))
    assert code == 1
    assert "read-only" in err
    assert len(err.strip().splitlines()) == 1
    assert _files(folder) == before
    assert backups.newest_backup(path) is not None  # the copy is still offered there
