"""Search results: a list model over ``SearchHit``s and a delegate that bolds the hits.

Snippets mark hits with ⟦ ⟧; the delegate builds its document with ``QTextCursor``
inserts (never HTML), so markup in an article stays literal here too.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ...core.article_dates import describe_date, display_date, is_inferred
from ...core.library import Library
from ...core.models import Article, SearchHit
from ..reader.reader_view import ReaderView
from ..widgets.date_cell import INFERRED_COLOR

HitRole = Qt.ItemDataRole.UserRole + 2
_PARTS = re.compile("\u27e6(.*?)\u27e7", re.S)
_SPACES = re.compile(r"\s+")
_KIND = {"article": "Text", "highlight": "Note", "claim": "Claim"}
_FIRST_HIT = re.compile("\u27e6(.*?)\u27e7")


def show_hit(library: Library, view: ReaderView, hit: SearchHit) -> None:
    """Scroll the reader (showing the hit's article) to the hit: its highlight, or the first
    marked words of its snippet."""
    if hit.highlight_id is not None:
        h = library.highlights.get(hit.highlight_id)
        if h.status == "anchored":
            view.scroll_to(h.start, h.end)
        return
    span = hit_span(hit, view.article) if view.article is not None else None
    if span is not None:
        view.scroll_to(*span)


def hit_span(hit: SearchHit, article: Article) -> tuple[int, int] | None:
    """Where the snippet's first marked term is in ``article``'s body (code points)."""
    term = _FIRST_HIT.search(hit.snippet)
    if term is None:
        return None
    found = article.text.casefold().find(term.group(1).casefold(), article.body_start)
    return (found, found + len(term.group(1))) if found >= 0 else None


_Index = QModelIndex | QPersistentModelIndex


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """``"a ⟦b⟧ c"`` → ``[("a ", False), ("b", True), (" c", False)]``.

    Line breaks and runs of spaces become one space: a snippet is read as one line.
    """
    snippet = _SPACES.sub(" ", snippet).strip()
    parts: list[tuple[str, bool]] = []
    pos = 0
    for m in _PARTS.finditer(snippet):
        if m.start() > pos:
            parts.append((snippet[pos : m.start()], False))
        parts.append((m.group(1), True))
        pos = m.end()
    if pos < len(snippet):
        parts.append((snippet[pos:], False))
    return parts


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def add_hits(self, hits: list[SearchHit]) -> None:
        """Append hits (the next page) under those shown."""
        if not hits:
            return
        self.beginInsertRows(QModelIndex(), len(self.hits), len(self.hits) + len(hits) - 1)
        self.hits.extend(hits)
        self.endInsertRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            plain = "".join(t for t, _ in snippet_parts(hit.snippet))
            date = display_date(hit.date, hit.date_precision)
            return f"{hit.title} — {_KIND[hit.kind]}{f' — {date}' if date else ''}\n{plain}"
        if role == Qt.ItemDataRole.ToolTipRole:
            said = describe_date(hit.date, hit.date_source, hit.date_precision, hit.date_rule)
            return f"{hit.title}\n{said}"
        if role == HitRole:
            return hit
        return None


class SnippetDelegate(QStyledItemDelegate):
    """Paints a hit as its date (grey italics when inferred) and title (bold) over the
    snippet with the hits in bold."""

    def _document(self, hit: SearchHit, option: QStyleOptionViewItem) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(4)
        doc.setDefaultFont(option.font)  # type: ignore[attr-defined]
        doc.setTextWidth(max(50, option.rect.width()))  # type: ignore[attr-defined]
        cursor = QTextCursor(doc)
        date = display_date(hit.date, hit.date_precision)
        if date:
            # The library list's mark: an inferred date (dateline, citations) grey, italic.
            when = QTextCharFormat()
            if is_inferred(hit.date_source, hit.date_rule):
                when.setFontItalic(True)
                when.setForeground(INFERRED_COLOR)
            cursor.insertText(date, when)
            cursor.insertText("  ", QTextCharFormat())
        title = QTextCharFormat()
        title.setFontWeight(QFont.Weight.Bold)
        cursor.insertText(hit.title, title)
        kind = QTextCharFormat()
        kind.setForeground(option.palette.color(QPalette.ColorRole.PlaceholderText))  # type: ignore[attr-defined]
        cursor.insertText(f"  {_KIND[hit.kind]}", kind)
        cursor.insertBlock()
        for text, is_hit in snippet_parts(hit.snippet):
            fmt = QTextCharFormat()
            if is_hit:
                fmt.setFontWeight(QFont.Weight.Bold)
            cursor.insertText(text, fmt)
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        hit = index.data(HitRole)
        if not isinstance(hit, SearchHit):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()  # type: ignore[attr-defined]
        text_free = QStyleOptionViewItem(option)
        text_free.text = ""  # type: ignore[attr-defined]
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_free, painter, option.widget)  # type: ignore[attr-defined]
        doc = self._document(hit, option)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))  # type: ignore[attr-defined]
        painter.save()
        painter.translate(option.rect.topLeft())  # type: ignore[attr-defined]
        painter.setClipRect(0, 0, option.rect.width(), option.rect.height())  # type: ignore[attr-defined]
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802
        hit = index.data(HitRole)
        if not isinstance(hit, SearchHit):
            return super().sizeHint(option, index)
        width = option.widget.viewport().width() if option.widget else 300  # type: ignore[attr-defined]
        opt = QStyleOptionViewItem(option)
        opt.rect.setWidth(width)  # type: ignore[attr-defined]
        doc = self._document(hit, opt)
        return QSize(width, int(doc.size().height()) + 2)
