"""``monitor-desk near-duplicates``: the links between near-duplicates and their originals,
and ``--scan``, which compares the articles already in the library (imported before
near-duplicates were looked for) and links each later copy to its earlier original."""

from __future__ import annotations

import argparse
import json
from typing import Any

from .library_file import open_library
from .progress import add_quiet, terminal_progress


def add_near_duplicates_parser(sub: Any) -> None:
    nd = sub.add_parser(
        "near-duplicates",
        help="list near-duplicates and their originals; --scan links those already imported",
        description="Without --scan: every near-duplicate with its original. With --scan: "
        "compare the articles in the library (as an import does: the same story with another "
        "headline or an added line) and link each later copy to its earlier original.",
    )
    nd.add_argument("--scan", action="store_true", help="compare the articles already imported")
    nd.add_argument("--json", action="store_true")
    add_quiet(nd)


def cmd_near_duplicates(args: argparse.Namespace) -> int:
    with open_library(args, reading=not args.scan) as lib:
        if args.scan:
            lib.scan_near_duplicates(progress=terminal_progress(args, "articles"))
        rows = lib.articles.list(sort="imported")
    titles = {r.id: r.title for r in rows}
    pairs = [(r.id, r.near_duplicate_of) for r in rows if r.near_duplicate_of is not None]
    if args.json:
        out = [
            {"id": i, "title": titles[i], "near_duplicate_of": o, "original_title": titles.get(o)}
            for i, o in pairs
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    for i, o in pairs:
        print(f"{i:>6}  {titles[i][:50]:<50}  near-duplicate of {o} ({titles.get(o, '')[:40]})")
    print(f"{len(pairs)} near-duplicate(s)")
    return 0
