"""One writer per library file: an advisory lock held while a Library is open.

SQLite alone would keep the file consistent, but two programs editing the same library
would each show the analyst a stale picture; the second one gets a clear message instead.

The lock belongs to the file, not to the name it was opened by: on Linux it is an
``flock`` on the database file itself (every symlink and hard link reaches the same
inode; ``flock`` and SQLite's own ``fcntl`` locks do not interact there). Elsewhere it is
a ``.lock`` file beside the real file, symlinks resolved. Taking it writes nothing, so a
full disk can still be read. A forked child (an analysis worker) drops its inherited copy
at once: the lock never outlives the process that took it.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import weakref
from pathlib import Path
from typing import Any

from .errors import LibraryFileError

_LOCK_ON_DATABASE = sys.platform == "linux"
_OPEN_FLAGS = (
    getattr(os, "O_NONBLOCK", 0)  # a FIFO swapped in for the library must not hang the open
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)

# (st_dev, st_ino) -> fd of every library this process holds. A second open in the same
# process is refused from here: opening and closing another fd on the database would drop
# SQLite's own POSIX locks on it (they belong to the process, not to the descriptor).
_HELD: dict[tuple[int, int], int] = {}


class LibraryInUseError(LibraryFileError):
    """Another process has the library open for writing."""


def _not_regular(path: Path, mode: int) -> LibraryFileError:
    if stat.S_ISDIR(mode):
        return LibraryFileError(f"{path} is a folder, not a library file.")
    return LibraryFileError(f"{path} is not a library file (it is not a regular file).")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process, but alive
        return True
    return True


def _named(pid: int | None) -> str:
    """Only a live process is named: a stale pid would send the analyst after a ghost."""
    if pid is not None and (pid == os.getpid() or _pid_alive(pid)):
        return f"pid {pid}"
    return "another program"


def _flock_holder(info: os.stat_result) -> int | None:
    """The pid holding an ``flock`` on the file, from /proc/locks (Linux)."""
    dev = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as f:
            for line in f:
                fields = line.split()
                # "1: FLOCK  ADVISORY  WRITE 8834 fe:00:2150303 0 EOF" ("->" marks waiters)
                if len(fields) >= 6 and fields[1] == "FLOCK" and fields[5] == dev:
                    return int(fields[4])
    except (OSError, ValueError):
        pass
    return None


def _open_target(real: Path) -> int:
    """An fd on what is locked: the database itself (created empty when new) on Linux,
    else its ``.lock`` file."""
    target = real if _LOCK_ON_DATABASE else real.with_name(real.name + ".lock")
    mode = os.O_RDONLY if _LOCK_ON_DATABASE else os.O_RDWR
    try:
        try:
            fd = os.open(target, mode | _OPEN_FLAGS)
        except FileNotFoundError:
            real.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(target, mode | _OPEN_FLAGS | os.O_CREAT, 0o644)
    except OSError as exc:
        raise LibraryFileError(f"Cannot open {target}: {exc.strerror}.") from exc
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise _not_regular(real if _LOCK_ON_DATABASE else target, info.st_mode)
    return fd


def _release(fd: int, key: tuple[int, int]) -> None:
    if _HELD.get(key) == fd:
        del _HELD[key]
        if not _LOCK_ON_DATABASE:
            _write_note(fd, "")
        _unlock(fd)
    os.close(fd)


def _write_note(fd: int, note: str) -> None:
    """The holder's pid in the ``.lock`` file, for the message; a note only: a full disk
    must not stop anyone from reading, so a failed write is not an error."""
    try:
        os.ftruncate(fd, 0)
        if note:
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, note.encode())
    except OSError as exc:
        if exc.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO):
            raise


def _read_note(fd: int) -> int | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        words = os.read(fd, 64).decode("ascii", "replace").split()
        return int(words[1]) if words[:1] == ["pid"] else None
    except (OSError, ValueError, IndexError):
        return None


class LibraryLock:
    """The write lock of one library file. ``path`` is the file that is locked."""

    def __init__(self, library_path: Path) -> None:
        real = Path(library_path).resolve()  # every symlink: one real file
        self.library = real
        self.path = real if _LOCK_ON_DATABASE else real.with_name(real.name + ".lock")
        self._finalizer: weakref.finalize[Any, LibraryLock] | None = None

    def acquire(self) -> None:
        try:
            info = os.stat(self.library)
        except OSError:
            info = None
        if info is not None and (info.st_dev, info.st_ino) in _HELD:
            raise self._in_use(os.getpid())
        fd = _open_target(self.library)
        info = os.fstat(fd)
        key = (info.st_dev, info.st_ino)
        try:
            _lock(fd)
        except OSError:
            holder = _flock_holder(info) if _LOCK_ON_DATABASE else _read_note(fd)
            os.close(fd)
            raise self._in_use(holder) from None
        _HELD[key] = fd
        if not _LOCK_ON_DATABASE:
            _write_note(fd, f"pid {os.getpid()}")
        # A script that forgets close(): the lock goes with the object, without a warning.
        self._finalizer = weakref.finalize(self, _release, fd, key)

    def _in_use(self, holder: int | None) -> LibraryInUseError:
        return LibraryInUseError(
            f"{self.library} is open in another Monitor Desk ({_named(holder)}). "
            "Close it there first, or open the library read-only."
        )

    def release(self) -> None:
        if self._finalizer is not None:
            finalizer, self._finalizer = self._finalizer, None
            finalizer()


def _drop_inherited_locks() -> None:
    """In a forked child: let go of the parent's locks without unlocking them (the fd is
    pointed at /dev/null, so the number stays valid for any later close)."""
    if not _HELD:
        return
    devnull = os.open(os.devnull, os.O_RDONLY)
    try:
        for fd in _HELD.values():
            os.dup2(devnull, fd, inheritable=False)
    finally:
        os.close(devnull)
    _HELD.clear()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    os.register_at_fork(after_in_child=_drop_inherited_locks)
