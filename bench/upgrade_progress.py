"""The upgrade of a cached 1k/10k/100k library to the current schema as the analyst meets
it (``Library.open`` with a progress callback): the time of the copy and of each step, how
many reports the callback heard, and the longest silence between two reports — the time the
CLI's line or the GUI's dialog stood still.

Usage: ``python bench/upgrade_progress.py [SIZE ...]`` (default 10000). The cached library
is copied to a temporary folder first (it stays as built); one JSON line per size.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from _common import report
from generate import working_copy

from monitor_desk.core.library import Library
from monitor_desk.core.upgrade import UpgradeProgress


def measure(size: int, folder: Path) -> dict[str, object]:
    path = working_copy(size, folder)
    heard: list[tuple[float, UpgradeProgress]] = []
    t0 = time.perf_counter()
    with Library.open(path, progress=lambda at: heard.append((time.perf_counter(), at))):
        opened = time.perf_counter() - t0
    if not heard:
        return {"size": size, "error": "nothing to upgrade"}
    times = [t0] + [t for t, _ in heard] + [t0 + opened]
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    longest = max(range(len(gaps)), key=gaps.__getitem__)
    ended_by = heard[longest][1] if longest < len(heard) else None
    steps: dict[str, float] = {}
    for (t, at), end in zip(heard, times[2:], strict=False):
        name = "copy" if at.step == 0 else at.label
        steps[name] = steps.get(name, 0.0) + end - t
    return {
        "size": size,
        "open_seconds": round(opened, 1),
        "seconds_by_label": {k: round(v, 1) for k, v in steps.items()},
        "reports": len(heard),
        "longest_silence_seconds": round(gaps[longest], 1),
        "silence_ended_by": f"[{ended_by.step}] {ended_by.label}" if ended_by else "the open",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10000])
    args = parser.parse_args()
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            report("upgrade_progress", **measure(size, Path(folder)))


if __name__ == "__main__":
    main()
