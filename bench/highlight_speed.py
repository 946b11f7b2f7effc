"""Create a highlight with two tags, committed, through ``core.library`` (target <= 2 ms)."""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from _common import make_briefs, report

from monitor_desk.core.library import Library


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--n", type=int, default=500)
    args = ap.parse_args()
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "briefs"
        folder.mkdir()
        for i, text in enumerate(make_briefs(args.articles)):
            (folder / f"b{i:05}.txt").write_text(text, encoding="utf-8")
        with Library.open(Path(tmp) / "lib.sqlite") as lib:
            lib.import_paths([folder], analyze=False)
            ids = lib.articles.ids()
            lengths = {a: len(lib.articles.get(a).text) for a in ids}
            tags = [f"topic/{n}" for n in range(30)]
            times = []
            for _ in range(args.n):
                art = rng.choice(ids)
                start = rng.randrange(0, lengths[art] - 120)
                chosen = rng.sample(tags, 2)
                t0 = time.perf_counter()
                lib.highlights.add(art, start, start + 100, tags=chosen, note="why it matters")
                times.append((time.perf_counter() - t0) * 1000)
    median = statistics.median(times)
    report(
        "highlight_with_two_tags",
        highlights=args.n,
        ms_median=round(median, 3),
        ms_p95=round(sorted(times)[int(0.95 * len(times))], 3),
        target_ms=2.0,
        meets_target=median <= 2.0,
    )


if __name__ == "__main__":
    main()
