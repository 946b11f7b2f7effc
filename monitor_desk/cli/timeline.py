"""``monitor-desk timeline``: counts over time (articles, mentions, claims, outlets, tags)
as CSV, JSON, or a PNG / SVG chart drawn headless (the Overview's own chart)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .library_file import open_library

_IMAGES = (".png", ".svg")


def add_timeline_parser(sub: Any) -> None:
    tl = sub.add_parser(
        "timeline",
        help="counts over time: articles, mentions, claims, outlets or tags",
        description="Counts per day, week, month or year, computed in the library. Undated "
        "articles and those whose date is coarser than the bucket (a month-only date by "
        "week, a year by month, a day without its year) are counted apart, in the rows "
        "'undated' and 'unplaced'. -o writes CSV, or draws the chart as PNG or SVG.",
    )
    tl.add_argument("kind", choices=["mentions", "claims", "outlets", "tags", "articles"])
    tl.add_argument(
        "--entity",
        action="append",
        default=[],
        metavar="NAME",
        help="an entity (mentions), speaker (claims), outlet or tag to compare; repeat for "
        "several (default: the five most frequent)",
    )
    tl.add_argument(
        "--by",
        choices=["auto", "day", "week", "month", "year"],
        default="auto",
        help="bucket size (default auto: days up to two months, weeks up to about a year and "
        "a half, months up to about six and a half years, then years)",
    )
    tl.add_argument("--since", metavar="D", help="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")
    tl.add_argument("--until", metavar="D", help="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")
    tl.add_argument("--top", type=int, default=5, metavar="N", help="series when none named")
    tl.add_argument("--shares", action="store_true", help="outlets: draw shares, not counts")
    out = tl.add_mutually_exclusive_group(required=True)
    out.add_argument("-o", "--output", metavar="FILE", help="FILE.csv, FILE.png or FILE.svg")
    out.add_argument("--json", action="store_true", help="print the counts as JSON")


def cmd_timeline(args: argparse.Namespace) -> int:
    from ..core.export_target import write_export_file
    from ..core.timelines import TimelineQuery

    target = Path(args.output) if args.output else None
    if target is not None and target.suffix.lower() not in (".csv", *_IMAGES):
        print(
            f"monitor-desk timeline: -o takes a .csv, .png or .svg file, not {target.name!r}",
            file=sys.stderr,
        )
        return 2
    if args.top < 1:
        print("monitor-desk timeline: --top must be at least 1", file=sys.stderr)
        return 2
    query = TimelineQuery(args.kind, args.by, tuple(args.entity), args.since, args.until, args.top)
    with open_library(args, reading=True) as lib:
        timeline = lib.timelines.timeline(query)
        if target is None:
            json.dump(timeline.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
            print()
            return 0
        if target.suffix.lower() == ".csv":
            rows = write_export_file(target, timeline.write_csv, lib.path)
        else:
            from ..ui.charts.render import render_timeline

            render_timeline(timeline, target, lib.path, shares=args.shares)
            rows = len(timeline.series)
    noun = "rows" if target.suffix.lower() == ".csv" else "series"
    apart = f"{timeline.undated} undated and {timeline.unplaced} unplaced articles apart"
    per = f"per {timeline.query.by}" + (" (auto)" if args.by == "auto" else "")
    print(f"wrote {target} ({rows} {noun} {per}; {apart})", file=sys.stderr)
    return 0
