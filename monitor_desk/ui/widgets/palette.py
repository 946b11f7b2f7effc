"""Colours of marks: entity tints, highlight colours, claim lines and quiet citations.

Four kinds of mark, told apart by *form* before colour (see docs/COLOURS.md):

- an entity is a light **tint** behind the word, no border;
- a highlight is a stronger **band with an outline** in its tag's colour;
- a claim is a **line** under the text (bold + solid under its cue, dotted under its content);
- a citation is **small grey text**.

Entity tints and highlight colours come from disjoint sets. The tints are two fixed sets, one
for light and one for dark palettes (same hue per type), chosen so that every pair — and each
against the plain page and the default highlight — stays apart by at least 5 CAM02-UCS units
in normal vision and simulated deuteranopia, protanopia and tritanopia, with text on them at
a contrast of at least 7:1 (``tests/gui/test_colours.py`` measures it; ``bench/colours.py``
measures the rendered reader).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

ENTITY_TINTS: dict[str, tuple[str, str]] = {
    # label: (tint on a light page, tint on a dark page)
    "PERSON": ("#E8C7C6", "#4E3838"),
    "ORG": ("#C3D1F9", "#283557"),
    "GPE": ("#B5DEAC", "#384F34"),
    "LOC": ("#C5F7E9", "#105447"),
    "FAC": ("#DBE1C7", "#3F4E1F"),
    "NORP": ("#E8DCFD", "#4D416A"),
    "EVENT": ("#D8E4ED", "#244454"),
    "LAW": ("#D6CCE5", "#383341"),
    "DATE": ("#E4F7B8", "#2E3B0F"),
    "PRODUCT": ("#E1FCD8", "#263C23"),
}
"""Named things get their own tint; works, languages and numbers share the last two."""

OTHER_TINT = ("#B5A995", "#2B2416")
"""Numbers, times, money and the like: one taupe (hidden by default)."""

SHARED_TINT = {"WORK_OF_ART": "PRODUCT", "LANGUAGE": "PRODUCT"}

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

HIGHLIGHT_COLORS = {
    "yellow": "#FFD400",
    "olive": "#AEBF23",
    "green": "#9EEF52",
    "blue": "#829FD7",
    "magenta": "#D219F4",
    "pink": "#F877A6",
}
"""The highlighter's colours, chosen (like the tints) so that each one's band stays at least
5 CAM02-UCS units from every entity tint, the page and each other, in all four visions."""

DEFAULT_HIGHLIGHT = HIGHLIGHT_COLORS["yellow"]


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def mix(base: QColor, color: QColor, amount: float) -> QColor:
    """``amount`` of ``color`` over ``base`` (0 = base, 1 = color)."""
    return QColor(
        round(base.red() + (color.red() - base.red()) * amount),
        round(base.green() + (color.green() - base.green()) * amount),
        round(base.blue() + (color.blue() - base.blue()) * amount),
    )


def entity_tints(label: str) -> tuple[str, str]:
    """The (light, dark) tint pair of an entity type."""
    return ENTITY_TINTS.get(SHARED_TINT.get(label, label), OTHER_TINT)


def entity_tint(label: str, palette: QPalette) -> QColor:
    light, dark = entity_tints(label)
    return QColor(dark if is_dark(palette) else light)


def highlight_layer(under: QColor, color: str | None, palette: QPalette) -> QColor:
    """A highlight's band over whatever is below it; two highlights over each other show
    deeper. Weaker on a dark page, so light text keeps its contrast (the outline carries
    the colour there)."""
    top = QColor(color or DEFAULT_HIGHLIGHT)
    return mix(under, top, 0.4 if is_dark(palette) else 0.65)


def highlight_outline(color: str | None, palette: QPalette) -> QColor:
    """The outline drawn around a highlight: its colour at full strength (a shade deeper on
    a light page, so yellow still shows against white)."""
    top = QColor(color or DEFAULT_HIGHLIGHT)
    return top if is_dark(palette) else top.darker(125)


def quiet_text(palette: QPalette) -> QColor:
    """Text that steps back (citations, the header line)."""
    return palette.color(QPalette.ColorRole.PlaceholderText)


def claim_color(palette: QPalette) -> QColor:
    """The line under claims: blue, a hue no tint or highlight choice is near at line
    strength."""
    return QColor("#56B4E9") if is_dark(palette) else QColor("#0072B2")
