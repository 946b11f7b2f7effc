"""What a write changed (``Changes``) becomes panel refreshes here, and only here.

The window hands every ``Changes`` its services report (highlights and tags, claims, outlet
grades) to one ``PanelRefresh``; each panel is refreshed only when the change concerns it,
from what the write returned or what another panel has just read — nothing is read twice.
"""

from __future__ import annotations

from collections.abc import Callable

from ..core.changes import Changes
from ..core.library import Library
from .commands.highlight_commands import HighlightService
from .panels.claims_panel import ClaimsPanel
from .panels.library_panel import LibraryPanel
from .panels.notes_panel import NotesPanel
from .reader.reader_view import ReaderView


class PanelRefresh:
    """Refreshes the library list, the reader's marks and the Claims and Notes tabs."""

    def __init__(
        self,
        library: Library,
        service: HighlightService,
        reader: ReaderView,
        library_panel: LibraryPanel,
        claims: ClaimsPanel,
        notes: NotesPanel,
    ) -> None:
        self.library = library
        self.service = service
        self.reader = reader
        self.library_panel = library_panel
        self.claims = claims
        self.notes = notes
        self.details_shown: Callable[[int], object] | None = None
        """Re-shows the reader's header (title, date…) of an article whose details changed."""

    def apply(self, changes: Changes, article_id: int | None) -> None:
        """Refresh what ``changes`` touched; ``article_id``: the open article, if any."""
        shown = article_id is not None and article_id in changes.articles
        notes = bool(changes.highlights or changes.tags)
        if changes.tags:  # the service has re-read the tags: hand its list on
            self.library_panel.update_completers([t.name for t in self.service.tags])
        if shown and notes:
            assert article_id is not None
            highlights = self.library.highlights.list(article_id)
            self.reader.tag_colors = self.service.tag_colors()
            self.reader.set_marks(highlights=highlights)
        if shown and changes.claims:
            self.claims.load(article_id)  # one read, for the tab and the reader
            self.repaint_claims(article_id)
        if notes or changes.library:  # the list's notes counts (outlets: every row)
            self.library_panel.invalidate()
        if notes:
            self.notes.reload()
        if changes.details:  # title, date…: the list's rows and the reader's header
            self.library_panel.invalidate()
            if article_id in changes.details and self.details_shown is not None:
                self.details_shown(article_id)

    def repaint_claims(self, article_id: int | None) -> None:
        """Paint the claims the Claims tab holds over the open article: nothing is read."""
        if article_id is not None and self.claims.model.article_id == article_id:
            self.reader.set_marks(claims=self.claims.model.all_claims)
