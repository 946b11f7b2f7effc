"""How far a long schema step is: ``report_rows``, called by the step between its batches,
heard by whoever runs the upgrade (``upgrade.py``). Apart from ``upgrade.py`` so that the
steps (``schema.py``) report without importing what imports them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

RowsListener = Callable[[int, int | None, str], None]

_listener: ContextVar[RowsListener | None] = ContextVar("step_rows", default=None)


def report_rows(done: int, total: int | None, label: str = "") -> None:
    """``done`` of ``total`` rows (or parts) of the running step; ``label`` says what the
    step has come to when that changed ("merging the search index"). Nothing happens
    outside an upgrade that listens."""
    listener = _listener.get()
    if listener is not None:
        listener(done, total, label)


@contextmanager
def listening(listener: RowsListener) -> Iterator[None]:
    """``listener`` hears the ``report_rows`` of the steps run inside (this thread)."""
    token = _listener.set(listener)
    try:
        yield
    finally:
        _listener.reset(token)
