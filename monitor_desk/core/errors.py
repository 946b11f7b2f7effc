"""Errors a user can act on. Anything else escaping core is a bug and should crash loudly."""

from __future__ import annotations


class MonitorDeskError(Exception):
    """Base class: the message is one clear sentence meant for the user."""


class LibraryFileError(MonitorDeskError):
    """The library file cannot be used: not SQLite, unreadable, locked, disk full."""


class NewerLibraryError(LibraryFileError):
    """The file was written by a newer Monitor Desk with a schema this one does not know."""


class NotFoundError(MonitorDeskError, LookupError):
    """An id that names nothing (an article, a highlight, a tag)."""


class InvalidInputError(MonitorDeskError, ValueError):
    """Arguments that cannot be right: offsets outside the text, an empty tag name."""
