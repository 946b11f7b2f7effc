"""``monitor-desk entities`` (library entities) and ``monitor-desk entity …`` (corrections)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..core.errors import InvalidInputError
from .library_file import open_library
from .progress import add_quiet, terminal_progress


def add_parsers(sub: Any) -> None:
    en = sub.add_parser("entities", help="list the library's entities with their counts")
    en.add_argument("--json", action="store_true", help="one JSON document")
    en.add_argument("--type", metavar="T", help="only this type (PERSON, ORG, GPE …)")
    en.add_argument("--search", metavar="Q", help="only names or aliases containing Q")
    ent = sub.add_parser("entity", help="correct entities everywhere; list or revoke corrections")
    add_quiet(ent)
    acts = ent.add_subparsers(dest="action", metavar="ACTION", required=True)
    rt = acts.add_parser("retype", help="NAME is of TYPE")
    rt.add_argument("name", metavar="NAME")
    rt.add_argument("type", metavar="TYPE")
    mg = acts.add_parser("merge", help="NAME... are one entity, called --into NAME")
    mg.add_argument("names", nargs="+", metavar="NAME")
    mg.add_argument("--into", required=True, metavar="NAME")
    sp = acts.add_parser("split", help="keep NAME apart from the entity it was joined to")
    sp.add_argument("name", metavar="NAME")
    ig = acts.add_parser("ignore", help="NAME is not an entity")
    ig.add_argument("name", metavar="NAME")
    ad = acts.add_parser("add", help="TEXT is an entity of TYPE the model missed")
    ad.add_argument("name", metavar="TEXT")
    ad.add_argument("type", metavar="TYPE")
    acts.add_parser("corrections", help="list the corrections in force")
    rv = acts.add_parser("revoke", help="take a correction back (its id from `corrections`)")
    rv.add_argument("id", type=int, metavar="ID")


def cmd_entities(args: argparse.Namespace) -> int:
    with open_library(args, reading=True) as lib:
        rows = lib.entities.list(type=args.type, search=args.search)
    if args.json:
        json.dump([r.to_dict() for r in rows], sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for r in rows:
        also = f"  (also: {', '.join(r.aliases)})" if r.aliases else ""
        print(f"{r.name}\t{r.label}\t{r.mentions} mentions in {r.articles} articles{also}")
    return 0


def cmd_entity(args: argparse.Namespace) -> int:
    progress = terminal_progress(args, "articles")
    with open_library(args) as lib:
        if args.action == "corrections":
            for c in lib.corrections.list():
                print(f"{c.id}\t{c.kind}\t{c.describe()}")
            return 0
        if args.action == "revoke":
            changes = lib.corrections.revoke(args.id, progress)
            print(f"revoked correction {args.id}; {len(changes.articles)} articles changed")
            return 0
        names = args.names if args.action == "merge" else [args.name]
        target = args.into if args.action == "merge" else getattr(args, "type", None)
        if args.action == "merge" and not names:
            raise InvalidInputError("Name the entities to merge.")
        created = lib.corrections.add(args.action, names, target, progress)
        print(f"correction {created.id}: {len(created.changes.articles)} articles changed")
    return 0
