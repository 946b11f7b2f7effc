"""Near-duplicate detection at import (issue 15 item 4) on a large library.

Prints one JSON line: on a library of ``--size`` generated briefs (imported unanalysed), the
cost per file of finding a near-duplicate (keys + indexed candidate lookup + rapidfuzz on the
candidates), for new stories and for near-duplicates (another headline / an added line), the
candidates scored per file, and an import of ``--n`` files with the check and without it.
The generated briefs recombine a pool of paragraphs, so many share a first or last paragraph:
a harder case for the head/tail keys than real news.

    python bench/near_duplicates.py --size 10000 [--n 1000]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from unittest import mock

from _common import make_briefs, report

from monitor_desk.core import near_duplicates
from monitor_desk.core.library import Library


def _write(folder: Path, texts: list[str]) -> Path:
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"b{i:05}.txt").write_text(text, encoding="utf-8")
    return folder


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=10000)
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args()
    figures: dict[str, object] = {"articles": args.size}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        briefs = make_briefs(args.size + 2 * args.n, seed=11)
        with Library.open(base / "lib.sqlite") as lib:
            t0 = time.perf_counter()
            lib.import_paths([_write(base / "lib", briefs[: args.size])], analyze=False)
            figures["build_seconds"] = round(time.perf_counter() - t0, 1)
            linked = sum(a.near_duplicate_of is not None for a in lib.articles.list())
            figures["linked_among_generated"] = linked
            new = briefs[args.size : args.size + args.n]
            variants = [
                ("Another headline\n\n" + t) if i % 2 else (t + "\n(Reported by A. Writer)\n")
                for i, t in enumerate(briefs[: args.n])
            ]
            for label, texts in (("new_story", new), ("near_duplicate", variants)):
                times, candidates = [], []
                with lib._lock:
                    for t in texts:
                        t0 = time.perf_counter()
                        near_duplicates.find_near_duplicate(lib.db, 0, t)
                        times.append(time.perf_counter() - t0)
                        head, tail = near_duplicates.keys(t)
                        candidates.append(
                            lib.db.execute(
                                "SELECT COUNT(*) FROM revisions WHERE near_head = ? OR "
                                "near_tail = ?",
                                [head, tail],
                            ).fetchone()[0]
                        )
                figures[f"{label}_lookup_ms_median"] = round(statistics.median(times) * 1e3, 3)
                figures[f"{label}_lookup_ms_p95"] = round(
                    sorted(times)[int(0.95 * len(times))] * 1e3, 3
                )
                figures[f"{label}_candidates_mean"] = round(statistics.mean(candidates), 2)
            folder = _write(base / "more", briefs[args.size + args.n :])
            t0 = time.perf_counter()
            with mock.patch.object(near_duplicates, "link", return_value=None):
                lib.import_paths([folder], analyze=False)
            without = time.perf_counter() - t0
            lib.deletions.delete(lib.articles.ids()[args.size :])
            for f in folder.iterdir():  # new paths: imported as new articles again
                f.rename(f.with_name("x" + f.name))
            t0 = time.perf_counter()
            lib.import_paths([folder], analyze=False)
            with_check = time.perf_counter() - t0
            figures["import_ms_per_file_without_check"] = round(without / args.n * 1e3, 3)
            figures["import_ms_per_file_with_check"] = round(with_check / args.n * 1e3, 3)
    report("near_duplicates", **figures)


if __name__ == "__main__":
    main()
