"""Import without analysis: 1,000 briefs from a folder into a new library (target <= 0.5 s)."""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from _common import make_briefs, report

from monitor_desk.core.library import Library


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "briefs"
        folder.mkdir()
        for i, text in enumerate(make_briefs(args.n)):
            (folder / f"brief_{i:05}.txt").write_text(text, encoding="utf-8")
        times = []
        for run in range(args.runs):
            with Library.open(Path(tmp) / f"lib{run}.sqlite") as lib:
                t0 = time.perf_counter()
                rep = lib.import_paths([folder], analyze=False)
                times.append(time.perf_counter() - t0)
                assert rep.count("imported") == args.n, rep.to_dict()
            with Library.open(Path(tmp) / f"lib{run}.sqlite") as lib:
                t0 = time.perf_counter()
                again = lib.import_paths([folder], analyze=False)
                reimport = time.perf_counter() - t0
                assert again.count("unchanged") == args.n
    report(
        "import_without_analysis",
        briefs=args.n,
        seconds_median=round(statistics.median(times), 3),
        seconds_runs=[round(t, 3) for t in times],
        reimport_unchanged_seconds=round(reimport, 3),
        target_seconds=0.5,
        meets_target=statistics.median(times) <= 0.5,
    )


if __name__ == "__main__":
    main()
