"""One cited outlet is another, said in the GUI: *Same Outlet As…* in the Sources tab's
menu, *Unlink* there and in the Corrections dialog's *Outlet links* tab, each undoable."""

from __future__ import annotations

import pytest

from monitor_desk.core.library import Library
from monitor_desk.ui.dialogs.corrections_dialog import CorrectionsDialog
from monitor_desk.ui.dialogs.outlet_chooser import OutletChooser
from monitor_desk.ui.panels import sources_panel


def _outlets(window) -> list[str]:  # type: ignore[no-untyped-def]
    model = window.sources.model
    return [model.source(row).outlet for row in range(model.rowCount())]


def _menu(window, outlet: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    menu = window.sources.outlet_menu(_outlets(window).index(outlet))
    return {action.text(): action for action in menu.actions()}


def _links(tab) -> list[str]:  # type: ignore[no-untyped-def]
    return [tab.items.item(row).text() for row in range(tab.items.count())]


@pytest.fixture
def window(make_window, gui_library: Library):  # type: ignore[no-untyped-def]
    gui_library.sources.set_reliability("Kavkasia-Press", "B")
    window = make_window(gui_library)
    (border,) = [a.id for a in gui_library.articles.list() if "BORDER" in (a.title or "")]
    window.open_article(border)
    assert sorted(_outlets(window)) == ["Interfax", "Kavkasia-Press", "Prime-News"]
    return window


def test_same_outlet_as_merges_the_rows_and_undo_gives_both_back_with_their_grades(
    window, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    lib = window.library
    offered: list[tuple[str, list[str]]] = []

    def choose(outlet: str, outlets: list[str], _parent: object) -> str:
        offered.append((outlet, outlets))
        return "Interfax"

    monkeypatch.setattr(sources_panel, "choose_outlet", choose)
    assert list(_menu(window, "Kavkasia-Press")) == ["&Same Outlet As…"]
    _menu(window, "Kavkasia-Press")["&Same Outlet As…"].trigger()
    # every outlet of the library is offered, those of the other article too
    assert offered[0][0] == "Kavkasia-Press"
    assert {"Interfax", "Prime-News", "UNIAN"} <= set(offered[0][1])
    assert sorted(_outlets(window)) == ["Interfax", "Prime-News"]
    assert lib.sources.reliability("Interfax") == "B"  # Interfax had none: it takes the grade
    assert list(_menu(window, "Interfax")) == ["&Same Outlet As…", "&Unlink “Kavkasia-Press”"]
    assert window.undo_stack.undoText() == "Same Outlet: “Kavkasia-Press” = “Interfax”"

    window.undo_stack.undo()
    assert sorted(_outlets(window)) == ["Interfax", "Kavkasia-Press", "Prime-News"]
    assert lib.sources.reliability("Interfax") is None
    assert lib.sources.reliability("Kavkasia-Press") == "B"
    assert lib.sources.aliases() == {}
    window.undo_stack.redo()
    assert sorted(_outlets(window)) == ["Interfax", "Prime-News"]

    _menu(window, "Interfax")["&Unlink “Kavkasia-Press”"].trigger()
    assert sorted(_outlets(window)) == ["Interfax", "Kavkasia-Press", "Prime-News"]
    assert lib.sources.aliases() == {}


def test_the_corrections_dialog_lists_links_and_revokes_them_undoably(window) -> None:  # type: ignore[no-untyped-def]
    lib = window.library
    tab = CorrectionsDialog(window.corrections, window).links_tab
    assert _links(tab) == []
    assert not tab.empty.isHidden()
    assert window.corrections.request("same-outlet", "Prime-News", "Interfax")
    assert _links(tab) == ["“Prime-News” is the same outlet as “Interfax”"]
    assert tab.empty.isHidden()
    assert sorted(_outlets(window)) == ["Interfax", "Kavkasia-Press"]
    tab.items.setCurrentRow(0)
    tab.revoke_button.click()
    assert _links(tab) == []
    assert sorted(_outlets(window)) == ["Interfax", "Kavkasia-Press", "Prime-News"]
    window.undo_stack.undo()  # the revoke taken back: linked again
    assert _links(tab) == ["“Prime-News” is the same outlet as “Interfax”"]
    assert lib.sources.aliases() == {"Prime-News": "Interfax"}
    assert sorted(_outlets(window)) == ["Interfax", "Kavkasia-Press"]


def test_a_link_to_itself_is_refused_in_the_status_bar(window) -> None:  # type: ignore[no-untyped-def]
    assert not window.corrections.request("same-outlet", "Interfax", " interfax ")
    assert "another outlet" in window.statusBar().currentMessage()
    assert window.undo_stack.count() == 0


def test_the_chooser_filters_the_outlets_and_takes_a_typed_name(qtbot) -> None:  # type: ignore[no-untyped-def]
    chooser = OutletChooser("Интерфакс", ["Interfax", "Интерфакс", "Itar-Tass", "UNIAN"])
    qtbot.addWidget(chooser)
    shown = [chooser.items.item(r).text() for r in range(chooser.items.count())]
    assert shown == ["Interfax", "Itar-Tass", "UNIAN"]  # not itself
    chooser.filter.setText("INTER")
    visible = [
        chooser.items.item(r).text()
        for r in range(chooser.items.count())
        if not chooser.items.item(r).isHidden()
    ]
    assert visible == ["Interfax"]
    assert chooser.chosen() == "Interfax"
    chooser.filter.setText("Interfax Russia")  # no such outlet yet: the name typed
    assert chooser.chosen() == "Interfax Russia"
    ok = chooser.buttons.button(chooser.buttons.StandardButton.Ok)
    assert ok.isEnabled()
    chooser.filter.setText("")
    chooser.items.setCurrentRow(-1)
    assert not ok.isEnabled()
