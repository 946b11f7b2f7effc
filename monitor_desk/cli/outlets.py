"""``monitor-desk outlet``: say that one cited outlet is another ("Новые Известия" is
"Novye Izvestia"), take it back, or list what was said."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from .library_file import open_library


def add_parsers(sub: Any) -> None:
    op = sub.add_parser(
        "outlet",
        help="link a cited outlet to another (one outlet, one grade), unlink, or list links",
        description="An outlet cited under two names (a Russian and a Latin one the "
        "built-in table does not know) becomes one: its citations and grade move to the "
        "other name, now and in every later analysis.",
    )
    op.add_argument("action", choices=("link", "unlink", "links"))
    op.add_argument("name", nargs="?", help='the outlet as listed, e.g. "Новые Известия"')
    op.add_argument("same_as", nargs="?", help='link: the outlet it is, e.g. "Novye Izvestia"')
    op.add_argument("--json", action="store_true", help="links: as JSON")


def cmd_outlet(args: argparse.Namespace) -> int:
    if args.action == "links":
        with open_library(args, reading=True) as lib:
            links = lib.sources.aliases()
        if args.json:
            print(json.dumps(links, ensure_ascii=False, indent=2))
        for name, same_as in links.items() if not args.json else ():
            print(f"{name} = {same_as}")
        return 0
    if not args.name or (args.action == "link" and not args.same_as):
        print("usage: monitor-desk outlet link NAME SAME_AS | unlink NAME | links")
        return 2
    with open_library(args) as lib:
        if args.action == "link":
            lib.sources.link(args.name, args.same_as)
            print(f"{args.name} is now {args.same_as}")
        else:
            lib.sources.unlink(args.name)
            print(f"{args.name} is its own outlet again")
    return 0


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {"outlet": cmd_outlet}
