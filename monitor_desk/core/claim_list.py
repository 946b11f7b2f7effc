"""Claims as the analyst sees them (``StoredClaim``), read from the library."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from sqlite_utils import Database

from .models import ClaimKind, Span


@dataclass(slots=True)
class StoredClaim:
    """A claim as stored: on the article's current revision, or an orphan (its spans are
    then offsets into the older revision it was made on)."""

    id: int
    article_id: int
    speaker: Span | None
    speaker_name: str | None
    cue: Span
    content: Span
    kind: ClaimKind
    citation: Span | None
    """The citation parentheses that support the claim."""
    credibility: int | None
    origin: Literal["auto", "user"]
    status: Literal["anchored", "orphan"] = "anchored"

    @property
    def speaker_label(self) -> str:
        if self.speaker_name:
            return self.speaker_name
        return self.speaker.text if self.speaker else ""


def stored_claims(
    db: Database,
    article_id: int,
    where: str,
    params: list[Any],
    order: str = "c.content_start, c.cue_start, c.id",
) -> list[StoredClaim]:
    rows = db.execute(
        f"""SELECT c.id, c.speaker_start, c.speaker_end, c.speaker_text, c.speaker_name,
                  c.cue_start, c.cue_end, c.cue_text, c.content_start, c.content_end,
                  c.content_text, c.kind, ct.start, ct."end", ct.text, c.credibility,
                  c.origin, c.status
           FROM claims c LEFT JOIN citations ct ON ct.id = c.citation_id
           WHERE {where} ORDER BY {order}""",
        params,
    ).fetchall()
    return [
        StoredClaim(
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
        )
        for r in rows
    ]
