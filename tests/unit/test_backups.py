"""Rolling copies on open, and restoring one when the library is damaged."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from monitor_desk.core import backups
from monitor_desk.core.errors import LibraryFileError
from monitor_desk.core.library import Library


def _touch_later(path: Path) -> None:
    t = time.time() + 5
    os.utime(path, (t, t))


def test_opening_a_changed_library_keeps_at_most_five_copies(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    Library.open(path).close()
    assert backups.list_backups(path) == []  # a brand-new library has nothing to keep
    for i in range(7):
        with Library.open(path) as lib:
            lib.tags.create(f"tag {i}")
        _touch_later(path)
    with Library.open(path):
        pass
    copies = backups.list_backups(path)
    assert len(copies) == backups.KEEP
    with Library.open(copies[0], read_only=True) as newest:
        assert len(newest.tags.list()) == 7


def test_an_unchanged_library_is_not_copied_again(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as lib:
        lib.tags.create("x")
    Library.open(path).close()
    first = backups.list_backups(path)
    Library.open(path).close()
    assert backups.list_backups(path) == first


def test_a_damaged_library_is_detected_and_the_newest_copy_restored(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as lib:
        lib.tags.create("precious")
    Library.open(path).close()
    (copy,) = backups.list_backups(path)
    data = bytearray(path.read_bytes())
    data[:16] = b"garbage garbage!"
    path.write_bytes(bytes(data))
    with pytest.raises(LibraryFileError, match="not a Monitor Desk library"):
        Library.open(path)
    kept = backups.restore_backup(copy, path)
    assert kept.exists()
    with Library.open(path) as lib:
        assert [t.name for t in lib.tags.list()] == ["precious"]


def _library_with_tag(path: Path, tag: str) -> None:
    with Library.open(path) as lib:
        lib.tags.create(tag)


def _tags(path: Path) -> list[str]:
    with Library.open(path, read_only=True) as lib:
        return [t.name for t in lib.tags.list()]


def test_copies_of_a_similarly_named_library_are_kept_apart(tmp_path: Path) -> None:
    work, old = tmp_path / "work.sqlite", tmp_path / "work-old.sqlite"
    _library_with_tag(old, "old work")
    for _ in range(backups.KEEP):
        backups.make_backup(old)
    _library_with_tag(work, "current work")
    made = backups.make_backup(work)
    assert made.exists()  # was pruned at once: work-old's copies sorted after it
    assert backups.list_backups(work) == [made]
    assert len(backups.list_backups(old)) == backups.KEEP
    work.write_bytes(b"the disk ate it")
    assert backups.newest_backup(work) == made
    backups.restore_backup(backups.newest_backup(work), work)  # type: ignore[arg-type]
    assert _tags(work) == ["current work"]
    assert _tags(old) == ["old work"]


def test_copies_made_under_the_old_naming_are_read_unless_another_library_shares_the_stem(
    tmp_path: Path,
) -> None:
    work = tmp_path / "work.sqlite"
    _library_with_tag(work, "kept")
    made = backups.make_backup(work)
    legacy = made.with_name("work-20200101T000000000000Z.sqlite")
    made.rename(legacy)
    assert backups.list_backups(work) == [legacy]
    assert backups.is_intact(legacy)
    Library.open(tmp_path / "work.db").close()  # now "work-…" could be either one's
    assert backups.list_backups(work) == []
    assert backups.list_backups(tmp_path / "work.db") == []


def test_restore_is_refused_while_a_monitor_desk_has_the_library_open(tmp_path: Path) -> None:
    from monitor_desk.core.filelock import LibraryInUseError

    path = tmp_path / "lib.sqlite"
    _library_with_tag(path, "in the copy")
    copy = backups.make_backup(path)
    with Library.open(path) as lib:
        lib.tags.create("saved by the open library")
        with pytest.raises(LibraryInUseError):
            backups.restore_backup(copy, path)
    assert not list(tmp_path.glob("lib.sqlite.damaged*"))
    assert _tags(path) == ["in the copy", "saved by the open library"]


def test_every_restore_keeps_the_file_it_replaced_with_its_journal(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    _library_with_tag(path, "first")
    copy = backups.make_backup(path)
    first_kept = backups.restore_backup(copy, path)
    _library_with_tag(path, "second")
    writer = sqlite3.connect(path)  # changes still in the WAL when the restore comes
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("INSERT INTO tags(name, created) VALUES ('only in the WAL', 'x')")
    writer.commit()
    second_kept = backups.restore_backup(copy, path)
    writer.close()
    assert first_kept is not None
    assert second_kept is not None
    assert first_kept != second_kept
    assert (first_kept.name, second_kept.name) == ("lib.sqlite.damaged", "lib.sqlite.damaged-2")
    assert _tags(first_kept) == ["first"]
    assert _tags(second_kept) == ["first", "only in the WAL", "second"]
    assert _tags(path) == ["first"]


def _foreign(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE addresses(name, street)")
        conn.execute("INSERT INTO addresses VALUES ('Ann', 'Main St')")
    return path


@pytest.mark.parametrize("kind", ["csv", "other program", "damaged", "newer"])
def test_restoring_from_a_file_that_is_not_a_usable_library_touches_nothing(
    tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "lib.sqlite"
    _library_with_tag(path, "mine")
    source = tmp_path / "source.sqlite"
    if kind == "csv":
        source.write_text("id,title\n1,a\n")
    elif kind == "other program":
        _foreign(source)
    else:
        _library_with_tag(source, "a copy")
        if kind == "newer":
            with sqlite3.connect(source) as conn:
                conn.execute("PRAGMA user_version = 99")
        else:
            data = bytearray(source.read_bytes())
            data[4096 * 3 : 4096 * 4] = b"\xff" * 4096
            source.write_bytes(bytes(data))
    before = sorted(p.name for p in tmp_path.iterdir())
    content = path.read_bytes()
    with pytest.raises(LibraryFileError, match="nothing was restored|Nothing was restored"):
        backups.restore_backup(source, path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_restoring_from_a_library_keeps_what_its_wal_holds(tmp_path: Path) -> None:
    path, other = tmp_path / "lib.sqlite", tmp_path / "other.sqlite"
    _library_with_tag(path, "mine")
    _library_with_tag(other, "theirs")
    writer = sqlite3.connect(other)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("INSERT INTO tags(name, created) VALUES ('only in their WAL', 'x')")
    writer.commit()
    backups.restore_backup(other, path)
    writer.close()
    assert _tags(path) == ["only in their WAL", "theirs"]


def test_no_copy_is_made_when_the_disk_has_no_room_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    path = tmp_path / "lib.sqlite"
    _library_with_tag(path, "x")
    size = path.stat().st_size
    real = shutil.disk_usage
    monkeypatch.setattr(shutil, "disk_usage", lambda p: real(p)._replace(free=size + 1000))
    with Library.open(path) as lib:
        (notice,) = lib.notices()
        lib.tags.create("still works")
    assert "No automatic copy" in notice
    assert "MB is free" in notice
    assert backups.list_backups(path) == []


def test_a_copy_that_fails_for_want_of_space_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as lib:
        for i in range(50):
            lib.tags.create(f"tag {i} " + "x" * 400)
    real = sqlite3.connect

    def small_disk(target: object, *args: object, **kwargs: object) -> sqlite3.Connection:
        conn = real(target, *args, **kwargs)  # type: ignore[arg-type]
        if str(target).endswith(".partial"):  # the copy: the disk fills after 3 pages
            conn.execute("PRAGMA max_page_count = 3")
        return conn

    monkeypatch.setattr(sqlite3, "connect", small_disk)
    with pytest.raises(sqlite3.Error):
        backups.make_backup(path)
    monkeypatch.undo()
    assert list(backups.backup_folder(path).glob("*.partial")) == []
    assert backups.list_backups(path) == []
