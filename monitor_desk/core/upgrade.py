"""The schema upgrade, step by step, with progress for the analyst.

A library from an older Monitor Desk is upgraded when it is opened for writing (``db.py``:
a copy first, then the pending steps of ``schema.py``). Two steps are long on a big library
(``0016_chart_counts`` ~30 s, ``0020_russian_search`` 2–3 min at 100k articles), so the
steps run one at a time here and a callback hears which step runs (``[2/4] search index``)
and, inside the long steps, how far it is (``step_progress.report_rows``: the step calls
it between its batches). Each step still runs in one transaction with its record (sqlite-utils'
``Migrations``): a kill mid-step leaves it pending, with nothing of it written, and the
next open runs it again from its start.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from .schema import SCHEMA_VERSION, migrations
from .step_progress import listening


@dataclass(frozen=True)
class UpgradeProgress:
    """Where an upgrade is.

    Attributes:
        step: the step running, from 1 (0: none yet — the copy has just been made).
        steps: how many steps this upgrade runs.
        label: what the step does, in words ("search index").
        done, total: rows (or parts) of the step done and in all; total None: not counted.
        backup: the copy of the library made before the first step (None: an empty file).
        finished: the last step is done.
    """

    step: int
    steps: int
    label: str
    done: int = 0
    total: int | None = None
    backup: Path | None = None
    finished: bool = False

    @property
    def percent(self) -> int | None:
        if not self.total:
            return None
        return min(100, self.done * 100 // self.total)


UpgradeCallback = Callable[[UpgradeProgress], None]

_LABELS = {
    "0015_claim_speakers": "claim speakers",
    "0019_article_language": "article languages",
    "0016_chart_counts": "chart counts",
    "0020_russian_search": "search index",
}


def step_label(name: str) -> str:
    """``0020_russian_search`` → "search index"; an unnamed step by its own name."""
    return _LABELS.get(name) or name.partition("_")[2].replace("_", " ")


def apply_pending(
    db: Database,
    steps: Migrations = migrations,
    progress: UpgradeCallback | None = None,
    backup: Path | None = None,
) -> int:
    """Run every pending step of ``steps``, one at a time, telling ``progress`` (the
    copy ``backup`` was made before); the number run. The caller reports the end."""
    pending = [m.name for m in steps.pending(db)]
    for i, name in enumerate(pending):
        base = step_label(name)

        def tell(
            done: int, total: int | None, label: str = "", i: int = i, base: str = base
        ) -> None:
            if progress is not None:
                progress(UpgradeProgress(i + 1, len(pending), label or base, done, total, backup))

        tell(0, None)
        with listening(tell):
            steps.apply(db, stop_before=pending[i + 1 :])
    return len(pending)


def upgrade_pending(path: Path | None) -> bool:
    """Will opening ``path`` for writing upgrade it (a library with rows, of an older
    schema)? Read without writing anything; False when it cannot tell (the open says why)."""
    if path is None or not Path(path).is_file():
        return False
    try:
        conn = sqlite3.connect(f"{Path(path).absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'")
        return bool(version < SCHEMA_VERSION and tables.fetchone()[0])
    except sqlite3.Error:
        return False
    finally:
        conn.close()
