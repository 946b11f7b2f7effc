"""An import whose *storing* fails is not an import whose *analysis* failed.

Found by the kill trials: a lost WAL locking race (SQLITE_PROTOCOL) at a batch's COMMIT was
caught as "the analysis stopped", and the rest of the import was written without analysis
(an article stored without its analysis, then reported "unchanged" by every later import).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pytest
from sqlite_utils import Database

from monitor_desk.core import importer
from monitor_desk.core.db import open_database
from monitor_desk.core.models import Analysis

COUNT = 2 * importer.BATCH_FILES + 8  # three batches: the failure lands mid-import


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "briefs"
    folder.mkdir()
    for i in range(COUNT):
        (folder / f"b{i:03}.txt").write_text(
            f"Brief {i}\n\nOfficials in Riga said talks on brief {i} would resume.\n",
            encoding="utf-8",
        )
    return folder


def _analyzer(items: Iterable[tuple[str, int, Mapping[str, str]]]) -> Iterator[Analysis]:
    for _ in items:
        yield Analysis("test-pipeline", "1")


def _fail_second_batch(monkeypatch: pytest.MonkeyPatch, error: sqlite3.OperationalError) -> None:
    """The second batch's first write raises ``error`` (once)."""
    real = importer._write
    calls = {"n": 0, "raised": False}

    def write(db: Database, item: importer._Pending, analysis: Analysis | None):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == importer.BATCH_FILES + 1 and not calls["raised"]:
            calls["raised"] = True
            raise error
        return real(db, item, analysis)

    monkeypatch.setattr(importer, "_write", write)


def _stored(db: Database) -> tuple[int, int]:
    row = db.execute("SELECT COUNT(*), SUM(pipeline_name IS NULL) FROM revisions").fetchone()
    return row[0], row[1] or 0


def test_a_failure_to_store_stops_the_import_and_never_stores_text_without_analysis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(tmp_path / "lib.sqlite")
    error = sqlite3.OperationalError("disk I/O error")
    _fail_second_batch(monkeypatch, error)
    with pytest.raises(sqlite3.OperationalError):
        importer.import_files(db, threading.RLock(), [_folder(tmp_path)], _analyzer)
    # The first batch is whole, the second absent: nothing without its analysis.
    assert _stored(db) == (importer.BATCH_FILES, 0)


def test_a_lost_locking_race_is_tried_again_and_the_import_completes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(tmp_path / "lib.sqlite")
    error = sqlite3.OperationalError("locking protocol")
    error.sqlite_errorname = "SQLITE_PROTOCOL"  # type: ignore[attr-defined]
    _fail_second_batch(monkeypatch, error)
    report = importer.import_files(db, threading.RLock(), [_folder(tmp_path)], _analyzer)
    assert report.ok
    assert _stored(db) == (COUNT, 0)
