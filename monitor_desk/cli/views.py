"""``monitor-desk claims`` (every claim of the library, filtered, in date order) and
``monitor-desk speakers`` (who made them, with counts that agree with ``claims``)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..core.claims.model import shown_confidence
from ..core.views.claim_query import ClaimFilter
from .exporting import date_arg
from .library_file import open_library


def add_parsers(sub: Any) -> None:
    cl = sub.add_parser(
        "claims",
        help="claims across the library, in date order (undated articles last)",
        description="One row per claim of every article's current text: article id, date, "
        "speaker, cue, content, kind, cited outlets, credibility, confidence (0-1; 'analyst' "
        "for the analyst's own claims, empty when not scored yet). Claims of undated "
        "articles come last; a date range leaves them out and says how many.",
    )
    cl.add_argument("--speaker", metavar="NAME", help="canonical name or alias of a speaker")
    cl.add_argument("--cue", metavar="LEMMA", help="reporting verb or noun: say, warn, claim …")
    cl.add_argument("--outlet", metavar="O", help="claims cited to this outlet")
    cl.add_argument("--tag", metavar="T", help="claims under a highlight with this tag or sub-tag")
    cl.add_argument("--since", metavar="DATE", help="articles dated on or after (YYYY[-MM[-DD]])")
    cl.add_argument("--until", metavar="DATE", help="articles dated on or before")
    cl.add_argument("--search", metavar="Q", help="words of the speaker or the content")
    cl.add_argument("--kind", choices=["direct", "indirect", "mixed"])
    cl.add_argument("--desc", action="store_true", help="newest first")
    cl.add_argument("--json", action="store_true", help="one JSON list")
    sp = sub.add_parser("speakers", help="who made the claims: counts, dates and top outlets")
    sp.add_argument("--json", action="store_true", help="one JSON list")


def cmd_claims(args: argparse.Namespace) -> int:
    with open_library(args, reading=True) as lib:
        speaker = lib.claim_views.speaker(args.speaker) if args.speaker is not None else None
        f = ClaimFilter(
            speaker=speaker,
            cue=args.cue,
            outlet=args.outlet,
            tag=args.tag,
            since=date_arg(args.since, "--since", "claims"),
            until=date_arg(args.until, "--until", "claims"),
            search=args.search,
            kind=args.kind,
        )
        # counted only for what a date range leaves apart (the rows are not counted first)
        apart = lib.claim_views.count(f).undated_apart if f.has_dates else 0
        out = sys.stdout
        encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
        batch: list[dict[str, object]] = []

        def flush(first: bool) -> None:
            # A thousand rows a call: one call per row cost more than the encoding itself.
            if batch:
                out.write(("\n" if first else ",\n") + encode(batch)[1:-1])
                batch.clear()

        if args.json:
            out.write("[")
        written = 0
        for row in lib.claim_views.rows(f, args.desc):
            if args.json:
                batch.append(row.to_dict())
                if len(batch) == 1000:
                    flush(written == 0)
                    written += 1000
            else:
                out.write(
                    "\t".join(
                        [str(row.article_id), row.shown_date or "undated", row.speaker_name,
                         row.cue, " ".join(row.content.split()), row.kind,
                         "; ".join(row.outlets), str(row.credibility or ""),
                         shown_confidence(row.confidence, row.origin)]
                    ) + "\n"
                )  # fmt: skip
        if args.json:
            flush(written == 0)
            out.write("\n]\n")
    if apart:
        print(
            f"monitor-desk: {apart} claims of undated articles are not in the "
            "date range (run without --since/--until to list them)",
            file=sys.stderr,
        )
    return 0


def cmd_speakers(args: argparse.Namespace) -> int:
    with open_library(args, reading=True) as lib:
        rows = lib.speakers.list()
    if args.json:
        json.dump([r.to_dict() for r in rows], sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for r in rows:
        span = f"{r.first_date or '?'} … {r.last_date or '?'}" if r.first_date else "undated"
        tops = ", ".join(f"{o} {n}" for o, n in r.top_outlets)
        print(
            f"{r.name}\t{r.type or '-'}\t{r.claims} claims in {r.articles} articles\t{span}"
            + (f"\t{tops}" if tops else "")
        )
    return 0
