"""``report``: a briefing from tagged notes as .docx, Markdown or HTML.

Registered by ``parser.py`` (``add_parsers``) and ``main.py`` (``COMMANDS``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from .exporting import date_arg
from .library_file import open_library


def add_parsers(sub: Any) -> None:
    rp = sub.add_parser(
        "report",
        help="write a briefing from tagged notes as .docx, Markdown or HTML",
        description="One section per tag (sub-tags nested, in tag-tree order); each "
        "highlight quoted once, with its note and its article's citation. A highlight with "
        "several tags is quoted under the first and referred to by number under the others.",
    )
    rp.add_argument(
        "--tag", action="append", default=[], metavar="T", help="with sub-tags; repeatable"
    )
    rp.add_argument("--article", type=int, action="append", metavar="ID", help="repeatable")
    rp.add_argument("--since", metavar="DATE", help="YYYY-MM-DD: articles dated on or after")
    rp.add_argument("--until", metavar="DATE", help="YYYY-MM-DD: articles dated on or before")
    rp.add_argument("--search", metavar="QUERY", help="highlights or articles matching the text")
    rp.add_argument(
        "--with-claims",
        action="store_true",
        help="also the claims and cited outlets each highlight covers, with their grades",
    )
    rp.add_argument(
        "--format",
        choices=["docx", "md", "html"],
        help="default: from the output file's suffix",
    )
    rp.add_argument("--title", default="", help="the report's title (default: from the tags)")
    rp.add_argument("-o", "--output", required=True, metavar="FILE", help="'-' for stdout")


def cmd_report(args: argparse.Namespace) -> int:
    from ..core.report_model import ReportScope

    scope = ReportScope(
        tags=args.tag,
        article_ids=args.article,
        since=date_arg(args.since, "--since", "report"),
        until=date_arg(args.until, "--until", "report"),
        search=args.search,
        with_claims=args.with_claims,
    )
    if args.output == "-" and args.format is None:
        raise SystemExit("monitor-desk report: writing to stdout needs --format docx|md|html")
    with open_library(args, reading=True) as lib:
        if args.output == "-":
            count = lib.reports.write(scope, args.format, sys.stdout.buffer, title=args.title)
            sys.stdout.flush()
        else:
            count = lib.reports.write(scope, args.format, args.output, title=args.title)
    where = "stdout" if args.output == "-" else args.output
    print(f"wrote a report of {count} highlight(s) to {where}", file=sys.stderr)
    return 0


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {"report": cmd_report}
