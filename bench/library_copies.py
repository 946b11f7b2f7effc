"""File ▸ Back Up Library… and Restore from Backup… on a large library: the time to write a
checked backup (SQLite's online backup, then ``quick_check``), to list the rolling copies
with their article counts (what the Restore dialog reads when it opens), and to find the
installed models (what the Preferences dialog reads when it opens)."""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from _common import report
from generate import working_copy

from monitor_desk.core import backups
from monitor_desk.core.nlp.pipeline import installed_models


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=10_000)
    ap.add_argument("--copies", type=int, default=5, help="rolling copies to list")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = working_copy(args.size, Path(tmp))
        backup_s = []
        for run in range(args.runs):
            t0 = time.perf_counter()
            target = backups.back_up_to(db, Path(tmp) / f"backup-{run}.sqlite")
            backup_s.append(time.perf_counter() - t0)
        size_mb = target.stat().st_size / 1e6
        for n in range(args.copies):  # rolling copies as opening a changed library makes
            backups.make_backup(db, keep=args.copies)
            later = time.time() + n + 1
            os.utime(db, (later, later))
        list_s = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            infos = backups.backup_infos(db)
            list_s.append(time.perf_counter() - t0)
        assert len(infos) == args.copies
        t0 = time.perf_counter()
        models = installed_models()
        models_s = time.perf_counter() - t0
    report(
        "library_copies",
        articles=args.size,
        library_mb=round(size_mb, 1),
        backup_seconds_median=round(statistics.median(backup_s), 3),
        restore_list_seconds_median=round(statistics.median(list_s), 3),
        copies_listed=args.copies,
        installed_models_seconds=round(models_s, 3),
        models=models,
    )


if __name__ == "__main__":
    main()
