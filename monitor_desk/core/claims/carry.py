"""The analyst's claims across a new text (revision) and a new analysis.

*Analyst work* is a claim the analyst added (``origin = 'user'``) or an extracted claim
they graded or edited (``credibility`` set, ``edited = 1``).

- A new revision (``carry_to_revision``): analyst work moves to the new revision, every
  span (speaker, cue, content) re-anchored by its quote like a highlight. A claim one of
  whose spans cannot be found stays on its old revision as an ``orphan``: stored, listed
  (``lib.claims.orphans``), exported with its status, never drawn on a text it does not quote.
  Untouched extracted claims stay with their revision: the new analysis finds them again.
- A new analysis (``AnalystClaims`` in ``store.store_analysis``): an extracted claim the
  analyst touched is matched to the new analysis by its extracted cue + content text. A
  match keeps the row (id, grade); an ungraded-only claim takes the new spans, an edited one
  keeps the analyst's edits; both take the new citation. A touched claim the new analysis
  no longer finds is kept as the analyst left it.

Only the current revision's claims are in the search index.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlite_utils import Database

from .. import search
from ..anchoring import make_anchor, reanchor
from ..models import Claim
from .kind import content_quotes

_ANALYST_WORK = "(origin = 'user' OR credibility IS NOT NULL OR edited = 1)"


def claim_key(cue_text: str, content_text: str) -> str:
    """What identifies an extracted claim across analyses."""
    return f"{cue_text}\x1f{content_text}"


def claim_search_body(speaker_name: str | None, speaker_text: str | None, content: str) -> str:
    return f"{speaker_name or speaker_text or ''}: {content}"


def _moved_claim(
    row: dict[str, Any], old_text: str, old_sha: str, new_text: str, new_sha: str
) -> dict[str, Any] | None:
    """The claim's columns in the new text, or None when a span of it is lost."""

    def find(start: int, end: int) -> tuple[int, int] | None:
        found = reanchor(make_anchor(old_text, start, end, old_sha), new_text, new_sha)
        return None if found.orphan else (found.start, found.end)

    content = find(row["content_start"], row["content_end"])
    if content is None:
        return None
    sets: dict[str, Any] = {"content_start": content[0], "content_end": content[1]}
    if row["cue_end"] > row["cue_start"]:
        cue = find(row["cue_start"], row["cue_end"])
        if cue is None:
            return None
        sets |= {"cue_start": cue[0], "cue_end": cue[1], "cue_text": new_text[cue[0] : cue[1]]}
    else:  # a typed cue without a span sits at the content's start (see review.add_claim)
        sets |= {"cue_start": content[0], "cue_end": content[0]}
    if row["speaker_start"] is not None:
        speaker = find(row["speaker_start"], row["speaker_end"])
        if speaker is None:
            return None
        sets |= {
            "speaker_start": speaker[0],
            "speaker_end": speaker[1],
            "speaker_text": new_text[speaker[0] : speaker[1]],
        }
    new_content = new_text[content[0] : content[1]]
    sets["content_text"] = new_content
    quotes = json.loads(row["quotes_json"])
    if new_content == row["content_text"]:
        shift = content[0] - row["content_start"]
        quotes = [[s + shift, e + shift, t] for s, e, t in quotes]
    else:
        quotes = [[s, e, new_text[s:e]] for s, e in content_quotes(new_text, *content)]
    sets["quotes_json"] = json.dumps(quotes, ensure_ascii=False)
    sets["citation_id"] = None  # the old revision's citation; a new analysis links anew
    return sets


def carry_to_revision(
    db: Database,
    article_id: int,
    old_revision: int,
    new_revision: int,
    new_text: str,
    new_sha: str,
) -> int:
    """Move the analyst's claims of ``old_revision`` to ``new_revision`` (inside the
    caller's transaction) and take the old revision's claims out of the search index.

    Returns how many claims became orphans.
    """
    old_text, old_sha = db.execute(
        "SELECT text, text_sha256 FROM revisions WHERE id = ?", [old_revision]
    ).fetchone()
    cur = db.execute(
        f"""SELECT * FROM claims WHERE revision_id = ? AND status = 'anchored'
            AND {_ANALYST_WORK} ORDER BY id""",
        [old_revision],
    )
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    search.unindex_rows(
        db,
        "claim",
        [r[0] for r in db.execute("SELECT id FROM claims WHERE revision_id = ?", [old_revision])],
    )
    title = db.execute("SELECT title FROM articles WHERE id = ?", [article_id]).fetchone()[0]
    orphans = 0
    for row in rows:
        sets = _moved_claim(row, old_text, old_sha, new_text, new_sha)
        if sets is None:
            orphans += 1
            db.execute("UPDATE claims SET status = 'orphan' WHERE id = ?", [row["id"]])
            continue
        sets["revision_id"] = new_revision
        assignments = ", ".join(f'"{k}" = :{k}' for k in sets)
        db.execute(f"UPDATE claims SET {assignments} WHERE id = :id", {**sets, "id": row["id"]})
        speaker = sets.get("speaker_text")
        body = claim_search_body(row["speaker_name"], speaker, sets["content_text"])
        search.index_row(db, "claim", row["id"], article_id, title, body)
    return orphans


class AnalystClaims:
    """The touched extracted claims of one revision, while its analysis is replaced."""

    def __init__(self, db: Database, revision_id: int) -> None:
        self.db = db
        self._by_key: dict[str, list[tuple[int, bool]]] = defaultdict(list)
        for claim_id, key, edited in db.execute(
            """SELECT id, extracted_key, edited FROM claims WHERE revision_id = ?
               AND origin = 'auto' AND (credibility IS NOT NULL OR edited = 1) ORDER BY id""",
            [revision_id],
        ):
            self._by_key[key or ""].append((claim_id, bool(edited)))
        # The analyst's own claims with a cue in the text: an extracted claim of the same
        # cue over overlapping content is theirs already (a verb taught after they added
        # its claim by hand), not a second claim.
        self._own: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
        for cue_start, cue_end, start, end in db.execute(
            """SELECT cue_start, cue_end, content_start, content_end FROM claims
               WHERE revision_id = ? AND origin = 'user' AND cue_end > cue_start""",
            [revision_id],
        ):
            self._own[(cue_start, cue_end)].append((start, end))

    def owned(self, claim: Claim) -> bool:
        """The analyst added this claim themselves (same cue, overlapping content)."""
        spans = self._own.get((claim.cue.start, claim.cue.end), [])
        return any(s < claim.content.end and claim.content.start < e for s, e in spans)

    @property
    def ids(self) -> list[int]:
        return [claim_id for found in self._by_key.values() for claim_id, _ in found]

    def take(self, claim: Claim, citation_id: int | None) -> int | None:
        """Merge ``claim`` (newly extracted) into the analyst's matching claim, if any;
        returns that claim's id."""
        found = self._by_key.get(claim_key(claim.cue.text, claim.content.text))
        if not found:
            return None
        claim_id, edited = found.pop(0)
        sets: dict[str, Any] = {"citation_id": citation_id}
        if not edited:  # only graded: the extractor's new reading, the analyst's grade
            sets |= extracted_columns(claim)
        assignments = ", ".join(f'"{k}" = :{k}' for k in sets)
        self.db.execute(f"UPDATE claims SET {assignments} WHERE id = :id", {**sets, "id": claim_id})
        return claim_id


def extracted_columns(cl: Claim) -> dict[str, Any]:
    """The ``claims`` columns an extracted claim fills (not revision, citation or origin)."""
    sp = cl.speaker
    return {
        "speaker_start": sp.start if sp else None,
        "speaker_end": sp.end if sp else None,
        "speaker_text": sp.text if sp else None,
        "speaker_name": cl.speaker_name,
        "cue_start": cl.cue.start,
        "cue_end": cl.cue.end,
        "cue_text": cl.cue.text,
        "content_start": cl.content.start,
        "content_end": cl.content.end,
        "content_text": cl.content.text,
        "kind": cl.kind,
        "quotes_json": json.dumps(
            [[q.start, q.end, q.text] for q in cl.quotes], ensure_ascii=False
        ),
        "extracted_key": claim_key(cl.cue.text, cl.content.text),
        "confidence": cl.confidence,
    }
