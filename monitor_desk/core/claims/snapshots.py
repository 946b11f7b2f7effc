"""Exact snapshots of claims, and putting them back (undo of claim edits and deletions).

A ``ClaimSnapshot`` is the claim's whole row (every column, whatever the schema adds later)
plus the analysis stamp of its revision. ``ClaimSnapshots.restore`` writes the row back with
the same id — re-inserting a deleted claim or overwriting an edited one — and rewrites its
search row, so an undo gives back the very claim (spans, name, kind, grade, quotes, citation,
origin), not a look-alike.

A re-analysis replaces the extracted (``auto``) claims of a revision with new rows, and a
re-import gives the article a new revision: a snapshot taken before either no longer
describes a claim of the text on screen, so restoring it is refused with a message rather
than bringing back a stale or duplicate claim.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import search
from ..connection import Component
from ..errors import InvalidInputError, NotFoundError


@dataclass(frozen=True, slots=True)
class ClaimSnapshot:
    """A claim exactly as stored at one moment.

    Attributes:
        claim_id: the claim's id (kept on restore).
        article_id: its article.
        analyzed: when its revision was last analysed (``revisions.analyzed``).
        row: (column, value) for every column of ``claims`` but ``id``.
    """

    claim_id: int
    article_id: int
    analyzed: str | None
    row: tuple[tuple[str, Any], ...]

    def value(self, column: str) -> Any:
        return dict(self.row)[column]


class ClaimSnapshots(Component):
    """Takes and puts back claim snapshots (``lib.claims.snapshot`` / ``restore``)."""

    def snapshot(self, claim_id: int) -> ClaimSnapshot:
        """The claim's whole stored state, to hand back to ``restore`` later."""
        with self._lock:
            cur = self.db.execute(
                """SELECT c.*, r.article_id, r.analyzed FROM claims c
                   JOIN revisions r ON r.id = c.revision_id WHERE c.id = ?""",
                [claim_id],
            )
            names = [d[0] for d in cur.description]
            found = cur.fetchone()
        if found is None:
            raise NotFoundError(f"There is no claim {claim_id}.")
        values = dict(zip(names, found, strict=True))
        article_id, analyzed = values.pop("article_id"), values.pop("analyzed")
        values.pop("id")
        return ClaimSnapshot(claim_id, article_id, analyzed, tuple(values.items()))

    def restore(self, snapshot: ClaimSnapshot) -> None:
        """Write ``snapshot`` back with its id: re-insert the claim or overwrite its edits.

        Refused (``InvalidInputError``, nothing written) when the article has a new text
        since, or — for an extracted claim — was analysed again since; ``NotFoundError``
        when the article is gone.
        """
        values = dict(snapshot.row)
        with self._lock, self.db.atomic():
            state = self.db.execute(
                """SELECT r.id, r.analyzed, a.current_revision_id FROM revisions r
                   JOIN articles a ON a.id = r.article_id WHERE r.id = ?""",
                [values["revision_id"]],
            ).fetchone()
            if state is None:
                raise NotFoundError("The claim's article is no longer in the library.")
            _, analyzed, current = state
            if current != values["revision_id"]:
                raise InvalidInputError(
                    "The article's text has changed since: the claim cannot be put back."
                )
            if values["origin"] == "auto" and analyzed != snapshot.analyzed:
                raise InvalidInputError(
                    "The article was analysed again since: its extracted claims were found "
                    "afresh, so this claim change cannot be undone."
                )
            existing = self.db.execute(
                "SELECT revision_id, origin FROM claims WHERE id = ?", [snapshot.claim_id]
            ).fetchone()
            if existing is not None and tuple(existing) != (
                values["revision_id"],
                values["origin"],
            ):
                # Another claim holds the id (ids are never reused since schema 0003, but a
                # library written by another tool may still do it): never overwrite it.
                raise InvalidInputError("The claim was replaced since: it cannot be put back.")
            citation = values.get("citation_id")
            if (
                citation is not None
                and not self.db.execute(
                    "SELECT 1 FROM citations WHERE id = ?", [citation]
                ).fetchone()
            ):
                values["citation_id"] = None  # as ON DELETE SET NULL would have done
            columns = list(values)
            if existing is not None:
                assignments = ", ".join(f'"{c}" = ?' for c in columns)
                self.db.execute(
                    f"UPDATE claims SET {assignments} WHERE id = ?",
                    [*values.values(), snapshot.claim_id],
                )
            else:
                names = ", ".join(f'"{c}"' for c in ["id", *columns])
                marks = ", ".join("?" * (len(columns) + 1))
                self.db.execute(
                    f"INSERT INTO claims({names}) VALUES ({marks})",
                    [snapshot.claim_id, *values.values()],
                )
            search.index_claim(self.db, snapshot.claim_id)
