"""Rolling copies of the library, made when it is opened, and their restore.

Copies live in ``backups/`` beside the library as ``<name>-<UTC stamp>.sqlite``; the newest
``KEEP`` are kept. A copy is made only when the library changed since the newest one, with
SQLite's online backup, so it is consistent even while the library is being written.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

from .errors import LibraryFileError

KEEP = 5


def backup_folder(library: Path) -> Path:
    return library.parent / "backups"


def list_backups(library: Path) -> list[Path]:
    """The library's rolling copies, newest first."""
    folder = backup_folder(library)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{library.stem}-*.sqlite"), reverse=True)


def _intact(conn: sqlite3.Connection) -> bool:
    try:
        return conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    except sqlite3.DatabaseError:
        return False


def is_intact(copy: Path) -> bool:
    """Whether ``copy`` is an SQLite file that passes ``PRAGMA quick_check``."""
    try:
        conn = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        return _intact(conn)
    finally:
        conn.close()


def newest_backup(library: Path) -> Path | None:
    """The newest rolling copy that is intact (the one to offer when the library is
    damaged), or None when there is none."""
    return next((copy for copy in list_backups(library) if is_intact(copy)), None)


def needs_backup(library: Path) -> bool:
    if not library.exists() or library.stat().st_size == 0:
        return False
    newest = list_backups(library)
    if not newest:
        return True
    wal = library.with_name(library.name + "-wal")
    files = [library] + ([wal] if wal.exists() and wal.stat().st_size > 0 else [])
    changed = max(p.stat().st_mtime for p in files)
    return changed > newest[0].stat().st_mtime


def make_backup(library: Path, keep: int = KEEP) -> Path:
    folder = backup_folder(library)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{library.stem}-{stamp}.sqlite"
    partial = target.with_suffix(".partial")
    src = sqlite3.connect(f"{library.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            intact = _intact(dst)
        finally:
            dst.close()
    finally:
        src.close()
    if not intact:
        # The backup API copies pages as they are: a damaged library would push the last
        # good copies out of the rotation. Keep them instead.
        partial.unlink(missing_ok=True)
        raise DamagedLibraryError(
            f"{library} is damaged; no new copy was made and the older copies are kept."
        )
    partial.replace(target)
    for old in list_backups(library)[keep:]:
        old.unlink(missing_ok=True)
    return target


class DamagedLibraryError(LibraryFileError):
    """The library failed its integrity check while being copied."""


class RollingBackup(threading.Thread):
    """The background copy. ``damage`` is the message when the library failed its check
    (found without slowing the open: the copy reads every page anyway)."""

    def __init__(self, library: Path) -> None:
        super().__init__(name="library-backup", daemon=True)
        self.library = library
        self.damage: str | None = None

    def run(self) -> None:
        try:
            make_backup(self.library)
        except DamagedLibraryError as exc:
            self.damage = str(exc)
        except (OSError, sqlite3.Error, LibraryFileError):
            pass  # a failed copy must never stop the analyst from working; the next open retries


def start_rolling_backup(library: Path) -> RollingBackup | None:
    """Make a copy in the background if the library changed since the last one."""
    if not needs_backup(library):
        return None
    thread = RollingBackup(library)
    thread.start()
    return thread


def restore_backup(backup: Path, library: Path) -> Path:
    """Put ``backup`` in place of ``library``; the replaced file is kept as ``*.damaged``.

    The copy is made beside the library first and renamed over it, so a failure or a kill
    at any moment leaves the library file either as it was or wholly restored.
    """
    if not backup.is_file():
        raise LibraryFileError(f"There is no backup {backup}.")
    kept = library.with_name(library.name + ".damaged")
    staged = library.with_name(library.name + ".restoring")
    try:
        shutil.copy2(backup, staged)
    except OSError as exc:
        staged.unlink(missing_ok=True)
        raise LibraryFileError(f"Could not restore {backup}: {exc.strerror}.") from exc
    if library.exists():
        kept.unlink(missing_ok=True)
        try:
            os.link(library, kept)  # free and instant on the same disk
        except OSError:
            shutil.copy2(library, kept)
    for suffix in ("-wal", "-shm"):
        # The damaged file's journal goes with it: applied to the restored file it would
        # damage that too.
        journal = library.with_name(library.name + suffix)
        if journal.exists():
            journal.replace(kept.with_name(kept.name + suffix))
    staged.replace(library)
    return kept
