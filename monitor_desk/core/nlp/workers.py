"""``nlp.pipe`` in worker processes that never outlive the import that started them.

spaCy's own ``n_process`` leaves its workers running when the parent is killed (they are
blocked on pipes whose other ends they inherited), and on Ctrl+C the parent waits for them
forever. Here the parent owns its workers: they are forked (sharing the loaded model),
die with the parent (``PR_SET_PDEATHSIG`` on Linux, a parent watch elsewhere, and EOF on
their only pipe), ignore Ctrl+C (the parent decides), and are killed as soon as the
parent stops reading — normally, on an error, on Ctrl+C or on SIGTERM.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import itertools
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Make this process end when ``parent`` does, however it ends (even SIGKILL)."""
    if sys.platform == "linux":
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the watch thread below still ends us, a moment later
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)

    def watch() -> None:  # portable fallback: re-parented means the parent is gone
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _work(
    nlp: Any,
    side: Callable[[Any], Any] | None,
    tasks: Connection,
    results: Connection,
    others: Sequence[Connection],
    parent: int,
) -> None:
    for conn in others:  # the parent's ends: with them closed, the parent's death is EOF
        conn.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    die_with_parent(parent)
    while True:
        try:
            batch = tasks.recv()
        except EOFError:
            return
        try:
            texts = [text for text, _ in batch]
            docs = [doc.to_bytes() for doc in nlp.pipe(texts, batch_size=len(batch))]
            done = [side(job) if side is not None and job is not None else None for _, job in batch]
        except Exception:  # a bug: the parent raises it with this traceback
            results.send(("error", traceback.format_exc()))
            return
        results.send(("docs", list(zip(docs, done, strict=True))))


class _Worker:
    def __init__(
        self, nlp: Any, side: Callable[[Any], Any] | None, parent_ends: list[Connection]
    ) -> None:
        ctx = multiprocessing.get_context("fork")  # fork: the loaded model comes for free
        task_recv, self.tasks = ctx.Pipe(duplex=False)
        self.results, result_send = ctx.Pipe(duplex=False)
        parent_ends += [self.tasks, self.results]
        self.process: BaseProcess = ctx.Process(
            target=_work,
            args=(nlp, side, task_recv, result_send, list(parent_ends), os.getpid()),
            name="monitor-desk-analysis",
            daemon=True,
        )
        self.process.start()
        task_recv.close()
        result_send.close()

    def send(self, batch: list[tuple[str, Any]]) -> None:
        self.tasks.send(batch)

    def receive(self) -> list[tuple[bytes, Any]]:
        try:
            kind, payload = self.results.recv()
        except EOFError:
            self.process.join(1)
            raise RuntimeError(
                f"An analysis worker process ended unexpectedly (exit code "
                f"{self.process.exitcode})."
            ) from None
        if kind == "error":
            raise RuntimeError(f"An analysis worker process failed:\n{payload}")
        return payload

    def stop(self) -> None:
        # Killed, not asked: it holds nothing worth saving, and asking can hang.
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.tasks.close()
        self.results.close()


def pipe_in_workers(
    nlp: Any,
    items: Iterable[tuple[str, Any]],
    n_process: int,
    batch_size: int,
    side: Callable[[Any], Any] | None = None,
) -> Iterator[tuple[Any, Any]]:
    """Like ``nlp.pipe(texts, n_process=...)``: (Doc, side result) in input order, items
    read lazily. An item is (text, job): a job that is not None is also done in the worker,
    ``side(job)`` (the Russian lines of a text, through natasha), its result picklable."""
    from spacy.tokens import Doc

    source = iter(items)

    def next_batch() -> list[tuple[str, Any]]:
        return list(itertools.islice(source, batch_size))

    workers: list[_Worker] = []
    parent_ends: list[Connection] = []
    try:
        for _ in range(n_process):
            workers.append(_Worker(nlp, side, parent_ends))
        # One batch in flight per worker: the worker is always reading when it is sent
        # one, so neither side can block on a full pipe.
        in_flight: deque[_Worker] = deque()
        for worker in workers:
            batch = next_batch()
            if not batch:
                break
            worker.send(batch)
            in_flight.append(worker)
        while in_flight:
            worker = in_flight.popleft()
            docs = worker.receive()
            batch = next_batch()
            if batch:
                worker.send(batch)
                in_flight.append(worker)
            for data, done in docs:
                yield Doc(nlp.vocab).from_bytes(data), done
    finally:
        for worker in workers:
            worker.stop()
