"""A briefing report as plain values: its scope, its header, one section per tag, and each
highlight as a quotation with its note and its article's citation. ``report.py`` builds
one from the library; ``report_text.py`` and ``report_docx.py`` write it out.

A highlight with several tags in the scope is quoted once, under the first of them in
tag-tree order; the sections of its other tags refer to it by its number (``[3]``), so
that every highlight appears exactly once and each of its tags still leads to it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from .article_dates import INFERRED, display_date
from .claims.model import CREDIBILITY
from .sources import RELIABILITY

ReportFormat = Literal["docx", "md", "html"]
REPORT_FORMATS: tuple[ReportFormat, ...] = ("docx", "md", "html")
UNTAGGED = "Untagged"
"""The last section's title: highlights of the scope that carry no tag."""

_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with the control characters no document format can hold written as
    ``\\xNN`` (so nothing is lost and a Word file stays valid XML); ``\\r\\n`` and ``\\r``
    become ``\\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def tag_order(name: str) -> tuple[str, ...]:
    """Tag-tree order: a tag, then its sub-tags, then the next tag (case ignored)."""
    return tuple(part.casefold() for part in name.split("/"))


@dataclass
class ReportScope:
    """Which highlights a report holds; empty means every highlight of the library.

    Attributes:
        tags: highlights with one of these tags or their sub-tags (empty: any, or none).
        article_ids: highlights of these articles.
        since, until: articles dated in this range (YYYY-MM-DD, YYYY-MM or YYYY).
        search: highlights whose quote, note or tags, or whose article, match the text.
        with_claims: also the claims and cited outlets each highlight covers, with grades.
    """

    tags: Sequence[str] = ()
    article_ids: Sequence[int] | None = None
    since: str | None = None
    until: str | None = None
    search: str | None = None
    with_claims: bool = False


@dataclass(frozen=True, slots=True)
class ArticleCitation:
    """Where a quotation comes from, as a reader would cite it."""

    article_id: int
    title: str
    publication: str | None = None
    volume: str | None = None
    issue: str | None = None
    date: str | None = None
    date_source: str | None = None
    date_precision: str | None = None
    page: int | None = None

    @property
    def date_inferred(self) -> bool:
        return self.date_source in INFERRED

    def date_text(self) -> str:
        """``1999-09-27``, or ``≥ 1999-09-26 (inferred)`` for a date the text implied."""
        shown = display_date(self.date, self.date_precision)
        return f"{shown} (inferred)" if shown and self.date_inferred else shown

    def text(self) -> str:
        """``Monitor, vol. 5, no. 177, 1999-09-27, “Title”, p. 3``."""
        parts = [self.publication or ""]
        if self.volume:
            parts.append(f"vol. {self.volume}")
        if self.issue:
            parts.append(f"no. {self.issue}")
        parts += [self.date_text(), f"“{self.title}”"]
        if self.page is not None:
            parts.append(f"p. {self.page}")
        return printable(", ".join(p for p in parts if p))


@dataclass(frozen=True, slots=True)
class ReportClaim:
    """A claim the highlight covers: who said what, and the analyst's grade."""

    speaker: str
    cue: str
    content: str
    credibility: int | None

    def grade_text(self) -> str:
        if self.credibility is None:
            return "credibility not graded"
        return f"credibility {self.credibility} ({CREDIBILITY[self.credibility]})"


@dataclass(frozen=True, slots=True)
class ReportOutlet:
    """An outlet cited for the sentences the highlight covers, and its reliability grade."""

    name: str
    date_text: str | None
    reliability: str | None

    def grade_text(self) -> str:
        if self.reliability is None:
            return "reliability not graded"
        return f"reliability {self.reliability} ({RELIABILITY[self.reliability]})"


@dataclass(slots=True)
class ReportItem:
    """One highlight: its number in the report, quote, note, tags and citation."""

    number: int
    highlight_id: int
    quote: str
    note: str
    tags: list[str]
    citation: ArticleCitation
    orphan: bool = False
    claims: list[ReportClaim] = field(default_factory=list)
    outlets: list[ReportOutlet] = field(default_factory=list)


@dataclass(slots=True)
class ReportSection:
    """A tag's section: the highlights quoted here, and those quoted under an earlier tag.

    Attributes:
        tag: the tag's full name (``claims/denial``); None for the untagged highlights.
        depth: 0 for a top-level section, 1 for a sub-tag under its parent's section, …
        items: the highlights quoted in this section, in article date and text order.
        see_also: highlights with this tag quoted in an earlier section.
    """

    tag: str | None
    depth: int
    items: list[ReportItem] = field(default_factory=list)
    see_also: list[ReportItem] = field(default_factory=list)

    @property
    def title(self) -> str:
        return UNTAGGED if self.tag is None else self.tag


@dataclass(slots=True)
class Report:
    """A briefing: title, when it was written, its scope in words, and the sections."""

    title: str
    written: str
    scope_lines: list[str]
    sections: list[ReportSection]
    with_claims: bool = False
    article_count: int = 0
    highlight_count: int = 0
    tag_count: int = 0
    """The whole report's counts (a preview may hold only its first highlights)."""

    @property
    def items(self) -> list[ReportItem]:
        return [item for s in self.sections for item in s.items]

    def counts_text(self) -> str:
        n, a, tags = self.highlight_count, self.article_count, self.tag_count
        return (
            f"{n} highlight{'s' if n != 1 else ''} from {a} article{'s' if a != 1 else ''}, "
            f"under {tags} tag{'s' if tags != 1 else ''}"
        )

    def dates_note(self) -> str:
        """What the mark on an inferred date means, when one is shown."""
        if any(i.citation.date_inferred for i in self.items):
            return (
                "Dates marked (inferred) were read from a dateline or the article's "
                "citations, not given by the document; ≥ means not earlier than."
            )
        return ""
