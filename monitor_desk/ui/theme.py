"""Light, dark or the system's palette for the whole application (Edit ▸ Preferences…).

Only the palette is set here; the marks' tints are mixed from whatever palette is in use
(``widgets/palette.py``), and the reader recomputes them when the palette changes.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES = {"system": "Follow the system", "light": "Light", "dark": "Dark"}

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
