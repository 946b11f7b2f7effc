"""What a file is before Monitor Desk writes to it, and how to read one it may not write.

A file is looked at without writing anything (no lock file, no journal, no WAL): another
program's database or a library from a newer Monitor Desk is refused byte-identical.
Libraries carry ``PRAGMA application_id = APPLICATION_ID`` (set when opened for writing);
those of older versions, which have none yet, are known by our migrations' records.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from .errors import DamagedLibraryError, LibraryFileError, NewerLibraryError, NotALibraryError
from .schema import SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"
APPLICATION_ID = 0x4D44736B  # "MDsk"
MIGRATION_SET = "monitor_desk"  # the name of our sqlite_utils Migrations
RESTORE_ADVICE = "run `monitor-desk restore-backup` to put the newest intact automatic copy back"


def side_file(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _read_head(path: Path) -> bytes:
    """The first bytes of a regular file, opened without blocking: a FIFO or a device given
    as a library must not hang (``LibraryFileError`` for anything but a regular file)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise LibraryFileError(f"{path} is not a library file (it is not a regular file).")
        return f.read(len(SQLITE_MAGIC))


def is_sqlite_file(path: Path) -> bool:
    try:
        return _read_head(path) == SQLITE_MAGIC
    except (OSError, LibraryFileError):
        return False


def check_is_sqlite(path: Path) -> None:
    try:
        head = _read_head(path)
    except OSError as exc:
        raise LibraryFileError(f"Cannot read the library file {path}: {exc.strerror}.") from exc
    if head and head != SQLITE_MAGIC:
        raise LibraryFileError(
            f"{path} is not a Monitor Desk library (it is not an SQLite database)."
        )


def writable_location(path: Path) -> bool:
    """Whether SQLite can write ``path`` and create its journal beside it (False on a
    read-only mount even for root: ``access`` reports EROFS)."""
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    return folder_ok and (not path.exists() or os.access(path, os.W_OK))


def read_only_uri(path: Path) -> str:
    """A URI that reads ``path`` without writing anything.

    ``mode=ro`` still needs the WAL index beside the file; where it cannot be created (a
    read-only mount or folder) and there is no WAL to read, the file is all there is:
    ``immutable=1`` reads it without locks or side files.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    wal = side_file(path, "-wal")
    if not writable_location(path) and not (wal.exists() and wal.stat().st_size > 0):
        uri += "&immutable=1"
    return uri


def peek(path: Path) -> sqlite3.Connection:
    """A connection for looking only: it leaves no side files behind."""
    wal = side_file(path, "-wal")
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not wal.exists():  # nothing beside the file: it is the whole truth
        uri += "&immutable=1"
    try:
        return sqlite3.connect(uri, uri=True, check_same_thread=False)
    except sqlite3.Error as exc:
        raise LibraryFileError(f"Cannot open the library file {path}: {exc}.") from exc


def describe(conn: sqlite3.Connection) -> tuple[bool, int]:
    """(ours, schema version) of an open database; ``ours`` is False for an empty one."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id == APPLICATION_ID:
        return True, version
    if app_id != 0:
        raise NotALibraryError("")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "_sqlite_migrations" in tables:
        rows = conn.execute(
            "SELECT 1 FROM _sqlite_migrations WHERE migration_set = ? LIMIT 1", [MIGRATION_SET]
        ).fetchall()
        if rows:
            return True, version
    if tables - {"_sqlite_migrations"}:
        raise NotALibraryError("")
    return False, version


def check_library_file(path: Path) -> bool:
    """Raise unless ``path`` is absent, empty, a new SQLite file or a library this version
    reads; True when it is one of our libraries. Nothing is written."""
    if not path.exists() or path.is_dir():
        return False
    check_is_sqlite(path)  # first: a FIFO or a device is refused (and read without blocking)
    if path.stat().st_size == 0:
        return False
    conn = peek(path)
    try:
        ours, version = describe(conn)
    except NotALibraryError:
        raise NotALibraryError(
            f"{path} is another program's database, not a Monitor Desk library; "
            "it was left untouched."
        ) from None
    except sqlite3.DatabaseError as exc:
        raise DamagedLibraryError(
            f"{path} is damaged or not a Monitor Desk library ({exc}); {RESTORE_ADVICE}."
        ) from exc
    finally:
        conn.close()
    if ours and version > SCHEMA_VERSION:
        raise newer_error(path, version)
    return ours


def newer_error(path: Path, version: int) -> NewerLibraryError:
    from .. import __version__

    return NewerLibraryError(
        f"{path} was written by a newer Monitor Desk: it needs one that reads library "
        f"schema {version} (this is Monitor Desk {__version__}, which reads schemas up to "
        f"{SCHEMA_VERSION}). Update Monitor Desk to open it; the file was not changed."
    )


def require_intact(conn: sqlite3.Connection, path: Path) -> None:
    """``PRAGMA quick_check`` (every page read once, no index cross-check): damage stops
    the open before anything is written over it."""
    try:
        rows = conn.execute("PRAGMA quick_check(1)").fetchall()
    except sqlite3.DatabaseError as exc:
        rows = [(str(exc),)]
    if rows != [("ok",)]:
        detail = " ".join(str(rows[0][0]).replace("*** in database main ***", "").split())
        raise DamagedLibraryError(
            f"{path} is damaged ({detail}); nothing was written to it: {RESTORE_ADVICE}."
        )
