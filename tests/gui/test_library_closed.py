"""A library closed while its window is open: the window closes cleanly, never hangs.

Before the fix the window went on painting from the closed connection; the library list's
``data()`` raised inside ``processEvents`` and PySide6 6.9 hung there for good. The
scenarios run in a subprocess with a timeout, so a regression fails instead of hanging
the suite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCENARIO = r"""
import json, sys, threading, time
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from monitor_desk.core.errors import LibraryClosedError
from monitor_desk.core.library import Library
from monitor_desk.ui.main_window import MainWindow

app = QApplication([])
folder = Path(sys.argv[1])
TEXT = ("Publication: Monitor Volume: 7 Issue: {n}\n\nTALKS NUMBER {n}\n\n"
        "Minister Ivanov said on Monday that talks would resume (Interfax, April 9).\n")


def spin(seconds, until=lambda: False):
    end = time.monotonic() + seconds
    while time.monotonic() < end and not until():
        app.processEvents()


def window_on(name, files=1):
    lib = Library.open(folder / f"{name}.sqlite")
    paths = []
    for n in range(files):
        path = folder / name / f"{n}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(TEXT.format(n=n), encoding="utf-8")
        paths.append(str(path))
    lib.import_paths(paths[:1], analyze=False)
    settings = QSettings(str(folder / f"{name}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(lib, settings)
    window.resize(1200, 800)
    window.show()
    spin(0.5)
    return lib, window, settings, paths


def boxes():
    return [w.text() for w in app.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def outcome(lib, window, settings):
    try:
        lib.articles.summaries([1])
        error = ""
    except LibraryClosedError as exc:
        error = str(exc)
    settings.sync()
    return {
        "visible": window.isVisible(),
        "closed": lib.closed,
        "threads": window.queue.pool.activeThreadCount(),
        "article_saved": settings.value("reader/article") is not None,
        "layout_saved": settings.value("window/geometry") is not None,
        "boxes": boxes(),
        "error": error,
    }


results = {}
# On the GUI thread, as a script or the self-test would.
lib, window, settings, _ = window_on("here")
lib.close()
spin(1.0)
results["here"] = outcome(lib, window, settings)
# From another thread: the window hears of it through a queued signal.
lib, window, settings, _ = window_on("thread")
closer = threading.Thread(target=lib.close)
closer.start()
spin(10.0, until=lambda: not window.isVisible())
closer.join()
spin(0.5)
results["thread"] = outcome(lib, window, settings)
# While an import runs: the job is cancelled; its failure is no message box.
lib, window, settings, paths = window_on("import", files=400)
seen = []
window.jobs.progressed.connect(lambda done, total: seen.append(done))
window.jobs.start_import(paths)
spin(10.0, until=lambda: any(seen))
lib.close()
results["import_cut"] = max(seen) < len(paths)
spin(10.0, until=lambda: window.queue.pending() == 0)
spin(0.5)
results["import"] = outcome(lib, window, settings)
# Closing it again is nothing, and the file opens again at once (its lock was released).
lib.close()
again = Library.open(folder / "import.sqlite")
results["reopened"] = len(again.articles.ids()) >= 1
again.close()
print(json.dumps(results))
"""


def test_closing_the_library_closes_its_window_and_never_hangs(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MONITOR_DESK_FORCE_FALLBACK="1")
    done = subprocess.run(
        [sys.executable, "-c", SCENARIO, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(done.stdout.strip().splitlines()[-1])
    for case in ("here", "thread", "import"):
        seen = results[case]
        assert seen["closed"], case
        assert not seen["visible"], f"{case}: the window stayed open on a closed library"
        assert seen["threads"] == 0, f"{case}: a job outlived the window"
        assert seen["layout_saved"], f"{case}: the window did not close as at quit"
        assert seen["boxes"] == [], f"{case}: {seen['boxes']}"
        assert seen["error"] == "The library was closed; reopen it to go on.", case
    assert results["here"]["article_saved"]  # reopened, the window shows the same article
    assert results["import_cut"]  # the library closed while the import ran
    assert results["reopened"]
    # No model or slot read the closed file (PySide's report of an exception there).
    assert "Error calling Python override" not in done.stderr, done.stderr[-3000:]
    assert "LibraryClosedError" not in done.stderr, done.stderr[-3000:]
