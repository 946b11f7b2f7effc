"""Reading a library on a full disk.

In WAL mode SQLite keeps its index of the write-ahead log in a ``-shm`` file beside the
library, created and sized (32 KB) at the first read after every clean close. On a full
disk that write fails (``SQLITE_IOERR_SHMSIZE``) and nothing could be read. The writer
holds the library's lock, so no other Monitor Desk writes it: it may then take SQLite's
exclusive lock, which keeps that index in memory. Reading works; a write gets the usual
"the disk is full" message when SQLite finds no room for it. (Read-only viewers in other
processes wait until it is closed.)
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from .db import open_database
from .errors import LibraryFileError
from .upgrade import UpgradeCallback

_NO_ROOM = ("SQLITE_FULL", "SQLITE_IOERR_SHMSIZE", "SQLITE_IOERR_SHMOPEN", "SQLITE_CANTOPEN")


def _no_room_for_index(exc: LibraryFileError) -> bool:
    cause = exc.__cause__
    return isinstance(cause, sqlite3.Error) and getattr(cause, "sqlite_errorname", "") in _NO_ROOM


def open_library_database(
    path: Path | None,
    read_only: bool,
    verify: bool = False,
    checked: bool = False,
    progress: UpgradeCallback | None = None,
) -> tuple[Database, bool]:
    """``open_database``, falling back to the in-memory WAL index when the disk has no
    room for the ``-shm`` file; the flag says the fallback was used."""
    try:
        opened = open_database(
            path, read_only=read_only, verify=verify, checked=checked, progress=progress
        )
        return opened, False
    except LibraryFileError as exc:
        if read_only or path is None or not path.exists() or not _no_room_for_index(exc):
            raise
        _drop_unfinished_side_files(path)
        try:
            again = open_database(
                path, verify=verify, exclusive=True, checked=checked, progress=progress
            )
            return again, True
        except LibraryFileError:
            raise exc from exc.__cause__


def _drop_unfinished_side_files(path: Path) -> None:
    """The failed open leaves an empty ``-wal`` and a ``-shm`` it could not size (a few
    bytes, not the 32 KB index): with them beside it, even the read-only look at the file
    would ask for the index again. The caller holds the write lock and no connection is
    open, so nothing else uses them; a WAL with frames in it is never touched."""
    for suffix, unfinished in (("-wal", 0), ("-shm", 32 * 1024 - 1)):
        side = path.with_name(path.name + suffix)
        try:
            if side.stat().st_size <= unfinished:
                side.unlink()
        except OSError:
            pass
