"""Named entities across the library: every mention of one cluster, in every article."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .connection import Component


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


class Entities(Component):
    """``lib.entities``: entity clusters across the library."""

    def mentions(
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
