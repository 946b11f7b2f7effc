"""`export -o`: never onto the library, its own files or a device; an older file survives a
failed export."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from monitor_desk.cli import main
from monitor_desk.core.backups import backup_folder
from monitor_desk.core.library import Library

TEXT = "Target brief\n\nThe minister said the border talks would resume on Monday.\n"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A closed library with one highlighted article."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXT, encoding="utf-8")
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as lib:
        lib.import_paths([tmp_path / "in"], analyze=False)
        start = TEXT.index("border talks")
        lib.highlights.add(1, start, start + 12, tags=["border"], note="keep me")
    return path


def _intact(db: Path) -> None:
    with Library.open(db) as lib:
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        (h,) = lib.highlights.list(1)
        assert (h.exact, h.note, h.tags) == ("border talks", "keep me", ["border"])


def _refused(db: Path, target: Path | str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--db", str(db), "export", "notes", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "Traceback" not in err
    return err


def test_export_onto_the_open_library_is_refused(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "open library" in _refused(db, db, capsys)
    _intact(db)


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_export_onto_a_link_to_the_library_is_refused(
    db: Path, tmp_path: Path, link: str, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    alias = elsewhere / "notes.csv"
    (os.symlink if link == "symlink" else os.link)(db, alias)
    assert "open library" in _refused(db, alias, capsys)
    assert alias.is_symlink() == (link == "symlink")
    _intact(db)


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal", ".lock", ".damaged"])
def test_export_onto_the_librarys_side_files_is_refused(
    db: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    side = db.with_name(db.name + suffix)
    assert "open library" in _refused(db, side, capsys)
    # A CSV named lib.sqlite-wal would be read by SQLite as the library's journal.
    assert not side.exists() or not side.read_bytes().startswith(b"\xef\xbb\xbfnote_id")
    _intact(db)


def test_export_into_the_backups_folder_is_refused(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Library.open(db):
        pass  # reopening an existing library makes its first automatic copy
    copies = sorted(backup_folder(db).iterdir())
    assert copies
    before = copies[0].read_bytes()
    assert "open library" in _refused(db, copies[0], capsys)
    assert copies[0].read_bytes() == before
    assert "open library" in _refused(db, backup_folder(db) / "new.csv", capsys)


def test_export_onto_a_fifo_or_a_device_is_refused_and_the_node_kept(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert "not a regular file" in _refused(db, fifo, capsys)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pass  # not root: /dev/null below is the device case
    else:
        assert "not a regular file" in _refused(db, device, capsys)
        assert stat.S_ISCHR(os.lstat(device).st_mode)
    assert "not a regular file" in _refused(db, "/dev/null", capsys)
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_a_failed_export_leaves_the_older_file_and_no_temp_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    old = out / "notes.csv"
    old.write_text("an older export", encoding="utf-8")

    def fail(_done: int) -> None:
        raise OSError(28, "No space left on device")

    with Library.open(db) as lib, pytest.raises(Exception, match="No space left"):
        lib.exports.write("notes", old, progress=fail)
    assert old.read_text(encoding="utf-8") == "an older export"
    assert [p.name for p in out.iterdir()] == ["notes.csv"]


def test_export_through_a_symlink_to_another_file_updates_that_file(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old", encoding="utf-8")
    os.chmod(real, 0o640)
    alias = tmp_path / "alias.csv"
    alias.symlink_to(real)
    assert main(["--db", str(db), "export", "notes", "-o", str(alias)]) == 0
    assert alias.is_symlink()
    assert "keep me" in real.read_text(encoding="utf-8-sig")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert main(["--db", str(db), "export", "notes", "-o", "-"]) == 0
    assert "keep me" in capsys.readouterr().out
