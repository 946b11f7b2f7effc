"""Rolling copies on open, and restoring one when the library is damaged."""

from __future__ import annotations

import os
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
