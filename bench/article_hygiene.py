"""Deleting articles and recognising duplicates (issue 15, items 3 and 4) on a large library.

Prints one JSON line: the time to delete one article and 100 articles (with their analysis,
highlights and search rows) and to restore them (the GUI's undo); the cost of the duplicate
check per imported file (hash of the normalised text + one indexed lookup); an import of
``--n`` briefs of which a tenth are copies of articles in the library. ``--old PATH``:
also time the 0008 upgrade of a library made before it (e.g. built by ``generate.py`` from
main).

    python bench/article_hygiene.py --size 10000 [--old lib-10000-pre0008.sqlite]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from _common import make_briefs, report
from generate import working_copy

from monitor_desk.core import duplicates
from monitor_desk.core.library import Library


def _timed(fn: object, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        out.append(time.perf_counter() - t0)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--n", type=int, default=1000, help="files imported, a tenth of them copies")
    ap.add_argument("--old", type=Path, help="a library from before 0008, to time its upgrade")
    args = ap.parse_args()
    figures: dict[str, object] = {"articles": args.size}
    with tempfile.TemporaryDirectory() as tmp:
        path = working_copy(args.size, Path(tmp))
        with Library.open(path) as lib:
            ids = lib.articles.ids()
            middle = ids[len(ids) // 2 : len(ids) // 2 + 100]
            for label, chosen in (("one", middle[:1]), ("hundred", middle)):
                deletes, restores = [], []
                for _ in range(args.runs):
                    t0 = time.perf_counter()
                    done = lib.deletions.delete(chosen)
                    deletes.append(time.perf_counter() - t0)
                    t0 = time.perf_counter()
                    lib.deletions.restore(done.snapshot)
                    restores.append(time.perf_counter() - t0)
                figures[f"delete_{label}_seconds_median"] = round(statistics.median(deletes), 4)
                figures[f"restore_{label}_seconds_median"] = round(statistics.median(restores), 4)
            texts = [lib.articles.get(i).text for i in ids[:1000]]
            t0 = time.perf_counter()
            hashes = [duplicates.normalized_sha256(t) for t in texts]
            hash_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            with lib._lock:
                found = sum(duplicates.find_duplicate(lib.db, h) is not None for h in hashes)
            lookup_s = time.perf_counter() - t0
            assert found == len(texts), found
            figures["hash_microseconds_per_file"] = round(hash_s / len(texts) * 1e6, 1)
            figures["lookup_microseconds_per_file"] = round(lookup_s / len(texts) * 1e6, 1)
            folder = Path(tmp) / "briefs"
            folder.mkdir()
            copies = args.n // 10
            briefs = make_briefs(args.n - copies, seed=99) + texts[:copies]
            for i, text in enumerate(briefs):
                (folder / f"b{i:04}.txt").write_text(text, encoding="utf-8")
            t0 = time.perf_counter()
            rep = lib.import_paths([folder], analyze=False)
            figures["import_files"] = args.n
            figures["import_seconds"] = round(time.perf_counter() - t0, 3)
            figures["import_duplicates_found"] = len(rep.duplicates)
        if args.old is not None:
            old = Path(tmp) / "old.sqlite"
            shutil.copy(args.old, old)
            t0 = time.perf_counter()
            with Library.open(old):
                pass
            figures["upgrade_0008_seconds"] = round(time.perf_counter() - t0, 2)
            figures["upgrade_library_mb"] = round(args.old.stat().st_size / 1e6, 1)
    report("article_hygiene", **figures)


if __name__ == "__main__":
    main()
