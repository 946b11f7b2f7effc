"""Setting or removing a publication rule as one undo step: undo puts the rule as it was
(or none) back, and the library takes back or gives again the years it made."""

from __future__ import annotations

from collections.abc import Callable

from ...core.changes import Changes
from ...core.library import Library
from ...core.publication_rules import PublicationRule
from ..undo import GuardedCommand


class RuleCommand(GuardedCommand):
    """Set ``rule`` (or, with ``rule`` None, remove ``publication``'s rule)."""

    def __init__(
        self,
        library: Library,
        publication: str,
        rule: PublicationRule | None,
        done: Callable[[Changes], object],
        failed: Callable[[str], object],
    ) -> None:
        verb = f"Set Rule for {publication}" if rule else f"Remove Rule for {publication}"
        super().__init__(verb, failed)
        self.library = library
        self.publication = publication
        self.rule = rule
        self._before = library.rules.get(publication)
        self._done = done

    def _redo(self) -> Changes:
        if self.rule is None:
            return self.library.rules.remove(self.publication).changes
        r = self.rule
        return self.library.rules.set(r.publication, r.volume, r.year, r.cadence).changes

    def _undo(self) -> Changes:
        return self.library.rules.restore(self.publication, self._before)

    def _settled(self, replay: bool) -> None:
        if not self.refused:
            self._done(self.changes)
