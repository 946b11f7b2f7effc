"""``lib.claims``: the analyst's review of the claims of an article — list, add, edit,
move a span, grade, delete — and exact snapshots to undo any of it.

Claims made by the analyst have ``origin = 'user'``; claims the pipeline made may still be
edited, graded and deleted. What the analyst did survives a re-analysis and a new text
(see ``carry.py``): added claims stay (re-anchored on a new text, else kept as orphans);
a graded or edited extracted claim is matched to the new analysis by its cue and content
and keeps its grade and edits. A deleted extracted claim comes back when the analysis finds
it again, which is why a deletion is not a judgement — grade 6 or edit instead.
"""

from __future__ import annotations

import builtins
import json
from typing import Any

from .. import search
from ..changes import Changes, Created
from ..connection import Component, Connection
from ..db import environment_errors
from ..entity_corrections import speaker_sql
from ..errors import InvalidInputError, NotFoundError
from ..models import ClaimKind, Span
from ..sql import current_revision
from .kind import claim_kind, content_quotes
from .model import CLAIM_PARTS, ClaimEdit, ClaimPart, StoredClaim, check_credibility, check_kind
from .snapshots import ClaimSnapshot, ClaimSnapshots

_UNSET: Any = object()


_CLAIM_SQL = f"""SELECT c.id, c.speaker_start, c.speaker_end, c.speaker_text, {speaker_sql("c")},
                         c.cue_start, c.cue_end, c.cue_text, c.content_start, c.content_end,
                         c.content_text, c.kind, ct.start, ct."end", ct.text, c.credibility,
                         c.origin, c.status, c.confidence, c.edited
                  FROM claims c LEFT JOIN citations ct ON ct.id = c.citation_id"""


def _stored(article_id: int, r: Any) -> StoredClaim:
    return StoredClaim(
        id=r[0],
        article_id=article_id,
        speaker=Span(r[1], r[2], r[3]) if r[1] is not None else None,
        speaker_name=r[4],
        cue=Span(r[5], r[6], r[7]),
        content=Span(r[8], r[9], r[10]),
        kind=r[11],
        citation=Span(r[12], r[13], r[14]) if r[12] is not None else None,
        credibility=r[15],
        origin=r[16],
        status=r[17],
        confidence=r[18],
        edited=bool(r[19]),
    )


class Claims(Component):
    """``lib.claims``: the claims of each article's current revision."""

    def __init__(self, connection: Connection) -> None:
        super().__init__(connection)
        self._snapshots = ClaimSnapshots(connection)

    def list(self, article_id: int) -> list[StoredClaim]:
        """The claims of the article's current revision, in text order."""
        with self._lock:
            revision_id = current_revision(self.db, article_id).id
            rows = self.db.execute(
                f"""{_CLAIM_SQL}
                   WHERE c.revision_id = ? ORDER BY c.content_start, c.cue_start, c.id""",
                [revision_id],
            ).fetchall()
        return [_stored(article_id, r) for r in rows]

    def orphans(self, article_id: int) -> builtins.list[StoredClaim]:
        """The analyst's claims of the article whose words left its text (spans into the
        old revision they were made on), oldest first."""
        with self._lock:
            current_revision(self.db, article_id)  # NotFoundError for an unknown article
            rows = self.db.execute(
                f"""{_CLAIM_SQL} WHERE c.status = 'orphan' AND c.revision_id IN
                       (SELECT id FROM revisions WHERE article_id = ?)
                   ORDER BY c.revision_id, c.id""",
                [article_id],
            ).fetchall()
        return [_stored(article_id, r) for r in rows]

    def get(self, claim_id: int) -> StoredClaim:
        with self._lock:
            _, article_id, _, _ = self._claim_row(claim_id)
            row = self.db.execute(f"{_CLAIM_SQL} WHERE c.id = ?", [claim_id]).fetchone()
        return _stored(article_id, row)

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

    @environment_errors
    def set_credibility(self, claim_id: int, grade: int | None) -> Changes:
        """Grade a claim on the Admiralty scale (1 confirmed … 6 cannot be judged)."""
        grade = check_credibility(grade)
        with self._lock, self.db.atomic():
            _, article_id, _, _ = self._claim_row(claim_id)
            self.db.execute("UPDATE claims SET credibility = ? WHERE id = ?", [grade, claim_id])
        return Changes.of(articles=[article_id], claims=[claim_id])

    @environment_errors
    def update(
        self,
        claim_id: int,
        speaker_name: str | None = _UNSET,
        kind: ClaimKind | None = None,
        content: tuple[int, int] | None = None,
        cue: tuple[int, int] | None = None,
    ) -> Changes:
        """Change what the analyst corrected; spans are code points into the article text."""
        with self._lock, self.db.atomic():
            _, article_id, text, _ = self._claim_row(claim_id)
            changes = Changes.of(articles=[article_id], claims=[claim_id])
            sets: dict[str, Any] = {}
            if speaker_name is not _UNSET:
                sets["speaker_name"] = (speaker_name or "").strip() or None
            if kind is not None:
                sets["kind"] = check_kind(kind)
            for name, span in (("content", content), ("cue", cue)):
                if span is not None:
                    start, end = _check_span(text, span)
                    sets |= {f"{name}_start": start, f"{name}_end": end}
                    sets[f"{name}_text"] = text[start:end]
            if not sets:
                return changes
            sets["edited"] = 1  # an edited extracted claim keeps its edits (carry.py)
            assignments = ", ".join(f"{k} = :{k}" for k in sets)
            self.db.execute(
                f"UPDATE claims SET {assignments} WHERE id = :id", {**sets, "id": claim_id}
            )
            search.index_claim(self.db, claim_id)
        return changes

    @environment_errors
    def set_span(self, claim_id: int, part: ClaimPart, span: tuple[int, int]) -> ClaimEdit:
        """Move a claim's ``speaker``, ``cue`` or ``content`` to ``span`` (code points).

        White space at either end of the span is left out. The stored text follows the
        span, the kind is decided again from the quotations of the (new) content, and the
        claim's search row is rewritten. A new speaker span also becomes the speaker's name
        unless the analyst typed a name (see ``_name_was_typed``). Nothing changes when the
        span is refused. Returns the claim as now stored, and the changes.
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
            search.index_claim(self.db, claim_id)
            claim = self.get(claim_id)
        return ClaimEdit(claim, Changes.of(articles=[article_id], claims=[claim_id]))

    @environment_errors
    def delete(self, claim_id: int) -> Changes:
        with self._lock, self.db.atomic():
            _, article_id, _, _ = self._claim_row(claim_id)
            self.db.execute("DELETE FROM claims WHERE id = ?", [claim_id])
            search.unindex_rows(self.db, "claim", [claim_id])
        return Changes.of(articles=[article_id], claims=[claim_id])

    @environment_errors
    def add(
        self,
        article_id: int,
        content: tuple[int, int],
        speaker_name: str | None = None,
        cue_text: str = "",
        kind: ClaimKind = "indirect",
        speaker: tuple[int, int] | None = None,
        cue: tuple[int, int] | None = None,
    ) -> Created:
        """Add an analyst's claim over ``content`` (code points); returns its id.

        Without a ``cue`` span the cue word is looked for just before the content (e.g.
        "said" in "… said that …"); when it is not there the cue is an empty span at the
        content's start and ``cue_text`` is kept as typed.
        """
        check_kind(kind)
        with self._lock, self.db.atomic():
            current = current_revision(self.db, article_id)
            revision_id, text = current.id, current.text
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
            search.index_claim(self.db, claim_id)
        return Created(claim_id, Changes.of(articles=[article_id], claims=[claim_id]))

    def snapshot(self, claim_id: int) -> ClaimSnapshot:
        """The claim's whole stored state, to hand back to ``restore`` later (undo)."""
        return self._snapshots.snapshot(claim_id)

    def restore(self, snapshot: ClaimSnapshot) -> Changes:
        """Write ``snapshot`` back with its id (undo); see ``ClaimSnapshots.restore``."""
        self._snapshots.restore(snapshot)
        return Changes.of(articles=[snapshot.article_id], claims=[snapshot.claim_id])


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
