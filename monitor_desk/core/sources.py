"""The outlets an article cites, and their reliability grades (one per outlet, library-wide).

The analyst can say that one outlet is another ("Новые Известия" is "Novye Izvestia"):
``link`` and ``unlink``, over core/outlet_links.py.
"""

from __future__ import annotations

import builtins
import json
from dataclasses import dataclass, field

from .changes import Changes
from .connection import Component
from .db import environment_errors
from .errors import InvalidInputError, NotFoundError
from .models import CitationItem, Span
from .outlet_links import link_outlet, outlet_links, unlink_outlet
from .sql import current_revision

RELIABILITY = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Cannot be judged",
}
"""The Admiralty scale for source reliability."""


@dataclass(slots=True)
class SourceEntry:
    """One outlet cited by one article: when, where and what it supports."""

    outlet: str
    reliability: str | None
    items: list[CitationItem] = field(default_factory=list)
    citations: list[Span] = field(default_factory=list)
    covers: list[tuple[int, int]] = field(default_factory=list)
    """Sentence spans (start, end) the outlet's citations support, in text order."""


class Sources(Component):
    """``lib.sources``: the outlets an article cites; one reliability grade per outlet."""

    def list(self, article_id: int) -> list[SourceEntry]:
        """The outlets the article cites, in order of first citation."""
        with self._lock:
            revision_id = current_revision(self.db, article_id).id
            rows = self.db.execute(
                """SELECT o.name, o.reliability, ci.date_text, ci.date_start, ci.date_end,
                          ci.outlet_text, c.start, c."end", c.text, c.covers_json
                   FROM citations c JOIN citation_items ci ON ci.citation_id = c.id
                   JOIN outlets o ON o.id = ci.outlet_id
                   WHERE c.revision_id = ? ORDER BY c.idx, ci.id""",
                [revision_id],
            ).fetchall()
        entries: dict[str, SourceEntry] = {}
        for name, grade, d_text, d_start, d_end, o_text, c_start, c_end, c_text, covers in rows:
            entry = entries.setdefault(name.casefold(), SourceEntry(name, grade))
            entry.items.append(CitationItem(name, d_text, d_start, d_end, o_text))
            span = Span(c_start, c_end, c_text)
            if span not in entry.citations:
                entry.citations.append(span)
            for s, e in json.loads(covers):
                if (s, e) not in entry.covers:
                    entry.covers.append((s, e))
        for entry in entries.values():
            entry.covers.sort()
        return list(entries.values())

    @environment_errors
    def set_reliability(self, outlet: str, grade: str | None) -> Changes:
        """Grade an outlet (Admiralty A … F) everywhere it is cited; None clears the grade."""
        if grade is not None:
            grade = grade.strip().upper()
            if grade not in RELIABILITY:
                raise InvalidInputError(f"{grade!r} is not a reliability grade; use A to F.")
        with self._lock, self.db.atomic():
            cur = self.db.execute(
                "UPDATE outlets SET reliability = ? WHERE name = ?", [grade, outlet]
            )
            if cur.rowcount == 0:
                raise NotFoundError(f"There is no outlet {outlet!r}.")
        return Changes(library=True)

    def reliability(self, outlet: str) -> str | None:
        with self._lock:
            row = self.db.execute(
                "SELECT reliability FROM outlets WHERE name = ?", [outlet]
            ).fetchone()
        if row is None:
            raise NotFoundError(f"There is no outlet {outlet!r}.")
        return row[0]

    @environment_errors
    def link(self, outlet: str, same_as: str) -> Changes:
        """Say that ``outlet`` is ``same_as``: its citations move there (its grade too, if
        ``same_as`` has none), now and in every later analysis. The changes name the
        articles whose citations moved."""
        with self._lock, self.db.atomic():
            moved = link_outlet(self.db, outlet, same_as)
        return Changes.of(articles=moved, library=True)

    @environment_errors
    def unlink(self, outlet: str) -> Changes:
        """Take back ``link``: the citations that name ``outlet`` are its own again."""
        with self._lock, self.db.atomic():
            moved = unlink_outlet(self.db, outlet)
        return Changes.of(articles=moved, library=True)

    def outlet_names(self) -> builtins.list[str]:
        """Every outlet the library's articles cite (or a link names), by name."""
        with self._lock:
            rows = self.db.execute("SELECT name FROM outlets ORDER BY name COLLATE NOCASE")
            return [r[0] for r in rows]

    def aliases(self) -> dict[str, str]:
        """Every outlet the analyst linked to another: its name → the other's."""
        with self._lock:
            return outlet_links(self.db)
