"""Export 100k notes to CSV (target <= 2 s).

The library is made from real briefs (1,000 imported through the service); the notes are
then written in bulk with the same columns ``core.highlights`` fills, 100 per article, with two
tags each, so that the export does the work it does for a real library of that size.
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


def build(lib: Library, folder: Path, articles: int, notes: int) -> None:
    for i, text in enumerate(make_briefs(articles)):
        (folder / f"b{i:05}.txt").write_text(text, encoding="utf-8")
    lib.import_paths([folder], analyze=False)
    rng = random.Random(3)
    tags = [lib.tags.create(f"topic/{n}").id for n in range(40)]
    rows = lib.db.execute(
        "SELECT a.id, r.id, r.text, r.text_sha256 FROM articles a "
        "JOIN revisions r ON r.id = a.current_revision_id"
    ).fetchall()
    per = notes // len(rows)
    highlight_rows, tag_rows = [], []
    hid = 0
    for article_id, rev_id, text, sha in rows:
        for _ in range(per):
            hid += 1
            start = rng.randrange(0, max(1, len(text) - 200))
            a = make_anchor(text, start, start + rng.randint(20, 180), sha)
            highlight_rows.append(
                (hid, article_id, rev_id, a.start, a.end, a.exact, a.prefix, a.suffix, sha,
                 None, f"note {hid}, with a comma", "anchored", "2026-01-01T00:00:00Z",
                 "2026-01-01T00:00:00Z")
            )  # fmt: skip
            tag_rows += [(hid, t) for t in rng.sample(tags, 2)]
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--notes", type=int, default=100_000)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "briefs"
        folder.mkdir()
        with Library.open(Path(tmp) / "lib.sqlite") as lib:
            build(lib, folder, args.articles, args.notes)
            times = []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                rows = lib.exports.write("notes", Path(tmp) / "notes.csv")
                times.append(time.perf_counter() - t0)
            size = os.path.getsize(Path(tmp) / "notes.csv")
    best = min(times)
    report(
        "export_notes_csv",
        notes=rows,
        seconds_best=round(best, 3),
        seconds_runs=[round(t, 3) for t in times],
        megabytes=round(size / 1e6, 1),
        target_seconds=2.0,
        meets_target=best <= 2.0,
    )


if __name__ == "__main__":
    main()
