"""The analyst's preferences: what they are, where ``QSettings`` keeps them, and applying
them to a running window (no restart).

Several are the window's own state that other parts keep too (the text size, the entity
types shown, the favourite tags): they read and write them through the same ``Setting``
below, so a change made either way shows in the other, and a value the settings file holds
that cannot be right (``"abc"`` for a size) is the default everywhere, never a crash.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QSettings

from ..core import backups
from .reader.reader_view import DEFAULT_POINT_SIZE, MAX_TEXT_WIDTH_EM
from .theme import THEMES, apply_theme
from .widgets.confidence import DEFAULT_THRESHOLD, LOW_CHOICES, ConfidenceView, LowConfidence
from .widgets.palette import ENTITY_NAMES, HIDDEN_BY_DEFAULT

CHARS_PER_EM = 70 / MAX_TEXT_WIDTH_EM  # the reader's 38 em column holds ~70 characters
DEFAULT_WIDTH_CHARS = 70
LAST_FOLDER_KEY = "export/lastFolder"  # where the last export went (state, not a preference)

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One preference: its ``QSettings`` key, its default and its parse rule — the only
    place it is read or written. ``parse`` returns None for a value it cannot take (a
    hand-edited or damaged settings file): the default is used, never an exception."""

    key: str
    default: Callable[[], T]
    parse: Callable[[Any], T | None]

    def read(self, settings: QSettings) -> T:
        value = settings.value(self.key)
        parsed = None if value is None else self.parse(value)
        return self.default() if parsed is None else parsed

    def write(self, settings: QSettings, value: T) -> None:
        settings.setValue(self.key, sorted(value) if isinstance(value, set) else value)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _strings(value: Any) -> list[str] | None:
    if isinstance(value, str):  # QSettings gives a lone value as a string
        return [value] if value else []
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return None


def _number(value: Any) -> float | None:
    try:
        number = float(str(value))
    except ValueError:
        return None
    return number if math.isfinite(number) and number > 0 else None


def _width(value: Any) -> int | None:
    number = _number(value)
    return int(number) if number is not None and number >= 1 else None


def _string_set(value: Any) -> set[str] | None:
    strings = _strings(value)
    return None if strings is None else set(strings)


def _count(value: Any) -> int | None:
    text = str(value).strip()
    return max(1, int(text)) if text.isdigit() else None


def _theme(value: Any) -> str | None:
    return str(value) if str(value) in THEMES else None


def _fraction(value: Any) -> float | None:
    try:
        number = float(str(value))
    except ValueError:
        return None
    return min(1.0, max(0.0, number)) if math.isfinite(number) else None


def _low(value: Any) -> LowConfidence | None:
    return next((c for c in LOW_CHOICES if c == str(value)), None)


FONT = Setting("reader/fontFamily", str, _text)
POINT_SIZE = Setting("reader/pointSize", lambda: DEFAULT_POINT_SIZE, _number)
WIDTH_CHARS = Setting("reader/lineWidthChars", lambda: DEFAULT_WIDTH_CHARS, _width)
THEME = Setting("appearance/theme", lambda: "system", _theme)
HIDDEN_TYPES = Setting("reader/hiddenTypes", lambda: set(HIDDEN_BY_DEFAULT), _string_set)
PINNED: Setting[list[str]] = Setting("tags/pinned", list, _strings)
BACKUPS_KEPT = Setting("library/backupsKept", lambda: backups.KEEP, _count)
MODEL = Setting("analysis/model", str, _text)
EXPORT_FOLDER = Setting("export/defaultFolder", str, _text)
CONFIDENCE_THRESHOLD = Setting("claims/confidenceThreshold", lambda: DEFAULT_THRESHOLD, _fraction)
LOW_CONFIDENCE: Setting[LowConfidence] = Setting("claims/lowConfidence", lambda: "muted", _low)


def read_confidence_view(settings: QSettings) -> ConfidenceView:
    return ConfidenceView(CONFIDENCE_THRESHOLD.read(settings), LOW_CONFIDENCE.read(settings))


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
    return Preferences(
        font_family=FONT.read(settings),
        point_size=POINT_SIZE.read(settings),
        width_chars=WIDTH_CHARS.read(settings),
        theme=THEME.read(settings),
        hidden_types=HIDDEN_TYPES.read(settings),
        favourites=PINNED.read(settings),
        backups_kept=BACKUPS_KEPT.read(settings),
        model=MODEL.read(settings),
        export_folder=EXPORT_FOLDER.read(settings),
        claims_confidence=read_confidence_view(settings),
    )


def save_preferences(settings: QSettings, prefs: Preferences) -> None:
    FONT.write(settings, prefs.font_family)
    POINT_SIZE.write(settings, prefs.point_size)
    WIDTH_CHARS.write(settings, prefs.width_chars)
    THEME.write(settings, prefs.theme)
    HIDDEN_TYPES.write(settings, prefs.hidden_types & set(ENTITY_NAMES))
    PINNED.write(settings, prefs.favourites)
    BACKUPS_KEPT.write(settings, prefs.backups_kept)
    MODEL.write(settings, prefs.model)
    CONFIDENCE_THRESHOLD.write(settings, prefs.claims_confidence.threshold)
    LOW_CONFIDENCE.write(settings, prefs.claims_confidence.low)
    old_default = EXPORT_FOLDER.read(settings)
    EXPORT_FOLDER.write(settings, prefs.export_folder)
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
