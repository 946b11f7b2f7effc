"""The library's one SQLite connection and the lock that serialises every use of it, and
``Component``: the base of the library's parts (``lib.highlights``, ``lib.tags`` …)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database


class Connection:
    """Attributes:
    db: the ``sqlite_utils.Database``; lock: held by whoever uses ``db`` (any thread).
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self.lock = threading.RLock()

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
