"""One writer per library file: an advisory lock held while a Library is open.

SQLite alone would keep the file consistent, but two programs editing the same library
would each show the analyst a stale picture; the second one gets a clear message instead.
"""

from __future__ import annotations

import os
import sys
import weakref
from pathlib import Path
from typing import IO

from .errors import LibraryFileError


class LibraryInUseError(LibraryFileError):
    """Another process has the library open for writing."""


class LibraryLock:
    def __init__(self, library_path: Path) -> None:
        self.path = library_path.with_name(library_path.name + ".lock")
        self._file: IO[str] | None = None

    def acquire(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            f = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release()
        except OSError as exc:
            raise LibraryFileError(f"Cannot create {self.path}: {exc.strerror}.") from exc
        try:
            _lock(f)
        except OSError:
            f.seek(0)
            holder = f.read().strip() or "another program"
            f.close()
            raise LibraryInUseError(
                f"{self.path.with_suffix('')} is open in another Monitor Desk ({holder}). "
                "Close it there first, or open the library read-only."
            ) from None
        f.seek(0)
        f.truncate()
        f.write(f"pid {os.getpid()}")
        f.flush()
        self._file = f
        # A script that forgets close(): the lock goes with the object, without a warning.
        self._finalizer = weakref.finalize(self, f.close)

    def release(self) -> None:
        if self._file is not None:
            f, self._file = self._file, None
            try:
                f.truncate(0)
                _unlock(f)
            finally:
                f.close()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _lock(f: IO[str]) -> None:
        f.seek(0)
        msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(f: IO[str]) -> None:
        f.seek(0)
        msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(f: IO[str]) -> None:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(f: IO[str]) -> None:
        fcntl.flock(f.fileno(), fcntl.LOCK_UN)
