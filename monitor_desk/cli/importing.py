"""Commands that bring text in and analyse it: ``import``, ``analyze``, ``reanalyze``,
``import-json``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .library_file import open_library
from .progress import terminal_progress


def processes_for(paths: list[str]) -> int:
    """Parse in two processes when there are enough files for the start-up to pay off."""
    import itertools
    import os

    from ..core.ingest import iter_import_files

    if (os.cpu_count() or 1) < 2:
        return 1
    files = iter_import_files(Path(p) for p in paths if Path(p).exists())
    count = sum(1 for _ in itertools.islice(files, 200))
    return 2 if count >= 200 else 1


def cmd_import(args: argparse.Namespace) -> int:
    processes = 1 if args.no_analyze else processes_for(args.paths)
    with open_library(args) as lib:
        report = lib.import_paths(
            args.paths,
            analyze=not args.no_analyze,
            progress=terminal_progress(args, "files"),
            processes=processes,
        )
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        for f in report.rejected:
            print(f"rejected: {f.path}: {f.reason}")
        for f in report.duplicates:
            print(f"duplicate: {f.path}: {f.reason}")
        for f in report.files:
            if f.status in ("imported", "revised") and f.reason:
                print(f"{f.status}: {f.path}: {f.reason}")
        print(
            f"{report.count('imported')} imported, {report.count('revised')} revised, "
            f"{report.count('unchanged')} unchanged, {len(report.rejected)} rejected"
            + (f", {len(report.duplicates)} duplicate(s)" if report.duplicates else "")
            + (" (cancelled)" if report.cancelled else "")
        )
    return 0 if report.ok else 1


def cmd_analyze(args: argparse.Namespace) -> int:
    from ..core.analyze_files import analysis_record, analyze_paths
    from ..core.nlp.language import ANALYSED, no_analysis_message
    from ..core.nlp.pipeline import load_pipeline
    from ..core.path_text import path_text

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
        language = result.analysis.language
        if language and language not in ANALYSED:
            print(f"  {no_analysis_message(language)}")
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
            progress=terminal_progress(args, "articles"),
            only_stale=args.stale,
            failed=failed,
        )
    for article_id, reason in failed:
        print(f"article {article_id}: analysis failed ({reason})", file=sys.stderr)
    tail = f", {len(failed)} failed" if failed else ""
    print(f"{count - len(failed)} article(s) analysed{tail}")
    return 1 if failed else 0


def cmd_import_json(args: argparse.Namespace) -> int:
    with open_library(args) as lib:
        counts = lib.import_json(args.file)
    print(
        f"{counts['articles_added']} article(s) added, {counts['articles_merged']} merged, "
        f"{counts['highlights_added']} highlight(s) added"
    )
    return 0
