"""Analysis with storage against raw spaCy, same texts, same run (target ratio >= 0.9).

Raw: ``nlp.pipe`` over the bodies with two processes. Full: ``Library.import_paths`` of the
same briefs as files (read, decode, entities, citations, claims, written to SQLite) with
two processes, as ``monitor-desk import`` does it. Both are timed twice, interleaved.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from _common import make_briefs, report

from monitor_desk.core.library import Library
from monitor_desk.core.nlp.pipeline import load_pipeline


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--processes", type=int, default=min(2, os.cpu_count() or 1))
    args = ap.parse_args()
    briefs = make_briefs(args.n, seed=23)
    bodies = [b.split("\n\n", 1)[1] for b in briefs]
    words = sum(len(b.split()) for b in bodies)
    pipeline = load_pipeline()
    raw, full = [], []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "briefs"
        folder.mkdir()
        for i, text in enumerate(briefs):
            (folder / f"b{i:04}.txt").write_text(text, encoding="utf-8")
        for round_ in range(2):
            t0 = time.perf_counter()
            for _ in pipeline.nlp.pipe(bodies, batch_size=32, n_process=args.processes):
                pass
            raw.append(words / (time.perf_counter() - t0))
            with Library.open(Path(tmp) / f"lib{round_}.sqlite") as lib:
                lib._pipeline = pipeline  # the same loaded model for both
                t0 = time.perf_counter()
                rep = lib.import_paths([folder], processes=args.processes)
                full.append(words / (time.perf_counter() - t0))
                assert rep.count("imported") == args.n
    report(
        "analysis_with_storage_vs_raw_pipe",
        pipeline=f"{pipeline.name} {pipeline.version}",
        processes=args.processes,
        words=words,
        raw_words_per_s=round(max(raw)),
        full_words_per_s=round(max(full)),
        ratio=round(max(full) / max(raw), 3),
        target_ratio=0.9,
        meets_target=max(full) / max(raw) >= 0.9,
    )


if __name__ == "__main__":
    main()
