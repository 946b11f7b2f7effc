"""Building a briefing report from the library: the scope's highlights (through the one
filter builder, ``filters.highlight_where``), grouped into one section per tag in
tag-tree order, each with its article's citation and, on request, the claims and cited
outlets it covers. Callers hold the lock."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlite_utils import Database

from .dates import RANGE_DATE
from .entity_corrections import speaker_sql
from .errors import InvalidInputError, NotFoundError
from .filters import highlight_where
from .pages import pages_at
from .report_model import (
    ArticleCitation,
    Report,
    ReportClaim,
    ReportItem,
    ReportOutlet,
    ReportScope,
    ReportSection,
    printable,
    tag_order,
)
from .sql import Where, chunks, in_clause
from .tags import normalize_tag, tag_id, tags_of

ReportProgress = Callable[[int, int], None]
"""Called with (highlights done, highlights in all) while a report is built."""

_HIGHLIGHTS_SQL = """
SELECT h.id, h.article_id, h.revision_id, h.start, h."end", h.exact, h.note, h.status,
       a.title, a.publication, a.volume, a.issue, a.date, a.date_source, a.date_precision
FROM highlights h JOIN articles a ON a.id = h.article_id
"""


def check_scope(db: Database, scope: ReportScope) -> list[str]:
    """The scope's tags as the library spells them; ``NotFoundError`` for a tag or an
    article that does not exist, ``InvalidInputError`` for a date that is not one or a
    range that ends before it starts. Nothing is written."""
    names = []
    for tag in scope.tags:
        tid = tag_id(db, tag, create=False)
        names.append(db.execute("SELECT name FROM tags WHERE id = ?", [tid]).fetchone()[0])
    for article_id in scope.article_ids or ():
        if db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is None:
            raise NotFoundError(f"There is no article {article_id}.")
    for label, value in (("start", scope.since), ("end", scope.until)):
        if value is not None and not RANGE_DATE.fullmatch(value):
            raise InvalidInputError(
                f"The {label} date {value!r} is not a date; use YYYY-MM-DD (or YYYY-MM, YYYY)."
            )
    if scope.since and scope.until and scope.since[: len(scope.until)] > scope.until:
        raise InvalidInputError(f"The date range ends ({scope.until}) before it starts.")
    return names


def scope_where(scope: ReportScope) -> Where:
    """The scope's highlights, as terms over ``highlights h``."""
    dates = (scope.since, scope.until) if scope.since or scope.until else None
    return highlight_where(
        article_ids=scope.article_ids,
        any_tag=list(scope.tags) if scope.tags else None,
        search=scope.search or None,
        article_dates=dates,
    )


def _printable_or_none(text: str | None) -> str | None:
    return None if text is None else printable(text)


def _in_scope(tag: str, scope_tags: Sequence[str]) -> bool:
    """``tag`` is one of ``scope_tags`` or a sub-tag of one (all tags when none given)."""
    if not scope_tags:
        return True
    t = tag.casefold()
    return any(t == s.casefold() or t.startswith(s.casefold() + "/") for s in scope_tags)


def _ancestors(tag: str) -> Iterable[str]:
    parts = tag.split("/")
    for i in range(1, len(parts)):
        yield "/".join(parts[:i])


def _overlaps(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and e > start for s, e in spans)


def _claims_by_revision(db: Database, revisions: Sequence[int]) -> dict[int, list[Any]]:
    out: dict[int, list[Any]] = {}
    for chunk in chunks(revisions):
        for row in db.execute(
            f"""SELECT c.revision_id, c.cue_start, c.cue_end, c.content_start, c.content_end,
                       {speaker_sql("c")}, c.speaker_text, c.cue_text, c.content_text,
                       c.credibility
                FROM claims c WHERE c.status = 'anchored' AND c.revision_id IN {in_clause(chunk)}
                ORDER BY c.content_start, c.cue_start, c.id""",
            chunk,
        ):
            out.setdefault(row[0], []).append(row[1:])
    return out


def _outlets_by_revision(db: Database, revisions: Sequence[int]) -> dict[int, list[Any]]:
    out: dict[int, list[Any]] = {}
    for chunk in chunks(revisions):
        for row in db.execute(
            f"""SELECT c.revision_id, c.covers_json, o.name, ci.date_text, o.reliability
                FROM citations c JOIN citation_items ci ON ci.citation_id = c.id
                JOIN outlets o ON o.id = ci.outlet_id
                WHERE c.revision_id IN {in_clause(chunk)} ORDER BY c.idx, ci.id""",
            chunk,
        ):
            out.setdefault(row[0], []).append((json.loads(row[1]), *row[2:]))
    return out


def _attach_claims(db: Database, items: list[tuple[ReportItem, int, int, int]]) -> None:
    """Give each item the claims and cited outlets its highlight covers (same revision)."""
    revisions = sorted({rev for _, rev, _, _ in items})
    claims = _claims_by_revision(db, revisions)
    outlets = _outlets_by_revision(db, revisions)
    for item, rev, start, end in items:
        if item.orphan:
            continue  # its offsets point into an older text: nothing there to cover
        for cs, ce, ks, ke, speaker, speaker_text, cue, content, grade in claims.get(rev, []):
            if _overlaps(((cs, ce), (ks, ke)), start, end):
                who = printable(speaker or speaker_text or "(no speaker)")
                item.claims.append(ReportClaim(who, printable(cue), printable(content), grade))
        seen: set[tuple[str, str | None]] = set()
        for covers, name, date_text, grade in outlets.get(rev, []):
            if (name, date_text) not in seen and _overlaps(covers, start, end):
                seen.add((name, date_text))
                item.outlets.append(ReportOutlet(printable(name), date_text, grade))


def describe_scope(scope: ReportScope, tag_names: Sequence[str]) -> list[str]:
    """The scope in words, for the report's header."""
    lines = [f"Tags: {', '.join(tag_names)} (with their sub-tags)" if tag_names else "Tags: all"]
    if scope.article_ids is not None:
        ids = sorted(set(scope.article_ids))
        lines.append(f"Article{'s' if len(ids) != 1 else ''}: {', '.join(map(str, ids))}")
    if scope.since and scope.until:
        lines.append(f"Articles dated: {scope.since} to {scope.until}")
    elif scope.since or scope.until:
        lines.append(f"Articles dated: {'from ' + scope.since if scope.since else ''}"
                     f"{'up to ' + scope.until if scope.until else ''}")  # fmt: skip
    if scope.search:
        lines.append(f"Matching: “{printable(scope.search)}”")
    if scope.with_claims:
        lines.append("With the claims and cited outlets each highlight covers, and their grades")
    return lines


def build_report(
    db: Database,
    scope: ReportScope,
    written: str,
    progress: ReportProgress | None = None,
    title: str = "",
) -> Report:
    """The report of ``scope`` (see ``report_model``); ``written`` is the time it was made."""
    # Tag names go into headings and tag lines as they are: made printable once, here.
    tag_names = [printable(t) for t in check_scope(db, scope)]
    where = scope_where(scope)
    rows = db.execute(
        _HIGHLIGHTS_SQL + where.sql() + " ORDER BY a.date IS NULL, a.date, a.id, h.start, h.id",
        where.params,
    ).fetchall()
    total = len(rows)
    if progress is not None:
        progress(0, total)
    tags = {h: [printable(t) for t in ts] for h, ts in tags_of(db, [r[0] for r in rows]).items()}
    pages = pages_at(db, [(r[2], r[3]) for r in rows])  # a PDF's page of each highlight
    sections: dict[str | None, ReportSection] = {}  # None: the untagged highlights

    def section(name: str | None) -> ReportSection:
        if name not in sections:
            sections[name] = ReportSection(name, 0)
            for parent in _ancestors(name or ""):
                if _in_scope(parent, tag_names) and parent not in sections:
                    sections[parent] = ReportSection(parent, 0)
        return sections[name]

    placed: list[tuple[ReportItem, int, int, int]] = []
    by_section: list[tuple[str | None, list[str], ReportItem]] = []
    for done, row in enumerate(rows, 1):
        hid, article_id, rev, start, end, exact, note, status = row[:8]
        publication, volume, issue, date, date_source, precision = row[9:15]
        p = _printable_or_none
        cite = ArticleCitation(
            article_id, printable(row[8]), p(publication), p(volume), p(issue), date,
            date_source, precision, pages[(rev, start)],
        )  # fmt: skip
        own = sorted((t for t in tags.get(hid, []) if _in_scope(t, tag_names)), key=tag_order)
        item = ReportItem(0, hid, printable(exact), printable(note), own, cite, status == "orphan")
        placed.append((item, rev, start, end))
        by_section.append((own[0] if own else None, own[1:], item))
        if progress is not None and (done % 500 == 0 or done == total):
            progress(done, total)
    for first, others, item in by_section:
        section(first).items.append(item)
        for other in others:
            section(other).see_also.append(item)
    ordered = sorted(
        (s for s in sections.values() if s.tag is not None), key=lambda s: tag_order(s.tag or "")
    )
    for s in ordered:  # a level down for each parent with a section of its own
        s.depth = sum(1 for parent in _ancestors(s.tag or "") if parent in sections)
    if None in sections:
        ordered.append(sections[None])
    number = 0
    for s in ordered:
        for item in s.items:
            number += 1
            item.number = number
    if scope.with_claims:
        _attach_claims(db, placed)
    if not title:
        shown = [normalize_tag(t) for t in tag_names]
        title = "Briefing: " + ", ".join(shown) if shown else "Briefing"
    return Report(
        title=printable(title),
        written=written,
        scope_lines=describe_scope(scope, tag_names),
        sections=ordered,
        with_claims=scope.with_claims,
        article_count=len({r[1] for r in rows}),
        highlight_count=len(rows),
        tag_count=sum(1 for s in ordered if s.tag is not None),
    )
