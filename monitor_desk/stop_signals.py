"""SIGTERM ends a command the way Ctrl+C does: through every ``finally``.

By default SIGTERM ends Python on the spot: no transaction is rolled back by us, no
analysis worker is stopped and the library's lock goes only when the kernel closes the
file. Raised as ``SystemExit`` instead, the library is closed (its lock released) and the
workers are killed before the process ends, with the conventional status 128 + 15.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType


def _exit(signum: int, frame: FrameType | None) -> None:
    # Once only: a second SIGTERM during the clean-up ends the process outright (the
    # workers still die with it, and the kernel drops the lock).
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    raise SystemExit(128 + signum)


def exit_cleanly_on_sigterm() -> None:
    """For the command-line commands (not the GUI, whose Qt loop runs no Python between
    events, so a handler would delay the signal instead of honouring it)."""
    if sys.platform != "win32":
        signal.signal(signal.SIGTERM, _exit)
