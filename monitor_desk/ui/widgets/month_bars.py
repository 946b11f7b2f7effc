"""A small bar chart drawn with QPainter: a count per month (mentions of an entity), the
first and last month and the highest count written beside it; undated counts are said
apart in the caption, never drawn as a month."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


def months_between(first: str, last: str) -> list[str]:
    """Every ``YYYY-MM`` from ``first`` to ``last`` (so empty months show as gaps)."""
    y, m = int(first[:4]), int(first[5:7])
    out: list[str] = []
    while f"{y:04d}-{m:02d}" <= last and len(out) < 1200:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


class MonthBars(QWidget):
    """Attributes:
    counts: (month ``YYYY-MM``, count) pairs, in month order.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthBars")
        self.counts: list[tuple[str, int]] = []
        self.setMinimumHeight(110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(320, 120)

    def set_counts(self, counts: list[tuple[str, int]]) -> None:
        by_month = dict(counts)
        months = months_between(counts[0][0], counts[-1][0]) if counts else []
        self.counts = [(m, by_month.get(m, 0)) for m in months]
        self.setToolTip(
            "\n".join(f"{m}: {n}" for m, n in self.counts if n)[:2000] or "No dated mentions."
        )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.windowText().color()
        fm = p.fontMetrics()
        line = fm.height()
        area = QRectF(4, line + 2, self.width() - 8, self.height() - 2 * line - 8)
        if not self.counts:
            p.setPen(text)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No dated mentions")
            return
        top = max(n for _, n in self.counts) or 1
        p.setPen(text)
        p.drawText(4, line - 2, f"max {top} a month")
        step = area.width() / len(self.counts)
        bar = QColor(70, 110, 170)
        for i, (_month, n) in enumerate(self.counts):
            if not n:
                continue
            h = max(1.0, area.height() * n / top)
            p.fillRect(
                QRectF(area.left() + i * step + step * 0.1, area.bottom() - h,
                       max(1.0, step * 0.8), h),
                bar,
            )  # fmt: skip
        axis = QColor(text)
        axis.setAlpha(120)
        p.setPen(axis)
        p.drawLine(int(area.left()), int(area.bottom()), int(area.right()), int(area.bottom()))
        p.setPen(text)
        y = int(area.bottom()) + line + 2
        p.drawText(4, y, self.counts[0][0])
        last = self.counts[-1][0]
        p.drawText(int(area.right() - fm.horizontalAdvance(last)), y, last)
