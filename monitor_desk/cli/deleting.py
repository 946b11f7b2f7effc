"""``monitor-desk delete ID... [--yes]``: delete articles with everything on them.

Registered by ``parser.py`` (``add_parsers``) and ``main.py`` (``COMMANDS``). Without
``--yes`` it asks on a terminal; run by a script (stdin not a terminal) it refuses with one
line instead of deleting unasked.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from .library_file import open_library


def add_parsers(sub: Any) -> None:
    de = sub.add_parser("delete", help="delete articles with their highlights and claims")
    de.add_argument("ids", nargs="+", type=int, metavar="ID")
    de.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def _what_goes(count: int, highlights: int, claims: int) -> str:
    parts = [f"{count} article(s)"]
    if highlights:
        parts.append(f"{highlights} highlight(s)")
    if claims:
        parts.append(f"{claims} claim(s) you added, edited or graded")
    return ", ".join(parts)


def cmd_delete(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        found = {a.id for a in lib.articles.summaries(args.ids)}
        missing = [i for i in args.ids if i not in found]
        if missing:
            print(
                f"monitor-desk: there is no article {missing[0]}; nothing deleted", file=sys.stderr
            )
            return 1
        impact = lib.deletions.impact(args.ids)
        what = _what_goes(impact.articles, impact.highlights, impact.analyst_claims)
        if not args.yes:
            if not sys.stdin.isatty():
                print(
                    f"monitor-desk: not deleting {what} without --yes (no terminal to ask)",
                    file=sys.stderr,
                )
                return 1
            answer = input(f"Delete {what}? This cannot be undone. [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                print("nothing deleted", file=sys.stderr)
                return 1
        lib.deletions.delete(args.ids)
    print(f"deleted {what}")
    return 0


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {"delete": cmd_delete}
