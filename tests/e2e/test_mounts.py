"""Real mounts (root only; skipped where mounting is not permitted): a library on a
read-only bind mount is read by the CLI, and a nearly full disk gets no automatic copy."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor_desk.core import backups
from monitor_desk.core.library import Library


def _mount(*args: str) -> None:
    res = subprocess.run(["mount", *args], capture_output=True, text=True, timeout=30)
    if res.returncode != 0:
        pytest.skip(f"mounting is not permitted here: {res.stderr.strip()}")


def _umount(target: Path) -> None:
    subprocess.run(["umount", str(target)], capture_output=True, timeout=30)


def _cli(db: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "monitor_desk", "--db", str(db), *argv],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@pytest.fixture
def read_only_view(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """(writable folder, the same folder mounted read-only)."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("needs root to mount")
    source, view = tmp_path / "source", tmp_path / "view"
    source.mkdir()
    view.mkdir()
    _mount("--bind", str(source), str(view))
    try:
        _mount("-o", "remount,ro,bind", str(view))
        yield source, view
    finally:
        _umount(view)


def test_a_library_on_a_read_only_mount_is_read_and_writes_get_one_line(
    read_only_view: tuple[Path, Path], tmp_path: Path
) -> None:
    source, view = read_only_view
    briefs = tmp_path / "in"
    briefs.mkdir()
    (briefs / "b.txt").write_text("Border talks\n\nThe talks resume on Monday.\n")
    with Library.open(source / "lib.sqlite") as lib:
        lib.import_paths([briefs], analyze=False)
        lib.tags.create("kept")
    Library.open(source / "lib.sqlite").close()  # an automatic copy
    before = sorted(p.name for p in source.iterdir())
    db = view / "lib.sqlite"
    res = _cli(db, "list")
    assert res.returncode == 0, res.stderr
    assert "Border talks" in res.stdout
    assert "read-only" in res.stderr
    assert _cli(db, "search", "Monday").returncode == 0
    res = _cli(db, "import", "--no-analyze", str(briefs))
    assert res.returncode == 1
    assert "read-only" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    with Library.open(db, read_only=True) as lib:
        assert [t.name for t in lib.tags.list()] == ["kept"]
    assert backups.newest_backup(db) is not None  # the GUI has a copy to name there
    assert sorted(p.name for p in source.iterdir()) == before


def test_no_automatic_copy_fills_the_last_free_space(tmp_path: Path) -> None:
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("needs root to mount")
    disk = tmp_path / "disk"
    disk.mkdir()
    _mount("-t", "tmpfs", "-o", "size=8m", "tmpfs", str(disk))
    try:
        path = disk / "lib.sqlite"
        with Library.open(path) as lib:
            for i in range(8):
                lib.tags.create(f"tag {i} " + "x" * 300)
            lib.db.execute("CREATE TABLE padding(x)")  # room the library once needed
            lib.db.execute("INSERT INTO padding VALUES (randomblob(2500000))")
            lib.db.conn.commit()
        filler = disk / "filler"
        free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
        filler.write_bytes(b"\0" * (free - path.stat().st_size - 64 * 1024))
        with Library.open(path) as lib:
            assert any("No automatic copy" in n for n in lib.notices())
            lib.tags.create("after the open")
        assert backups.list_backups(path) == []
        assert not list(disk.rglob("*.partial"))
    finally:
        _umount(disk)


def test_restore_backup_on_a_read_only_mount_is_one_line(
    read_only_view: tuple[Path, Path], tmp_path: Path
) -> None:
    source, view = read_only_view
    briefs = tmp_path / "in"
    briefs.mkdir()
    (briefs / "b.txt").write_text("Border talks\n\nThe talks resume on Monday.\n")
    with Library.open(source / "lib.sqlite") as lib:
        lib.import_paths([briefs], analyze=False)
    Library.open(source / "lib.sqlite").close()  # an automatic copy to restore
    before = {p.name: p.read_bytes() for p in source.iterdir() if p.is_file()}
    res = _cli(view / "lib.sqlite", "restore-backup")
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    assert "Read-only file system" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert {p.name: p.read_bytes() for p in source.iterdir() if p.is_file()} == before
