"""Plain dataclasses shared by the service, the importers, the NLP code and the faces.

Every offset in these objects counts Unicode code points into a revision's full
``text`` (header included), never UTF-16 units; the GUI converts at its boundary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

ClaimKind = Literal["direct", "indirect", "mixed"]
HighlightStatus = Literal["anchored", "orphan"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of text: ``text == full_text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class ArticleSummary:
    """One row of the library list; cheap to fetch in bulk."""

    id: int
    title: str
    publication: str | None
    volume: str | None
    issue: str | None
    date: str | None
    author: str | None
    source_path: str | None
    revision_count: int = 1
    notes_count: int = 0
    imported: str | None = None
    date_source: str | None = None
    """header, metadata, dateline, citations or analyst (core/article_dates.py)."""
    date_precision: str | None = None
    """day, month, year or after (a lower bound)."""
    near_duplicate_of: int | None = None
    """The article this one nearly duplicates (core/near_duplicates.py), if any."""
    date_rule: str | None = None
    """The publication whose rule gave the date its year (core/publication_rules.py)."""
    near_duplicates: int = 0
    """How many articles are near-duplicates of this one."""
    pages: int | None = None
    """How many pages the current revision has; None for text without pages (not a PDF)."""


@dataclass(slots=True)
class Article(ArticleSummary):
    """An article with the text of its current revision."""

    text: str = ""
    body_start: int = 0
    revision_id: int = 0
    text_sha256: str = ""
    encoding: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    pipeline: str | None = None
    """``name version`` of the pipeline that analysed this revision, or None."""
    page_starts: list[int] = field(default_factory=list)
    """Where each page begins in ``text`` (core/pages.py); empty for text without pages."""
    language: str | None = None
    """The language its last analysis read it in (core/nlp/language.py), None before."""
    language_override: str | None = None
    """The language the analyst set (``en`` or ``ru``), None: detected."""


@dataclass(slots=True)
class Revision:
    id: int
    article_id: int
    number: int
    text_sha256: str
    created: str


@dataclass(frozen=True, slots=True)
class EntityMention:
    start: int
    end: int
    label: str
    text: str
    cluster: str
    """Canonical name of the cluster the mention belongs to ("Igor Ivanov")."""


@dataclass(frozen=True, slots=True)
class CitationItem:
    outlet: str
    """Normalised outlet name, one per outlet library-wide ("Reuters")."""
    date_text: str | None
    date_start: str | None
    """ISO date (YYYY-MM-DD) or None when the year or the date is unknown."""
    date_end: str | None
    outlet_text: str | None = None
    """The outlet as written in the article."""


@dataclass(frozen=True, slots=True)
class Citation:
    start: int
    end: int
    text: str
    items: tuple[CitationItem, ...]
    covers: tuple[tuple[int, int], ...]
    """Sentence spans (start, end) of the paragraph that this citation supports."""


@dataclass(frozen=True, slots=True)
class Claim:
    speaker: Span | None
    speaker_name: str | None
    cue: Span
    content: Span
    kind: ClaimKind
    quotes: tuple[Span, ...] = ()
    citation: int | None = None
    """Index into the analysis' citations, or None."""
    frame: str = ""
    """The rule that found it (``verb-clause``, ``according``, ``orphan-quote`` …), or ""
    when not extracted here (an analyst's claim, a claim loaded from the library)."""
    confidence: float | None = None
    """How likely the extractor is right, 0–1, calibrated on annotated news
    (core/nlp/claims/confidence.py); None for an analyst's claim or one not yet scored."""


@dataclass(slots=True)
class Analysis:
    """What the NLP produced for one text."""

    pipeline_name: str
    pipeline_version: str
    entities: list[EntityMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    error: str | None = None
    """Why the analysis of this text failed (then it holds nothing else)."""
    language: str | None = None
    """The text's language (core/nlp/language.py: ``en``, ``ru``, another ISO 639-1 code
    or ``und``); None when not known (an analysis stored before languages were)."""


@dataclass(slots=True)
class Tag:
    id: int
    name: str
    color: str | None
    count: int = 0


@dataclass(slots=True)
class Highlight:
    id: int
    article_id: int
    revision_id: int
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    text_sha256: str
    color: str | None
    note: str
    status: HighlightStatus
    created: str
    modified: str
    tags: list[str] = field(default_factory=list)


@dataclass(slots=True)
class SearchHit:
    article_id: int
    title: str
    kind: Literal["article", "highlight", "claim"]
    snippet: str
    publication: str | None = None
    volume: str | None = None
    issue: str | None = None
    date: str | None = None
    source_path: str | None = None
    highlight_id: int | None = None
    date_source: str | None = None
    date_precision: str | None = None
    date_rule: str | None = None


@dataclass(frozen=True, slots=True)
class SearchCount:
    """How much a search found: every hit (article text, notes, claims) and the articles
    they are in, whatever the limit on the hits shown."""

    hits: int
    articles: int | None
    """None: not counted (``Library.search_count``'s ``articles_up_to``)."""


@dataclass(slots=True)
class FileOutcome:
    """What happened to one file of an import."""

    path: str
    status: Literal["imported", "revised", "unchanged", "duplicate", "rejected", "cancelled"]
    # a duplicate: ``article_id`` is the article it duplicates, ``reason`` names it
    article_id: int | None = None
    reason: str | None = None
    near_duplicate_of: int | None = None
    """An imported file linked to the article it nearly duplicates (core/near_duplicates.py)."""


@dataclass(slots=True)
class ImportReport:
    files: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def rejected(self) -> list[FileOutcome]:
        return [f for f in self.files if f.status == "rejected"]

    @property
    def duplicates(self) -> list[FileOutcome]:
        """Files not imported because their text is already an article (not an error)."""
        return [f for f in self.files if f.status == "duplicate"]

    @property
    def near_duplicates(self) -> list[FileOutcome]:
        """Files imported and linked to the article they nearly duplicate."""
        return [f for f in self.files if f.near_duplicate_of is not None]

    @property
    def ok(self) -> bool:
        return not self.rejected and not self.cancelled

    def to_dict(self) -> dict[str, Any]:
        return {
            "imported": self.count("imported"),
            "revised": self.count("revised"),
            "unchanged": self.count("unchanged"),
            "rejected": [{"path": f.path, "reason": f.reason} for f in self.rejected],
            "duplicates": [
                {"path": f.path, "article_id": f.article_id, "reason": f.reason}
                for f in self.duplicates
            ],
            "near_duplicates": [
                {
                    "path": f.path,
                    "article_id": f.article_id,
                    "near_duplicate_of": f.near_duplicate_of,
                }
                for f in self.near_duplicates
            ],
            "cancelled": self.cancelled,
            "files": [
                {"path": f.path, "status": f.status, "article_id": f.article_id, "reason": f.reason}
                for f in self.files
            ],
        }
