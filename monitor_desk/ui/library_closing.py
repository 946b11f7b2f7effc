"""A window whose library is closed under it closes, instead of reading a closed file.

Closing a ``Library`` while its window is open (a script, a self-test, a bug) used to leave
the window painting from a closed connection: every row the library list fetched raised,
and an exception in a model's ``data()`` inside ``processEvents`` hangs PySide6 6.9 (the
main thread waits for the GIL it holds). Now the library tells the window as it closes
(``Library.when_closed``) and the window closes as when the analyst quits: its layout
saved, its jobs cancelled and waited for. Every change was written as it was made, so
nothing the analyst did is lost.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal


class LibraryClosing(QObject):
    """Closes ``window`` once its library is closed.

    Signals:
        libraryClosed(): the library was closed (emitted on the closing thread; queued to
            the window's when that is another).
    """

    libraryClosed = Signal()

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.libraryClosed.connect(self._close_window)
        self._forget = window.library.when_closed(self._closed)
        window.installEventFilter(self)
        window.destroyed.connect(self._forget)

    def _closed(self) -> None:
        with suppress(RuntimeError):  # the window is gone already: nothing to close
            self.libraryClosed.emit()

    def _close_window(self) -> None:
        self.window.jobs.closing = True  # a job's late failure is no news: no message box
        self.window.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and event.type() == QEvent.Type.Close:
            self._forget()  # closed by the analyst first: the library may outlive it
        return False
