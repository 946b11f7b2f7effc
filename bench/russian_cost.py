"""What the Russian pipeline costs: natasha's load time and memory, Russian words/s beside
English words/s, and what the English path pays for languages (detection only: natasha is
never loaded for English text).

One process, in this order: spaCy's pipeline loaded; English texts (corpus/news) analysed
(``analyze_many``) with the per-line language detection timed apart; then natasha loaded
(time and RSS delta) and the Russian texts (factRuEval dev, read from the corpus) analysed
— in one process and with two worker processes (each loads natasha itself) — and parsed by
natasha alone. The best of ``--repeat`` rounds counts.

    python bench/russian_cost.py [--limit N] [--repeat 2]

Prints one JSON line.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import CORPUS, report  # noqa: E402

_WORDS = re.compile(r"\w+")


def rss_mb() -> float:
    """Resident memory now (Linux), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def best(repeat: int, run: Callable[[], Any]) -> tuple[float, float]:
    """(wall, CPU) seconds of the fastest round: on a shared machine the CPU time of this
    process says more than the wall clock."""
    times = []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        run()
        times.append((time.perf_counter() - start, time.process_time() - cpu))
    return min(times)


def texts(folder: Path, limit: int) -> list[str]:
    files = sorted(folder.rglob("*.txt"))
    return [p.read_text("utf-8", errors="replace") for p in (files[:limit] if limit else files)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=122)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    from monitor_desk.core.nlp.analysis import analyze_many
    from monitor_desk.core.nlp.language import paragraph_languages
    from monitor_desk.core.nlp.pipeline import load_pipeline

    english = texts(CORPUS / "news", args.limit)
    russian = texts(CORPUS / "eval" / "factruEval" / "dev", args.limit)
    en_words = sum(len(_WORDS.findall(t)) for t in english)
    ru_words = sum(len(_WORDS.findall(t)) for t in russian)

    start = time.perf_counter()
    pipeline = load_pipeline()
    spacy_load = time.perf_counter() - start

    def run_english() -> None:
        list(analyze_many([(t, 0, {}) for t in english], pipeline))

    run_english()  # warm
    en_seconds, en_cpu = best(args.repeat, run_english)
    detect_seconds, _ = best(args.repeat, lambda: [paragraph_languages(t) for t in english])
    natasha_after_english = "natasha" in sys.modules

    rss_before = rss_mb()
    start = time.perf_counter()
    from monitor_desk.core.nlp.russian.pipeline import load_russian

    russian_pipeline = load_russian()
    ru_load = time.perf_counter() - start
    rss_after = rss_mb()

    def run_russian() -> None:
        list(analyze_many([(t, 0, {}) for t in russian], pipeline))

    ru_seconds, ru_cpu = best(args.repeat, run_russian)

    def run_russian_two() -> None:  # natasha in each worker (loaded there, once per run)
        list(analyze_many([(t, 0, {}) for t in russian], pipeline, n_process=2))

    ru_two_seconds, _ = best(args.repeat, run_russian_two)
    bare_seconds, bare_cpu = best(args.repeat, lambda: [russian_pipeline.parse(t) for t in russian])
    report(
        "russian_cost",
        natasha=russian_pipeline.version,
        natasha_load_s=round(ru_load, 2),
        natasha_rss_delta_mb=round(rss_after - rss_before, 1),
        spacy_load_s=round(spacy_load, 2),
        english={
            "texts": len(english),
            "words": en_words,
            "words_per_s": round(en_words / en_seconds),
            "words_per_cpu_s": round(en_words / en_cpu),
            "language_detection_share": round(detect_seconds / en_seconds, 4),
            "natasha_imported": natasha_after_english,
        },
        russian={
            "texts": len(russian),
            "words": ru_words,
            "words_per_s": round(ru_words / ru_seconds),
            "words_per_cpu_s": round(ru_words / ru_cpu),
            "words_per_s_2_processes": round(ru_words / ru_two_seconds),
            "natasha_parse_words_per_s": round(ru_words / bare_seconds),
            "natasha_parse_words_per_cpu_s": round(ru_words / bare_cpu),
        },
        rss_mb_end=round(rss_mb(), 1),
    )


if __name__ == "__main__":
    main()
