"""Opening a library from an older Monitor Desk in the GUI: the upgrade runs off the GUI
thread under a dialog that says each step, how far it is, and that a copy was made."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from old_library import old_library

from monitor_desk.core import schema, step_progress, upgrade
from monitor_desk.core.schema import SCHEMA_VERSION
from monitor_desk.ui.library_open import open_or_explain
from monitor_desk.ui.library_upgrade import UpgradeDialog


def test_an_old_library_opens_under_a_dialog_showing_the_steps_and_the_copy(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "old.sqlite"
    old_library(path, "0016_chart_counts", 40)
    monkeypatch.setattr(schema, "REBUILD_BATCH", 10)
    shown: list[tuple[str, int, int, bool]] = []
    original = UpgradeDialog.show_progress

    def record(self: UpgradeDialog, at: upgrade.UpgradeProgress) -> None:
        original(self, at)
        shown.append((self.label.text(), self.bar.value(), self.bar.maximum(), self.isVisible()))

    monkeypatch.setattr(UpgradeDialog, "show_progress", record)
    worked_on: set[int] = set()
    report = step_progress.report_rows

    def on_thread(done: int, total: int | None, label: str = "") -> None:
        worked_on.add(threading.get_ident())
        report(done, total, label)

    monkeypatch.setattr(step_progress, "report_rows", on_thread)
    lib = open_or_explain(path, None, seed=False)
    assert lib is not None
    try:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert len(lib.search("Медведева")) == 40  # the stems column was filled
    finally:
        lib.close()
    assert worked_on
    assert threading.get_ident() not in worked_on  # the GUI thread stayed free to paint
    (copy,) = tmp_path.glob("old.sqlite.before-0016_chart_counts-*.bak")
    texts = [text for text, *_ in shown]
    assert all(visible for *_, visible in shown)
    assert "“old.sqlite” was made by an older Monitor Desk" in texts[0]
    assert "Making a copy of the library first" in texts[0]
    assert all(f"has been saved first, beside it: {copy.name}" in t for t in texts[1:])
    names = [m.name for m in schema.migrations._migrations]
    first = names.index("0016_chart_counts")
    steps, search = len(names) - first, names.index("0020_russian_search") - first + 1
    assert any(t.endswith(f"Step 1 of {steps}: chart counts") for t in texts)
    rebuilt = [(t.rsplit("\n", 1)[-1], v, m) for t, v, m, _ in shown if ": search index —" in t]
    assert rebuilt == [
        (f"Step {search} of {steps}: search index — {p}%", p, 100) for p in (25, 50, 75, 100)
    ]
    assert any(t.endswith("merging the search index — 100%") for t in texts)
    assert texts[-1].endswith("Done.")
