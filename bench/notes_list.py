"""The Notes tab's whole-library list at 100k notes: fill it, filter by text, by tag
(targets: each ≤ 100 ms median, painted), and the Python heap it holds once filled (it
should not grow with the number of notes). Uses the real panel of the window."""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import time
import tracemalloc
from collections.abc import Callable

from _common import report
from generate import library

from monitor_desk.core.library import Library

# Words of news text and tags of the generated libraries (bench/generate.py): each filter
# keeps some of the notes, none keeps all.
TEXT_FILTERS = ("minister", "of the")
TAG_FILTERS = ("topic", "source/doubtful")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=100_000, help="articles in the library")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from monitor_desk.ui.panels.notes_panel import NotesPanel

    app = QApplication([])
    steps: dict[str, list[float]] = {}
    rows: dict[str, int] = {}

    with Library.open(library(args.size), read_only=True) as lib:
        panel = NotesPanel(lib)
        panel.resize(900, 700)
        panel.show()
        panel.load(lib.articles.ids()[0])
        app.processEvents()

        def timed(name: str, action: Callable[[], None]) -> None:
            t0 = time.perf_counter()
            action()
            panel.table.viewport().repaint()
            app.processEvents()
            steps.setdefault(name, []).append((time.perf_counter() - t0) * 1000)
            rows[name] = panel.model.rowCount()

        toggle, text, tag = panel.library_toggle, panel.text_filter, panel.tag_filter
        for _ in range(args.runs):
            timed("fill whole library", lambda: toggle.setChecked(True))
            for words in TEXT_FILTERS:
                timed(f"text {words!r}", lambda w=words: text.setText(w))
                text.clear()
            for name in TAG_FILTERS:
                timed(f"tag {name!r}", lambda n=name: tag.setText(n))
                tag.clear()
            timed("scroll to end", panel.table.scrollToBottom)
            panel.table.scrollToTop()
            toggle.setChecked(False)
            app.processEvents()

        # The Python heap the filled list holds (ids, cached pages, titles).
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        toggle.setChecked(True)
        panel.table.viewport().repaint()
        app.processEvents()
        held_kb = (tracemalloc.get_traced_memory()[0] - before) / 1024
        tracemalloc.stop()
        notes = panel.model.rowCount()
        panel.close()

    medians = {k: round(statistics.median(v), 1) for k, v in steps.items()}
    worst = max((k for k in medians if k != "scroll to end"), key=lambda k: medians[k])
    report(
        "notes_list",
        notes=notes,
        runs=args.runs,
        median_ms_by_step=medians,
        max_ms_by_step={k: round(max(v), 1) for k, v in steps.items()},
        rows_by_step=rows,
        held_kb_after_fill=round(held_kb),
        held_bytes_per_note=round(held_kb * 1024 / max(1, notes), 1),
        worst_step=worst,
        worst_median_ms=medians[worst],
        target_ms=100,
        meets_target=medians[worst] <= 100,
    )


if __name__ == "__main__":
    main()
