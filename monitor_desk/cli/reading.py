"""Commands that only read the library: ``list``, ``show``, ``search``."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from ..core.models import Article
from .editing import shown_date
from .library_file import open_library

SUMMARY_FIELDS = ("id", "title", "publication", "volume", "issue", "date", "date_source",
                  "date_precision", "date_rule", "author", "source_path",
                  "near_duplicate_of", "pages")  # fmt: skip


def cmd_list(args: argparse.Namespace) -> int:
    with open_library(args, reading=True) as lib:
        rows = lib.articles.list(
            sort=args.sort,
            publication=args.publication,
            tag=args.tag,
            entity=args.entity,
            outlet=args.outlet,
            date_source=args.date_source,
            near_duplicates=False if args.hide_near_duplicates else None,
            group_near_duplicates=args.group_near_duplicates,
        )
    if args.json:
        out = [
            {k: getattr(r, k) for k in SUMMARY_FIELDS}
            | {"notes": r.notes_count, "near_duplicates": r.near_duplicates}
            for r in rows
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        where = " ".join(
            x
            for x in (
                r.publication or "",
                f"vol. {r.volume}" if r.volume else "",
                f"no. {r.issue}" if r.issue else "",
                shown_date(r.date, r.date_source, r.date_precision, r.date_rule),
            )
            if x
        )
        title = r.title
        if args.group_near_duplicates and r.near_duplicate_of is not None:
            title = f"  \u21b3 {title}"  # under its original
        if r.near_duplicates:
            title = f"{title[:58]} (+{r.near_duplicates} near-dup.)"
        print(f"{r.id:>6}  {title[:70]:<70}  {where}")
    return 0


def page_spans(art: Article) -> list[dict[str, int]]:
    """A paged article's pages as ``{"page", "start", "end"}`` offsets into its text."""
    if not art.page_starts:
        return []
    ends = [*art.page_starts[1:], len(art.text)]
    return [
        {"page": n, "start": start, "end": end}
        for n, (start, end) in enumerate(zip(art.page_starts, ends, strict=True), 1)
    ]


def language_shown(language: str, override: str | None) -> str:
    """``Russian (ru)``, and ``, set by the analyst`` when it was."""
    from ..core.nlp.language import language_name

    shown = f"{language_name(language)} ({language})"
    return f"{shown}, set by the analyst" if override else shown


def cmd_show(args: argparse.Namespace) -> int:
    with open_library(args, reading=True) as lib:
        art = lib.articles.get(args.id)
    if args.json:
        print(
            json.dumps(asdict(art) | {"page_spans": page_spans(art)}, ensure_ascii=False, indent=2)
        )
        return 0
    print(art.title)
    for key in ("publication", "volume", "issue", "date", "author", "source_path", "pages"):
        value = getattr(art, key)
        if value:
            print(f"{key.replace('_', ' ').capitalize()}: {value}")
    if art.language:
        print(f"Language: {language_shown(art.language, art.language_override)}")
    print()
    print(art.text[art.body_start :])
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    import sys

    from ..core.search import plain_snippet

    with open_library(args, reading=True) as lib:
        counted = lib.search_count(args.query)
        limit = counted.hits if args.limit <= 0 else args.limit
        hits = lib.search(args.query, limit=limit)
    if args.json:
        out = [
            {
                "id": h.article_id,
                "title": h.title,
                "publication": h.publication,
                "volume": h.volume,
                "issue": h.issue,
                "date": h.date,
                "date_source": h.date_source,
                "date_precision": h.date_precision,
                "date_rule": h.date_rule,
                "source_path": h.source_path,
                "kind": h.kind,
                "highlight_id": h.highlight_id,
                "snippet": plain_snippet(h.snippet),
            }
            for h in hits
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        if len(hits) < counted.hits:  # the JSON stays a list; the count goes to stderr
            print(search_total(len(hits), counted.hits, counted.articles), file=sys.stderr)
        return 0
    if not hits:
        print("no matches")
        return 0
    for h in hits:
        date = shown_date(h.date, h.date_source, h.date_precision, h.date_rule)
        print(
            f"{h.article_id:>6}  [{h.kind}] {h.title[:60]}{f'  {date}' if date else ''}\n"
            f"        {plain_snippet(h.snippet)}"
        )
    print(search_total(len(hits), counted.hits, counted.articles))
    return 0


def search_total(shown: int, hits: int, articles: int | None) -> str:
    """``12 hits in 5 articles`` or, when the limit cut them, what was left out and how to
    see it."""
    found = f"{hits:,} hit{'s' if hits != 1 else ''} in {articles or 0:,} article"
    found += "s" if articles != 1 else ""
    if shown >= hits:
        return found
    return f"showing the first {shown:,} of {found} (--limit 0 shows all)"
