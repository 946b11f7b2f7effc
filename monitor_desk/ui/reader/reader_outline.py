"""The outline around each highlight: what tells a highlight from an entity tint by form.

Character formats give a band behind the text; Qt has no per-range border, so the outline
is painted over the reader's viewport after the text, one rounded rectangle per line a
highlight covers, in the highlight's colour (``palette.highlight_outline``).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPen, QTextDocument, QTextLine
from PySide6.QtWidgets import QTextEdit

from ...core.models import Highlight
from ..widgets.palette import highlight_outline
from .reader_format import highlight_color
from .text_offsets import OffsetMap

OUTLINE_WIDTH = 1.6


def line_rects(
    doc: QTextDocument, start: int, end: int, within: QRectF | None = None
) -> list[QRectF]:
    """Document-coordinate rectangles of UTF-16 range ``start``–``end``, one per line
    (only in paragraphs that meet ``within``, when given)."""
    out: list[QRectF] = []
    layout = doc.documentLayout()
    block = doc.findBlock(start)
    while block.isValid() and block.position() < end:
        bounds = layout.blockBoundingRect(block)
        if within is not None and not bounds.intersects(within):
            if bounds.top() > within.bottom():
                break  # paragraphs run down the page: the rest are further below
            block = block.next()
            continue
        origin = bounds.topLeft()
        text_layout = block.layout()
        a = max(start, block.position()) - block.position()
        b = min(end, block.position() + block.length() - 1) - block.position()
        for i in range(text_layout.lineCount()):
            line = text_layout.lineAt(i)
            lo = max(a, line.textStart())
            hi = min(b, line.textStart() + line.textLength())
            if hi <= lo:
                continue
            x1, x2 = _x(line, lo), _x(line, hi)
            r = line.rect()
            # The line box holds the extra line spacing below the text: hug the glyphs.
            height = min(r.height(), line.ascent() + line.descent() + 2)
            out.append(QRectF(origin.x() + min(x1, x2), origin.y() + r.y(), abs(x2 - x1), height))
        block = block.next()
    return out


def _x(line: QTextLine, pos: int) -> float:
    """Where position ``pos`` of the block stands on ``line`` (PySide returns a pair)."""
    found = line.cursorToX(pos)
    return float(found[0] if isinstance(found, tuple) else found)  # type: ignore[arg-type]


def paint_outlines(
    view: QTextEdit,
    highlights: list[Highlight],
    offsets: OffsetMap,
    tag_colors: dict[str, str],
    area: QRect,
) -> None:
    """Outline every anchored highlight whose lines meet ``area`` (viewport coordinates)."""
    anchored = [h for h in highlights if h.status == "anchored"]
    if not anchored:
        return
    doc = view.document()
    dx = -view.horizontalScrollBar().value()
    dy = -view.verticalScrollBar().value()
    visible = QRectF(area).translated(-dx, -dy)
    painter = QPainter(view.viewport())
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(dx, dy)
    palette = view.palette()
    for h in anchored:
        if h.end > offsets.length:
            continue
        a, b = offsets.span_to_utf16(h.start, h.end)
        rects = [r for r in line_rects(doc, a, b, visible) if r.intersects(visible)]
        if not rects:
            continue
        pen = QPen(highlight_outline(highlight_color(h, tag_colors), palette), OUTLINE_WIDTH)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for r in rects:
            painter.drawRoundedRect(r.adjusted(-1, 0, 1, 0), 3, 3)
    painter.end()
