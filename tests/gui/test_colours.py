"""Colours that explain themselves (issue 18 item 3): entity tints and highlight colours
never share a swatch, stay apart for colour-blind readers (simulated) in light and dark
palettes, keep text readable, and the legend shows every kind of mark."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from monitor_desk.core.library import Library
from monitor_desk.ui.dialogs.tag_popup import COLORS
from monitor_desk.ui.widgets.palette import (
    ENTITY_NAMES,
    ENTITY_TINTS,
    HIGHLIGHT_COLORS,
    OTHER_TINT,
    entity_tint,
    highlight_layer,
    highlight_outline,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from _colour_math import (  # noqa: E402
    VISIONS,
    closest_pairs,
    contrast,
    dark_palette,
    distance,
    legend_swatches,
)

MIN_DISTANCE = 5.0
"""CAM02-UCS units: about five just-noticeable differences between patches side by side."""


def palettes(app: QApplication) -> dict[str, QPalette]:
    light = QPalette(app.palette())
    light.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    light.setColor(QPalette.ColorRole.Text, QColor("#000000"))
    return {"light": light, "dark": dark_palette()}


def test_entity_tints_and_highlight_colours_are_disjoint_sets() -> None:
    tints = {c.lower() for pair in [*ENTITY_TINTS.values(), OTHER_TINT] for c in pair}
    highlights = {c.lower() for c in HIGHLIGHT_COLORS.values()}
    assert not tints & highlights
    # The popup offers the highlighter's colours (and "Auto"), never a tint.
    assert set(COLORS) == {None, *highlights}


def test_places_countries_and_facilities_have_their_own_tints(qapp: QApplication) -> None:
    for name, palette in palettes(qapp).items():
        gpe, loc, fac = (entity_tint(lab, palette).name() for lab in ("GPE", "LOC", "FAC"))
        assert len({gpe, loc, fac}) == 3, name
        for a, b in ((gpe, loc), (gpe, fac), (loc, fac)):
            for vision in VISIONS:
                assert distance(a, b, vision) >= MIN_DISTANCE, (name, a, b, vision)


def test_every_pair_of_legend_swatches_stays_apart_in_every_vision(qapp: QApplication) -> None:
    """Normal vision and simulated deuteranopia, protanopia and tritanopia."""
    for name, palette in palettes(qapp).items():
        swatches = legend_swatches(palette)
        assert len(set(swatches.values())) == len(swatches), name  # no shared swatch
        for vision, (d, a, b) in closest_pairs(swatches).items():
            assert d >= MIN_DISTANCE, f"{name}, {vision}: {a} and {b} only {d:.2f} apart"


def test_no_highlight_band_looks_like_an_entity_tint(qapp: QApplication) -> None:
    for name, palette in palettes(qapp).items():
        base = palette.color(QPalette.ColorRole.Base)
        bands = {k: highlight_layer(base, c, palette).name() for k, c in HIGHLIGHT_COLORS.items()}
        tints = {lab: entity_tint(lab, palette).name() for lab in ENTITY_NAMES}
        for hk, band in bands.items():
            for others in (tints, {k: v for k, v in bands.items() if k != hk}):
                for other, color in others.items():
                    for vision in VISIONS:
                        d = distance(band, color, vision)
                        assert d >= MIN_DISTANCE, (name, hk, other, vision, round(d, 2))


def test_text_is_readable_on_every_tint_and_band_in_light_and_dark(qapp: QApplication) -> None:
    for name, palette in palettes(qapp).items():
        text = palette.color(QPalette.ColorRole.Text).name()
        base = palette.color(QPalette.ColorRole.Base)
        for label in ENTITY_NAMES:
            tint = entity_tint(label, palette).name()
            assert contrast(text, tint) >= 7.0, (name, label, tint)  # WCAG AAA
        for key, color in HIGHLIGHT_COLORS.items():
            band = highlight_layer(base, color, palette).name()
            assert contrast(text, band) >= 4.5, (name, key, band)  # WCAG AA
            # The outline shows on the page: a yellow line on white would vanish.
            outline = highlight_outline(color, palette).name()
            assert contrast(outline, base.name()) >= 1.5, (name, key, outline)


@pytest.fixture
def window(make_window, gui_library: Library, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    text = gui_library.articles.get(1).text
    start = text.index("talks with Russia")
    gui_library.highlights.add(1, start, start + len("talks with Russia"), ["borders"])
    w = make_window(gui_library, analyse_missing=False)
    w.open_article(1)
    return w


def test_legend_has_a_key_for_every_kind_of_mark(window) -> None:  # type: ignore[no-untyped-def]
    legend = window.reader.legend
    present = {m.label for m in window.reader.view.marks.entities}
    assert present
    assert set(legend.buttons) == present
    assert set(legend.keys) == {"cue", "content", "citation", "highlight"}
    for kind, key in legend.keys.items():
        assert key.isVisible(), kind
        assert key.toolTip(), kind
        (sample,) = [c for c in key.children() if hasattr(c, "pixmap") and not c.pixmap().isNull()]
        assert sample.pixmap().width() > 10, kind


def test_a_highlight_is_outlined_in_its_colour_and_an_entity_is_not(qapp, window) -> None:  # type: ignore[no-untyped-def]
    view = window.reader.view
    outline = highlight_outline(None, view.palette())

    def outline_pixels() -> int:
        image = view.viewport().grab().toImage()
        return sum(
            1
            for y in range(0, image.height(), 1)
            for x in range(0, image.width(), 2)
            if _near(QColor(image.pixel(x, y)), outline)
        )

    with_highlight = outline_pixels()
    assert with_highlight > 40  # the rounded box around "talks with Russia"
    view.set_marks(highlights=[])
    qapp.processEvents()
    assert outline_pixels() < with_highlight / 10  # entities are tints, never outlined


def _near(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 40
