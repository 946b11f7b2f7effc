"""Analysis throughput against the raw spaCy pipeline, on the same texts in the same run.

Prints one JSON object: words/s of raw ``nlp.pipe`` and of ``analyze_many`` (entities,
citations, claims) with one and two processes, their ratio, and the number of cores.
Texts: the bodies of the files under corpus/news (else resources/samples).

    python bench/analysis_speed.py [--limit N] [--batch-size 32]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def corpus_root() -> Path:
    env = os.environ.get("MONITOR_DESK_CORPUS")
    return Path(env) if env else REPO / ".." / "shared" / "corpus"


def load_items(limit: int) -> tuple[str, list[tuple[str, int, dict[str, str]]]]:
    """(source, items): each file's full text with the body after its first line."""
    news = corpus_root() / "news"
    files = sorted(news.rglob("*.txt")) if news.is_dir() else []
    source = str(news)
    if not files:
        files = sorted((REPO / "resources" / "samples").glob("*.txt"))
        source = "resources/samples"
    items: list[tuple[str, int, dict[str, str]]] = []
    for path in files[:limit] if limit else files:
        text = path.read_text(encoding="utf-8", errors="replace")
        first_break = text.find("\n")
        body_start = first_break + 1 if first_break >= 0 else 0
        items.append((text, body_start, {}))
    return source, items


def timed(run: Callable[[], Iterable[Any]]) -> float:
    start = time.perf_counter()
    for _ in run():
        pass
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="first N files only")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=2, help="rounds; the best time counts")
    args = parser.parse_args(argv)

    from monitor_desk.core.nlp import analyze_many, load_pipeline

    pipeline = load_pipeline()
    source, items = load_items(args.limit)
    bodies = [text[start:] for text, start, _ in items]
    words = sum(len(body.split()) for body in bodies)
    nlp, bs = pipeline.nlp, args.batch_size
    list(analyze_many(items[:8], pipeline))  # warm up (lazy imports, vocab)

    runs: dict[str, Callable[[], Iterable[Any]]] = {
        "raw_1": lambda: nlp.pipe(bodies, batch_size=bs),
        "full_1": lambda: analyze_many(items, pipeline, batch_size=bs),
        "raw_2": lambda: nlp.pipe(bodies, batch_size=bs, n_process=2),
        "full_2": lambda: analyze_many(items, pipeline, batch_size=bs, n_process=2),
    }
    # Interleaved rounds, best time per variant: other processes on the laptop add noise.
    best = {name: float("inf") for name in runs}
    for _ in range(max(args.repeat, 1)):
        for name, run in runs.items():
            best[name] = min(best[name], timed(run))
    raw_1, full_1, raw_2, full_2 = (best[k] for k in ("raw_1", "full_1", "raw_2", "full_2"))
    report = {
        "pipeline": f"{pipeline.name} {pipeline.version}",
        "texts": len(items),
        "words": words,
        "source": source,
        "cores": os.cpu_count(),
        "raw_pipe_words_per_s": round(words / raw_1),
        "raw_pipe_2proc_words_per_s": round(words / raw_2),
        "analyze_many_1proc_words_per_s": round(words / full_1),
        "analyze_many_2proc_words_per_s": round(words / full_2),
        "ratio_1proc_vs_raw": round(raw_1 / full_1, 3),
        "ratio_best_vs_raw": round(raw_1 / min(full_1, full_2), 3),
        "ratio_2proc_vs_raw_2proc": round(raw_2 / full_2, 3),
    }
    print(json.dumps({"benchmark": "analysis_vs_raw_pipe", **report}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
