"""Light, dark or the system's palette for the whole application (Edit ▸ Preferences…),
and the one place the colour of an error or a warning line comes from.

Only the palette is set here; the marks' tints are mixed from whatever palette is in use
(``widgets/palette.py``), and the reader recomputes them when the palette changes. An error
or warning line (``show_status``) takes its ink from the palette it is drawn on, at WCAG AA
contrast (4.5:1) or better, and takes it again when the theme changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from .widgets.palette import is_dark

THEMES = {"system": "Follow the system", "light": "Light", "dark": "Dark"}

INKS = {"error": ("#b00020", "#ff8a80"), "warning": ("#8a4b00", "#ffb74d")}
"""An error's and a warning's ink: (on a light window, on a dark one)."""

READABLE = 4.5
"""WCAG AA for normal text: the least contrast an ink keeps against Window and Base."""

_system: dict[str, QPalette] = {}  # the palette the application started with


def dark_palette() -> QPalette:
    """A dark palette with text at WCAG AA contrast or better on every background."""
    p = QPalette()
    roles = QPalette.ColorRole
    colors = {
        roles.Window: "#2b2d30",
        roles.WindowText: "#f2f2f2",
        roles.Base: "#18191b",
        roles.AlternateBase: "#26282b",
        roles.Text: "#f2f2f2",
        roles.Button: "#3a3c40",
        roles.ButtonText: "#f2f2f2",
        roles.BrightText: "#ffffff",
        roles.Highlight: "#2f65ca",
        roles.HighlightedText: "#ffffff",
        roles.ToolTipBase: "#2b2d30",
        roles.ToolTipText: "#f2f2f2",
        roles.PlaceholderText: "#a4a7ad",
        roles.Link: "#7ab4ff",
        roles.LinkVisited: "#c59cff",
        roles.Light: "#4a4d52",
        roles.Midlight: "#3f4246",
        roles.Mid: "#303236",
        roles.Dark: "#1a1b1d",
        roles.Shadow: "#000000",
    }
    for role, color in colors.items():
        p.setColor(role, QColor(color))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        p.setColor(disabled, role, QColor("#85888e"))
    return p


def light_palette() -> QPalette:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app.style().standardPalette()
    return QPalette()


def apply_theme(theme: str) -> None:
    """Use the ``theme`` ("system", "light" or "dark") for every window now open or opened."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return
    if theme not in ("light", "dark"):  # back to the system's, following it again
        if "palette" in _system:
            QGuiApplication.setPalette(_system.pop("palette"))
        return
    if "palette" not in _system:
        _system["palette"] = QGuiApplication.palette()
    QGuiApplication.setPalette(dark_palette() if theme == "dark" else light_palette())


def luminance(color: QColor) -> float:
    """WCAG 2 relative luminance."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in (color.redF(), color.greenF(), color.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def status_ink(kind: str, palette: QPalette) -> QColor:
    """The ink of an ``"error"`` or ``"warning"`` line on ``palette``: the theme's, made
    lighter (dark window) or darker (light) until it reads at ``READABLE`` on both the
    window and the base, as a system palette may need."""
    dark = is_dark(palette)
    ink = QColor(INKS[kind][1 if dark else 0])
    grounds = [palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Base)]
    for _ in range(24):
        if all(contrast(ink, ground) >= READABLE for ground in grounds):
            break
        ink = ink.lighter(112) if dark else ink.darker(112)
    return ink


class _Ink(QObject):
    """Keeps a label's ink right for the palette in use (the theme may change)."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        self.label = label
        self.kind = ""
        label.installEventFilter(self)

    def apply(self) -> None:
        palette = QPalette(self.label.palette())
        plain = QApplication.palette(self.label).color(QPalette.ColorRole.WindowText)
        ink = status_ink(self.kind, QApplication.palette(self.label)) if self.kind else plain
        if palette.color(QPalette.ColorRole.WindowText) != ink:
            palette.setColor(QPalette.ColorRole.WindowText, ink)
            self.label.setPalette(palette)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        changes = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if watched is self.label and event.type() in changes:
            self.apply()  # sets the palette only when the ink differs: no loop
        return False


def show_status(label: QLabel, text: str, kind: str = "") -> None:
    """Show ``text`` in ``label`` as an ``"error"``, a ``"warning"`` or plain (``""``)."""
    ink = label.findChild(_Ink) or _Ink(label)
    ink.kind = kind
    label.setText(text)
    ink.apply()
