"""Entry point of the packaged app (PyInstaller's script): ``MonitorDesk [ARGS]``.

Everything goes to ``monitor_desk.cli.main``, except two options handled here first so that
they work whatever the CLI knows:

``--self-test``      run ``monitor_desk.selftest.run_self_test`` and exit with its status.
``--startup-probe``  (for packaging/measure-startup.sh) open the window on a fresh library
                     and exit right after its first paint, printing JSON timings.
"""

from __future__ import annotations

import sys
import time

_T_MAIN = time.perf_counter()


def _process_age_s() -> float | None:
    """Seconds since this process was exec'd (Linux only; 10 ms resolution)."""
    try:
        with open("/proc/self/stat") as fh:
            started_ticks = int(fh.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime") as fh:
            uptime = float(fh.read().split()[0])
        import os

        return uptime - started_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _startup_probe() -> int:
    """Time the path `run_gui` takes to a painted main window, then leave at once."""
    import json
    import os
    import shutil
    import tempfile

    age = _process_age_s()
    # Process age when this script started: bootloader, interpreter, unpacking of imports.
    before_main = None if age is None else age - (time.perf_counter() - _T_MAIN)
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from monitor_desk.ui.app import open_library_for_gui
    from monitor_desk.ui.main_window import MainWindow

    t_imports = time.perf_counter()
    app = QApplication(sys.argv[:1])
    folder = tempfile.mkdtemp(prefix="monitor-desk-probe-")
    db = os.path.join(folder, "library.sqlite")
    lib = open_library_for_gui(db)
    window = MainWindow(lib)

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and obj is window:
                QTimer.singleShot(0, done)  # after this paint has finished
            return False

    def done() -> None:
        painted = time.perf_counter() - _T_MAIN
        report = {
            "before_main_s": None if before_main is None else round(before_main, 3),
            "imports_s": round(t_imports - _T_MAIN, 3),
            "first_paint_s": round(painted, 3),
            "first_paint_since_exec_s": (
                None if before_main is None else round(painted + before_main, 3)
            ),
            # CPU seconds of the whole process (all threads, from exec): on a busy machine
            # this is a steadier figure than the wall clock above.
            "cpu_s": round(time.process_time(), 3),
            "articles": len(lib.articles.ids()),
        }
        print(json.dumps(report), flush=True)
        shutil.rmtree(folder, ignore_errors=True)
        os._exit(0)  # the model may still be loading behind the window: do not wait for it

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    QTimer.singleShot(30_000, lambda: os._exit(3))  # never painted
    return app.exec()


def _import_sqlite_utils_without_numpy() -> None:
    """Import sqlite_utils while numpy looks absent, then let numpy be found again.

    sqlite_utils imports numpy at its top only to map numpy scalar types to column types,
    which Monitor Desk never stores; numpy is there for spaCy, and importing it costs
    ~0.1-0.2 s of a start-up whose budget is 0.5 s. spaCy imports it later, behind the
    window, as usual.
    """
    if "numpy" in sys.modules or "sqlite_utils" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # `import numpy` -> ImportError
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["numpy"]


def main() -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # nlp.pipe(n_process>1) re-runs this executable
    args = sys.argv[1:]
    if not {"--version", "-h", "--help"} & set(args):  # those never open a library
        _import_sqlite_utils_without_numpy()
    if "--self-test" in args:
        from monitor_desk.selftest import run_self_test

        return run_self_test()
    if "--startup-probe" in args:
        return _startup_probe()
    from monitor_desk.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
