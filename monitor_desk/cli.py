"""``monitor-desk``: the command line face of ``core.library``.

Exit status: 0 success; 1 something the user asked for failed (a file rejected, an id not
found, an unusable library file); 2 usage errors (argparse's own convention).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from .cli_edit import add_edit_parser, cmd_edit, shown_date
from .cli_library import cmd_restore_backup, open_library
from .core.errors import MonitorDeskError

SUMMARY_FIELDS = ("id", "title", "publication", "volume", "issue", "date", "date_source",
                  "date_precision", "author", "source_path")  # fmt: skip


def _parser() -> argparse.ArgumentParser:
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
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    imp = sub.add_parser("import", help="import files or folders (recursively)")
    imp.add_argument("paths", nargs="+", metavar="PATH")
    imp.add_argument("--no-analyze", action="store_true", help="skip entities/claims/sources")
    imp.add_argument("--json", action="store_true", help="print the import report as JSON")

    ls = sub.add_parser("list", help="list the articles in the library")
    ls.add_argument("--json", action="store_true")
    ls.add_argument("--publication")
    ls.add_argument("--tag")
    ls.add_argument("--entity")
    ls.add_argument("--outlet")
    ls.add_argument("--sort", default="imported", choices=["imported", "title", "date", "issue"])
    ls.add_argument(
        "--date-source",
        choices=["header", "metadata", "dateline", "citations", "analyst", "inferred", "none"],
        help="only articles whose date came from there (none: undated)",
    )

    show = sub.add_parser("show", help="show one article: metadata and text")
    show.add_argument("id", type=int)
    show.add_argument("--json", action="store_true")

    se = sub.add_parser("search", help="full-text search over text, notes and claims")
    se.add_argument("query")
    se.add_argument("--json", action="store_true")
    se.add_argument("--limit", type=int, default=50)

    an = sub.add_parser("analyze", help="analyse files without adding them to the library")
    an.add_argument("paths", nargs="+", metavar="FILE")
    an.add_argument("--json", action="store_true", help="one JSON object per file (JSON Lines)")

    re_ = sub.add_parser("reanalyze", help="analyse articles again (e.g. after a model change)")
    re_.add_argument("ids", nargs="*", type=int, metavar="ID")
    re_.add_argument("--all", action="store_true", help="every article")
    re_.add_argument("--stale", action="store_true", help="only those analysed by another model")

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

    add_edit_parser(sub)
    sub.add_parser("gui", help="open the reader window (the default)")
    return p


def _progress_printer(stream: TextIO) -> Any:
    if not stream.isatty():
        return None

    def show(done: int, total: int, path: str) -> None:
        name = Path(path).name[:50]
        stream.write(f"\r[{done}/{total}] {name:<50}")
        if done == total:
            stream.write("\n")
        stream.flush()

    return show


def _processes_for(paths: list[str]) -> int:
    """Parse in two processes when there are enough files for the start-up to pay off."""
    import itertools
    import os

    from .core.ingest import iter_import_files

    if (os.cpu_count() or 1) < 2:
        return 1
    files = iter_import_files(Path(p) for p in paths if Path(p).exists())
    count = sum(1 for _ in itertools.islice(files, 200))
    return 2 if count >= 200 else 1


def cmd_import(args: argparse.Namespace) -> int:
    processes = 1 if args.no_analyze else _processes_for(args.paths)
    with open_library(args) as lib:
        report = lib.import_paths(
            args.paths,
            analyze=not args.no_analyze,
            progress=_progress_printer(sys.stderr),
            processes=processes,
        )
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        for f in report.rejected:
            print(f"rejected: {f.path}: {f.reason}")
        for f in report.files:
            if f.status in ("imported", "revised") and f.reason:
                print(f"{f.status}: {f.path}: {f.reason}")
        print(
            f"{report.count('imported')} imported, {report.count('revised')} revised, "
            f"{report.count('unchanged')} unchanged, {len(report.rejected)} rejected"
            + (" (cancelled)" if report.cancelled else "")
        )
    return 0 if report.ok else 1


def cmd_list(args: argparse.Namespace) -> int:
    with open_library(args, reading=True) as lib:
        rows = lib.articles.list(
            sort=args.sort,
            publication=args.publication,
            tag=args.tag,
            entity=args.entity,
            outlet=args.outlet,
            date_source=args.date_source,
        )
    if args.json:
        out = [{k: getattr(r, k) for k in SUMMARY_FIELDS} | {"notes": r.notes_count} for r in rows]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        where = " ".join(
            x
            for x in (
                r.publication or "",
                f"vol. {r.volume}" if r.volume else "",
                f"no. {r.issue}" if r.issue else "",
                shown_date(r.date, r.date_source, r.date_precision),
            )
            if x
        )
        print(f"{r.id:>6}  {r.title[:70]:<70}  {where}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with open_library(args, reading=True) as lib:
        art = lib.articles.get(args.id)
    if args.json:
        print(json.dumps(asdict(art), ensure_ascii=False, indent=2))
        return 0
    print(art.title)
    for key in ("publication", "volume", "issue", "date", "author", "source_path"):
        value = getattr(art, key)
        if value:
            print(f"{key.replace('_', ' ').capitalize()}: {value}")
    print()
    print(art.text[art.body_start :])
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from .core.search import plain_snippet

    with open_library(args, reading=True) as lib:
        hits = lib.search(args.query, limit=args.limit)
    if args.json:
        out = [
            {
                "id": h.article_id,
                "title": h.title,
                "publication": h.publication,
                "volume": h.volume,
                "issue": h.issue,
                "date": h.date,
                "source_path": h.source_path,
                "kind": h.kind,
                "highlight_id": h.highlight_id,
                "snippet": plain_snippet(h.snippet),
            }
            for h in hits
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print("no matches")
    for h in hits:
        print(f"{h.article_id:>6}  [{h.kind}] {h.title[:60]}\n        {plain_snippet(h.snippet)}")
    return 0


def cmd_analyze(args: argparse.Namespace) -> int:
    from .core.analyze_files import analysis_record, analyze_paths
    from .core.nlp.pipeline import load_pipeline
    from .core.path_text import path_text

    pipeline = load_pipeline()
    print(pipeline.message, file=sys.stderr)
    status = 0
    for result in analyze_paths(args.paths, pipeline):
        if result.doc is None or result.analysis is None:
            print(f"rejected: {path_text(result.path)}: {result.error}", file=sys.stderr)
            status = 1
            continue
        record = analysis_record(result.path, result.doc, result.analysis)
        if args.json:
            print(json.dumps(record, ensure_ascii=False))
            continue
        print(f"== {path_text(result.path)} — {result.doc.title}")
        for e in result.analysis.entities:
            print(f"  {e.label:<8} {e.text}  [{e.cluster}]")
        for c in result.analysis.claims:
            print(f"  CLAIM {c.speaker_name or '?'} {c.cue.text}: {c.content.text[:80]}")
        for cit in result.analysis.citations:
            items = "; ".join(f"{i.outlet} ({i.date_text or 'no date'})" for i in cit.items)
            print(f"  SOURCE {items}")
    return status


def cmd_reanalyze(args: argparse.Namespace) -> int:
    if not args.ids and not args.all and not args.stale:
        print("monitor-desk reanalyze: give article ids, --all or --stale", file=sys.stderr)
        return 2
    failed: list[tuple[int, str]] = []
    with open_library(args) as lib:
        count = lib.reanalyze(
            None if (args.all or args.stale) and not args.ids else args.ids,
            progress=_progress_printer(sys.stderr),
            only_stale=args.stale,
            failed=failed,
        )
    for article_id, reason in failed:
        print(f"article {article_id}: analysis failed ({reason})", file=sys.stderr)
    tail = f", {len(failed)} failed" if failed else ""
    print(f"{count - len(failed)} article(s) analysed{tail}")
    return 1 if failed else 0


def _date_arg(value: str | None, flag: str) -> str | None:
    import re

    if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise SystemExit(f"monitor-desk export: {flag} takes a date as YYYY-MM-DD, not {value!r}")
    return value


def cmd_export(args: argparse.Namespace) -> int:
    from .core.export import ExportScope

    scope = ExportScope(
        article_ids=args.article,
        tag=args.tag,
        search=args.search,
        since=_date_arg(args.since, "--since"),
        until=_date_arg(args.until, "--until"),
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


def cmd_import_json(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        counts = lib.import_json(args.file)
    print(
        f"{counts['articles_added']} article(s) added, {counts['articles_merged']} merged, "
        f"{counts['highlights_added']} highlight(s) added"
    )
    return 0


def cmd_screenshot(args: argparse.Namespace) -> int:
    import re

    m = re.fullmatch(r"(\d{2,5})x(\d{2,5})", args.size)
    if not m:
        print(
            f"monitor-desk screenshot: --size takes WIDTHxHEIGHT, not {args.size!r}",
            file=sys.stderr,
        )
        return 2
    from .ui.screenshot import render_screenshot

    with open_library(args) as lib:
        if lib.is_empty() and args.db is None:
            lib.seed_samples()
        render_screenshot(lib, Path(args.out), args.article, (int(m[1]), int(m[2])), args.tab)
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from .ui.app import run_gui

    return run_gui(args.db)


COMMANDS = {
    "import": cmd_import,
    "list": cmd_list,
    "show": cmd_show,
    "search": cmd_search,
    "analyze": cmd_analyze,
    "reanalyze": cmd_reanalyze,
    "export": cmd_export,
    "import-json": cmd_import_json,
    "screenshot": cmd_screenshot,
    "restore-backup": cmd_restore_backup,
    "edit": cmd_edit,
    "gui": cmd_gui,
    None: cmd_gui,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.self_test:
        from .selftest import run_self_test

        return run_self_test()
    if args.command not in (None, "gui", "screenshot"):
        from .stop_signals import exit_cleanly_on_sigterm

        exit_cleanly_on_sigterm()
    try:
        return COMMANDS[args.command](args)
    except MonitorDeskError as exc:
        print(f"monitor-desk: {exc}", file=sys.stderr)
        return 1
    except sqlite3.DatabaseError as exc:  # damage found while reading a library
        print(
            f"monitor-desk: the library file is damaged ({exc}); "
            "`monitor-desk restore-backup` puts the newest intact automatic copy back",
            file=sys.stderr,
        )
        return 1
    except BrokenPipeError:  # `monitor-desk list | head`
        return 0
    except KeyboardInterrupt:
        print("monitor-desk: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
