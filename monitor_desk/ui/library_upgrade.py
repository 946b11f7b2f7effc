"""Opening a library that an older Monitor Desk made: the upgrade off the GUI thread, with
a dialog that says what it is doing.

Some steps take minutes on a big library (the search index rebuilt at 100k articles), so
``Library.open`` runs on a pool thread and the GUI thread waits in an event loop: the
window keeps painting, and the dialog shows each step and how far it is, and that a copy
of the library as it was has been made first. The dialog is modal and has no Cancel (a
step stopped halfway is rolled back, so there is nothing to gain); a kill leaves the
library at its last finished step, and the next open goes on from there.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QVBoxLayout, QWidget

from ..core.upgrade import UpgradeProgress

if TYPE_CHECKING:
    from ..core.library import Library


class _Signals(QObject):
    """Signals:
    progress(object): an ``UpgradeProgress``.
    done(): the open returned or raised (``_OpenJob.library`` / ``.error``).
    """

    progress = Signal(object)
    done = Signal()


class _OpenJob(QRunnable):
    """``Library.open`` on a pool thread; its result or its exception kept for the GUI
    thread (the exception's kind decides the dialogs of ``library_open.py``)."""

    def __init__(self, path: Path, keep_backups: int) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.path = path
        self.keep_backups = keep_backups
        self.signals = _Signals()
        self.library: Library | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        from ..core.library import Library

        try:
            self.library = Library.open(
                self.path, keep_backups=self.keep_backups, progress=self.signals.progress.emit
            )
        except BaseException as exc:  # raised again on the GUI thread
            self.error = exc
        finally:
            self.signals.done.emit()


class UpgradeDialog(QDialog):
    """What the upgrade is doing: the step, how far, the copy made first. (Not a
    ``QProgressDialog``: a modal one runs the event loop inside ``setValue``, and the
    next report would arrive inside this one.)"""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("upgradeDialog")
        self.setWindowTitle("Upgrading library")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumWidth(460)
        self.path = path
        self.backup: Path | None = None
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy until a step says how far it is
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.label.setText(self._text("Making a copy of the library first…"))

    def reject(self) -> None:
        """Escape does not close it: the upgrade goes on (a step stopped halfway would
        only be rolled back and run again at the next open)."""

    def _text(self, doing: str) -> str:
        head = (
            f"“{self.path.name}” was made by an older Monitor Desk and is being upgraded "
            "for this version. On a large library this takes a few minutes."
        )
        copy = (
            f"A copy of the library as it was has been saved first, beside it: {self.backup.name}."
            if self.backup is not None
            else ""
        )
        return "\n\n".join(part for part in (head, copy, doing) if part)

    def show_progress(self, at: UpgradeProgress) -> None:
        if at.backup is not None:
            self.backup = at.backup
        if at.finished:
            doing = "Done."
        elif at.step == 0:
            doing = "Making a copy of the library first…" if at.backup is None else "Copy made."
        else:
            doing = f"Step {at.step} of {at.steps}: {at.label}"
        percent = at.percent
        if at.finished:
            self.bar.setRange(0, 100)
            self.bar.setValue(100)
        elif percent is None or at.step == 0:
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, 100)
            self.bar.setValue(percent)
            doing += f" — {percent}%"
        self.label.setText(self._text(doing))


def open_with_upgrade(path: Path, keep_backups: int, parent: QWidget | None = None) -> Library:
    """``Library.open(path)`` for writing, upgrading it off the GUI thread under an
    ``UpgradeDialog``; raises what the open raised."""
    dialog = UpgradeDialog(path, parent)
    job = _OpenJob(path, keep_backups)
    loop = QEventLoop()
    job.signals.progress.connect(dialog.show_progress)
    job.signals.done.connect(loop.quit)
    pool = QThreadPool()  # its own: the window's jobs may hold the shared pool's threads
    dialog.show()
    pool.start(job)
    loop.exec()
    pool.waitForDone()  # the job's last line has run
    dialog.hide()
    dialog.deleteLater()
    if job.error is not None:
        raise job.error
    assert job.library is not None
    return job.library
