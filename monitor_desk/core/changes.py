"""What a write changed, so that a face refreshes just that (as Anki's ``OpChanges``).

Every write of the library returns a ``Changes`` — or, when it also has an answer, a
``Created`` (the new id) or a ``Counted`` (how many) holding one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Changes:
    """Ids of what was written (created, edited or deleted).

    Attributes:
        articles: articles whose highlights, claims or text changed.
        highlights, claims: highlight and claim ids.
        tags: tag ids (a tag's name, colour or how many highlights carry it).
        library: something library-wide changed (an outlet's reliability grade).
        details: articles whose details changed (title, date, publication, volume, issue,
            author): the list's row and the reader's header, not the text's marks.
    """

    articles: frozenset[int] = frozenset()
    highlights: frozenset[int] = frozenset()
    tags: frozenset[int] = frozenset()
    claims: frozenset[int] = frozenset()
    library: bool = False
    details: frozenset[int] = frozenset()

    @classmethod
    def of(
        cls,
        articles: Iterable[int] = (),
        highlights: Iterable[int] = (),
        tags: Iterable[int] = (),
        claims: Iterable[int] = (),
        library: bool = False,
        details: Iterable[int] = (),
    ) -> Changes:
        return cls(
            frozenset(articles),
            frozenset(highlights),
            frozenset(tags),
            frozenset(claims),
            library,
            frozenset(details),
        )

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.articles | other.articles,
            self.highlights | other.highlights,
            self.tags | other.tags,
            self.claims | other.claims,
            self.library or other.library,
            self.details | other.details,
        )

    @property
    def empty(self) -> bool:
        return (
            not (self.articles or self.highlights or self.tags or self.claims or self.library)
            and not self.details
        )


NO_CHANGES = Changes()


@dataclass(frozen=True, slots=True)
class Created:
    """A write that made something: its id, and everything the write changed."""

    id: int
    changes: Changes


@dataclass(frozen=True, slots=True)
class Counted:
    """A write over many things: how many, and everything the write changed."""

    count: int
    changes: Changes
