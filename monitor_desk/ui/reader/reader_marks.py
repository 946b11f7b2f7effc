"""What the reader marks in an article's text, and where (code points).

``ArticleMarks`` gathers entities, claims, citations and highlights of one article; the
reader turns them into character formats and answers "what is under the mouse".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from ...core.claims import CREDIBILITY, StoredClaim
from ...core.models import Article, Citation, EntityMention, Highlight
from ...core.pages import page_for
from ..widgets.palette import ENTITY_NAMES

MarkKind = Literal["entity", "claim", "cue", "citation", "highlight"]


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: MarkKind
    payload: object


@dataclass(slots=True)
class ArticleMarks:
    entities: list[EntityMention] = field(default_factory=list)
    claims: list[StoredClaim] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    highlights: list[Highlight] = field(default_factory=list)

    def marks(self) -> list[Mark]:
        out = [Mark(e.start, e.end, "entity", e) for e in self.entities]
        for c in self.claims:
            out.append(Mark(c.content.start, c.content.end, "claim", c))
            if c.cue.end > c.cue.start:
                out.append(Mark(c.cue.start, c.cue.end, "cue", c))
        out += [Mark(c.start, c.end, "citation", c) for c in self.citations]
        out += [
            Mark(h.start, h.end, "highlight", h) for h in self.highlights if h.status == "anchored"
        ]
        out.sort(key=lambda m: (m.start, m.end))
        return out

    def labels(self) -> list[str]:
        """Entity types present, most frequent first."""
        counts: dict[str, int] = {}
        for e in self.entities:
            counts[e.label] = counts.get(e.label, 0) + 1
        return sorted(counts, key=lambda lab: (-counts[lab], lab))


def marks_at(marks: list[Mark], pos: int) -> list[Mark]:
    return [m for m in marks if m.start <= pos < m.end]


def entity_at(
    marks: list[Mark], pos: int, hidden: frozenset[str] | set[str]
) -> EntityMention | None:
    for m in marks_at(marks, pos):
        if isinstance(m.payload, EntityMention) and m.payload.label not in hidden:
            return m.payload
    return None


def describe(mark: Mark, page_starts: Sequence[int] = ()) -> str:
    """One or two plain lines for a tooltip (a highlight in a PDF says its page)."""
    p = mark.payload
    if isinstance(p, EntityMention):
        kind = ENTITY_NAMES.get(p.label, p.label)
        line = f"{kind} ({p.label}): {p.text}"
        if p.cluster and p.cluster != p.text:
            line += f" — same as “{p.cluster}”"
        return line + "\nClick to see its mentions."
    if isinstance(p, StoredClaim):
        who = p.speaker_label or "unknown speaker"
        verb = p.cue.text or "—"
        line = f"Claim ({p.kind}): {who} — “{verb}”"
        if p.credibility is not None:
            line += f"\nCredibility {p.credibility}: {CREDIBILITY[p.credibility]}"
        if p.origin == "user":
            line += "\nAdded by you"
        return line
    if isinstance(p, Citation):
        parts = [f"{it.outlet}, {it.date_text}" if it.date_text else it.outlet for it in p.items]
        return "Source: " + "; ".join(parts)
    if isinstance(p, Highlight):
        tags = ", ".join(p.tags) if p.tags else "no tags"
        text = f"Highlight: {tags}"
        page = page_for(page_starts, p.start)
        if page is not None:
            text += f" (p. {page})"
        if p.note:
            text += f"\nNote: {p.note}"
        return text
    return ""


def tooltip(
    marks: list[Mark],
    pos: int,
    hidden: frozenset[str] | set[str],
    page_starts: Sequence[int] = (),
) -> str:
    here = marks_at(marks, pos)
    on_cue = {id(m.payload) for m in here if m.kind == "cue"}
    lines: list[str] = []
    for m in here:
        if m.kind == "claim" and id(m.payload) in on_cue:
            continue  # the cue's line describes the claim already
        if isinstance(m.payload, EntityMention) and m.payload.label in hidden:
            continue
        text = describe(m, page_starts)
        if text and text not in lines:
            lines.append(text)
    return "\n\n".join(lines)


def title_span(article: Article) -> tuple[int, int] | None:
    """Where the title stands as its own line in the body, if it does."""
    text = article.text
    title = (article.title or "").strip()
    if not title:
        return None
    start = text.find(title, article.body_start, article.body_start + 4 * len(title) + 200)
    if start < 0:
        return None
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:line_end].strip() != title:
        return None
    return start, start + len(title)
