"""Analysing stored articles again (``Library.reanalyze``), one failure at a time.

A text whose analysis fails is recorded (``revisions.analysis_error``, see
``analysis_store.store_analysis``) and reported; the others are analysed all the same. When the
model itself breaks in a batch, that batch's articles are tried one by one.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from sqlite_utils import Database

from . import analysis_store
from .importer import CancelToken, ProgressCallback
from .models import Analysis

BATCH = 32
_log = logging.getLogger(__name__)

Item = tuple[str, int, Mapping[str, str]]
Analyze = Callable[[Sequence[Item]], Iterator[Analysis]]


def _analyses(rows: Sequence[Any], analyze: Analyze, name: str, version: str) -> Iterator[Any]:
    """(row, analysis) for each row, in order, even when the model breaks."""
    items: list[Item] = [(r[2], r[3], json.loads(r[4])) for r in rows]
    done = 0
    try:
        for analysis in analyze(items):
            yield rows[done], analysis
            done += 1
        return
    except Exception:
        if len(rows) - done == 1:
            _log.exception("analysis failed")
    if len(rows) - done == 1:
        # Alone and still failing: record it, so it is not tried at every start.
        yield rows[done], Analysis(name, version, error="the language model failed on it")
        return
    for row in rows[done:]:
        yield from _analyses([row], analyze, name, version)


def reanalyze_rows(
    db: Database,
    lock: threading.RLock,
    rows: Sequence[Any],
    analyze: Analyze,
    pipeline: tuple[str, str],
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    failed: list[tuple[int, str]] | None = None,
) -> int:
    """Analyse and store ``rows`` (article id, revision id, text, body start, metadata
    JSON, …); returns how many were done. Failures are appended to ``failed``."""
    done = 0
    for start in range(0, len(rows), BATCH):
        if cancel is not None and cancel.is_set():
            break
        for row, analysis in _analyses(rows[start : start + BATCH], analyze, *pipeline):
            with lock, db.atomic():
                # The analyst may have deleted the article while it was being analysed.
                if db.execute("SELECT 1 FROM revisions WHERE id = ?", [row[1]]).fetchone():
                    analysis_store.store_analysis(db, row[1], analysis)
            if analysis.error is not None and failed is not None:
                failed.append((row[0], analysis.error))
            done += 1
            if progress is not None:
                progress(done, len(rows), str(row[0]))
    return done
