"""How a list shows an article's date: inferred dates (a dateline, the citations) in grey
italics, every date with a tooltip saying where it came from."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from ...core.article_dates import INFERRED, describe_date
from ...core.models import ArticleSummary

DATE_ROLES = frozenset(
    {Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole}
)
INFERRED_COLOR = QColor("#80868b")


def date_cell(s: ArticleSummary, role: int) -> Any:
    if role == Qt.ItemDataRole.ToolTipRole:
        return describe_date(s.date, s.date_source, s.date_precision)
    if s.date_source not in INFERRED:
        return None
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setItalic(True)
        return font
    if role == Qt.ItemDataRole.ForegroundRole:
        return INFERRED_COLOR
    return None
