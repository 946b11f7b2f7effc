"""Empty lists say what would fill them, as the Taught cues and Outlet links tabs do."""

from __future__ import annotations

from monitor_desk.core.library import Library
from monitor_desk.ui.dialogs.corrections_dialog import CorrectionsDialog


def test_entity_corrections_tab_says_how_to_correct_an_entity(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library, analyse_missing=False)
    dialog = CorrectionsDialog(window.corrections, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.items.count() == 0
    assert dialog.empty.isVisible()
    assert "right-click" in dialog.empty.text()
    gui_library.corrections.add("ignore", ["Moscow"])
    dialog.reload()
    assert dialog.items.count() == 1
    assert not dialog.empty.isVisible()
