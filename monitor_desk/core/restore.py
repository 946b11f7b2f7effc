"""Put a copy in place of the library, losing nothing.

The copy is checked before anything is touched (a Monitor Desk library this version reads,
passing ``integrity_check``); the library's lock is held throughout, so no Monitor Desk is
writing it meanwhile; the replaced file is set aside under a name never used before
(``lib.sqlite.damaged``, ``lib.sqlite.damaged-2``, …) together with its WAL and WAL index.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from itertools import count
from pathlib import Path

from .errors import LibraryFileError, NewerLibraryError, NotALibraryError
from .filelock import LibraryLock
from .library_file import check_library_file, is_sqlite_file, peek, side_file

SIDE_FILES = ("-wal", "-shm")


def set_aside_name(library: Path) -> Path:
    """The first name, ``<name>.damaged`` then ``<name>.damaged-2`` …, free with its side
    files (what the replaced library will be called)."""
    for n in count(1):
        kept = library.with_name(library.name + (".damaged" if n == 1 else f".damaged-{n}"))
        if not any(p.exists() for p in (kept, *(side_file(kept, s) for s in SIDE_FILES))):
            return kept
    raise AssertionError("unreachable")


def verify_copy(copy: Path) -> None:
    """Raise ``LibraryFileError`` unless ``copy`` is an intact library this version reads."""
    if not copy.is_file():
        raise LibraryFileError(f"There is no backup {copy}.")
    if not is_sqlite_file(copy):
        raise LibraryFileError(f"{copy} is not a Monitor Desk library; nothing was restored.")
    try:
        ours = check_library_file(copy)
    except NotALibraryError:
        ours = False
    except NewerLibraryError as exc:
        raise NewerLibraryError(f"{exc} Nothing was restored.") from None
    except LibraryFileError as exc:
        raise LibraryFileError(f"{copy} is damaged; nothing was restored.") from exc
    if not ours:
        raise LibraryFileError(f"{copy} is not a Monitor Desk library; nothing was restored.")
    conn = peek(copy)
    try:
        result = conn.execute("PRAGMA integrity_check(1)").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        result = str(exc)
    finally:
        conn.close()
    if result != "ok":
        raise LibraryFileError(f"{copy} is damaged ({result}); nothing was restored.")


def _refuse_to_replace(library: Path) -> None:
    """A newer library or another program's database is not damaged: never replace it."""
    try:
        check_library_file(library)
    except (NewerLibraryError, NotALibraryError) as exc:
        raise type(exc)(f"{exc} It was not replaced.") from None
    except LibraryFileError:
        pass  # damage: what a restore is for


def _discard(path: Path) -> None:
    """Remove what a failed restore made. Best effort: on a read-only disk even unlinking a
    file that was never made fails (EROFS), and that must not hide the real reason."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _stage(copy: Path, staged: Path) -> None:
    """Copy ``copy`` (and what its WAL holds) to ``staged``, a single self-contained file."""
    wal = side_file(copy, "-wal")
    try:
        shutil.copy2(copy, staged)
        if wal.exists() and wal.stat().st_size > 0:
            shutil.copy2(wal, side_file(staged, "-wal"))
            conn = sqlite3.connect(staged)
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                conn.execute("PRAGMA journal_mode = DELETE")
            finally:
                conn.close()
    except (OSError, sqlite3.Error) as exc:
        for path in (staged, *(side_file(staged, s) for s in SIDE_FILES)):
            _discard(path)
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        raise LibraryFileError(f"Could not restore {copy}: {reason}.") from exc


def _set_aside(library: Path) -> Path:
    """Keep the current file (a hard link: free and instant) and move its side files along."""
    while True:
        kept = set_aside_name(library)
        try:
            os.link(library, kept)  # fails rather than overwrite a file made meanwhile
            break
        except FileExistsError:
            continue
        except OSError:
            try:
                with library.open("rb") as src, kept.open("xb") as dst:
                    shutil.copyfileobj(src, dst)
                break
            except FileExistsError:
                continue
            except OSError:
                kept.unlink(missing_ok=True)
                raise
    for suffix in SIDE_FILES:
        # The replaced file's journal goes with it: applied to the restored file it would
        # damage that too, and it may hold the last changes made to the replaced one.
        journal = side_file(library, suffix)
        if journal.exists():
            journal.replace(side_file(kept, suffix))
    return kept


def restore_backup(copy: Path, library: Path) -> Path | None:
    """Put ``copy`` in place of ``library``; returns where the replaced file is kept (None
    when there was no file). A failure or a kill at any moment leaves the library file
    either as it was or wholly restored."""
    copy, library = Path(copy), Path(library)
    verify_copy(copy)
    _refuse_to_replace(library)
    lock = LibraryLock(library)
    lock.acquire()
    try:
        staged = library.with_name(library.name + ".restoring")
        _stage(copy, staged)
        try:
            kept = _set_aside(library) if library.exists() else None
            staged.replace(library)
        except OSError as exc:
            _discard(staged)
            raise LibraryFileError(f"Could not restore {copy}: {exc.strerror}.") from exc
    finally:
        lock.release()
    return kept
