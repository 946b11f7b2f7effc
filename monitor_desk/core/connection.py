"""The library's one SQLite connection and the lock that serialises every use of it, and
``Component``: the base of the library's parts (``lib.highlights``, ``lib.tags`` …)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database

from .errors import LibraryClosedError


class Connection:
    """Attributes:
    db: the ``sqlite_utils.Database``; lock: held by whoever uses ``db`` (any thread).
    closed: True once ``close`` ran: ``db`` then raises ``LibraryClosedError``, one clear
    sentence, instead of sqlite3's "Cannot operate on a closed database".
    """

    def __init__(self, db: Database) -> None:
        self._db: Database | None = db
        self.lock = threading.RLock()

    @property
    def db(self) -> Database:
        if self._db is None:
            raise LibraryClosedError("The library was closed; reopen it to go on.")
        return self._db

    @property
    def closed(self) -> bool:
        return self._db is None

    def close(self) -> None:
        """Close the database (the caller holds ``lock``); later uses raise."""
        if self._db is not None:
            self._db.close()
            self._db = None

    @contextmanager
    def reading(self) -> Iterator[Database]:
        with self.lock:
            yield self.db

    @contextmanager
    def writing(self) -> Iterator[Database]:
        """One transaction: everything inside is written, or nothing is."""
        with self.lock, self.db.atomic():
            yield self.db


class Component:
    """One part of ``Library`` over the shared connection; parts never call each other."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    @property
    def db(self) -> Database:
        return self._connection.db

    @property
    def _lock(self) -> threading.RLock:
        return self._connection.lock
