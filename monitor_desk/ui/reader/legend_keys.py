"""The legend's keys for the marks that are not entities: a claim's cue and content, a
citation and a highlight, each drawn as the reader draws it (see ``reader_format`` and
``reader_outline``), so the key looks like the mark it explains."""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen, QPixmap

from ..widgets.palette import (
    DEFAULT_HIGHLIGHT,
    claim_color,
    highlight_layer,
    highlight_outline,
    quiet_text,
)
from .reader_outline import OUTLINE_WIDTH

KeyKind = Literal["cue", "content", "citation", "highlight"]

KEYS: dict[KeyKind, tuple[str, str, str]] = {
    # kind: (sample drawn, caption, tooltip)
    "cue": ("said", "Claim cue", "Bold, underlined: the verb that reports a claim"),
    "content": ("that…", "Claim content", "Dotted underline: what was claimed"),
    "citation": ("(Reuters)", "Citation", "Small grey text: a cited source"),
    "highlight": ("note", "Highlight", "Band with an outline in its tag's colour: yours"),
}


def key_pixmap(kind: KeyKind, palette: QPalette, font: QFont, ratio: float = 1.0) -> QPixmap:
    """The sample word of ``kind`` marked as the reader marks it, on the page's colour."""
    sample = KEYS[kind][0]
    font = QFont(font)
    if kind == "cue":
        font.setWeight(QFont.Weight.DemiBold)
    if kind == "citation":
        font.setPointSizeF(font.pointSizeF() * 0.88)
    metrics = QFontMetricsF(font)
    width = metrics.horizontalAdvance(sample) + 10
    height = metrics.height() + 6
    pix = QPixmap(round(width * ratio), round(height * ratio))
    pix.setDevicePixelRatio(ratio)
    base = palette.color(QPalette.ColorRole.Base)
    pix.fill(base)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    box = QRectF(1, 1, width - 2, height - 2)
    if kind == "highlight":
        painter.setBrush(highlight_layer(base, DEFAULT_HIGHLIGHT, palette))
        painter.setPen(QPen(highlight_outline(DEFAULT_HIGHLIGHT, palette), OUTLINE_WIDTH))
        painter.drawRoundedRect(box.adjusted(1, 1, -1, -1), 3, 3)
    painter.setFont(font)
    ink = quiet_text(palette) if kind == "citation" else palette.color(QPalette.ColorRole.Text)
    painter.setPen(ink)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, sample)
    if kind in ("cue", "content"):
        pen = QPen(claim_color(palette), 1.2)
        if kind == "content":
            pen.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(pen)
        y = box.center().y() + metrics.ascent() / 2 + 2
        painter.drawLine(QPointF(5, y), QPointF(width - 5, y))
    painter.end()
    return pix


def sample_color(kind: KeyKind, palette: QPalette) -> QColor:
    """The colour that carries a key (for the colour-distance checks)."""
    base = palette.color(QPalette.ColorRole.Base)
    if kind == "highlight":
        return highlight_layer(base, DEFAULT_HIGHLIGHT, palette)
    if kind == "citation":
        return quiet_text(palette)
    return claim_color(palette)
