"""The highlight popup in the window: time from H to the popup shown, and from Enter to the
highlight committed and repainted, with 200 tags and 200 highlights in the article."""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from _common import make_briefs, report

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MONITOR_DESK_FORCE_FALLBACK", "1")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=50)
    args = ap.parse_args()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from monitor_desk.core.library import Library
    from monitor_desk.ui.main_window import MainWindow

    app = QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        text = "\n\n".join(make_briefs(8))  # one long article (~5k words)
        (Path(tmp) / "long.txt").write_text(text, encoding="utf-8")
        lib = Library.open(Path(tmp) / "lib.sqlite")
        lib.import_paths([Path(tmp) / "long.txt"], analyze=False)
        length = len(lib.articles.get(1).text)
        for i in range(200):
            start = (i * 97) % (length - 40)
            lib.highlights.add(1, start, start + 30, tags=[f"topic/{i % 200}"])
        window = MainWindow(
            lib, QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat), False
        )
        window.resize(1400, 900)
        window.show()
        window.open_article(1)
        window.side.setCurrentWidget(window.notes)  # the Notes tab refits its rows too
        app.processEvents()
        view, flow = window.reader.view, window.highlighting
        opens, saves = [], []
        for i in range(args.n):
            cursor = view.textCursor()
            start = 50 + (i * 131) % (length - 200)
            cursor.setPosition(start)
            cursor.setPosition(start + 25, cursor.MoveMode.KeepAnchor)
            view.setTextCursor(cursor)
            t0 = time.perf_counter()
            flow.highlight_selection()
            app.processEvents()
            opens.append((time.perf_counter() - t0) * 1000)
            flow.popup.tag_input.setText(f"topic/{i}, new/{i}")
            t0 = time.perf_counter()
            flow.popup.save()
            app.processEvents()
            saves.append((time.perf_counter() - t0) * 1000)
        window.close()
        lib.close()
    report(
        "highlight_popup",
        popup_open_ms_median=round(statistics.median(opens), 2),
        popup_open_ms_max=round(max(opens), 2),
        save_and_repaint_ms_median=round(statistics.median(saves), 2),
        save_and_repaint_ms_max=round(max(saves), 2),
        highlights_in_article=200 + args.n,
    )


if __name__ == "__main__":
    main()
