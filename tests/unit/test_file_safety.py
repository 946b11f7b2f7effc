"""The library file under a read-only location, a full disk and damage: one clear error,
nothing half-written, and a good copy to go back to."""

from __future__ import annotations

import os
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from monitor_desk.core import backups
from monitor_desk.core.errors import DamagedLibraryError, LibraryFileError
from monitor_desk.core.library import Library


def _briefs(folder: Path, count: int, words: int = 300, first: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(first, first + count):
        (folder / f"b{i:03}.txt").write_text(
            f"Brief {i}\n\n" + f"Words of brief number {i}. " * words, encoding="utf-8"
        )
    return folder


def _dump(lib: Library) -> list[str]:
    return list(lib.db.conn.iterdump())


@pytest.fixture
def noted(tmp_path: Path) -> Library:
    """A library with 20 articles, 400 highlights tagged "alpha", and a JSON export of it
    at ``tmp_path / "export.json"``."""
    lib = Library.open(tmp_path / "lib.sqlite")
    lib.import_paths([_briefs(tmp_path / "in", 20)], analyze=False)
    with lib.db.atomic():
        from monitor_desk.core import highlights

        for a in lib.articles.list():
            for k in range(20):
                highlights.add_highlight(lib.db, a.id, 10 + 8 * k, 15 + 8 * k, ["alpha"], f"n{k}")
    lib.exports.write("json", tmp_path / "export.json")
    return lib


WRITES: dict[str, Callable[[Library, Path], object]] = {
    "create tag": lambda lib, tmp: lib.tags.create("beta").id,
    "add highlight": lambda lib, tmp: lib.highlights.add(1, 0, 5, tags=["beta"], note="x").id,
    "merge tags": lambda lib, tmp: lib.tags.merge("alpha", "beta").count,
    "rename tag": lambda lib, tmp: lib.tags.rename("alpha", "gamma"),
    "delete tag": lambda lib, tmp: lib.tags.delete("alpha").count,
    # New texts: copies of the library's briefs would be duplicates, which write nothing.
    "import": lambda lib, tmp: lib.import_paths(
        [_briefs(tmp / "more", 5, first=100)], analyze=False
    ),
    "import json": lambda lib, tmp: lib.import_json(tmp / "export.json"),
    "delete article": lambda lib, tmp: lib.deletions.delete([1]).count,
}


@pytest.mark.parametrize("write", list(WRITES))
def test_a_read_only_file_gives_a_clear_error_and_no_partial_write(
    noted: Library, tmp_path: Path, write: str
) -> None:
    """SQLite refusing every write (what a read-only file or folder does) is one clear
    sentence; running as root, ``query_only`` stands in for the permission bits."""
    if write == "import json":
        # Into a second, empty library: the export's articles are all new there.
        noted.close()
        noted = Library.open(tmp_path / "other.sqlite")
    before = _dump(noted)
    noted.db.execute("PRAGMA query_only = ON")
    with pytest.raises(LibraryFileError, match="read-only"):
        WRITES[write](noted, tmp_path)
    noted.db.execute("PRAGMA query_only = OFF")
    assert _dump(noted) == before
    noted.close()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_a_library_in_a_read_only_folder_is_refused_clearly(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    with Library.open(folder / "lib.sqlite") as lib:
        lib.tags.create("kept")
    before = (folder / "lib.sqlite").read_bytes()
    folder.chmod(0o555)
    try:
        with pytest.raises(LibraryFileError) as info:
            Library.open(folder / "new.sqlite")
        assert "\n" not in str(info.value)
        with pytest.raises(LibraryFileError), Library.open(folder / "lib.sqlite") as lib:
            lib.tags.create("not kept")
    finally:
        folder.chmod(0o755)
    assert (folder / "lib.sqlite").read_bytes() == before


def test_a_read_only_open_writes_nothing_at_all(noted: Library, tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    noted.close()
    before = path.read_bytes()
    with Library.open(path, read_only=True) as reader:
        for write in WRITES.values():
            with pytest.raises(LibraryFileError, match="read-only"):
                write(reader, tmp_path)
    assert path.read_bytes() == before


def _fill_disk(lib: Library, spare_pages: int) -> None:
    pages = lib.db.execute("PRAGMA page_count").fetchone()[0]
    lib.db.execute(f"PRAGMA max_page_count = {pages + spare_pages}")


def test_a_full_disk_during_a_tag_merge_leaves_the_tags_as_they_were(noted: Library) -> None:
    before = _dump(noted)
    _fill_disk(noted, 2)
    with pytest.raises(LibraryFileError, match="disk is full"):
        noted.tags.merge("alpha", "beta")
    assert _dump(noted) == before
    assert noted.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert len(noted.highlights.list(tag="alpha")) == 400
    noted.db.execute("PRAGMA max_page_count = 1073741823")
    assert noted.tags.merge("alpha", "beta").count == 400
    assert len(noted.highlights.list(tag="beta")) == 400
    noted.close()


def test_a_full_disk_during_a_json_import_writes_nothing_then_completes(
    noted: Library, tmp_path: Path
) -> None:
    noted.close()
    with Library.open(tmp_path / "other.sqlite") as lib:
        _fill_disk(lib, 60)
        with pytest.raises(LibraryFileError, match="disk is full"):
            lib.import_json(tmp_path / "export.json")
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # One transaction: all of the export or none of it, never a part.
        assert lib.articles.list() == []
        assert lib.tags.list() == []
        lib.db.execute("PRAGMA max_page_count = 1073741823")
        counts = lib.import_json(tmp_path / "export.json")
        assert counts["articles_added"] == 20
        assert len(lib.articles.list()) == 20
        assert len(lib.highlights.list(tag="alpha")) == 400


def _damage(path: Path, pages: list[int], seed: int = 7) -> None:
    """Overwrite whole pages with noise (not the header: this damage only shows on reading)."""
    rng = random.Random(seed)
    data = bytearray(path.read_bytes())
    for page in pages:
        data[page * 4096 : (page + 1) * 4096] = bytes(rng.randrange(256) for _ in range(4096))
    path.write_bytes(bytes(data))


def test_a_damaged_library_never_pushes_the_good_copies_out(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as lib:
        lib.import_paths([_briefs(tmp_path / "in", 60)], analyze=False)
        lib.tags.create("precious")
    Library.open(path).close()  # the first rolling copy
    (good,) = backups.list_backups(path)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    _damage(path, [3, pages // 2, pages - 2])
    os.utime(path, (os.path.getmtime(good) + 10,) * 2)
    with pytest.raises(DamagedLibraryError, match="restore-backup"):
        Library.open(path)  # the changed file is checked before anything is written
    for _ in range(backups.KEEP + 1):  # and the background copy refuses it too
        copying = backups.start_rolling_backup(path)
        copying.join()
        assert copying.damage is not None
        assert "damaged" in copying.damage
    assert backups.list_backups(path) == [good]
    assert backups.newest_backup(path) == good
    backups.restore_backup(good, path)
    with Library.open(path) as lib:
        assert [t.name for t in lib.tags.list()] == ["precious"]
        assert len(lib.articles.list()) == 60
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_newest_intact_copy_is_offered_over_a_damaged_newer_one(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    assert backups.newest_backup(path) is None
    with Library.open(path) as lib:
        lib.tags.create("older")
    older = backups.make_backup(path)
    newer = older.with_name(f"{path.stem}-29991231T000000000000Z.sqlite")
    newer.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)  # a copy cut short
    assert backups.list_backups(path)[0] == newer
    assert backups.newest_backup(path) == older


def test_a_restore_that_fails_midway_leaves_the_library_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import shutil

    path = tmp_path / "lib.sqlite"
    with Library.open(path) as lib:
        lib.tags.create("current")
    copy = backups.make_backup(path)
    before = path.read_bytes()

    def full_disk(src: Path, dst: Path) -> None:
        Path(dst).write_bytes(Path(src).read_bytes()[:1000])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copy2", full_disk)
    with pytest.raises(LibraryFileError, match="No space left"):
        backups.restore_backup(copy, path)
    assert path.read_bytes() == before
    assert not [p.name for p in tmp_path.iterdir() if p.suffix in (".restoring", ".damaged")]


def test_restoring_moves_the_damaged_files_journal_aside(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as lib:
        lib.tags.create("in the copy")
    copy = backups.make_backup(path)
    writer = sqlite3.connect(path)  # a crashed writer's journal, still beside the file
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("INSERT INTO tags(name, created) VALUES ('only in the journal', 'x')")
    writer.commit()
    wal = path.with_name(path.name + "-wal")
    assert wal.stat().st_size > 0
    kept = backups.restore_backup(copy, path)
    assert not wal.exists()
    with Library.open(path) as lib:
        assert [t.name for t in lib.tags.list()] == ["in the copy"]
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with sqlite3.connect(kept) as conn:  # the damaged file keeps its last changes
        names = {r[0] for r in conn.execute("SELECT name FROM tags")}
    assert "only in the journal" in names
    writer.close()
