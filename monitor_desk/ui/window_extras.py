"""What every desktop app has, wired into the main window in one call: the library file
actions (File ▸ New / Open / Open Recent / Back Up / Restore), Edit ▸ Preferences…,
Help ▸ Keyboard Shortcuts, the plain status line, the empty library's first steps, the
Claims tab's offers to teach a cue, and the window closing when its library is closed.

Kept out of ``main_window.py`` (which is at its size limit): the window calls
``install_extras(self, menus)`` once while building its actions.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from ..core.paths import samples_dir
from .dialogs.preferences_dialog import PreferencesDialog
from .dialogs.shortcuts import show_shortcuts
from .library_closing import LibraryClosing
from .library_menu import LibraryFiles, window_title
from .menus import window_action
from .panels.cue_offers import CueOffers
from .preferences import apply_at_start, apply_preferences, load_preferences
from .status_line import StatusLine

__all__ = ["WindowExtras", "install_extras", "window_title"]


class WindowExtras(QObject):
    """Attributes:
    library_files: the ``LibraryFiles`` actions; status: the ``StatusLine``.
    act_preferences, act_shortcuts: Edit ▸ Preferences… and Help ▸ Keyboard Shortcuts.
    preferences_dialog: the dialog while it is open.
    cue_offers: the Claims tab's bar offering to teach a cue (taught through the entity
    corrections' ``cues``, made after this).
    library_closing: closes the window when its library is closed under it.
    """

    def __init__(self, window: Any, menus: dict[str, QMenu]) -> None:
        super().__init__(window)
        self.window = window
        self.library_files = LibraryFiles(window, busy=window.jobs.busy)
        self.library_files.install(menus["&File"], window.act_export)
        self.act_preferences = window_action(
            window, "&Preferences…", self.edit_preferences, QKeySequence.StandardKey.Preferences
        )
        if self.act_preferences.shortcut().isEmpty():  # no platform key: the usual Ctrl+,
            self.act_preferences.setShortcut(QKeySequence("Ctrl+,"))
        self.act_preferences.setStatusTip("Reader font, theme, favourite tags, backups, model")
        menus["&Edit"].addSeparator()
        menus["&Edit"].addAction(self.act_preferences)
        self.act_shortcuts = window_action(
            window, "&Keyboard Shortcuts", lambda: show_shortcuts(window), "F1"
        )
        help_menu = menus["&Help"]
        help_menu.insertAction(help_menu.actions()[0], self.act_shortcuts)  # before About
        self.status = StatusLine(window.status_label, window.jobs, window)
        self.preferences_dialog: PreferencesDialog | None = None
        steps = window.reader.first_steps
        window.reader.library_empty = window.library.is_empty
        steps.importFilesRequested.connect(window.imports.import_files)
        steps.importFolderRequested.connect(window.imports.import_folder)
        steps.samplesRequested.connect(self.open_samples)
        window.setWindowTitle(window_title(window.library))
        window.reader.cleared.connect(lambda: window.setWindowTitle(window_title(window.library)))
        apply_at_start(window, load_preferences(window.settings))
        self.cue_offers = CueOffers(window.claims, window.library, lambda: window.corrections.cues)
        links = window.sources.correctionRequested  # outlet links (corrections: made later)
        links.connect(lambda kind, name, target: window.corrections.request(kind, name, target))
        self.library_closing = LibraryClosing(window)  # the library closed: the window too

    def open_samples(self) -> None:
        """Import the bundled sample briefs (written for Monitor Desk) into this library."""
        folder = samples_dir()
        if folder.is_dir():
            self.window.imports.start([str(folder)])
        else:
            self.window.tell("The sample articles are not installed with this copy.")

    def edit_preferences(self) -> None:
        w = self.window
        prefs = load_preferences(w.settings)
        prefs.point_size = w.reader.view.point_size  # zoomed since: the size now shown
        prefs.hidden_types = set(w.reader.view.hidden)
        prefs.favourites = list(w.highlights.pinned)
        names = [t.name for t in w.library.tags.list()]
        dialog = PreferencesDialog(prefs, names, lambda p: apply_preferences(w, p), w)
        self.preferences_dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "preferences_dialog", None))
        dialog.open()


def install_extras(window: Any, menus: dict[str, QMenu]) -> WindowExtras:
    return WindowExtras(window, menus)
