"""Errors a user can act on. Anything else escaping core is a bug and should crash loudly."""

from __future__ import annotations


class MonitorDeskError(Exception):
    """Base class: the message is one clear sentence meant for the user."""


class LibraryFileError(MonitorDeskError):
    """The library file cannot be used: not SQLite, unreadable, locked, disk full."""


class LibraryClosedError(LibraryFileError):
    """The library was closed: whatever still held it (a window, a job) can read no more."""


class NewerLibraryError(LibraryFileError):
    """The file was written by a newer Monitor Desk with a schema this one does not know."""


class NotFoundError(MonitorDeskError, LookupError):
    """An id that names nothing (an article, a highlight, a tag)."""


class InvalidInputError(MonitorDeskError, ValueError):
    """Arguments that cannot be right: offsets outside the text, an empty tag name."""


class NotALibraryError(LibraryFileError):
    """An SQLite database of another program: refused without touching it."""


class DamagedLibraryError(LibraryFileError):
    """The library failed its integrity check: writing to it would spread the damage."""


class ReadOnlyLibraryError(LibraryFileError):
    """The library is on a read-only disk or in a read-only folder: it can only be read."""
