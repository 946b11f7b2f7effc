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


@dataclass(frozen=True, slots=True)
class LibraryEntity:
    """One entity across the library: canonical name, type, the other names its mentions
    go by, and how many mentions in how many articles (current texts)."""

    id: int
    name: str
    label: str
    aliases: tuple[str, ...]
    mentions: int
    articles: int

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.label, "aliases": list(self.aliases),
                "mentions": self.mentions, "articles": self.articles}  # fmt: skip


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

    def list(
        self, type: str | None = None, search: str | None = None, limit: int | None = None
    ) -> list[LibraryEntity]:
        """Library entities with their counts, most mentioned first; ``type`` an entity
        label, ``search`` a part of the name or of an alias (any case)."""
        where, params = ["1"], []
        if type is not None:
            where.append("le.label = ?")
            params.append(type.upper())
        if search is not None:
            where.append(
                """(le.name LIKE ? OR EXISTS (SELECT 1 FROM entities s
                   WHERE s.entity_id = le.id AND (s.cluster LIKE ? OR s.text LIKE ?)))"""
            )
            like = "%" + search.replace("%", "").replace("_", "") + "%"
            params += [like, like, like]
        sql = f"""SELECT le.id, le.name, le.label, COUNT(*), COUNT(DISTINCT e.revision_id),
                         group_concat(DISTINCT replace(e.cluster, ',', char(31))),
                         group_concat(DISTINCT replace(e.text, ',', char(31)))
                  FROM library_entities le JOIN entities e ON e.entity_id = le.id
                  JOIN articles a ON a.current_revision_id = e.revision_id
                  WHERE {" AND ".join(where)} GROUP BY le.id
                  ORDER BY COUNT(*) DESC, le.name COLLATE NOCASE"""
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        out = []
        with self._lock:
            for eid, name, label, mentions, articles, clusters, texts in self.db.execute(
                sql, params
            ).fetchall():
                seen = {name.casefold()}
                aliases = []
                for alias in [*(clusters or "").split(","), *(texts or "").split(",")]:
                    alias = " ".join(alias.replace("\x1f", ",").split())
                    if alias and alias.casefold() not in seen:
                        seen.add(alias.casefold())
                        aliases.append(alias)
                out.append(LibraryEntity(eid, name, label, tuple(aliases), mentions, articles))
        return out
