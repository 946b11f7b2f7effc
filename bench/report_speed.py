"""A briefing report of 5,000 highlights: build it, and write it as .docx, HTML and
Markdown (no target in DESIGN.md; the figures say whether File ▸ Export Report… needs more
than its progress bar).

The library is made from real briefs (imported through the service); the highlights are
written in bulk as ``export_speed.py`` writes them, with one to three tags each from a tree
of 8 top-level tags with 4 sub-tags each, and a note on most.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path

from _common import make_briefs, report

from monitor_desk.core.anchoring import make_anchor
from monitor_desk.core.library import Library
from monitor_desk.core.report_model import ReportScope


def build(lib: Library, folder: Path, articles: int, notes: int) -> None:
    for i, text in enumerate(make_briefs(articles)):
        (folder / f"b{i:05}.txt").write_text(text, encoding="utf-8")
    lib.import_paths([folder], analyze=False)
    rng = random.Random(5)
    names = [f"topic{t}" for t in range(8)] + [
        f"topic{t}/sub{s}" for t in range(8) for s in range(4)
    ]
    tags = [lib.tags.create(n).id for n in names]
    rows = lib.db.execute(
        "SELECT a.id, r.id, r.text, r.text_sha256 FROM articles a "
        "JOIN revisions r ON r.id = a.current_revision_id"
    ).fetchall()
    highlight_rows, tag_rows = [], []
    for hid in range(1, notes + 1):
        article_id, rev_id, text, sha = rows[hid % len(rows)]
        start = rng.randrange(0, max(1, len(text) - 300))
        a = make_anchor(text, start, start + rng.randint(60, 280), sha)
        note = f"Note {hid}: compare with the earlier brief." if hid % 4 else ""
        highlight_rows.append(
            (hid, article_id, rev_id, a.start, a.end, a.exact, a.prefix, a.suffix, sha,
             None, note, "anchored", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z")
        )  # fmt: skip
        tag_rows += [(hid, t) for t in rng.sample(tags, rng.randint(1, 3))]
    with lib.db.atomic():
        lib.db.conn.executemany(
            'INSERT INTO highlights(id, article_id, revision_id, start, "end", exact, prefix, '
            "suffix, text_sha256, color, note, status, created, modified) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            highlight_rows,
        )
        lib.db.conn.executemany(
            "INSERT INTO highlight_tags(highlight_id, tag_id) VALUES (?, ?)", tag_rows
        )


def timed(runs: int, fn: object) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(round(time.perf_counter() - t0, 3))
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--notes", type=int, default=5000)
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "briefs"
        folder.mkdir()
        with Library.open(Path(tmp) / "lib.sqlite") as lib:
            build(lib, folder, args.articles, args.notes)
            scope = ReportScope(with_claims=True)
            built = lib.reports.build(scope)
            figures["highlights"] = len(built.items)
            figures["sections"] = len(built.sections)
            build_times = timed(args.runs, lambda: lib.reports.build(scope))
            figures["build_seconds_best"] = min(build_times)
            for fmt in ("docx", "html", "md"):
                out = Path(tmp) / f"report.{fmt}"
                times = timed(
                    args.runs, lambda fmt=fmt, out=out: lib.reports.write(scope, fmt, out)
                )
                figures[f"{fmt}_seconds_best"] = min(times)
                figures[f"{fmt}_seconds_runs"] = times
                figures[f"{fmt}_megabytes"] = round(os.path.getsize(out) / 1e6, 2)
    report("report_speed", notes=args.notes, **figures)


if __name__ == "__main__":
    main()
