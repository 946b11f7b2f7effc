"""A chart drawn without a window (``monitor-desk timeline -o FILE.png|.svg``): the same
``ChartView`` as the Overview's, on Qt's offscreen platform when there is no display."""

from __future__ import annotations

import os
from pathlib import Path

from ...core.timelines import Timeline


def render_timeline(
    timeline: Timeline,
    out: Path,
    library: Path | None = None,
    size: tuple[int, int] = (1200, 600),
    shares: bool = False,
) -> None:
    """Draw ``timeline`` and write it to ``out`` (PNG or SVG, by its suffix)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from .chart_view import ChartView

    app = QApplication.instance() or QApplication([])
    view = ChartView()
    try:
        # Never shown: the plot is laid out at the size asked by hand (a hidden widget gets
        # no resize event), so axes, labels and legend sit as they would on screen.
        view.resize(*size)
        view.plot.resize(*size)
        view.plot.getPlotItem().setGeometry(0, 0, *size)
        view.show_timeline(timeline, shares)
        app.processEvents()
        view.export_image(out, library, width=size[0])
    finally:
        view.close()
        view.deleteLater()
        app.processEvents()
