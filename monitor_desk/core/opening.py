"""Opening a library file for ``Library``: look, lock, check, open, then copy.

Nothing is written (not even the lock file) before the file is known to be ours or new
and this version reads it. A file that changed since its newest intact copy is checked
with ``quick_check`` before anything is written over it; an unchanged one passed that
check when its copy was made.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from . import backups
from .db import open_database
from .errors import ReadOnlyLibraryError
from .filelock import LibraryLock
from .library_file import check_library_file, writable_location


@dataclass
class OpenedFile:
    db: Database
    lock: LibraryLock | None = None
    backup: backups.RollingBackup | None = None


def open_library_file(path: Path | None, read_only: bool) -> OpenedFile:
    if path is None:
        return OpenedFile(open_database(None))
    existed = path.exists() and not path.is_dir()
    if existed:
        check_library_file(path)
    if read_only:
        return OpenedFile(open_database(path, read_only=True))
    if existed and not writable_location(path):
        raise ReadOnlyLibraryError(
            f"{path} is on a read-only disk or in a read-only folder: it can be read "
            "(list, show, search, export) but nothing can be changed there."
        )
    changed = existed and backups.needs_backup(path)
    lock = LibraryLock(path)
    lock.acquire()
    try:
        db = open_database(path, verify=changed)
    except BaseException:
        lock.release()
        raise
    backup = backups.start_rolling_backup(path) if changed else None
    return OpenedFile(db, lock, backup)
