"""Taught cues: what applying them costs the claim extractor, and how long finding the
articles a taught word touches takes on a large library.

1. ``extract``: ``--briefs`` Monitor-style briefs parsed once with the model; the claims
   extracted from every parse without taught cues and with 20 taught verbs and 5 never
   rules (median of 5 interleaved passes each); the extra time per brief, as a share of
   extraction and of parse + extraction, and how many claims there were either way.
2. ``articles_with``: on a working copy of the cached ``--size`` library, the time of
   ``lib.cues.articles_with`` (the full-text index) for a rare, a common and a very common
   word (median of 5).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import make_briefs, report
from generate import working_copy

from monitor_desk.core.library import Library
from monitor_desk.core.nlp.claims import TaughtCues, extract_claims
from monitor_desk.core.nlp.pipeline import load_pipeline

TAUGHT = TaughtCues.of(
    [
        "trumpet",
        "lament",
        "bemoan",
        "gush",
        "grouse",
        "rue",
        "opine",
        "aver",
        "muse",
        "posit",
        "tout",
        "crow",
        "fume",
        "huff",
        "sneer",
        "chortle",
        "gloat",
        "hail",
        "grumble",
        "moan",
    ],
    [("make", True), ("show", False), ("see", True), ("hint", True), ("find", False)],
)


def _extract_time(docs: list[Any], taught: TaughtCues | None) -> tuple[float, int]:
    t0 = time.perf_counter()
    count = sum(len(extract_claims(d, taught) if taught else extract_claims(d)) for d in docs)
    return time.perf_counter() - t0, count


def extract(n: int) -> dict[str, float]:
    nlp = load_pipeline(None).nlp
    briefs = make_briefs(n, seed=11)
    t0 = time.perf_counter()
    docs = list(nlp.pipe(briefs))
    parse = time.perf_counter() - t0
    plain, taught = [], []  # interleaved: the machine's other load falls on both alike
    for _ in range(5):
        seconds, plain_claims = _extract_time(docs, None)
        plain.append(seconds)
        seconds, taught_claims = _extract_time(docs, TAUGHT)
        taught.append(seconds)
    p, t = statistics.median(plain), statistics.median(taught)
    return {"briefs": n, "parse_s": round(parse, 2), "plain_s": round(p, 3),
            "taught_s": round(t, 3), "extra_ms_per_brief": round((t - p) / n * 1000, 3),
            "share_of_extraction": round((t - p) / p, 4),
            "share_of_parse_and_extraction": round((t - p) / (parse + p), 4),
            "claims_plain": plain_claims, "claims_taught": taught_claims}  # fmt: skip


def articles_with(size: int) -> dict[str, float]:
    figures: dict[str, float] = {"articles": size}
    with tempfile.TemporaryDirectory() as tmp, Library.open(working_copy(size, Path(tmp))) as lib:
        for word in ("trumpet", "make", "say"):
            times = []
            for _ in range(5):
                t0 = time.perf_counter()
                found = lib.cues.articles_with(word)
                times.append(time.perf_counter() - t0)
            figures[f"{word}_ms"] = round(statistics.median(times) * 1000, 1)
            figures[f"{word}_articles"] = len(found)
    return figures


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--briefs", type=int, default=300)
    p.add_argument("--size", type=int, default=10_000)
    args = p.parse_args()
    cost = extract(args.briefs)
    report(
        "taught_cues",
        extra_ms_per_brief=cost["extra_ms_per_brief"],
        extract=cost,
        articles_with=articles_with(args.size),
    )


if __name__ == "__main__":
    main()
