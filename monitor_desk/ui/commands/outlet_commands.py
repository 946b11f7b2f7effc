"""Outlet links in the GUI: the analyst's word that one cited outlet is another
(`Интерфакс` is Interfax), made and revoked as undo commands on the window's stack.

A link moves the outlet's citations to the other outlet (its grade too, when the other has
none) and holds for every later analysis; revoking it gives the citations back. Both are
quick writes (one outlet's citations), so they run at once, as taught cues do. Undoing a
link also gives both outlets back the grades they had.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ...core.changes import Changes
from ...core.errors import NotFoundError
from ...core.library import Library
from ..undo import GuardedCommand, push


@dataclass(frozen=True)
class Grades:
    """The grades of the two outlets of a link before it was made (None: none, or no
    such outlet yet)."""

    outlet: str | None
    same_as: str | None


class OutletLinkCommand(GuardedCommand):
    """Link ``outlet`` to ``same_as`` (``make``) or revoke the link; undo does the other."""

    def __init__(
        self, edits: OutletLinkEdits, outlet: str, same_as: str, make: bool, grades: Grades
    ) -> None:
        text = f"Same Outlet: “{outlet}” = “{same_as}”" if make else f"Unlink Outlet “{outlet}”"
        super().__init__(text, edits.failed.emit)
        self.edits, self.outlet, self.same_as, self.make = edits, outlet, same_as, make
        self.grades = grades

    def _link(self) -> Changes:
        return self.edits.library.sources.link(self.outlet, self.same_as)

    def _unlink(self) -> Changes:
        sources = self.edits.library.sources
        changes = sources.unlink(self.outlet)
        if self.make:  # undoing the link: both grades as they were
            for name, grade in (
                (self.outlet, self.grades.outlet),
                (self.same_as, self.grades.same_as),
            ):
                if _grade(self.edits.library, name) != grade:
                    changes = changes | sources.set_reliability(name, grade)
        return changes

    def _redo(self) -> Changes:
        return self._link() if self.make else self._unlink()

    def _undo(self) -> Changes:
        return self._unlink() if self.make else self._link()

    def _settled(self, replay: bool) -> None:
        if not self.refused:
            self.edits.changed.emit(self.changes)


def _grade(library: Library, outlet: str) -> str | None:
    try:
        return library.sources.reliability(outlet)
    except NotFoundError:
        return None


class OutletLinkEdits(QObject):
    """Links and unlinks outlets (undoable).

    Attributes:
        library, stack: the ``Library`` and the window's undo stack.

    Signals:
        changed(Changes): a link was made or revoked (or that was undone or redone): what
            the library said it changed (the articles whose citations moved).
        failed(str): the library refused it: a message for the user.
    """

    changed = Signal(object)
    failed = Signal(str)

    def __init__(self, library: Library, stack: QUndoStack, parent: QObject) -> None:
        super().__init__(parent)
        self.library, self.stack = library, stack

    def link(self, outlet: str, same_as: str) -> bool:
        same_as = " ".join(same_as.split())
        grades = Grades(_grade(self.library, outlet), _grade(self.library, same_as))
        return push(self.stack, OutletLinkCommand(self, outlet, same_as, True, grades))

    def unlink(self, outlet: str) -> bool:
        same_as = self.library.sources.aliases().get(outlet)
        if same_as is None:
            self.failed.emit(f"“{outlet}” is not linked to another outlet.")
            return False
        grades = Grades(None, None)
        return push(self.stack, OutletLinkCommand(self, outlet, same_as, False, grades))

    def links(self) -> dict[str, str]:
        """Every link: an outlet's name → the name of the outlet it is."""
        return self.library.sources.aliases()

    def linked_to(self, outlet: str) -> list[str]:
        """The outlets linked to ``outlet`` (what "Unlink" offers on its row)."""
        return [name for name, same in self.links().items() if same.casefold() == outlet.casefold()]
