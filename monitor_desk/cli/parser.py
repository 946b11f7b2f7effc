"""The command line's arguments: one sub-parser per command."""

from __future__ import annotations

import argparse

from .. import __version__
from .cues import add_cues_parser
from .deleting import add_parsers as add_delete_parsers
from .editing import add_edit_parser
from .entities import add_parsers as add_entity_parsers
from .near_duplicates import add_near_duplicates_parser
from .outlets import add_parsers as add_outlet_parsers
from .progress import add_quiet
from .reporting import add_parsers as add_report_parsers
from .rules import add_rule_parser
from .timeline import add_timeline_parser
from .views import add_parsers as add_view_parsers


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="monitor-desk",
        description="Monitor Desk: an offline reading desk for news briefs. "
        "Without a command it opens the reader window.",
    )
    p.add_argument("--version", action="version", version=f"monitor-desk {__version__}")
    p.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation end to end (model, import, highlight, CSV, window)",
    )
    p.add_argument(
        "--db",
        metavar="PATH",
        help="library file (default: $MONITOR_DESK_DB, else the user data folder)",
    )
    p.add_argument(
        "-q", "--quiet", action="store_true", help="no progress line (also after a command)"
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    imp = sub.add_parser("import", help="import files or folders (recursively)")
    imp.add_argument("paths", nargs="+", metavar="PATH")
    imp.add_argument("--no-analyze", action="store_true", help="skip entities/claims/sources")
    imp.add_argument("--json", action="store_true", help="print the import report as JSON")
    add_quiet(imp)

    ls = sub.add_parser("list", help="list the articles in the library")
    ls.add_argument("--json", action="store_true")
    ls.add_argument("--publication")
    ls.add_argument("--tag")
    ls.add_argument("--entity")
    ls.add_argument("--outlet")
    ls.add_argument("--sort", default="imported", choices=["imported", "title", "date", "issue"])
    ls.add_argument(
        "--date-source",
        choices=[
            "header",
            "metadata",
            "dateline",
            "citations",
            "analyst",
            "rule",
            "inferred",
            "none",
        ],
        help="only articles whose date came from there (analyst: edited; rule: a publication "
        "rule gave the year; none: undated)",
    )
    near = ls.add_mutually_exclusive_group()
    near.add_argument(
        "--hide-near-duplicates",
        action="store_true",
        help="leave out articles imported as near-duplicates of another",
    )
    near.add_argument(
        "--group-near-duplicates",
        action="store_true",
        help="list each near-duplicate directly under its original (indented with ↳)",
    )

    show = sub.add_parser("show", help="show one article: metadata and text")
    show.add_argument("id", type=int)
    show.add_argument("--json", action="store_true")

    se = sub.add_parser("search", help="full-text search over text, notes and claims")
    se.add_argument("query")
    se.add_argument("--json", action="store_true")
    se.add_argument(
        "--limit",
        type=int,
        default=50,
        help="show at most this many hits, best first (default 50; 0 shows all); "
        "the count of all hits is printed after them",
    )

    an = sub.add_parser("analyze", help="analyse files without adding them to the library")
    an.add_argument("paths", nargs="+", metavar="FILE")
    an.add_argument("--json", action="store_true", help="one JSON object per file (JSON Lines)")

    re_ = sub.add_parser("reanalyze", help="analyse articles again (e.g. after a model change)")
    re_.add_argument("ids", nargs="*", type=int, metavar="ID")
    re_.add_argument("--all", action="store_true", help="every article")
    re_.add_argument(
        "--stale",
        action="store_true",
        help="only those analysed by another model (or, Russian, another natasha)",
    )
    add_quiet(re_)

    ex = sub.add_parser(
        "export",
        help="export notes, claims or sources as CSV, or the library as JSON",
        description="CSV is RFC 4180, UTF-8 with a BOM (for Excel), CRLF line ends. Cells "
        "that start with = + - @ TAB or CR get a leading ' so that a spreadsheet does not "
        "run them as formulas; --raw writes them as they are.",
    )
    ex.add_argument("what", choices=["notes", "claims", "sources", "json"])
    ex.add_argument("-o", "--output", required=True, metavar="FILE", help="'-' for stdout")
    ex.add_argument("--tag", help="notes with this tag or its sub-tags")
    ex.add_argument("--article", type=int, action="append", metavar="ID", help="repeatable")
    ex.add_argument("--search", metavar="QUERY", help="notes or articles matching the text")
    ex.add_argument(
        "--since", metavar="DATE", help="YYYY-MM-DD: notes made (articles dated) on or after"
    )
    ex.add_argument("--until", metavar="DATE", help="YYYY-MM-DD: ... on or before")
    ex.add_argument("--raw", action="store_true", help="do not neutralise formula-like cells")
    ex.add_argument("--no-bom", action="store_true", help="UTF-8 without a byte order mark")
    add_quiet(ex)

    ij = sub.add_parser("import-json", help="merge a JSON export into the library")
    ij.add_argument("file")

    sc = sub.add_parser("screenshot", help="render the main window to a PNG (no display needed)")
    sc.add_argument("out", metavar="OUT.png")
    sc.add_argument("--article", type=int, metavar="ID", help="the article to show")
    sc.add_argument("--size", default="1400x900", help="WIDTHxHEIGHT (default 1400x900)")
    sc.add_argument("--tab", choices=["Claims", "Sources", "Notes", "Entities"])

    rb = sub.add_parser(
        "restore-backup",
        help="put the newest intact automatic copy in place of a damaged library",
    )
    rb.add_argument("--list", action="store_true", help="list the copies, newest first")
    rb.add_argument("--from", dest="copy", metavar="FILE", help="restore this copy instead")

    sub.add_parser("gui", help="open the reader window (the default)")
    add_entity_parsers(sub)
    add_delete_parsers(sub)
    add_edit_parser(sub)
    add_rule_parser(sub)
    add_cues_parser(sub)
    add_outlet_parsers(sub)
    add_near_duplicates_parser(sub)
    add_report_parsers(sub)
    add_view_parsers(sub)
    add_timeline_parser(sub)
    return p
