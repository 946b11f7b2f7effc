"""The claims' confidence in the Claims tab: a sortable column, and below the threshold set
in Preferences the extracted claims are greyed or hidden (with a count)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QDoubleSpinBox, QMenu

from monitor_desk.core.library import Library
from monitor_desk.ui.panels.claims_model import CONFIDENCE_COL, CONTENT
from monitor_desk.ui.preferences import load_preferences
from monitor_desk.ui.widgets.confidence import ConfidenceView, muted_colour


def _scores(library: Library) -> dict[int, float | None]:
    """Article 1's claims scored 0.2, 0.95, unscored, 0.9 … (in text order); the first
    low one graded by the analyst, the second not."""
    ids = [c.id for c in library.claims.list(1)]
    assert len(ids) >= 4
    scores: dict[int, float | None] = {}
    for n, claim_id in enumerate(ids):
        scores[claim_id] = [0.2, 0.95, None, 0.3][n] if n < 4 else 0.9
        library.db.execute(
            "UPDATE claims SET confidence = ? WHERE id = ?", [scores[claim_id], claim_id]
        )
    library.db.conn.commit()
    library.claims.set_credibility(ids[3], 2)  # graded: the analyst vouched for it
    return scores


def test_low_confidence_claims_are_muted_then_hidden_with_a_count(
    qtbot, qtmodeltester, make_window, gui_library: Library, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    scores = _scores(gui_library)
    total = len(scores)
    window = make_window(gui_library)
    window.open_article(1)
    model = window.claims.model
    assert model.rowCount() == total
    low_row = next(r for r, c in enumerate(model.claims) if c.confidence == 0.2)
    shown = [model.index(r, CONFIDENCE_COL).data() for r in range(total)]
    assert "0.20" in shown
    assert "—" in shown
    grey = muted_colour()
    muted = [
        r for r in range(total) if model.index(r, CONTENT).data(Qt.ItemDataRole.ForegroundRole)
    ]
    assert muted == [low_row]  # the graded 0.3 and the unscored one are not muted
    assert model.index(low_row, CONTENT).data(Qt.ItemDataRole.ForegroundRole) == grey
    assert "Below your threshold" in model.index(low_row, CONFIDENCE_COL).data(
        Qt.ItemDataRole.ToolTipRole
    )

    window.extras.act_preferences.trigger()
    dialog = window.extras.preferences_dialog
    threshold = dialog.fields["confidence"]
    low = dialog.fields["low_confidence"]
    assert isinstance(threshold, QDoubleSpinBox)
    assert isinstance(low, QComboBox)
    assert threshold.value() == 0.5
    assert low.currentData() == "muted"
    threshold.setValue(0.96)
    low.setCurrentIndex(low.findData("hidden"))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    hidden = [cid for cid, s in scores.items() if s is not None and s < 0.96]
    hidden.remove(next(c.id for c in gui_library.claims.list(1) if c.credibility == 2))
    assert model.rowCount() == total - len(hidden)
    assert not {c.id for c in model.claims} & set(hidden)
    n = len(hidden)
    assert f"{n} low-confidence claims hidden" in window.claims.summary.text()
    assert len(window.reader.view.marks.claims) == total  # the reader still marks them all
    qtmodeltester.check(model)
    again = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    assert load_preferences(again).claims_confidence == ConfidenceView(0.96, "hidden")


def test_the_confidence_column_sorts(qtbot, make_window, gui_library: Library) -> None:  # type: ignore[no-untyped-def]
    _scores(gui_library)
    window = make_window(gui_library)
    window.open_article(1)
    model = window.claims.model
    in_text_order = [c.content.start for c in model.claims]
    assert in_text_order == sorted(in_text_order)  # until a header is clicked
    window.claims.table.sortByColumn(CONFIDENCE_COL, Qt.SortOrder.DescendingOrder)
    ranked = [model.index(r, CONFIDENCE_COL).data() for r in range(model.rowCount())]
    assert ranked[0] == "0.95"
    assert ranked[-1] == "—"  # not scored: last
    window.open_article(2)
    window.open_article(1)  # the order holds for the next article shown
    assert model.index(0, CONFIDENCE_COL).data() == "0.95"


def test_the_library_wide_view_shows_and_greys_low_confidence(
    qtbot, make_window, gui_library: Library, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    scores = _scores(gui_library)
    settings.setValue("claims/confidenceThreshold", 0.25)
    settings.setValue("claims/lowConfidence", "hidden")
    window = make_window(gui_library, analyse_missing=False)
    window.library_views.act_claims.trigger()
    model = window.library_views.window.claims.model
    column = model.columns.index("Confidence")
    rows = {model.claim(r).id: r for r in range(model.rowCount())}  # type: ignore[union-attr]
    assert set(scores) <= set(rows)  # greyed, not left out: the view's count stays exact
    low = next(cid for cid, s in scores.items() if s == 0.2)
    assert model.index(rows[low], column).data() == "0.20"
    assert model.index(rows[low], 1).data(Qt.ItemDataRole.ForegroundRole) == muted_colour()
    high = next(cid for cid, s in scores.items() if s == 0.95)
    assert model.index(rows[high], 1).data(Qt.ItemDataRole.ForegroundRole) is None


def test_the_content_keeps_most_of_the_claims_table_beside_the_two_grade_columns(
    make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)  # 1400 x 900, nothing remembered
    window.open_article(1)
    table = window.claims.table
    model = table.model()
    shown = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
    widths = {c: table.columnWidth(c) for c in shown}
    assert widths[CONTENT] >= 0.35 * sum(widths.values()), widths
    # the grade columns are short in the header; the full name is the tooltip
    assert model.headerData(CONFIDENCE_COL, Qt.Orientation.Horizontal) == "Conf."
    tip = model.headerData(CONFIDENCE_COL, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == "Confidence"


def test_the_column_menu_names_the_short_headers_in_full(
    qtbot, make_window, gui_library: Library
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(gui_library)
    window.open_article(1)
    shown: list[str] = []

    def read_and_close() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        shown.extend(a.text() for a in menu.actions())
        menu.close()

    QTimer.singleShot(0, read_and_close)
    header = window.claims.table.horizontalHeader()
    header.customContextMenuRequested.emit(QPoint(5, 5))
    # The header reads "Cred." and "Conf." for the width; the menu that brings columns
    # back says what they are.
    assert "Credibility" in shown
    assert "Confidence" in shown
    assert "Cred." not in shown
