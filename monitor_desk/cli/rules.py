"""``monitor-desk publication-rule``: how a publication numbers its volumes, set once."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .library_file import open_library


def add_rule_parser(sub: Any) -> None:
    pr = sub.add_parser(
        "publication-rule",
        help="set, list or remove a publication's rule: which year its volume 1 is",
        description="A publication rule resolves an article's volume to a year (volume V is "
        "the year YEAR + V - VOLUME). Articles of the publication without a year get it: an "
        "undated one the volume's year, a dateline or citations' date without its year that "
        "day of the year. A date from the file's header or metadata, a dated dateline and "
        "the analyst's own edits are never changed.",
    )
    pr.add_argument("publication", nargs="?", metavar="NAME", help='e.g. "Monitor"')
    pr.add_argument("--volume", type=int, metavar="V", help="a volume number (e.g. 1)")
    pr.add_argument("--year", type=int, metavar="YEAR", help="the year of that volume (1995)")
    pr.add_argument("--cadence", choices=("daily", "weekly", "monthly"))
    pr.add_argument("--list", action="store_true", help="list the rules")
    pr.add_argument("--remove", action="store_true", help="remove NAME's rule")
    pr.add_argument("--json", action="store_true", help="with --list: as JSON")


def cmd_publication_rule(args: argparse.Namespace) -> int:
    if args.list:
        with open_library(args, reading=True) as lib:
            rules = lib.rules.list()
        if args.json:
            out = [
                {"publication": r.publication, "volume": r.volume, "year": r.year,
                 "cadence": r.cadence}
                for r in rules
            ]  # fmt: skip
            print(json.dumps(out, ensure_ascii=False, indent=2))
        elif not rules:
            print("no publication rules")
        for r in rules if not args.json else []:
            print(r.describe())
        return 0
    if not args.publication:
        return _usage("name the publication (or give --list)")
    if args.remove:
        with open_library(args) as lib:
            counted = lib.rules.remove(args.publication)
        print(f"removed the rule for {args.publication}: {counted.count} article date(s) changed")
        return 0
    if args.volume is None or args.year is None:
        return _usage("give --volume and --year (e.g. --volume 1 --year 1995)")
    with open_library(args) as lib:
        counted = lib.rules.set(args.publication, args.volume, args.year, args.cadence)
        rule = lib.rules.get(args.publication)
    print(f"{rule.describe() if rule else args.publication}: {counted.count} article date(s) set")
    return 0


def _usage(problem: str) -> int:
    print(f"monitor-desk: publication-rule: {problem}", file=sys.stderr)
    return 2
