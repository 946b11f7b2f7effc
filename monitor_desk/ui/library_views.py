"""The views over the whole library, in a window of their own beside the reader: the Claims
view (``claimsExplorer``) and a speaker's profile (``speakerProfile``) as two tabs.

An analyst reads one article in the main window and asks questions of the library here;
a double-click on a claim brings the main window forward with the article open at the
claim. *View ▸ Claims Across the Library* (Ctrl+Shift+L) opens it; *Speaker Profile* in
the entity menus of the reader and the Entities tab (and on a claim row here) opens the
profile — two clicks from any mention.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QTabWidget, QWidget

from ..core.errors import MonitorDeskError
from ..core.library import Library
from ..core.views.claim_query import Speaker
from ..core.views.speakers import SpeakerProfile
from .menus import window_action
from .panels.claims_explorer import ClaimsExplorer
from .panels.speaker_profile import SpeakerProfileView
from .preferences import read_confidence_view
from .widgets.screen_fit import resize_on_screen
from .workers import Worker, WorkQueue


class Host(Protocol):
    """What the library views need of the main window."""

    library: Library
    reader: Any
    entities: Any
    claims: Any
    jobs: Any
    corrections: Any
    settings: Any

    def go_to(self, article_id: int, start: int, end: int) -> None: ...

    def tell(self, message: str, error: bool = False) -> None: ...


class LibraryViewsWindow(QMainWindow):
    """Attributes:
    claims: the ``ClaimsExplorer``; profile: the ``SpeakerProfileView``; tabs: both.
    """

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("libraryViews")
        self.setWindowTitle("Across the Library — Monitor Desk")
        self.claims = ClaimsExplorer(library, self)
        self.profile = SpeakerProfileView(library, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.claims, "Claims")
        self.tabs.addTab(self.profile, "Speaker")
        self.setCentralWidget(self.tabs)
        resize_on_screen(self, 1280, 760)


class LibraryViews(QObject):
    """Opens and feeds the library views window; made by the main window, which it serves
    through ``Host``.

    Attributes:
        act_claims: View ▸ Claims Across the Library; window: the views window once opened;
        reads: the queue profiles are read on.

    Signals:
        profileShown(str): a speaker's profile was read and shown (its name).
    """

    profileShown = Signal(str)

    def __init__(self, host: Host) -> None:
        super().__init__(host)  # type: ignore[arg-type]
        self.host = host
        self.window: LibraryViewsWindow | None = None
        self.reads = WorkQueue(self)  # reads only: never behind an import on the window's
        self._asked = 0
        host.installEventFilter(self)  # type: ignore[attr-defined]
        self.act_claims = window_action(
            host,  # type: ignore[arg-type]
            "Claims Across the &Library",
            self.show_claims,
            "Ctrl+Shift+L",
            "Every claim of the library: filter by speaker, cue, outlet, tag, dates, words",
        )
        view_menu = _menu(host, "&View")
        if view_menu is not None:
            view_menu.addSeparator()
            view_menu.addAction(self.act_claims)
        # The Claims tab's row menu: the profile of the chosen claim's speaker.
        self.act_claim_speaker = QAction("Speaker &Profile", self)
        self.act_claim_speaker.triggered.connect(self._claim_speaker)
        host.claims.table_menu.addSeparator()
        host.claims.table_menu.addAction(self.act_claim_speaker)
        host.claims.table_menu.aboutToShow.connect(self._claim_menu_shown)
        for source in (host.reader.view, host.entities):
            source.correctionRequested.connect(self._entity_request)
        for changed in (host.jobs.importFinished, host.jobs.analysisFinished,
                        host.corrections.corrected):  # fmt: skip
            changed.connect(self._library_changed)

    def views(self) -> LibraryViewsWindow:
        if self.window is None:
            w = LibraryViewsWindow(self.host.library, self.host)  # type: ignore[arg-type]
            w.claims.claimActivated.connect(self._go_to)
            w.profile.claimActivated.connect(self._go_to)
            w.claims.speakerRequested.connect(self.show_profile)
            w.profile.speakerRequested.connect(self.show_profile)
            w.profile.showInClaims.connect(self._show_in_claims)
            w.claims.model.set_confidence(read_confidence_view(self.host.settings))
            w.claims.reload()
            self.window = w
        return self.window

    def show_claims(self) -> None:
        w = self.views()
        w.tabs.setCurrentWidget(w.claims)
        _bring_up(w)

    def show_profile(self, speaker: Speaker | str) -> None:
        """Read the profile off the window's thread (a much-quoted speaker of a large
        library takes a while), then show it; the last one asked for wins."""
        w = self.views()
        self._asked += 1
        asked = self._asked
        w.profile.loading(speaker if isinstance(speaker, str) else "")
        w.tabs.setCurrentWidget(w.profile)
        _bring_up(w)
        worker = Worker(self.host.library.speakers.profile, speaker)
        worker.signals.result.connect(lambda p: self._profile_read(asked, p))
        worker.signals.error.connect(lambda msg, _tb: self._profile_failed(asked, msg))
        self.reads.submit(worker)

    def _profile_read(self, asked: int, profile: SpeakerProfile) -> None:
        if asked == self._asked and self.window is not None:
            self.window.profile.display(profile)
            self.profileShown.emit(profile.name)

    def _profile_failed(self, asked: int, message: str) -> None:
        if asked == self._asked and self.window is not None:
            self.window.profile.failed(message)
            self.host.tell(message)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.host and event.type() == QEvent.Type.Close:
            self.reads.shutdown()  # no read outlives the window
            if self.window is not None:
                self.window.close()  # nor a view of its library (it may be closed next)
        return False

    def _entity_request(self, kind: str, name: str, label: str) -> None:
        if kind != "profile":
            return
        try:
            speaker = self.host.library.speakers.of_entity(name, label)
        except MonitorDeskError as exc:
            self.host.tell(str(exc))
            return
        self.show_profile(speaker)

    def _claim_menu_shown(self) -> None:
        claim = self.host.claims.current_claim()
        name = claim.speaker_label if claim is not None else ""
        self.act_claim_speaker.setEnabled(bool(name))
        self.act_claim_speaker.setText(
            f"Speaker &Profile: “{name}”" if name else "Speaker &Profile"
        )

    def _claim_speaker(self) -> None:
        claim = self.host.claims.current_claim()
        if claim is not None and claim.speaker_label:
            self.show_profile(" ".join(claim.speaker_label.split()))

    def _show_in_claims(self, name: str) -> None:
        w = self.views()
        w.claims.show_speaker(name)
        w.tabs.setCurrentWidget(w.claims)

    def _go_to(self, article_id: int, start: int, end: int) -> None:
        self.host.go_to(article_id, start, end)
        _bring_up(self.host)  # type: ignore[arg-type]

    def _library_changed(self, *_: object) -> None:
        if self.window is not None and self.window.isVisible():
            self.window.claims.reload()
            if self.window.profile.profile is not None:
                self.show_profile(self.window.profile.profile.speaker)


def _menu(window: Any, title: str) -> QMenu | None:
    for menu in window.menuBar().findChildren(QMenu):
        if menu.title() == title:
            found: QMenu = menu
            return found
    return None


def _bring_up(w: QWidget) -> None:
    w.show()
    w.raise_()
    w.activateWindow()
