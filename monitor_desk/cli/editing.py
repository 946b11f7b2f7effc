"""``monitor-desk edit``: the analyst sets an article's details, on one article or many."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .library_file import open_library

_FIELDS = ("title", "date", "publication", "volume", "issue", "author")


def shown_date(
    date: str | None, source: str | None, precision: str | None, rule: str | None = None
) -> str:
    """A date as ``list`` prints it: inferred ones say so (``≥ Sep 26 (citations)``,
    ``1999 (Monitor rule)``, ``≥ 1999-09-26 (citations, Monitor rule)``)."""
    from ..core.article_dates import INFERRED, display_date

    shown = display_date(date, precision)
    said = [
        s for s in (source if source in INFERRED else None, f"{rule} rule" if rule else None) if s
    ]
    return f"{shown} ({', '.join(said)})" if shown and said else shown


def add_edit_parser(sub: Any) -> None:
    ed = sub.add_parser(
        "edit",
        help="set title, date, publication, volume, issue or author of articles",
        description="Set one or more fields on every article named. An edited field wins "
        "over what the file or its analysis says, also at a re-import. An empty value "
        "(--author '') clears the field.",
    )
    ed.add_argument("ids", nargs="+", type=int, metavar="ID")
    ed.add_argument("--title", metavar="T")
    ed.add_argument(
        "--date",
        metavar="D",
        help="YYYY-MM-DD, YYYY-MM, YYYY, '26 September 1999', or '>= 1999-09-26' (on or after)",
    )
    ed.add_argument("--publication", metavar="P")
    ed.add_argument("--volume", metavar="V")
    ed.add_argument("--issue", metavar="N")
    ed.add_argument("--author", metavar="A")
    ed.add_argument(
        "--language",
        choices=("en", "ru", "auto"),
        help="analyse the articles as English or Russian (auto: as detected); they are "
        "analysed again now",
    )


def cmd_edit(args: argparse.Namespace) -> int:
    fields = {name: getattr(args, name) for name in _FIELDS if getattr(args, name) is not None}
    language = getattr(args, "language", None)
    if not fields and not language:
        print(
            "monitor-desk: edit: nothing to set (give --title, --date, --publication, "
            "--volume, --issue, --author or --language)",
            file=sys.stderr,
        )
        return 2
    with open_library(args) as lib:
        if fields:
            lib.details.edit(args.ids, **fields)
        if language:
            lib.set_language(args.ids, language)
    count = len(set(args.ids))
    said = sorted(fields) + ([f"language ({language}, analysed again)"] if language else [])
    print(f"edited {count} article(s): {', '.join(said)}")
    return 0
