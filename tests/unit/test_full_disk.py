"""A full disk: everything can still be read (CLI and the window's open), and a write
gets one clear line, with nothing half-written.

The real thing needs a small tmpfs (root only; skipped elsewhere); the fallback itself is
also checked by making the open fail the way SQLite does when it cannot size its -shm.
"""

from __future__ import annotations

import errno
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor_desk.core.errors import LibraryFileError
from monitor_desk.core.library import Library

BRIEF = "Brief {i}: talks in Riga\n\nOfficials in Riga said the talks on brief {i} would resume.\n"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    disk = tmp_path / "disk"
    disk.mkdir()
    res = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)],
        capture_output=True,
        text=True,
    )
    if res.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {res.stderr.strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def _fill(disk: Path) -> Path:
    filler = disk / "filler"
    error = None
    with open(filler, "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 4096)
        except OSError as exc:
            error = exc.errno
    assert error == errno.ENOSPC
    return filler


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "monitor_desk", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_full_disk_can_be_read_and_refuses_writes_in_one_line(
    small_disk: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "briefs"
    folder.mkdir()
    for i in range(6):
        (folder / f"b{i}.txt").write_text(BRIEF.format(i=i), encoding="utf-8")
    db = small_disk / "lib.sqlite"
    with Library.open(db) as lib:
        lib.import_paths(sorted(folder.iterdir())[:5], analyze=False)
        lib.highlights.add(1, 0, 5, ["kept"], "a note")
    filler = _fill(small_disk)

    listed = _cli(db, "list")
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) == 5
    shown = _cli(db, "show", "2")
    assert shown.returncode == 0, shown.stderr
    assert "brief 1 would resume" in shown.stdout
    found = _cli(db, "search", "Riga")
    assert found.returncode == 0, found.stderr
    with Library.open(db) as lib:  # what the window does first
        assert [h.note for h in lib.highlights.list()] == ["a note"]
        with pytest.raises(LibraryFileError, match="disk is full"):
            lib.highlights.add(2, 0, 5, ["lost?"], "no room")

    refused = _cli(db, "import", "--no-analyze", str(folder / "b5.txt"))
    assert refused.returncode == 1
    assert refused.stderr.strip().splitlines() == [
        "monitor-desk: Could not save to the library: the disk is full. Nothing was half-written."
    ]

    filler.unlink()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone() == (5,)
        assert conn.execute("SELECT note FROM highlights").fetchall() == [("a note",)]
    conn.close()
    assert _cli(db, "import", "--no-analyze", str(folder / "b5.txt")).returncode == 0


def test_no_room_for_the_wal_index_falls_back_to_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where no tmpfs can be mounted: the open fails as SQLite's does on a full disk
    (``SQLITE_IOERR_SHMSIZE``) unless the index is kept in memory."""
    from monitor_desk.core import full_disk

    db = tmp_path / "lib.sqlite"
    with Library.open(db) as lib:
        lib.tags.create("still readable")
    real_open = full_disk.open_database
    calls: list[bool] = []

    def open_on_full_disk(
        path: Path,
        read_only: bool = False,
        verify: bool = False,
        exclusive: bool = False,
        checked: bool = False,
        progress: object = None,
    ):  # type: ignore[no-untyped-def]
        calls.append(exclusive)
        if not exclusive:
            cause = sqlite3.OperationalError("disk I/O error")
            cause.sqlite_errorname = "SQLITE_IOERR_SHMSIZE"  # type: ignore[attr-defined]
            raise LibraryFileError(f"Cannot open the library file {path}: {cause}.") from cause
        return real_open(path, read_only=read_only, exclusive=exclusive)

    monkeypatch.setattr(full_disk, "open_database", open_on_full_disk)
    with Library.open(db) as lib:
        assert [t.name for t in lib.tags.list()] == ["still readable"]
    assert calls == [False, True]
    with pytest.raises(LibraryFileError, match="disk I/O error"):  # a reader: as it was
        Library.open(db, read_only=True)
