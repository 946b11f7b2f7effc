"""The library list at 100k articles: open, sort by each column, scroll to the end, show
only half of the articles ("Show these in the library list") and all again, group
near-duplicates under their originals (target: no stall over 100 ms). Uses the real model
and view of the window."""

from __future__ import annotations

import argparse
import os
import time

from _common import report
from generate import library

from monitor_desk.core.library import Library


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=100_000)
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QTableView

    from monitor_desk.ui.panels.library_model import LibraryModel

    app = QApplication([])
    steps: dict[str, float] = {}

    def timed(name: str, action) -> None:  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        action()
        view.viewport().repaint()
        app.processEvents()
        steps[name] = round((time.perf_counter() - t0) * 1000, 1)

    with Library.open(library(args.size), read_only=True) as lib:
        view = QTableView()
        view.resize(500, 800)
        view.show()
        model: LibraryModel | None = None

        def open_list() -> None:
            nonlocal model
            model = LibraryModel(lib)
            view.setModel(model)

        timed("open", open_list)
        assert model is not None
        for column in range(model.columnCount()):
            name = str(model.headerData(column, Qt.Orientation.Horizontal))
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                timed(f"sort {name} {order.name}", lambda c=column, o=order: model.sort(c, o))
        timed("scroll to end", view.scrollToBottom)
        timed("scroll to top", view.scrollToTop)
        half = model.library.articles.ids()[::2]
        timed(f"show only {len(half)} ids", lambda: model.restrict(half))
        timed("show all", lambda: model.restrict(None))
        for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
            timed(f"sort Date {order.name} again", lambda o=order: model.sort(3, o))
            timed(
                f"group near-duplicates, Date {order.name}",
                lambda: model.set_filters(group_near_duplicates=True),
            )
            timed(f"ungroup, Date {order.name}", lambda: model.set_filters())
        rows = model.rowCount()
    worst = max(steps, key=lambda k: steps[k])
    report(
        "library_list",
        articles=rows,
        ms_by_step=steps,
        worst_step=worst,
        worst_ms=steps[worst],
        target_ms=100,
        meets_target=steps[worst] <= 100,
    )


if __name__ == "__main__":
    main()
