"""The library list's 'Group near-duplicates' toggle: copies under their original, indented,
the original saying how many; exclusive with 'Hide near-duplicates'."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QMenu

from monitor_desk.core.library import Library
from monitor_desk.ui.panels.library_panel import LibraryPanel

STORY = (
    "Foreign Minister Ivan Petrov said on Tuesday that talks on the northern border would "
    "resume next month in Geneva, after a pause of almost a year. Petrov told reporters the "
    "two delegations had agreed on an agenda covering customs posts, river crossings and the "
    "return of refugees displaced by last winter's fighting.\n"
)


def test_grouping_puts_copies_under_their_original(qtbot, library: Library, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    files = [
        ("a.txt", "Date: 2004-03-10\n\nBORDER TALKS\n\n" + STORY),
        ("b.txt", "Date: 2004-03-05\n\nHARVEST\n\nThe harvest was late this year in the south.\n"),
        ("a1.txt", "Date: 2004-03-20\n\nTalks to resume\n\n" + STORY),
    ]
    for name, text in files:
        (tmp_path / name).write_text(text, encoding="utf-8")
        library.import_paths([tmp_path / name], analyze=False)
    panel = LibraryPanel(library)
    qtbot.addWidget(panel)
    panel.resize(500, 400)
    panel.show()
    model = panel.model

    def titles() -> list[str]:
        return [model.index(r, 0).data() for r in range(model.rowCount())]

    # Newest first, ungrouped: the copy (Mar 20) far from its original (Mar 10).
    assert titles() == ["Talks to resume", "BORDER TALKS  (+1 near-duplicate)", "HARVEST"]
    panel.filter_button.click()
    group = panel.findChild(QCheckBox, "filter_group_near_duplicates")
    hide = panel.findChild(QCheckBox, "filter_hide_near_duplicates")
    assert group.isVisible()
    group.click()
    qtbot.waitUntil(lambda: model.rowCount() == 3 and model.grouped, timeout=3000)
    assert titles() == [
        "BORDER TALKS  (+1 near-duplicate)",
        "    \u21b3 Talks to resume",
        "HARVEST",
    ]
    hide.click()  # hiding ends grouping: nothing left to group
    assert not group.isChecked()
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=3000)
    assert titles() == ["BORDER TALKS  (+1 near-duplicate)", "HARVEST"]
    panel.grab().save(str(tmp_path / "grouped.png"))


def test_file_menu_scan_links_copies_in_the_background(
    qtbot, make_window, library: Library, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from unittest import mock

    from monitor_desk.core import near_duplicates

    for name, text in (
        ("a.txt", "Date: 2004-03-10\n\nBORDER TALKS\n\n" + STORY),
        ("a1.txt", "Date: 2004-03-20\n\nTalks to resume\n\n" + STORY),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
        with mock.patch.object(near_duplicates, "link", return_value=None):  # an old import
            library.import_paths([tmp_path / name], analyze=False)
    window = make_window(library, analyse_missing=False)
    model = window.library_panel.model
    assert all("near-duplicate" not in model.index(r, 0).data() for r in range(2))
    (file_menu,) = [m for m in window.menuBar().findChildren(QMenu) if m.title() == "&File"]
    assert window.imports.act_near in file_menu.actions()
    with qtbot.waitSignal(window.jobs.nearDuplicatesLinked, timeout=10000) as linked:
        window.imports.act_near.trigger()
    assert len(linked.args[0]) == 1
    titles = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "BORDER TALKS  (+1 near-duplicate)" in titles  # the list was refreshed
    assert "Near-duplicates: 1 article(s) linked" in window.statusBar().currentMessage()
