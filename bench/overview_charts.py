"""The Overview's charts: each aggregation at 1k / 10k / 100k articles (target: ≤ 300 ms at
100k), the articles behind the biggest bucket, and what the plotting library costs: the
import of pyqtgraph and the first chart drawn (in a fresh process).

The bench libraries are recombined news paragraphs, which cite no outlets in the Monitor's
way; a working copy gets two synthetic citations per article (one or two of twelve outlets
each) so that the outlets chart counts something.

    python bench/overview_charts.py --sizes 1000,10000,100000
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import report
from generate import working_copy

from monitor_desk.core.library import Library
from monitor_desk.core.timelines import TimelineQuery

OUTLETS = ["Interfax", "Reuters", "ITAR-TASS", "Izvestia", "Kommersant", "AP", "AFP", "RFE/RL",
           "Segodnya", "NTV", "Nezavisimaya gazeta", "Russian agencies"]  # fmt: skip

_CITE = """
INSERT INTO outlets(name) SELECT value FROM json_each(?)
  WHERE value NOT IN (SELECT name FROM outlets);
INSERT INTO citations(revision_id, idx, start, "end", text)
  SELECT r.id, k.value, 0, 1, '(synthetic)' FROM revisions r, json_each('[0,1]') k;
INSERT INTO citation_items(citation_id, outlet_id, outlet_text)
  SELECT c.id, o.id, o.name FROM citations c JOIN outlets o
  ON o.id % 12 = (c.id * 7) % 12 OR (c.id % 3 = 0 AND o.id % 12 = (c.id * 5 + 1) % 12)
  WHERE c.text = '(synthetic)';
"""

_FIRST_CHART = """
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication
app = QApplication([])
t0 = time.perf_counter()
import pyqtgraph
t1 = time.perf_counter()
from monitor_desk.ui.charts.chart_view import ChartView
from monitor_desk.core.timelines import Timeline, TimelinePoint, TimelineQuery
buckets = tuple(f"2001-{m:02d}" for m in range(1, 13))
points = tuple(TimelinePoint(b, s, (i * 7 + j * 3) % 11 + 1, 1)
               for i, b in enumerate(buckets) for j, s in enumerate("ABC"))
view = ChartView()
view.resize(1000, 500)
query = TimelineQuery("mentions")
view.show_timeline(Timeline(query, "mentions", ("A", "B", "C"), buckets, points, ()))
view.show()
app.processEvents()
view.grab()
t2 = time.perf_counter()
print(round((t1 - t0) * 1000, 1), round((t2 - t1) * 1000, 1))
"""


def synth_citations(path: Path) -> None:
    import json
    import sqlite3

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for i, statement in enumerate(_CITE.strip().split(";\n")):
        conn.execute(statement, [json.dumps(OUTLETS)] if i == 0 else [])
    conn.execute("COMMIT")
    conn.close()


WRITES = ("open_with_upgrade_ms", "date_edit_100_ms", "tag_highlight_ms")
"""Not charts: the one-time upgrade and what the counts cost a write."""


def timed(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return round(statistics.median(times), 1)


def charts(size: int, runs: int) -> dict[str, float]:
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory(dir=Path(__file__).parent) as tmp:
        path = working_copy(size, Path(tmp))
        synth_citations(path)
        t0 = time.perf_counter()
        lib = Library.open(path)  # a library from before 0016_chart_counts: counted here
        out["open_with_upgrade_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        with lib:
            tl = lib.timelines
            for kind in ("articles", "mentions", "claims", "outlets", "tags"):
                for by in ("week", "month", "year"):
                    q = TimelineQuery(kind, by)  # type: ignore[arg-type]
                    out[f"{kind}_{by}_top5_ms"] = timed(lambda q=q: tl.timeline(q), runs)
                names = tuple(tl.timeline(TimelineQuery(kind)).series[:3])  # type: ignore[arg-type]
                if kind == "articles" or not names:
                    continue
                q = TimelineQuery(kind, "month", names)  # type: ignore[arg-type]
                out[f"{kind}_month_named3_ms"] = timed(lambda q=q: tl.timeline(q), runs)
                ranged = TimelineQuery(kind, "week", names, since="1999-03", until="1999-09")  # type: ignore[arg-type]
                out[f"{kind}_week_named3_range_ms"] = timed(lambda q=ranged: tl.timeline(q), runs)
                t = tl.timeline(q)
                biggest = max(t.points, key=lambda p: p.value).bucket
                out[f"{kind}_bucket_ids_ms"] = timed(
                    lambda q=q, b=biggest: tl.article_ids(q, b), runs
                )
            q = TimelineQuery("articles", "month")
            t = tl.timeline(q)
            biggest = max(t.points, key=lambda p: p.value).bucket
            out["bucket_ids_ms"] = timed(lambda: tl.article_ids(q, biggest), runs)
            # what the counts cost a write: 100 articles re-dated, one highlight tagged
            ids = lib.articles.ids()[:100]
            out["date_edit_100_ms"] = timed(lambda: lib.details.edit(ids, date="1999-12-31"), 1)
            out["tag_highlight_ms"] = timed(lambda: lib.highlights.add(ids[0], 0, 9, ["x/y"]), 1)
    return out


def first_chart() -> dict[str, float]:
    res = subprocess.run([sys.executable, "-c", _FIRST_CHART], capture_output=True, text=True,
                         check=True)  # fmt: skip
    import_ms, draw_ms = map(float, res.stdout.split())
    return {"pyqtgraph_import_ms": import_ms, "first_chart_ms": draw_ms}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    by_size = {}
    for size in (int(s) for s in args.sizes.split(",")):
        by_size[str(size)] = charts(size, args.runs)
        print(f"{size}: {by_size[str(size)]}", file=sys.stderr)
    largest = by_size[max(by_size, key=int)]
    charts_only = {k: v for k, v in largest.items() if k not in WRITES}
    worst = max(charts_only, key=lambda k: charts_only[k])
    report(
        "overview_charts",
        ms_by_size=by_size,
        **first_chart(),
        worst_at_largest=worst,
        worst_ms=largest[worst],
        target_ms=300,
        meets_target=largest[worst] <= 300,
        over_target=sorted(k for k, v in charts_only.items() if v > 300),
    )


if __name__ == "__main__":
    main()
