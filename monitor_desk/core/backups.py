"""Rolling copies of the library, made when it is opened.

Copies live in ``backups/`` beside the library as ``<file name>.<UTC stamp>.sqlite``
(``work.sqlite.20260101T120000000000Z.sqlite``), matched exactly, so that the copies of
``work.sqlite`` are never taken for those of ``work-old.sqlite`` or ``work.db``. Copies
made by earlier versions, ``<stem>-<stamp>.sqlite``, are still read where no other
library in the folder has the same stem. The newest ``KEEP`` are kept. A copy is made only
when the library changed since the newest one and the disk has room for it, with SQLite's
online backup, so it is consistent even while the library is being written.
"""

from __future__ import annotations

import glob
import re
import shutil
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .errors import DamagedLibraryError, LibraryFileError
from .library_file import describe, is_sqlite_file, side_file
from .restore import restore_backup
from .schema import SCHEMA_VERSION

__all__ = ["DamagedLibraryError", "restore_backup"]

KEEP = 5
STAMP = r"\d{8}T\d{12}Z"  # %Y%m%dT%H%M%S%fZ
MARGIN = 16 * 2**20  # free space left after a copy, for the analyst's next writes


def backup_folder(library: Path) -> Path:
    return library.parent / "backups"


def _legacy_is_ambiguous(library: Path) -> bool:
    """Old copies were named by stem: ``work.sqlite``, ``work.db`` and ``work`` all made
    ``work-*``; with more than one of them in the folder, whose a copy is cannot be told."""
    others = [*library.parent.glob(glob.escape(library.stem) + ".*"), library.with_suffix("")]
    return any(
        other.name != library.name and other.stem == library.stem and is_sqlite_file(other)
        for other in others
    )


def _stamped(library: Path) -> dict[Path, str]:
    folder = backup_folder(library)
    if not folder.is_dir():
        return {}
    current = re.compile(re.escape(library.name) + rf"\.({STAMP})\.sqlite")
    legacy = (
        None
        if _legacy_is_ambiguous(library)
        else re.compile(re.escape(library.stem) + rf"-({STAMP})\.sqlite")
    )
    found: dict[Path, str] = {}
    for copy in folder.iterdir():
        m = current.fullmatch(copy.name) or (legacy and legacy.fullmatch(copy.name))
        if m and copy.is_file():
            found[copy] = m[1]
    return found


def list_backups(library: Path) -> list[Path]:
    """The library's rolling copies, newest first."""
    stamped = _stamped(library)
    return sorted(stamped, key=lambda p: (stamped[p], p.name), reverse=True)


def copy_state(copy: Path) -> str:
    """'intact', 'damaged', 'not a library' or 'newer (schema N)': what a copy is."""
    try:
        conn = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return "damaged"
    try:
        ours, version = describe(conn)
        if not ours:
            return "not a library"
        if version > SCHEMA_VERSION:
            return f"newer (schema {version})"
        return "intact" if _intact(conn) else "damaged"
    except LibraryFileError:
        return "not a library"
    except sqlite3.DatabaseError:
        return "damaged"
    finally:
        conn.close()


def _intact(conn: sqlite3.Connection) -> bool:
    try:
        return conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    except sqlite3.DatabaseError:
        return False


def is_intact(copy: Path) -> bool:
    """Whether ``copy`` is a library this version reads that passes ``quick_check``
    (read with ``immutable=1``: copies never change, and it works on a read-only disk)."""
    return copy_state(copy) == "intact"


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
    wal = side_file(library, "-wal")
    files = [library] + ([wal] if wal.exists() and wal.stat().st_size > 0 else [])
    changed = max(p.stat().st_mtime for p in files)
    return changed > newest[0].stat().st_mtime


def room_warning(library: Path) -> str | None:
    """Why no copy should be made now (the disk lacks room for it), or None."""
    wal = side_file(library, "-wal")
    size = library.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
    folder = backup_folder(library)
    free = shutil.disk_usage(folder if folder.is_dir() else library.parent).free
    if free >= size + MARGIN:
        return None
    return (
        f"No automatic copy of {library.name} was made: it needs {size / 1e6:.1f} MB and "
        f"only {free / 1e6:.1f} MB is free, which is kept for your work. Free some space."
    )


class NoRoomForBackupError(LibraryFileError):
    """The disk has no room for a copy (with a margin for the analyst's own writes)."""


def make_backup(library: Path, keep: int = KEEP) -> Path:
    warning = room_warning(library)
    if warning is not None:
        raise NoRoomForBackupError(warning)
    folder = backup_folder(library)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{library.name}.{stamp}.sqlite"
    for stale in folder.glob(glob.escape(library.name) + ".*.partial"):
        stale.unlink(missing_ok=True)  # left by a copy that was killed
    _checked_copy(
        library,
        target,
        # The backup API copies pages as they are: a damaged library would push the last
        # good copies out of the rotation. Keep them instead.
        f"{library} is damaged; no new copy was made and the older copies are kept.",
    )
    prune_backups(library, keep)
    return target


def prune_backups(library: Path, keep: int = KEEP) -> int:
    """Remove all but the newest ``keep`` rolling copies; how many were removed."""
    old = list_backups(library)[max(1, keep) :]
    for copy in old:
        copy.unlink(missing_ok=True)
    return len(old)


def _checked_copy(library: Path, target: Path, damaged: str) -> None:
    """Copy ``library`` to ``target`` through a ``.partial`` file: whole and checked, or
    not there at all (``DamagedLibraryError(damaged)`` when the copy fails its check)."""
    partial = target.with_name(target.name + ".partial")
    try:
        intact = _copy(library, partial)
    except BaseException:
        partial.unlink(missing_ok=True)  # a failed copy must not hold on to the disk
        raise
    if not intact:
        partial.unlink(missing_ok=True)
        raise DamagedLibraryError(damaged)
    partial.replace(target)


def back_up_to(library: Path, target: Path) -> Path:
    """*File ▸ Back Up Library…*: a consistent copy of ``library`` at ``target`` (SQLite's
    online backup, never a file copy of a WAL database), checked before it is put there.
    Never over the library itself or its side files; an existing ``target`` is replaced
    only once the new copy is whole."""
    library, target = Path(library), Path(target)
    if target.is_dir():
        raise LibraryFileError(f"{target} is a folder; choose a file name for the backup.")
    if target.suffix == "":
        target = target.with_name(target.name + ".sqlite")
    own = {library.resolve(), *(side_file(library, s).resolve() for s in ("-wal", "-shm"))}
    if target.resolve() in own:
        raise LibraryFileError(f"A backup cannot be written over the library {library.name}.")
    if not target.parent.is_dir():
        raise LibraryFileError(f"There is no folder {target.parent}.")
    try:
        _checked_copy(library, target, f"{library} is damaged; no backup was written.")
    except OSError as exc:
        raise LibraryFileError(f"Could not write {target}: {exc.strerror or exc}.") from exc
    except sqlite3.Error as exc:
        raise LibraryFileError(f"Could not write {target}: {exc}.") from exc
    return target


@dataclass(frozen=True)
class BackupInfo:
    """One copy as *Restore from Backup…* lists it.

    Attributes:
        path: the copy; made: when (local time, from its stamp or else its file time);
        articles: how many articles it holds (None when it cannot be read); state: as
        ``copy_state`` says ('intact', 'damaged', …); size: bytes.
    """

    path: Path
    made: datetime
    articles: int | None
    state: str
    size: int


def describe_backup(copy: Path, check: bool = True) -> BackupInfo:
    """What a copy is; without ``check`` only its date and size (instant: the state is
    'unchecked' and the article count None, as a list shows them before the check)."""
    stamp = re.search(rf"({STAMP})\.sqlite$", copy.name)
    if stamp:
        made = datetime.strptime(stamp[1], "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC).astimezone()
    else:
        made = datetime.fromtimestamp(copy.stat().st_mtime).astimezone()
    state = copy_state(copy) if check else "unchecked"
    articles = None
    if state == "intact":
        conn = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            articles = None
        finally:
            conn.close()
    return BackupInfo(copy, made, articles, state, copy.stat().st_size)


def backup_infos(library: Path, check: bool = True) -> list[BackupInfo]:
    """The library's rolling copies, newest first, with dates and article counts (checked
    with ``quick_check``: about 0.04 s per 1,000 articles; without ``check``, at once)."""
    return [describe_backup(copy, check) for copy in list_backups(library)]


def _copy(library: Path, partial: Path) -> bool:
    """Copy with the online backup; whether the copy passes ``quick_check``."""
    src = sqlite3.connect(f"{library.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            return _intact(dst)
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
                return False  # pages the copy could not even read
            raise
        finally:
            dst.close()
    finally:
        src.close()


class RollingBackup(threading.Thread):
    """The background copy.

    Attributes:
        damage: the message when the library failed its check while being copied.
        warning: why no copy was made (no room on the disk), known before it starts.
    """

    def __init__(self, library: Path, keep: int = KEEP) -> None:
        super().__init__(name="library-backup", daemon=True)
        self.library = library
        self.keep = keep
        self.damage: str | None = None
        self.warning: str | None = None

    def run(self) -> None:
        try:
            make_backup(self.library, self.keep)
        except DamagedLibraryError as exc:
            self.damage = str(exc)
        except NoRoomForBackupError as exc:
            self.warning = str(exc)
        except (OSError, sqlite3.Error, LibraryFileError):
            pass  # a failed copy must never stop the analyst from working; the next open retries

    def notices(self) -> list[str]:
        done = self.ident is None or not self.is_alive()
        return [m for m in (self.warning, self.damage if done else None) if m]

    def wait(self) -> None:
        if self.ident is not None:
            self.join()


def start_rolling_backup(library: Path, keep: int = KEEP) -> RollingBackup:
    """Make a copy in the background (the caller has asked ``needs_backup``: the library
    changed since the last copy); when the disk has no room for it, none is started and
    ``warning`` says why."""
    thread = RollingBackup(library, keep)
    thread.warning = room_warning(library)
    if thread.warning is None:
        thread.start()
    return thread
