"""Render the main window offscreen to a PNG (``monitor-desk screenshot``)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..core.library import Library


def render_screenshot(
    library: Library,
    out: Path,
    article_id: int | None,
    size: tuple[int, int],
    tab: str | None = None,
) -> None:
    """Open ``article_id`` (else the first article) with its analysis and save a PNG.

    ``tab`` chooses the side panel's tab (Claims, Sources, Notes, Entities).
    Analysis of the shown article runs synchronously first if it is missing: this is a
    command-line tool, waiting is fine. Settings go to a throwaway file so a screenshot
    never changes (or depends on) the user's window state.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from .main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    ids = library.articles.ids()
    if article_id is None and ids:
        article_id = ids[0]
    if article_id is not None and library.articles.get(article_id).pipeline is None:
        library.reanalyze([article_id])
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        if article_id is not None:
            settings.setValue("reader/article", article_id)
        window = MainWindow(library, settings, analyse_missing=False)
        window.resize(*size)
        window.show()
        if window.pipeline_message == "":
            # The window loads the pipeline in the background; wait for it so the status
            # bar shows the pipeline in use, not "Loading…".
            window.queue.pool.waitForDone(120_000)
        for _ in range(5):
            app.processEvents()
        if article_id is not None:
            window.open_article(article_id)
        if tab is not None:
            for i in range(window.side.count()):
                if window.side.tabText(i).lower() == tab.lower():
                    window.side.setCurrentIndex(i)
        if window.side.currentWidget() is window.sources and window.sources.model.rowCount():
            window.sources.select_row(0)  # show what an outlet supports, not an empty list
        app.processEvents()
        window.grab().save(str(out), "PNG")
        window.close()
        window.deleteLater()
        app.processEvents()
