"""A database error while an analysed import writes is the library's, not the analysis's:
it is raised, and no file is stored without its analysis in its place."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pytest
from sqlite_utils import Database

from monitor_desk.core import analysis_store, importer
from monitor_desk.core.models import Analysis
from monitor_desk.core.schema import migrations


def _analyze(items: Iterable[tuple[str, int, Mapping[str, str]]]) -> Iterator[Analysis]:
    for _text, _start, _meta in items:
        yield Analysis("test-model", "1")


def test_a_write_error_during_an_analysed_import_is_raised_not_stored_unanalysed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(5):
        (folder / f"{i}.txt").write_text(f"BRIEF {i}\n\nText number {i} of the batch.\n")
    db = Database(tmp_path / "lib.sqlite")
    migrations.apply(db)

    store = analysis_store.store_analysis
    calls: list[int] = []

    def locked_once(*args: object) -> None:
        # A transient lock race (SQLITE_PROTOCOL) on the first batch only.
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.OperationalError("locking protocol")
        store(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(analysis_store, "store_analysis", locked_once)
    monkeypatch.setattr(importer, "BATCH_FILES", 2)
    with pytest.raises(sqlite3.OperationalError, match="locking protocol"):
        importer.import_files(db, threading.RLock(), [folder], _analyze)
    unanalysed = db.execute(
        "SELECT COUNT(*) FROM revisions WHERE pipeline_name IS NULL"
    ).fetchone()[0]
    assert unanalysed == 0
