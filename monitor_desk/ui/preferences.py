"""The analyst's preferences: what they are, where ``QSettings`` keeps them, and applying
them to a running window (no restart).

Several are the window's own state that other parts already keep under these keys (the
text size, the entity types shown, the favourite tags): the Preferences dialog edits the
same values, so a change made either way shows in the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QSettings

from ..core import backups
from .dialogs.export_job import EXPORT_FOLDER_KEY, LAST_FOLDER_KEY
from .library_menu import BACKUPS_KEPT_KEY, backups_kept
from .reader.reader_view import DEFAULT_POINT_SIZE, MAX_TEXT_WIDTH_EM
from .theme import THEMES, apply_theme
from .widgets.confidence import (
    ConfidenceView,
    read_confidence_view,
    save_confidence_view,
)
from .widgets.palette import ENTITY_NAMES, HIDDEN_BY_DEFAULT

FONT_KEY = "reader/fontFamily"
SIZE_KEY = "reader/pointSize"
WIDTH_KEY = "reader/lineWidthChars"
THEME_KEY = "appearance/theme"
HIDDEN_KEY = "reader/hiddenTypes"
PINNED_KEY = "tags/pinned"
MODEL_KEY = "analysis/model"
CHARS_PER_EM = 70 / MAX_TEXT_WIDTH_EM  # the reader's 38 em column holds ~70 characters
DEFAULT_WIDTH_CHARS = 70


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):  # QSettings gives a lone value as a string
        return [value] if value else []
    return [str(v) for v in value or []]


def _number(value: Any, default: float) -> float:
    try:
        return float(str(value)) if value is not None else default
    except ValueError:
        return default


@dataclass
class Preferences:
    """Attributes:
    font_family: the reader's font ("" = its serif default); point_size: its size.
    width_chars: the text column's width in characters (about).
    theme: "system", "light" or "dark".
    hidden_types: entity labels not shown in the reader.
    favourites: tags for keys 1–9, in order.
    backups_kept: how many automatic copies are kept.
    model: the spaCy model to analyse with ("" = the first installed).
    export_folder: where exports start ("" = Documents).
    claims_confidence: the threshold below which extracted claims are low-confidence, and
        whether the Claims tab mutes or hides them.
    """

    font_family: str = ""
    point_size: float = DEFAULT_POINT_SIZE
    width_chars: int = DEFAULT_WIDTH_CHARS
    theme: str = "system"
    hidden_types: set[str] = field(default_factory=lambda: set(HIDDEN_BY_DEFAULT))
    favourites: list[str] = field(default_factory=list)
    backups_kept: int = backups.KEEP
    model: str = ""
    export_folder: str = ""
    claims_confidence: ConfidenceView = field(default_factory=ConfidenceView)

    @property
    def width_em(self) -> float:
        return self.width_chars / CHARS_PER_EM


def load_preferences(settings: QSettings) -> Preferences:
    hidden = settings.value(HIDDEN_KEY)
    theme = str(settings.value(THEME_KEY, "system"))
    return Preferences(
        font_family=str(settings.value(FONT_KEY, "") or ""),
        point_size=_number(settings.value(SIZE_KEY), DEFAULT_POINT_SIZE),
        width_chars=int(_number(settings.value(WIDTH_KEY), DEFAULT_WIDTH_CHARS)),
        theme=theme if theme in THEMES else "system",
        hidden_types=set(HIDDEN_BY_DEFAULT) if hidden is None else set(_strings(hidden)),
        favourites=_strings(settings.value(PINNED_KEY)),
        backups_kept=backups_kept(settings),
        model=str(settings.value(MODEL_KEY, "") or ""),
        export_folder=str(settings.value(EXPORT_FOLDER_KEY, "") or ""),
        claims_confidence=read_confidence_view(settings),
    )


def save_preferences(settings: QSettings, prefs: Preferences) -> None:
    settings.setValue(FONT_KEY, prefs.font_family)
    settings.setValue(SIZE_KEY, prefs.point_size)
    settings.setValue(WIDTH_KEY, prefs.width_chars)
    settings.setValue(THEME_KEY, prefs.theme)
    settings.setValue(HIDDEN_KEY, sorted(prefs.hidden_types & set(ENTITY_NAMES)))
    settings.setValue(PINNED_KEY, prefs.favourites)
    settings.setValue(BACKUPS_KEPT_KEY, prefs.backups_kept)
    settings.setValue(MODEL_KEY, prefs.model)
    save_confidence_view(settings, prefs.claims_confidence)
    old_default = str(settings.value(EXPORT_FOLDER_KEY, "") or "")
    settings.setValue(EXPORT_FOLDER_KEY, prefs.export_folder)
    if prefs.export_folder and prefs.export_folder != old_default:
        settings.setValue(LAST_FOLDER_KEY, prefs.export_folder)  # the next export starts there
    settings.sync()


def apply_at_start(window: Any, prefs: Preferences) -> None:
    """What the window does not restore by itself: font, column width, theme, model."""
    apply_theme(prefs.theme)
    window.reader.view.set_reading(prefs.font_family, prefs.point_size, prefs.width_em)
    window.library.use_model(prefs.model or None)  # (copies kept: given to Library.open)
    show_confidence(window, prefs.claims_confidence)


def apply_preferences(window: Any, prefs: Preferences) -> None:
    """Apply ``prefs`` to a running ``MainWindow`` (and save them)."""
    save_preferences(window.settings, prefs)
    apply_theme(prefs.theme)
    window.reader.view.set_reading(prefs.font_family, prefs.point_size, prefs.width_em)
    for label, action in window.entity_types.actions.items():
        action.setChecked(label not in prefs.hidden_types)  # reader, legend, Entities tab
    window.highlights.set_pinned(prefs.favourites)
    window.library.keep_backups = prefs.backups_kept
    show_confidence(window, prefs.claims_confidence)
    if window.library.use_model(prefs.model or None):
        window.extras.status.loading()
        window.jobs.load_pipeline(False)


def show_confidence(window: Any, view: ConfidenceView) -> None:
    """Mute or hide low-confidence claims in the Claims tab and the library-wide view."""
    window.claims.model.set_confidence(view)
    views = getattr(getattr(window, "library_views", None), "window", None)
    if views is not None:  # (at start the views window is not made yet: it reads them)
        views.claims.model.set_confidence(view)
