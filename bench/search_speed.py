"""Full-text search over 1k/10k/100k-article libraries (target <= 50 ms median at 100k).

A fixed query set of single words, two-word AND queries, phrases and prefixes, chosen to
hit both common and rare terms. Also reports the library file's size per 1,000 articles.
"""

from __future__ import annotations

import argparse
import statistics
import time

from _common import report
from generate import library

from monitor_desk.core.library import Library

QUERIES = [
    "Moscow", "minister", "oil prices", '"central bank"', "Reuters", "government said",
    "elect*", "Brown", "trade deficit", "talks", "Labour", "shares", "Kremlin", "crisis",
    '"prime minister"', "export*", "tax", "nuclear", "union strike", "percent",
]  # fmt: skip


def measure(size: int, runs: int) -> dict[str, object]:
    path = library(size)
    with Library.open(path, read_only=True) as lib:
        for q in QUERIES:  # warm the page cache like a session that has been open a while
            lib.search(q)
        times = []
        counts = []  # the exact count: "240 hits in 97 articles" (the CLI's)
        window_counts = []
        all_ids = []  # every article with a hit: "Show in list"
        hits = 0
        total = 0
        for _ in range(runs):
            for q in QUERIES:
                t0 = time.perf_counter()
                found = lib.search(q, limit=100)
                times.append((time.perf_counter() - t0) * 1000)
                hits += len(found)
                t0 = time.perf_counter()
                total += lib.search_count(q).hits
                counts.append((time.perf_counter() - t0) * 1000)
                t0 = time.perf_counter()  # the window's count: articles only up to 10k hits
                lib.search_count(q, articles_up_to=10_000)
                window_counts.append((time.perf_counter() - t0) * 1000)
                t0 = time.perf_counter()
                lib.search_article_ids(q)
                all_ids.append((time.perf_counter() - t0) * 1000)
    return {
        "articles": size,
        "ms_median": round(statistics.median(times), 2),
        "ms_p95": round(sorted(times)[int(0.95 * len(times))], 2),
        "count_ms_median": round(statistics.median(counts), 2),
        "count_ms_p95": round(sorted(counts)[int(0.95 * len(counts))], 2),
        "window_count_ms_median": round(statistics.median(window_counts), 2),
        "window_count_ms_p95": round(sorted(window_counts)[int(0.95 * len(window_counts))], 2),
        "article_ids_ms_median": round(statistics.median(all_ids), 2),
        "article_ids_ms_p95": round(sorted(all_ids)[int(0.95 * len(all_ids))], 2),
        "mean_total_hits": round(total / len(counts), 1),
        "mean_hits": round(hits / len(times), 1),
        "file_mb_per_1k_articles": round(path.stat().st_size / 1e6 / (size / 1000), 2),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    results = [measure(int(s), args.runs) for s in args.sizes.split(",")]
    largest = results[-1]
    report(
        "full_text_search",
        queries=len(QUERIES),
        by_size=results,
        target_ms=50,
        meets_target=float(largest["ms_median"]) <= 50,  # type: ignore[arg-type]
    )


if __name__ == "__main__":
    main()
