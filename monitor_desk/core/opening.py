"""Opening a library file for ``Library``: look, lock, check, open, then copy.

Nothing is written (not even the lock file) before the file is known to be ours or new
and this version reads it. A file that is not exactly as a Monitor Desk closed it (size,
time and inode recorded at close) is checked with ``quick_check`` before anything is
written over it: bytes changed by anything else, or a kill mid-session. The check reads
the whole file (about 1 s for 10k articles), so a file we closed cleanly is not checked;
the background copy checks every page again whenever the library changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from . import backups
from .db import open_database
from .errors import ReadOnlyLibraryError
from .filelock import LibraryLock
from .full_disk import open_library_database
from .library_file import check_library_file, writable_location
from .upgrade import UpgradeCallback


@dataclass
class OpenedFile:
    db: Database
    lock: LibraryLock | None = None
    backup: backups.RollingBackup | None = None


def open_library_file(
    path: Path | None,
    read_only: bool,
    keep_backups: int = backups.KEEP,
    progress: UpgradeCallback | None = None,
) -> OpenedFile:
    if path is None:
        return OpenedFile(open_database(None))
    existed = path.exists() and not path.is_dir()
    if existed:
        check_library_file(path)
    if read_only:  # a reader cannot keep the WAL index in memory: no fallback
        return OpenedFile(open_library_database(path, read_only=True, checked=existed)[0])
    if existed and not writable_location(path):
        raise ReadOnlyLibraryError(
            f"{path} is on a read-only disk or in a read-only folder: it can be read "
            "(list, show, search, export) but nothing can be changed there."
        )
    changed = existed and backups.needs_backup(path)
    lock = LibraryLock(path)
    lock.acquire()
    try:
        verify = existed and not _as_we_left_it(path)
        db, disk_full = open_library_database(
            path, read_only=False, verify=verify, checked=existed, progress=progress
        )
    except BaseException:
        lock.release()
        raise
    # No copy on a disk too full even for SQLite's index (full_disk.py).
    backup = backups.start_rolling_backup(path, keep_backups) if changed and not disk_full else None
    return OpenedFile(db, lock, backup)


def _closed_record(path: Path) -> Path:
    return backups.backup_folder(path) / f".{path.name}.closed"


def _fingerprint(path: Path) -> str:
    st = path.stat()
    return f"{st.st_size} {st.st_mtime_ns} {st.st_ino}"


def _as_we_left_it(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return False  # a writer did not close: killed, or still at work
    try:
        return _closed_record(path).read_text() == _fingerprint(path)
    except OSError:
        return False


def record_close(path: Path, damaged: bool) -> None:
    """After the last write: remember the file as we leave it (forget it when the
    background copy found damage, so that the next open checks it)."""
    record = _closed_record(path)
    try:
        if damaged:
            record.unlink(missing_ok=True)
            return
        record.parent.mkdir(parents=True, exist_ok=True)
        partial = record.with_name(record.name + ".partial")
        partial.write_text(_fingerprint(path))
        partial.replace(record)
    except OSError:
        pass  # costs only a check at the next open
