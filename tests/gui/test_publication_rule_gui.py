"""The publication rule in the window: from the Article Details dialog and from Edit ▸
Publication Rule…, one undo step each; the list and the dialog show the year it gave."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from monitor_desk.core.library import Library
from monitor_desk.ui.dialogs.details_dialog import DetailsDialog
from monitor_desk.ui.dialogs.rule_dialog import PublicationRuleDialog
from monitor_desk.ui.theme import contrast
from monitor_desk.ui.widgets.date_cell import INFERRED_COLOR


def _later(answer) -> None:  # type: ignore[no-untyped-def]
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        answer(dialog)

    QTimer.singleShot(0, run)


def _date_cell(window, article_id: int, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    model = window.library_panel.model
    return model.index(model.row_of(article_id), 3).data(role)


def test_a_rule_set_from_the_details_dialog_dates_the_article_and_undoes(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    gui_library.details.edit([1], date="")  # an undated Monitor brief, volume 7
    window = make_window(gui_library, analyse_missing=False)
    window.library_panel.select_article(1)
    steps = window.undo_stack.count()
    seen: dict[str, str] = {}

    def set_rule(dialog: PublicationRuleDialog) -> None:
        assert isinstance(dialog, PublicationRuleDialog)
        assert dialog.publication.text() == "Monitor"  # the article's publication
        dialog.volume.setValue(1)
        dialog.year.setValue(1995)
        dialog.cadence.setCurrentIndex(dialog.cadence.findData("daily"))
        assert dialog.findChild(QPushButton, "ruleRemove") is None  # nothing to remove yet
        dialog.accept()

    def in_details(dialog: DetailsDialog) -> None:
        assert isinstance(dialog, DetailsDialog)
        assert dialog.edits["date"].text() == ""
        _later(set_rule)
        dialog.findChild(QPushButton, "detailsRule").click()  # the rule dialog, modal
        seen["date"] = dialog.edits["date"].text()
        seen["source"] = dialog.source.text()
        dialog.accept()

    _later(in_details)
    window.reader.edit_details.click()
    assert seen["date"] == "2001"  # volume 7 of a publication whose volume 1 is 1995
    assert "rule for Monitor" in seen["source"]
    assert window.undo_stack.count() == steps + 1  # the rule; OK changed nothing else
    art = gui_library.articles.get(1)
    assert (art.date, art.date_source, art.date_precision, art.date_rule) == (
        "2001", "analyst", "year", "Monitor",
    )  # fmt: skip
    assert _date_cell(window, 1) == "2001"
    assert _date_cell(window, 1, Qt.ItemDataRole.ForegroundRole) == INFERRED_COLOR
    assert "2001" in window.reader.meta.text()

    window.undo_stack.undo()
    assert gui_library.rules.list() == []
    assert gui_library.articles.get(1).date is None
    assert _date_cell(window, 1) == ""
    window.undo_stack.redo()
    assert gui_library.articles.get(1).date == "2001"


def test_the_menu_removes_a_rule_in_one_undoable_step(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    gui_library.details.edit([1], date="")
    gui_library.rules.set("Monitor", 1, 1995)
    window = make_window(gui_library, analyse_missing=False)
    window.library_panel.select_article(1)
    assert gui_library.articles.get(1).date == "2001"

    def remove(dialog: PublicationRuleDialog) -> None:
        assert (dialog.volume.value(), dialog.year.value()) == (1, 1995)
        dialog.findChild(QPushButton, "ruleRemove").click()

    _later(remove)
    window.details.act_rule.trigger()
    assert gui_library.rules.list() == []
    assert gui_library.articles.get(1).date is None
    window.undo_stack.undo()
    assert [r.describe() for r in gui_library.rules.list()] == ["Monitor: volume 1 = 1995"]
    assert gui_library.articles.get(1).date == "2001"


def _readable(explain: QLabel) -> None:
    palette = explain.palette()
    group = QPalette.ColorGroup.Active if explain.isEnabled() else QPalette.ColorGroup.Disabled
    ink = palette.color(group, explain.foregroundRole())
    ground = palette.color(QPalette.ColorRole.Window)
    alpha = ink.alphaF()  # a translucent ink is seen mixed with the window behind it
    seen = QColor.fromRgbF(*(alpha * a + (1 - alpha) * b for a, b in (
        (ink.redF(), ground.redF()), (ink.greenF(), ground.greenF()), (ink.blueF(), ground.blueF()))))  # fmt: skip
    # Quiet but readable (3:1, WCAG's floor for secondary text); greyed out it was 1.6:1.
    assert contrast(seen, ground) >= 3.0


def test_the_rule_explanation_is_readable(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = PublicationRuleDialog("Monitor", None)
    qtbot.addWidget(dialog)
    dialog.show()
    _readable(dialog.findChild(QLabel, "ruleExplain"))


def test_the_date_source_line_is_readable(qtbot, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    dialog = DetailsDialog(gui_library.articles.get(1), None)
    qtbot.addWidget(dialog)
    dialog.show()
    _readable(dialog.findChild(QLabel, "detailsDateSource"))
