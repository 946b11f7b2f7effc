"""The command line's dealings with the library file: opening it for a command (read-only
where it cannot be written) and ``restore-backup``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

WARNING = "monitor-desk: warning:"


@contextmanager
def open_library(args: argparse.Namespace, reading: bool = False) -> Iterator[Any]:
    """The library for one command. A command that only reads (``reading``) still works
    on a damaged library or one on a read-only disk: it is opened read-only, with one
    warning line; commands that write are refused with one line (``DamagedLibraryError``,
    ``ReadOnlyLibraryError``)."""
    from ..core.errors import DamagedLibraryError, ReadOnlyLibraryError
    from ..core.library import Library
    from .progress import upgrade_progress

    try:
        lib = Library.open(args.db, progress=upgrade_progress(args))
    except (DamagedLibraryError, ReadOnlyLibraryError) as exc:
        if not reading:
            raise
        lib = Library.open(args.db, read_only=True)
        print(f"{WARNING} {exc} It was opened read-only.", file=sys.stderr)
    for notice in lib.notices():
        print(f"{WARNING} {notice}", file=sys.stderr)
    try:
        yield lib
    finally:
        known = set(lib.notices())
        lib.close()
        for notice in lib.notices():  # found by the background copy meanwhile
            if notice not in known:
                print(f"{WARNING} {notice}", file=sys.stderr)


def cmd_restore_backup(args: argparse.Namespace) -> int:
    from ..core import backups
    from ..core.paths import default_library_path

    library = Path(args.db) if args.db else default_library_path()
    if args.list:
        copies = backups.list_backups(library)
        for listed in copies:
            state = backups.copy_state(listed)
            print(f"{listed}  {listed.stat().st_size / 1e6:.1f} MB  {state}")
        if not copies:
            print(f"no automatic copies of {library}")
        return 0
    copy = Path(args.copy) if args.copy else backups.newest_backup(library)
    if copy is None:
        print(f"monitor-desk: there is no intact automatic copy of {library}", file=sys.stderr)
        return 1
    kept = backups.restore_backup(copy, library)
    aside = f"; the replaced file is kept as {kept.name}" if kept is not None else ""
    print(f"restored {library} from {copy.name}{aside}")
    return 0
