"""The one exception the readers raise for a file that cannot be imported."""

from __future__ import annotations


class Cancelled(Exception):
    """Raised from a progress callback to stop reading a long file (a 300-page PDF)."""


class RejectedFile(Exception):
    """A file that cannot be imported.

    ``str(exc)`` (and ``exc.reason``) is a one-line reason for the import report, e.g.
    ``"empty file"`` or ``"binary file (not text)"``.

    Attributes:
        reason: the human-readable reason, one line.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return self.reason
