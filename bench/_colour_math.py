"""Colour checks shared by ``bench/colours.py`` and ``tests/gui/test_colours.py``:
colour-vision-deficiency simulation, perceptual distance and text contrast.

- Simulation: Machado, Oliveira & Fernandes (2009) at severity 100 (deuteranopia,
  protanopia, tritanopia) through ``colorspacious`` (``sRGB1+CVD``).
- Distance: Euclidean distance in CAM02-UCS (Luo et al. 2006), where about 1 is a
  just-noticeable difference between patches side by side.
- Contrast: the WCAG 2 ratio of relative luminances.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np
from colorspacious import cspace_convert

VISIONS: dict[str, dict[str, object] | None] = {
    "normal": None,
    "deuteranopia": {"name": "sRGB1+CVD", "cvd_type": "deuteranomaly", "severity": 100},
    "protanopia": {"name": "sRGB1+CVD", "cvd_type": "protanomaly", "severity": 100},
    "tritanopia": {"name": "sRGB1+CVD", "cvd_type": "tritanomaly", "severity": 100},
}


def rgb(hex_color: str) -> tuple[int, int, int]:
    h = hex_color.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def seen(colors: np.ndarray, vision: str) -> np.ndarray:
    """``colors`` (N×3, 0–255) as a viewer with ``vision`` sees them, in CAM02-UCS."""
    srgb = np.asarray(colors, float) / 255
    space = VISIONS[vision]
    if space is not None:
        srgb = np.clip(cspace_convert(srgb, space, "sRGB1"), 0, 1)
    return np.asarray(cspace_convert(srgb, "sRGB1", "CAM02-UCS"))


def distance(a: str, b: str, vision: str) -> float:
    pts = seen(np.array([rgb(a), rgb(b)]), vision)
    return float(np.linalg.norm(pts[0] - pts[1]))


def closest_pairs(swatches: dict[str, str]) -> dict[str, tuple[float, str, str]]:
    """For each vision, the smallest distance between two of ``swatches`` (name → hex)
    and which two."""
    names = list(swatches)
    out: dict[str, tuple[float, str, str]] = {}
    for vision in VISIONS:
        pts = seen(np.array([rgb(swatches[n]) for n in names]), vision)
        best = (float("inf"), "", "")
        for i, j in combinations(range(len(names)), 2):
            d = float(np.linalg.norm(pts[i] - pts[j]))
            if d < best[0]:
                best = (d, names[i], names[j])
        out[vision] = best
    return out


def luminance(hex_color: str) -> float:
    c = np.array(rgb(hex_color), float) / 255
    c = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return float(c @ np.array([0.2126, 0.7152, 0.0722]))


def contrast(a: str, b: str) -> float:
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


DARK = {
    "Window": "#2d2d2d",
    "WindowText": "#eeeeee",
    "Base": "#1e1e1e",
    "AlternateBase": "#262626",
    "Text": "#eeeeee",
    "Button": "#353535",
    "ButtonText": "#eeeeee",
    "Highlight": "#2a82da",
    "HighlightedText": "#ffffff",
    "PlaceholderText": "#9a9a9a",
    "ToolTipBase": "#353535",
    "ToolTipText": "#eeeeee",
    "BrightText": "#ff6060",
    "Link": "#56b4e9",
}
"""A dark palette as a desktop's dark theme gives one (base near black, text near white)."""


def dark_palette():  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for role, color in DARK.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(color))
    return palette


def legend_swatches(palette) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Every colour the legend shows (and the page behind them), by name: one per entity
    tint, the default highlight's band, the claim line, the citation's text."""
    from PySide6.QtGui import QPalette

    from monitor_desk.ui.widgets.palette import (
        DEFAULT_HIGHLIGHT,
        ENTITY_TINTS,
        claim_color,
        entity_tint,
        highlight_layer,
        quiet_text,
    )

    base = palette.color(QPalette.ColorRole.Base)
    out = {"page": base.name()}
    for label in [*ENTITY_TINTS, "CARDINAL"]:
        out[f"entity {label}"] = entity_tint(label, palette).name()
    out["highlight"] = highlight_layer(base, DEFAULT_HIGHLIGHT, palette).name()
    out["claim line"] = claim_color(palette).name()
    out["citation"] = quiet_text(palette).name()
    return out
