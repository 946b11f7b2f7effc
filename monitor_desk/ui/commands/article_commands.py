"""Deleting articles as one undo command on the window's undo stack.

The first ``redo`` deletes through ``lib.deletions.delete``, which returns an exact snapshot
of every row it removed (article, revisions, analysis, highlights with tags, claims, search
rows); ``undo`` writes that snapshot back with its ids; a later ``redo`` deletes again and
keeps the new snapshot (the analyst may have added notes to the restored articles meanwhile).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ...core.article_delete import ArticlesSnapshot
from ...core.changes import Changes
from ...core.library import Library
from ..undo import GuardedCommand


class DeleteArticlesCommand(GuardedCommand):
    """Attributes: ids: the articles; deleted: they are gone (after redo) or back (undo);
    reopen: the article open before the delete (shown again by an undo)."""

    def __init__(
        self,
        library: Library,
        ids: Sequence[int],
        failed: Callable[[str], object],
        settled: Callable[[DeleteArticlesCommand], object],
    ) -> None:
        n = len(ids)
        super().__init__("Delete Article" if n == 1 else f"Delete {n} Articles", failed)
        self.library = library
        self.ids = tuple(ids)
        self.deleted = False
        self.reopen: int | None = None
        self._snapshot: ArticlesSnapshot | None = None
        self._after = settled

    def _redo(self) -> Changes:
        done = self.library.deletions.delete(self.ids)
        self._snapshot, self.deleted = done.snapshot, True
        return done.changes

    def _undo(self) -> Changes:
        assert self._snapshot is not None
        changes = self.library.deletions.restore(self._snapshot)
        self.deleted = False
        return changes

    def _settled(self, replay: bool) -> None:
        if not self.refused:
            self._after(self)
