"""Error and warning lines read on both themes: their ink comes from the theme
(``ui/theme.py``, one place) at WCAG AA contrast, as drawn, and follows a theme change."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from claim_views_data import build
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from monitor_desk.core.library import Library
from monitor_desk.ui.theme import INKS, apply_theme, dark_palette, light_palette, status_ink

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from _colour_math import contrast  # noqa: E402  (WCAG 2, computed apart from the app's)

BAD_DATE = "From: write a date as YYYY, YYYY-MM or YYYY-MM-DD."


@pytest.fixture(autouse=True)
def _system_theme_after() -> Iterator[None]:
    yield
    apply_theme("system")  # the application's palette is shared by every test


def _grounds(palette: QPalette) -> list[str]:
    return [palette.color(role).name() for role in (QPalette.Window, QPalette.Base)]


@pytest.mark.parametrize("kind", sorted(INKS))
def test_error_and_warning_inks_read_on_both_themes(qapp: QApplication, kind: str) -> None:
    for theme, palette in (("light", light_palette()), ("dark", dark_palette())):
        ink = status_ink(kind, palette).name()
        for ground in _grounds(palette):
            assert contrast(ink, ground) >= 4.5, (kind, theme, ink, ground)
    # The old fixed red is why: on the dark window it read at about 2:1.
    assert contrast("#b00020", dark_palette().color(QPalette.Window).name()) < 3.0


def test_an_ink_is_made_readable_on_a_palette_it_was_not_chosen_for(qapp: QApplication) -> None:
    murky = QPalette(dark_palette())  # a system's dark theme with a lighter window
    murky.setColor(QPalette.Window, QColor("#5a4a4a"))
    murky.setColor(QPalette.Base, QColor("#3a3030"))
    assert contrast(INKS["error"][1], "#5a4a4a") < 4.5  # the theme's ink alone would not do
    ink = status_ink("error", murky).name()
    assert min(contrast(ink, g) for g in _grounds(murky)) >= 4.5


def _drawn_ink(image: QImage) -> tuple[str, str]:
    """(background, the drawn colour furthest from it) of a grabbed label."""
    pixels = Counter(
        image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
    )
    background = pixels.most_common(1)[0][0]
    return background, max(pixels, key=lambda c: contrast(c, background))


def test_the_claims_view_error_is_drawn_readable_on_the_dark_theme(
    qtbot, make_window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with Library.open(tmp_path / "lib.sqlite") as lib:
        build(lib, tmp_path)
        window = make_window(lib, analyse_missing=False)
        apply_theme("dark")  # after the window: it applies the stored theme as it opens
        window.library_views.act_claims.trigger()
        explorer = window.library_views.window.findChild(QWidget, "claimsExplorer")
        explorer.since.setText("Sept 1999")  # not a date it takes
        explorer.apply()
        status: QLabel = explorer.status
        assert status.text() == BAD_DATE
        image = status.grab().toImage()
        image.save(str(tmp_path / "claims_error_dark.png"))
        background, ink = _drawn_ink(image)
        assert background == dark_palette().color(QPalette.Window).name()
        assert ink == status_ink("error", dark_palette()).name()
        assert contrast(ink, background) >= 4.5

        apply_theme("light")  # the theme changes while the error shows: the ink follows
        qtbot.waitUntil(lambda: status.palette().color(QPalette.Window) != QColor(background))
        background, ink = _drawn_ink(status.grab().toImage())
        assert ink == status_ink("error", status.palette()).name()
        assert contrast(ink, background) >= 4.5

        explorer.since.clear()
        explorer.apply()  # a count again: plain text, not red
        assert status.palette().color(QPalette.WindowText) == QApplication.palette(status).color(
            QPalette.WindowText
        )
        window.library_views.window.close()
