"""Where an export may be written, and writing it there without ever half-writing it.

An export must never land on the library it comes from (``-o lib.sqlite`` once turned the
library into a CSV), on the files SQLite and Monitor Desk keep beside it, on its automatic
copies, or on a device or FIFO (a rename would replace the device node with a regular
file). Paths are compared after resolving symlinks, and files by device and inode, so a
symlink or a hard link to the library is refused as well.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from .backups import backup_folder
from .errors import InvalidInputError, LibraryFileError

SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal", ".lock", ".damaged", ".restoring")
"""Names beside the library that belong to it: ``lib.sqlite-wal``, ``lib.sqlite.damaged-wal``."""


def _side_files(library: Path) -> Iterator[Path]:
    """The library, its side files and automatic copies that exist now."""
    yield library
    folder = library.parent
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.startswith(library.name) and entry.name != library.name:
                rest = entry.name[len(library.name) :]
                if rest.startswith(SIDE_FILE_SUFFIXES):
                    yield Path(entry.path)
    with contextlib.suppress(OSError):
        for entry in os.scandir(backup_folder(library)):
            yield Path(entry.path)


def _belongs_to_library(target: Path, library: Path) -> bool:
    """By name: ``target`` (resolved) is the library, a side file, or in its backups folder.
    This also covers side files that do not exist yet (a ``-wal`` made later would be read
    by SQLite as the library's journal)."""
    lib = library.resolve()
    if target == lib:
        return True
    rest = target.name[len(lib.name) :] if target.name.startswith(lib.name) else ""
    if target.parent == lib.parent and rest.startswith(SIDE_FILE_SUFFIXES):
        return True
    return target.is_relative_to(backup_folder(lib).resolve())


def check_export_target(path: Path, library: Path | None) -> Path:
    """The real path to write ``path`` to, or ``InvalidInputError`` saying why it may not be.

    ``library`` is the open library file (None for an in-memory library)."""
    real = Path(os.path.realpath(path))
    try:
        st = os.stat(real)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise LibraryFileError(f"Cannot write {path}: {exc.strerror}.") from exc
    if library is not None:
        refused = _belongs_to_library(real, library)
        if not refused and st is not None:
            for own in _side_files(library):
                with contextlib.suppress(OSError):
                    mine = os.stat(own)
                    if (mine.st_dev, mine.st_ino) == (st.st_dev, st.st_ino):
                        refused = True
                        break
        if refused:
            raise InvalidInputError(
                f"Will not export to {path}: it is the open library {library.name}, one of "
                "its own files or copies; choose another file name."
            )
    if st is not None and not stat.S_ISREG(st.st_mode):
        kind = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file (a device or FIFO)"
        raise InvalidInputError(
            f"Will not export to {path}: it is {kind}; choose a file, or '-' for standard output."
        )
    return real


def write_export_file(
    path: Path, write: Callable[[TextIO], int], library: Path | None = None
) -> int:
    """Write through a new temp file beside the real target, then rename it over the target:
    a failed or cancelled export leaves an older file there as it was."""
    real = check_export_target(Path(path), library)
    tmp = real.with_name(f".{real.name}.{secrets.token_hex(4)}.partial")
    try:
        # O_EXCL: never follow or reuse something already there; 0o666 honours the umask.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with open(fd, "w", encoding="utf-8", newline="") as f:
            count = write(f)
            f.flush()
            os.fsync(f.fileno())
        with contextlib.suppress(OSError):
            # An existing export keeps its permissions (someone may have shared it).
            os.chmod(tmp, stat.S_IMODE(os.stat(real).st_mode))
        os.replace(tmp, real)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise LibraryFileError(f"Cannot write {path}: {exc.strerror or exc}.") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return count


def write_export_bytes(path: Path, data: bytes, library: Path | None = None) -> None:
    """``data`` written to ``path`` as ``write_export_file`` writes text: through a temp
    file renamed over the target, never onto the library's own files or a device."""

    def write(stream: TextIO) -> int:
        stream.flush()
        stream.buffer.write(data)
        return len(data)

    write_export_file(path, write, library)
