"""Open the library file: WAL, foreign keys, migrations with a backup first.

Environment errors (not SQLite, unreadable, newer schema, locked) become
``LibraryFileError`` with one clear sentence; anything else is a bug.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlite_utils import Database

from .errors import DamagedLibraryError, LibraryFileError
from .library_file import (
    APPLICATION_ID,
    RESTORE_ADVICE,
    check_library_file,
    newer_error,
    read_only_uri,
    require_intact,
)
from .schema import SCHEMA_VERSION, migrations
from .upgrade import UpgradeCallback, UpgradeProgress, apply_pending


def utc_now() -> str:
    """ISO-8601 UTC with seconds, e.g. ``2026-11-28T21:47:59Z``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _connect(path: Path | None, read_only: bool = False) -> sqlite3.Connection:
    target = ":memory:" if path is None else str(path)
    try:
        if read_only and path is not None:
            conn = sqlite3.connect(
                read_only_uri(path), uri=True, check_same_thread=False, timeout=5.0
            )
        else:
            conn = sqlite3.connect(target, check_same_thread=False, timeout=5.0)
    except sqlite3.OperationalError as exc:
        raise LibraryFileError(f"Cannot open the library file {path}: {exc}.") from exc
    return conn


def backup_file(path: Path, reason: str) -> Path:
    """Copy the library (WAL contents included) next to it and return the copy's path."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.name}.{reason}-{stamp}.bak")
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def open_database(
    path: Path | None,
    read_only: bool = False,
    verify: bool = False,
    exclusive: bool = False,
    checked: bool = False,
    progress: UpgradeCallback | None = None,
) -> Database:
    """Open (creating if needed) and migrate the library at ``path``; None means in memory.

    ``read_only`` opens an existing file without writing anything to it. Another program's
    database and a newer library are refused untouched; ``verify`` runs ``quick_check``
    before anything is written (``DamagedLibraryError``). ``exclusive`` keeps SQLite's WAL
    index in memory instead of the ``-shm`` file (see ``full_disk``). ``checked``: the caller
    has just looked at the file with ``check_library_file`` (``opening.py`` does, before it
    takes the lock), so it is not read a second time. ``progress`` hears an upgrade's steps
    (``core/upgrade.py``); it is not called when there is nothing to upgrade.
    """
    if path is not None:
        path = Path(path)
        if path.is_dir():
            raise LibraryFileError(f"{path} is a folder, not a library file.")
        if read_only and not path.exists():
            raise LibraryFileError(f"There is no library file {path}.")
        if path.exists() and not checked:
            check_library_file(path)  # its header first (check_is_sqlite), then its tables
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LibraryFileError(
                    f"Cannot create the folder for the library {path}: {exc.strerror}."
                ) from exc
    conn = _connect(path, read_only)
    try:
        if exclusive:  # before the first read, or SQLite maps the -shm file anyway
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        return _prepare(conn, path, read_only, verify, progress)
    except sqlite3.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise DamagedLibraryError(
                f"{path} is damaged or not a Monitor Desk library ({exc}); {RESTORE_ADVICE}."
            ) from exc
        if "locked" in str(exc) or "busy" in str(exc):
            raise LibraryFileError(
                f"{path} is in use by another program and could not be opened."
            ) from exc
        raise LibraryFileError(f"Cannot open the library file {path}: {exc}.") from exc
    except BaseException:
        conn.close()
        raise


def _prepare(
    conn: sqlite3.Connection,
    path: Path | None,
    read_only: bool = False,
    verify: bool = False,
    progress: UpgradeCallback | None = None,
) -> Database:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise newer_error(Path(str(path)), version)
    if verify and path is not None:
        require_intact(conn, path)
    conn.execute("PRAGMA foreign_keys = ON")
    if read_only:
        db = Database(conn, execute_plugins=False, recursive_triggers=False)
        if migrations.pending(db):
            raise LibraryFileError(
                f"{path} was made by an older Monitor Desk; open it once for writing to upgrade it."
            )
        return db
    if path is not None:
        conn.execute("PRAGMA journal_mode = WAL")
        # With WAL, NORMAL keeps the file consistent after a crash or a kill; only the
        # last transactions may be lost on a power cut.
        conn.execute("PRAGMA synchronous = NORMAL")
    db = Database(conn, execute_plugins=False)
    pending = migrations.pending(db)
    if pending:
        has_data = path is not None and any(
            t for t in db.table_names() if not t.startswith("_sqlite")
        )
        heard = progress if has_data else None  # a new file is made, not upgraded
        steps, copy = len(pending), None
        if heard is not None and path is not None:
            heard(UpgradeProgress(0, steps, "copying the library"))  # a big copy takes a while
        if has_data and path is not None:
            copy = backup_file(path, f"before-{pending[0].name}")
        apply_pending(db, migrations, heard, copy)
        if path is not None:
            if heard is not None:
                heard(UpgradeProgress(steps, steps, "writing the library file", backup=copy))
            # A step that rebuilt an index (0020: 1.9 GB at 100k articles) leaves its pages
            # in the WAL: give the disk back now, not when the library closes.
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        if heard is not None:
            heard(UpgradeProgress(steps, steps, "done", 1, 1, copy, finished=True))
    if version != SCHEMA_VERSION:
        # Also after a kill between the last step and this line: the steps are all recorded,
        # and the version must say so for an older Monitor Desk to refuse the file.
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    if path is not None and conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        # Our mark: from now on the file is known as a library without looking inside.
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    return db


_ENVIRONMENT_CODES = {
    "SQLITE_FULL": "the disk is full",
    "SQLITE_READONLY": "the library file or its folder is read-only",
    "SQLITE_BUSY": "another program is using the library",
    "SQLITE_LOCKED": "another program is using the library",
    "SQLITE_IOERR": "the disk reported an input/output error",
    "SQLITE_CANTOPEN": "the library file cannot be opened",
    "SQLITE_CORRUPT": "the library file is damaged",
    "SQLITE_NOTADB": "the file is not a library",
}


def environment_error(exc: sqlite3.Error) -> LibraryFileError | None:
    """The user-facing error for a failure of the environment, or None for a bug."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    base = "_".join(name.split("_")[:2])  # SQLITE_IOERR_WRITE -> SQLITE_IOERR
    reason = _ENVIRONMENT_CODES.get(name) or _ENVIRONMENT_CODES.get(base)
    if reason is None:
        return None
    return LibraryFileError(f"Could not save to the library: {reason}. Nothing was half-written.")


F = TypeVar("F", bound=Callable[..., Any])


def environment_errors(method: F) -> F:
    """Turn a full disk, a read-only file or a lock into one clear ``LibraryFileError``;
    the transaction has been rolled back by then, so nothing is half-written."""

    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except sqlite3.Error as exc:
            friendly = environment_error(exc)
            if friendly is None:
                raise
            raise friendly from exc

    return wrapper  # type: ignore[return-value]
