"""How a list shows an article's date: inferred dates (a dateline, the citations, a
publication rule) in grey italics, every date with a tooltip saying where it came from."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from ...core.article_dates import describe_date, is_inferred
from ...core.models import ArticleSummary

DATE_ROLES = frozenset(
    {Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole}
)
INFERRED_COLOR = QColor("#80868b")


def date_cell(s: ArticleSummary, role: int) -> Any:
    if role == Qt.ItemDataRole.ToolTipRole:
        return describe_date(s.date, s.date_source, s.date_precision, s.date_rule)
    if not is_inferred(s.date_source, s.date_rule):
        return None
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setItalic(True)
        return font
    if role == Qt.ItemDataRole.ForegroundRole:
        return INFERRED_COLOR
    return None
