"""Peak resident memory with the model loaded and the 100k library open in the window
(target <= 400 MB). The measured work runs in a child process so nothing else counts."""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import report
from generate import working_copy


def child(db: str) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from monitor_desk.core.library import Library
    from monitor_desk.ui.main_window import MainWindow

    app = QApplication([])
    with tempfile.TemporaryDirectory() as tmp, Library.open(db) as lib:
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(lib, settings, analyse_missing=False)
        window.resize(1400, 900)
        window.show()
        pipeline = lib.pipeline  # the model, loaded as the window would load it
        for _ in range(20):
            app.processEvents()
        ids = lib.articles.ids("title")
        lib.articles.summaries(ids[:200])
        lib.search("minister")
        analysis = lib.articles.analysis(ids[len(ids) // 2])
        window.grab()
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        figures = {
            "peak_rss_mb": round(rss_mb, 1),
            "pipeline": pipeline.name,
            "articles": len(ids),
            "entities_in_open_article": len(analysis.entities) if analysis else 0,
        }
        print(json.dumps(figures))
        window.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=100_000)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = working_copy(args.size, Path(tmp))
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(db)], capture_output=True, text=True,
            check=True,
        )  # fmt: skip
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    report("peak_memory", **figures, target_mb=400, meets_target=figures["peak_rss_mb"] <= 400)


if __name__ == "__main__":
    main()
