"""Colours of marks: entity types (Okabe–Ito, colour-blind safe) and highlights.

Marks are drawn as tints: the mark's colour mixed into the palette's base colour, so the
text keeps the palette's own text colour and stays readable in light and dark palettes.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

# Okabe & Ito (2008), "Color Universal Design": distinguishable with all common forms of
# colour-vision deficiency.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#999999",
}

ENTITY_COLORS = {
    "PERSON": OKABE_ITO["orange"],
    "ORG": OKABE_ITO["sky"],
    "GPE": OKABE_ITO["green"],
    "LOC": OKABE_ITO["green"],
    "FAC": OKABE_ITO["green"],
    "NORP": OKABE_ITO["purple"],
    "EVENT": OKABE_ITO["blue"],
    "LAW": OKABE_ITO["vermillion"],
    "DATE": OKABE_ITO["yellow"],
    "PRODUCT": OKABE_ITO["yellow"],
    "WORK_OF_ART": OKABE_ITO["yellow"],
}
"""Named things get colours; numbers and the rest share grey."""

ENTITY_NAMES = {
    "PERSON": "Person",
    "ORG": "Organisation",
    "GPE": "Country, city",
    "LOC": "Place",
    "FAC": "Facility",
    "NORP": "Group, nationality",
    "EVENT": "Event",
    "LAW": "Law, treaty",
    "DATE": "Date",
    "TIME": "Time",
    "PRODUCT": "Product",
    "WORK_OF_ART": "Work",
    "MONEY": "Money",
    "PERCENT": "Percent",
    "QUANTITY": "Quantity",
    "CARDINAL": "Number",
    "ORDINAL": "Ordinal",
    "LANGUAGE": "Language",
}

HIDDEN_BY_DEFAULT = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "TIME"})
"""Numbers are everywhere in briefs; colouring them by default would drown the names."""

DEFAULT_HIGHLIGHT = OKABE_ITO["yellow"]


def entity_color(label: str) -> QColor:
    return QColor(ENTITY_COLORS.get(label, OKABE_ITO["grey"]))


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def mix(base: QColor, color: QColor, amount: float) -> QColor:
    """``amount`` of ``color`` over ``base`` (0 = base, 1 = color)."""
    return QColor(
        round(base.red() + (color.red() - base.red()) * amount),
        round(base.green() + (color.green() - base.green()) * amount),
        round(base.blue() + (color.blue() - base.blue()) * amount),
    )


def entity_tint(label: str, palette: QPalette) -> QColor:
    base = palette.color(QPalette.ColorRole.Base)
    return mix(base, entity_color(label), 0.42 if is_dark(palette) else 0.30)


def highlight_layer(under: QColor, color: str | None, palette: QPalette) -> QColor:
    """A highlight over whatever is below it; two highlights over each other show deeper."""
    top = QColor(color or DEFAULT_HIGHLIGHT)
    return mix(under, top, 0.5 if is_dark(palette) else 0.55)


def quiet_text(palette: QPalette) -> QColor:
    """Text that steps back (citations, the header line)."""
    return palette.color(QPalette.ColorRole.PlaceholderText)


def claim_color(palette: QPalette) -> QColor:
    return QColor("#56B4E9") if is_dark(palette) else QColor("#0072B2")
