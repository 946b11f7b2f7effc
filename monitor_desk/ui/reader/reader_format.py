"""Paint an article's marks into a plain-text ``QTextDocument`` as character formats.

The text goes in with ``setPlainText`` (so markup in an article stays literal); every
mark is then a format over a range, converted from code points to UTF-16 positions.
Backgrounds are composed per elementary segment so that an entity under a highlight, or
two highlights over each other, show as a visibly different tint rather than the last one
painted winning.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from ...core.models import EntityMention, Highlight
from ..widgets.palette import claim_color, entity_tint, highlight_layer, quiet_text
from .reader_marks import ArticleMarks
from .text_offsets import OffsetMap

LINE_HEIGHT_PERCENT = 145
PARAGRAPH_SPACING_EM = 0.7


def _select(cursor: QTextCursor, offsets: OffsetMap, start: int, end: int) -> None:
    a, b = offsets.span_to_utf16(start, end)
    cursor.setPosition(a)
    cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)


def _segments(
    entities: Iterable[EntityMention], highlights: Iterable[Highlight]
) -> list[tuple[int, int, list[object]]]:
    """Split the covered text at every mark boundary: (start, end, marks covering it)."""
    spans: list[tuple[int, int, object]] = [(e.start, e.end, e) for e in entities]
    spans += [(h.start, h.end, h) for h in highlights]
    cuts = sorted({p for s, e, _ in spans for p in (s, e)})
    out: list[tuple[int, int, list[object]]] = []
    if not cuts:
        return out
    # Sweep: spans sorted by start; keep the active ones; they are few at any point.
    spans.sort(key=lambda t: t[0])
    active: list[tuple[int, int, object]] = []
    i = 0
    for left, right in zip(cuts, cuts[1:], strict=False):
        while i < len(spans) and spans[i][0] <= left:
            active.append(spans[i])
            i += 1
        active = [t for t in active if t[1] > left]
        covering = [t[2] for t in active if t[0] <= left and t[1] >= right]
        if covering:
            out.append((left, right, covering))
    return out


SERIFS = ["Charter", "Georgia", "Source Serif 4", "Noto Serif", "Liberation Serif", "DejaVu Serif"]


def base_font(point_size: float, family: str = "") -> QFont:
    """The reader's font: ``family`` (the analyst's choice) first, else a serif."""
    font = QFont()
    font.setFamilies(([family] if family else []) + SERIFS)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(point_size)
    return font


def apply_formats(
    doc: QTextDocument,
    text_len: int,
    offsets: OffsetMap,
    marks: ArticleMarks,
    body_start: int,
    title_span: tuple[int, int] | None,
    hidden: set[str],
    tag_colors: dict[str, str],
    palette: QPalette,
    point_size: float,
    family: str = "",
) -> None:
    """Reset the document's formats and paint every visible mark."""
    doc.setDefaultFont(base_font(point_size, family))
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.setCharFormat(QTextCharFormat())
    block = QTextBlockFormat()
    block.setLineHeight(
        LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    )
    block.setBottomMargin(point_size * PARAGRAPH_SPACING_EM * 96 / 72)
    cursor.mergeBlockFormat(block)

    quiet = quiet_text(palette)
    if body_start > 0:
        fmt = QTextCharFormat()
        fmt.setForeground(quiet)
        fmt.setFontPointSize(point_size * 0.85)
        _select(cursor, offsets, 0, body_start)
        cursor.mergeCharFormat(fmt)
    if title_span is not None:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setFontPointSize(point_size * 1.3)
        _select(cursor, offsets, *title_span)
        cursor.mergeCharFormat(fmt)

    base = palette.color(QPalette.ColorRole.Base)
    entities = [e for e in marks.entities if e.label not in hidden]
    highlights = [h for h in marks.highlights if h.status == "anchored" and h.end <= text_len]
    tints = {label: entity_tint(label, palette) for label in {e.label for e in entities}}
    layered: dict[tuple[int, str | None], QColor] = {}
    for start, end, covering in _segments(entities, highlights):
        color = QColor(base)
        for item in covering:  # the entity's tint below, highlights layered on top of it
            if isinstance(item, EntityMention):
                color = tints[item.label]
        for item in covering:
            if isinstance(item, Highlight):
                key = (color.rgb(), highlight_color(item, tag_colors))
                if key not in layered:
                    layered[key] = highlight_layer(color, key[1], palette)
                color = layered[key]
        fmt = QTextCharFormat()
        fmt.setBackground(color)
        _select(cursor, offsets, start, end)
        cursor.mergeCharFormat(fmt)

    for citation in marks.citations:
        fmt = QTextCharFormat()
        fmt.setForeground(quiet)
        fmt.setFontPointSize(point_size * 0.88)
        _select(cursor, offsets, citation.start, citation.end)
        cursor.mergeCharFormat(fmt)

    line = claim_color(palette)
    for claim in marks.claims:
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(line)
        _select(cursor, offsets, claim.content.start, claim.content.end)
        cursor.mergeCharFormat(fmt)
        if claim.cue.end > claim.cue.start:
            cue = QTextCharFormat()
            cue.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            cue.setUnderlineColor(line)
            cue.setFontWeight(QFont.Weight.DemiBold)
            _select(cursor, offsets, claim.cue.start, claim.cue.end)
            cursor.mergeCharFormat(cue)
    cursor.endEditBlock()


def highlight_color(h: Highlight, tag_colors: dict[str, str]) -> str | None:
    """A highlight's own colour, else its first coloured tag's, else None (the default)."""
    if h.color:
        return h.color
    for tag in h.tags:
        if tag_colors.get(tag):
            return tag_colors[tag]
    return None
