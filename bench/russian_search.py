"""The ``stems`` column of the full-text index (schema step 0020_russian_search): how long
the step takes on an existing 1k/10k/100k library (the index is rebuilt from its rows),
how fast Russian text is stemmed, and search times for Russian and English words after it.

Usage: ``python bench/russian_search.py [SIZE ...]`` (default 10000). The cached library is
copied to a temporary folder first (it stays as built); one JSON line per size.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from _common import CORPUS, report
from generate import working_copy
from sqlite_utils import Database

from monitor_desk.core import search
from monitor_desk.core.schema import migrations
from monitor_desk.core.search_stems import stems

STEP = "0020_russian_search"
ENGLISH = ["Moscow", "minister", '"prime minister"', "oil prices", "elect*"]
RUSSIAN = ["Медведев", "Москва", "заявил", '"Дмитрий Медведев"']


def stem_rate() -> float:
    """Russian words stemmed per second (the factRuEval texts, cold cache)."""
    texts = [p.read_text("utf-8") for p in sorted((CORPUS / "eval").rglob("*.txt"))[:200]]
    texts = [t for t in texts if any("\u0400" <= c <= "\u04ff" for c in t[:200])]
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    for text in texts:
        stems(text)
    return words / max(time.perf_counter() - t0, 1e-9)


def measure(size: int, folder: Path) -> dict[str, object]:
    path = working_copy(size, folder)
    db = Database(path)
    pending = [m.name for m in migrations.pending(db)]
    if STEP not in pending:
        return {"size": size, "error": f"{STEP} is not pending: {pending}"}
    before = _times(db, ENGLISH)
    t0 = time.perf_counter()
    migrations.apply(db)
    step_s = time.perf_counter() - t0
    rows = db.execute("SELECT COUNT(*) FROM search_fts").fetchone()[0]
    mode = db.execute("PRAGMA journal_mode").fetchone()[0]
    wal = path.with_name(path.name + "-wal")
    wal_mb = round(wal.stat().st_size / 1e6) if wal.exists() else 0
    after = _times(db, ENGLISH + RUSSIAN)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    after_checkpoint = _times(db, ENGLISH)
    db.close()
    return {
        "size": size,
        "pending_before": pending,
        "step_seconds": round(step_s, 2),
        "index_rows": rows,
        "english_ms_median_before": before,
        "search_ms_median_after": after,
        "journal_mode": mode,
        "wal_mb_after_step": wal_mb,
        "english_ms_median_after_checkpoint": after_checkpoint,
    }


def _times(db: Database, queries: list[str]) -> dict[str, float]:
    times: dict[str, float] = {}
    for q in queries:
        search.search(db, q)  # warm
        runs = []
        for _ in range(5):
            t1 = time.perf_counter()
            search.search(db, q, limit=100)
            runs.append((time.perf_counter() - t1) * 1000)
        times[q] = round(statistics.median(runs), 2)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10000])
    args = parser.parse_args()
    rate = stem_rate()
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            figures = measure(size, Path(folder))
            report("russian_search", stem_words_per_s=round(rate), **figures)


if __name__ == "__main__":
    main()
