"""``monitor-desk cues``: the cues the analyst taught the claim extractor, taught once."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..core.library import Library
from ..core.taught_cues import TaughtCue
from .library_file import open_library
from .progress import terminal_progress


def add_cues_parser(sub: Any) -> None:
    p = sub.add_parser(
        "cues",
        help="teach, list or remove cues: verbs the claim extractor reads as reporting "
        "verbs, or never makes claims of",
        description="A taught cue applies at the next analysis of any article (import or "
        "reanalyze). --add makes a verb the lexicon lacks a reporting verb (--add trumpet: "
        "“X trumpeted that …” becomes a claim); --never stops a verb from making claims, "
        "with --object-only only where what it reports is its bare object (--never make "
        "--object-only: “X made the proposal”). With --reanalyze the articles whose text "
        "has a form of the word are analysed again at once.",
    )
    what = p.add_mutually_exclusive_group()
    what.add_argument("--add", metavar="LEMMA", help="treat LEMMA as a reporting verb")
    what.add_argument("--never", metavar="LEMMA", help="never make a claim of LEMMA")
    what.add_argument("--remove", metavar="LEMMA", help="revoke what was taught of LEMMA")
    what.add_argument("--list", action="store_true", help="list the taught cues (default)")
    p.add_argument(
        "--object-only", action="store_true", help="with --never: only with a bare object"
    )
    p.add_argument("--note", default="", help="why, in your words (kept with the cue)")
    p.add_argument(
        "--reanalyze",
        action="store_true",
        help="with --add, --never or --remove: analyse the articles with the word again",
    )
    p.add_argument("--json", action="store_true", help="print JSON")


def _as_json(cue: TaughtCue) -> dict[str, Any]:
    return {
        "lemma": cue.lemma,
        "kind": cue.kind,
        "object_only": cue.object_only,
        "created": cue.created,
        "note": cue.note,
    }


def cmd_cues(args: argparse.Namespace) -> int:
    if args.object_only and not args.never:
        print("monitor-desk: cues: --object-only goes with --never LEMMA", file=sys.stderr)
        return 2
    lemma = args.add or args.never or args.remove
    if not lemma:
        with open_library(args, reading=True) as lib:
            cues = lib.cues.list()
        if args.json:
            print(json.dumps([_as_json(c) for c in cues], ensure_ascii=False, indent=2))
        elif not cues:
            print("no taught cues")
        for c in cues if not args.json else []:
            note = f"  ({c.note})" if c.note else ""
            print(f"{c.lemma}\t{c.describe()}{note}")
        return 0
    with open_library(args) as lib:
        if args.remove:
            lib.cues.remove(lemma)
            done = f"removed what was taught of “{lemma}”"
        else:
            kind = "cue" if args.add else "never"
            lib.cues.add(lemma, kind, args.object_only, args.note)
            done = lib.cues.get(lemma).describe()
        affected = lib.cues.articles_with(lemma)
        analysed = _reanalyze(lib, args, affected) if args.reanalyze else None
    if args.json:
        out = {"done": done, "articles": affected, "reanalyzed": analysed}
        print(json.dumps(out, ensure_ascii=False))
        return 0
    print(done)
    if analysed is not None:
        print(f"{analysed} article(s) analysed again")
    elif affected:
        print(
            f"{len(affected)} article(s) have the word; it applies when they are analysed "
            "again (cues --reanalyze, or reanalyze IDS)"
        )
    return 0


def _reanalyze(lib: Library, args: argparse.Namespace, ids: list[int]) -> int:
    if not ids:
        return 0
    return lib.reanalyze(ids, progress=terminal_progress(args, "articles"))
