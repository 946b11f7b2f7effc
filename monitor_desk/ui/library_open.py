"""Opening a library file in the GUI, and the dialogs when it cannot be opened as asked:
in use elsewhere or on a read-only disk (offer to read it), newer or another program's
file (refused as it is), damaged (offer the newest intact automatic copy).

Used at start (``app.py``) and by *File ▸ New Library… / Open Library… / Open Recent*
(``library_menu.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..core.backups import KEEP

if TYPE_CHECKING:  # imported when used: the GUI's start-up stays quick
    from PySide6.QtWidgets import QWidget

    from ..core.library import Library


def open_library_for_gui(
    db: str | Path | None,
    read_only: bool = False,
    seed: bool = True,
    keep_backups: int = KEEP,
    parent: QWidget | None = None,
) -> Library:
    """Open the library; a new library is seeded with the bundled samples (unless
    ``seed`` is False: *File ▸ New Library…* starts empty and says how to fill it). A
    library from an older Monitor Desk is upgraded off the GUI thread under a dialog
    saying how far it is (``library_upgrade.py``)."""
    from ..core.library import Library
    from ..core.paths import default_library_path
    from ..core.upgrade import upgrade_pending

    path = Path(db) if db else default_library_path()
    if not read_only and upgrade_pending(path):
        from .library_upgrade import open_with_upgrade

        lib = open_with_upgrade(path, keep_backups, parent)
    else:
        lib = Library.open(path, read_only=read_only, keep_backups=keep_backups)
    if not read_only and seed:
        lib.seed_samples()
    return lib


def open_or_explain(
    db: str | Path | None,
    parent: QWidget | None = None,
    seed: bool = True,
    keep_backups: int = KEEP,
) -> Library | None:
    """Open the library, asking the user what to do when it cannot be opened for writing.

    In use elsewhere or on a read-only disk: offer to read it. A newer library or another
    program's database is refused as it is (it is not damaged: no copy is put in its
    place). Anything else that stops the open is damage: offer the newest intact copy.
    The dialogs are ``parent``'s (None at start, before there is a window).
    """
    from PySide6.QtWidgets import QMessageBox

    from ..core.errors import (
        LibraryFileError,
        NewerLibraryError,
        NotALibraryError,
        ReadOnlyLibraryError,
    )
    from ..core.filelock import LibraryInUseError

    def opened(read_only: bool = False) -> Library:
        return open_library_for_gui(db, read_only, seed, keep_backups, parent)

    try:
        return opened()
    except (LibraryInUseError, ReadOnlyLibraryError) as exc:
        title = "Library in use" if isinstance(exc, LibraryInUseError) else "Read-only library"
        answer = QMessageBox.question(
            parent,
            title,
            f"{exc}\n\nOpen it read-only?",
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Open:
            return None
        try:
            return opened(read_only=True)
        except LibraryFileError as again:
            QMessageBox.critical(parent, "Cannot open the library", str(again))
            return None
    except (NewerLibraryError, NotALibraryError) as exc:
        QMessageBox.critical(parent, "Cannot open the library", str(exc))
        return None
    except LibraryFileError as exc:
        if offer_restore(db, exc, parent):
            try:
                return opened()
            except LibraryFileError as again:
                QMessageBox.critical(parent, "Cannot open the library", str(again))
        return None


def offer_restore(db: str | Path | None, exc: Exception, parent: QWidget | None = None) -> bool:
    """A damaged library: offer the newest intact automatic copy. True if restored."""
    from datetime import datetime

    from PySide6.QtWidgets import QMessageBox

    from ..core import backups
    from ..core.errors import LibraryFileError
    from ..core.paths import default_library_path
    from ..core.restore import set_aside_name

    path = Path(db) if db else default_library_path()
    copy = backups.newest_backup(path) if path.exists() else None
    if copy is None:
        QMessageBox.critical(
            parent, "Cannot open the library", f"{exc}\n\nThere is no automatic copy to restore."
        )
        return False
    when = datetime.fromtimestamp(copy.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    box = QMessageBox(QMessageBox.Icon.Warning, "Library damaged", "", parent=parent)
    box.setText(
        f"“{path.name}” is damaged or is not a Monitor Desk library ({exc}).\n\n"
        f"The newest intact automatic copy is from {when}. Restore it? Changes made after "
        f"that copy are lost; the damaged file is kept as {set_aside_name(path).name}."
    )
    restore = box.addButton("Restore copy", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Cancel" if parent is not None else "Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    try:
        backups.restore_backup(copy, path)
    except LibraryFileError as failed:
        QMessageBox.critical(parent, "Could not restore the copy", str(failed))
        return False
    return True
