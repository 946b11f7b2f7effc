"""``export``: notes, claims or sources as CSV, or the library as JSON, to a file or stdout."""

from __future__ import annotations

import argparse
import sys

from ..core.dates import RANGE_DATE
from .library_file import open_library
from .progress import terminal_progress


def date_arg(value: str | None, flag: str, command: str = "export") -> str | None:
    """``value`` if it is a date (or its year, or month); otherwise a usage error."""
    if value is not None and not RANGE_DATE.fullmatch(value):
        raise SystemExit(
            f"monitor-desk {command}: {flag} takes a date as YYYY-MM-DD, not {value!r}"
        )
    return value


def cmd_export(args: argparse.Namespace) -> int:
    from ..core.export import ExportScope

    scope = ExportScope(
        article_ids=args.article,
        tag=args.tag,
        search=args.search,
        since=date_arg(args.since, "--since"),
        until=date_arg(args.until, "--until"),
    )
    line = terminal_progress(args, "articles" if args.what == "json" else "rows")
    with open_library(args, reading=True) as lib:
        total = lib.exports.count_notes(scope) if line and args.what == "notes" else None
        progress = (lambda done: line(done, total)) if line else None
        out = sys.stdout if args.output == "-" else args.output
        count = lib.exports.write(
            args.what, out, scope, bom=not args.no_bom, raw=args.raw, progress=progress
        )
        if out is sys.stdout:
            sys.stdout.flush()
    if line is not None and total is None:
        line.finish()
    unit = "article(s)" if args.what == "json" else "row(s)"
    where = "stdout" if args.output == "-" else args.output
    print(f"exported {count} {unit} to {where}", file=sys.stderr)
    return 0
