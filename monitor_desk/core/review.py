"""The analyst's review of an analysis: claims (edit, grade), outlets (reliability), entities
across the library. Mixed into ``Library``; methods use ``self.db`` under ``self._lock``.

Claims made by the analyst have ``origin = 'user'``; claims the pipeline made may still be
edited, graded and deleted. What the analyst did survives a re-analysis and a new text
(see ``claim_carry``): added claims stay (re-anchored on a new text, else kept as orphans);
a graded or edited extracted claim is matched to the new analysis by its cue and content
and keeps its grade and edits. A deleted extracted claim comes back when the analysis finds
it again, which is why a deletion is not a judgement — grade 6 or edit instead.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from typing import Any, Literal

from . import search
from .claim_kind import claim_kind, content_quotes
from .claim_list import StoredClaim, stored_claims
from .claim_restore import ClaimRestoreMixin
from .errors import InvalidInputError, NotFoundError
from .models import CitationItem, Span

CREDIBILITY = {
    1: "Confirmed",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Cannot be judged",
}
"""The Admiralty scale for information credibility."""

RELIABILITY = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Cannot be judged",
}
"""The Admiralty scale for source reliability."""

_KINDS = ("direct", "indirect", "mixed")
ClaimPart = Literal["speaker", "cue", "content"]
CLAIM_PARTS: tuple[ClaimPart, ...] = ("speaker", "cue", "content")
_UNSET: Any = object()


@dataclass(slots=True)
class SourceEntry:
    """One outlet cited by one article: when, where and what it supports."""

    outlet: str
    reliability: str | None
    items: list[CitationItem] = field(default_factory=list)
    citations: list[Span] = field(default_factory=list)
    covers: list[tuple[int, int]] = field(default_factory=list)
    """Sentence spans (start, end) the outlet's citations support, in text order."""


@dataclass(frozen=True, slots=True)
class MentionRef:
    """One mention of an entity cluster somewhere in the library."""

    article_id: int
    title: str
    start: int
    end: int
    text: str
    label: str
    cluster: str


def _check_credibility(grade: int | None) -> int | None:
    if grade is not None and grade not in CREDIBILITY:
        raise InvalidInputError(f"{grade!r} is not a credibility grade; use 1 to 6.")
    return grade


def _check_kind(kind: str) -> str:
    if kind not in _KINDS:
        raise InvalidInputError(f"{kind!r} is not a claim kind; use direct, indirect or mixed.")
    return kind


class ReviewMixin(ClaimRestoreMixin):
    db: Any
    _lock: threading.RLock

    # -- claims ----------------------------------------------------------------------------

    def _current_revision(self, article_id: int) -> tuple[int, str, str]:
        row = self.db.execute(
            """SELECT r.id, r.text, a.title FROM articles a
               JOIN revisions r ON r.id = a.current_revision_id WHERE a.id = ?""",
            [article_id],
        ).fetchone()
        if row is None:
            raise NotFoundError(f"There is no article {article_id}.")
        return int(row[0]), row[1], row[2]

    def list_claims(self, article_id: int) -> list[StoredClaim]:
        """The claims of the article's current revision, in text order."""
        with self._lock:
            revision_id, _, _ = self._current_revision(article_id)
            return stored_claims(self.db, article_id, "c.revision_id = ?", [revision_id])

    def orphan_claims(self, article_id: int) -> list[StoredClaim]:
        """The analyst's claims of the article whose words left its text (spans into the
        old revision they were made on), oldest first."""
        with self._lock:
            self._current_revision(article_id)
            return stored_claims(
                self.db,
                article_id,
                "c.status = 'orphan' AND c.revision_id IN "
                "(SELECT id FROM revisions WHERE article_id = ?)",
                [article_id],
                order="c.revision_id, c.id",
            )

    def _claim_row(self, claim_id: int) -> tuple[int, int, str, str]:
        """(revision id, article id, revision text, title) of a claim."""
        row = self.db.execute(
            """SELECT c.revision_id, r.article_id, r.text, a.title FROM claims c
               JOIN revisions r ON r.id = c.revision_id JOIN articles a ON a.id = r.article_id
               WHERE c.id = ?""",
            [claim_id],
        ).fetchone()
        if row is None:
            raise NotFoundError(f"There is no claim {claim_id}.")
        return row[0], row[1], row[2], row[3]

    def _reindex_claim(self, claim_id: int) -> None:
        _, article_id, _, title = self._claim_row(claim_id)
        name, speaker, content = self.db.execute(
            "SELECT speaker_name, speaker_text, content_text FROM claims WHERE id = ?", [claim_id]
        ).fetchone()
        search.index_row(
            self.db, "claim", claim_id, article_id, title, f"{name or speaker or ''}: {content}"
        )

    def set_claim_credibility(self, claim_id: int, grade: int | None) -> None:
        """Grade a claim on the Admiralty scale (1 confirmed … 6 cannot be judged)."""
        grade = _check_credibility(grade)
        with self._lock, self.db.atomic():
            self._claim_row(claim_id)
            self.db.execute("UPDATE claims SET credibility = ? WHERE id = ?", [grade, claim_id])

    def update_claim(
        self,
        claim_id: int,
        speaker_name: str | None = _UNSET,
        kind: str | None = None,
        content: tuple[int, int] | None = None,
        cue: tuple[int, int] | None = None,
    ) -> None:
        """Change what the analyst corrected; spans are code points into the article text."""
        with self._lock, self.db.atomic():
            _, _, text, _ = self._claim_row(claim_id)
            sets: dict[str, Any] = {}
            if speaker_name is not _UNSET:
                sets["speaker_name"] = (speaker_name or "").strip() or None
            if kind is not None:
                sets["kind"] = _check_kind(kind)
            for name, span in (("content", content), ("cue", cue)):
                if span is not None:
                    start, end = _check_span(text, span)
                    sets |= {f"{name}_start": start, f"{name}_end": end}
                    sets[f"{name}_text"] = text[start:end]
            if not sets:
                return
            sets["edited"] = 1  # an edited extracted claim keeps its edits (claim_carry)
            assignments = ", ".join(f"{k} = :{k}" for k in sets)
            self.db.execute(
                f"UPDATE claims SET {assignments} WHERE id = :id", {**sets, "id": claim_id}
            )
            self._reindex_claim(claim_id)

    def set_claim_span(self, claim_id: int, part: ClaimPart, span: tuple[int, int]) -> StoredClaim:
        """Move a claim's ``speaker``, ``cue`` or ``content`` to ``span`` (code points).

        White space at either end of the span is left out. The stored text follows the
        span, the kind is decided again from the quotations of the (new) content, and the
        claim's search row is rewritten. A new speaker span also becomes the speaker's name
        unless the analyst typed a name (see ``_name_was_typed``). Nothing changes when the
        span is refused. Returns the claim as now stored.
        """
        if part not in CLAIM_PARTS:
            raise InvalidInputError(
                f"{part!r} is not a part of a claim; use speaker, cue or content."
            )
        with self._lock, self.db.atomic():
            _, article_id, text, _ = self._claim_row(claim_id)
            try:
                start, end = _strip_blank(text, *_check_span(text, span))
            except InvalidInputError as exc:
                raise InvalidInputError(f"Cannot set the claim's {part}: {exc}") from None
            row = self.db.execute(
                """SELECT speaker_start, speaker_end, speaker_name, cue_start, cue_end,
                          content_start, content_end, origin FROM claims WHERE id = ?""",
                [claim_id],
            ).fetchone()
            spans: dict[str, tuple[int, int] | None] = {
                "speaker": (row[0], row[1]) if row[0] is not None else None,
                "cue": (row[3], row[4]),
                "content": (row[5], row[6]),
            }
            spans[part] = (start, end)
            sets: dict[str, Any] = {
                f"{part}_start": start,
                f"{part}_end": end,
                f"{part}_text": text[start:end],
            }
            if part == "speaker" and not _name_was_typed(row[7], row[0], row[2]):
                sets["speaker_name"] = text[start:end]
            c_start, c_end = spans["content"] or (start, end)
            quotes = content_quotes(text, c_start, c_end)
            own = [s for s in (spans["cue"], spans["speaker"]) if s is not None]
            sets["kind"] = claim_kind(text, c_start, c_end, own, quotes)
            sets["quotes_json"] = json.dumps(
                [[q0, q1, text[q0:q1]] for q0, q1 in quotes], ensure_ascii=False
            )
            sets["edited"] = 1
            assignments = ", ".join(f"{k} = :{k}" for k in sets)
            self.db.execute(
                f"UPDATE claims SET {assignments} WHERE id = :id", {**sets, "id": claim_id}
            )
            self._reindex_claim(claim_id)
        return next(c for c in self.list_claims(article_id) if c.id == claim_id)

    def delete_claim(self, claim_id: int) -> None:
        with self._lock, self.db.atomic():
            self._claim_row(claim_id)
            self.db.execute("DELETE FROM claims WHERE id = ?", [claim_id])
            search.unindex_rows(self.db, "claim", [claim_id])

    def add_claim(
        self,
        article_id: int,
        content: tuple[int, int],
        speaker_name: str | None = None,
        cue_text: str = "",
        kind: str = "indirect",
        speaker: tuple[int, int] | None = None,
        cue: tuple[int, int] | None = None,
    ) -> int:
        """Add an analyst's claim over ``content`` (code points); returns its id.

        Without a ``cue`` span the cue word is looked for just before the content (e.g.
        "said" in "… said that …"); when it is not there the cue is an empty span at the
        content's start and ``cue_text`` is kept as typed.
        """
        _check_kind(kind)
        with self._lock, self.db.atomic():
            revision_id, text, _ = self._current_revision(article_id)
            c_start, c_end = _check_span(text, content)
            if cue is not None:
                q_start, q_end = _check_span(text, cue)
                cue_text = text[q_start:q_end]
            else:
                q_start, q_end = _find_cue(text, cue_text.strip(), c_start)
                cue_text = text[q_start:q_end] if q_end > q_start else cue_text.strip()
            s_span = _check_span(text, speaker) if speaker is not None else None
            cur = self.db.execute(
                """INSERT INTO claims(revision_id, speaker_start, speaker_end, speaker_text,
                       speaker_name, cue_start, cue_end, cue_text, content_start, content_end,
                       content_text, kind, quotes_json, origin)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', 'user')""",
                [
                    revision_id,
                    s_span[0] if s_span else None,
                    s_span[1] if s_span else None,
                    text[s_span[0] : s_span[1]] if s_span else None,
                    (speaker_name or "").strip() or None,
                    q_start,
                    q_end,
                    cue_text,
                    c_start,
                    c_end,
                    text[c_start:c_end],
                    kind,
                ],
            )
            claim_id = int(cur.lastrowid or 0)
            self._reindex_claim(claim_id)
            return claim_id

    # -- sources ---------------------------------------------------------------------------

    def list_sources(self, article_id: int) -> list[SourceEntry]:
        """The outlets the article cites, in order of first citation."""
        with self._lock:
            revision_id, _, _ = self._current_revision(article_id)
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

    def set_outlet_reliability(self, outlet: str, grade: str | None) -> None:
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

    def outlet_reliability(self, outlet: str) -> str | None:
        with self._lock:
            row = self.db.execute(
                "SELECT reliability FROM outlets WHERE name = ?", [outlet]
            ).fetchone()
        if row is None:
            raise NotFoundError(f"There is no outlet {outlet!r}.")
        return row[0]

    # -- analysis state ----------------------------------------------------------------------

    def unanalyzed_article_ids(self) -> list[int]:
        """Articles whose current revision has no stored analysis (cheap at 100k)."""
        with self._lock:
            return [
                r[0]
                for r in self.db.execute(
                    """SELECT a.id FROM articles a JOIN revisions r ON r.id = a.current_revision_id
                       WHERE r.pipeline_name IS NULL ORDER BY a.id"""
                )
            ]

    # -- entities --------------------------------------------------------------------------

    def entity_mentions(
        self, cluster: str, label: str | None = None, limit: int = 5000
    ) -> list[MentionRef]:
        """Mentions of an entity cluster in the current text of every article."""
        sql = """SELECT a.id, a.title, e.start, e."end", e.text, e.label, e.cluster
                 FROM entities e JOIN articles a ON a.current_revision_id = e.revision_id
                 WHERE e.cluster = ? COLLATE NOCASE"""
        params: list[Any] = [cluster]
        if label is not None:
            sql += " AND e.label = ?"
            params.append(label)
        sql += " ORDER BY a.id, e.start LIMIT ?"
        params.append(limit)
        with self._lock:
            return [MentionRef(*r) for r in self.db.execute(sql, params)]


def _check_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    if not (0 <= start < end <= len(text)):
        raise InvalidInputError(f"{start}..{end} is not a stretch of the text (0..{len(text)}).")
    return start, end


def _strip_blank(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without white space at its ends; refused when nothing else is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise InvalidInputError("the selection is only white space.")
    return start, end


def _name_was_typed(origin: str, speaker_start: int | None, speaker_name: str | None) -> bool:
    """Whether the stored speaker name is the analyst's own.

    The analyst types a name when adding a claim (``user`` claims). On an extracted claim a
    name without a speaker span can only have been typed (the extractor names a speaker
    only from a span); a name beside a span may be the extractor's resolution of that
    span, which goes with the span when the span is moved. The schema does not record who
    wrote a name, so a name typed over an extracted speaker is replaced too.
    """
    if not speaker_name:
        return False
    return origin == "user" or speaker_start is None


def _find_cue(text: str, cue: str, content_start: int) -> tuple[int, int]:
    """The last occurrence of ``cue`` in the 120 characters before ``content_start``."""
    if cue:
        window_start = max(0, content_start - 120)
        found = text.rfind(cue, window_start, content_start)
        if found >= 0:
            return found, found + len(cue)
    return content_start, content_start
