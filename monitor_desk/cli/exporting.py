"""``export``: notes, claims or sources as CSV, or the library as JSON, to a file or stdout."""

from __future__ import annotations

import argparse
import re
import sys

from .library_file import open_library


def date_arg(value: str | None, flag: str, command: str = "export") -> str | None:
    """``value`` if it is a date (or its year, or month); otherwise a usage error."""
    if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
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
    with open_library(args, reading=True) as lib:
        if args.output == "-":
            count = lib.exports.write(
                args.what, sys.stdout, scope, bom=not args.no_bom, raw=args.raw
            )
            sys.stdout.flush()
        else:
            count = lib.exports.write(
                args.what, args.output, scope, bom=not args.no_bom, raw=args.raw
            )
    unit = "article(s)" if args.what == "json" else "row(s)"
    where = "stdout" if args.output == "-" else args.output
    print(f"exported {count} {unit} to {where}", file=sys.stderr)
    return 0
