"""The report dialog's scope: which tags (a checklist in tag-tree order), which articles,
which dates, which text, and whether claims and sources come along. ``ReportScopeFields``
turns them into a ``ReportScope``; the dialog (``report_dialog.py``) previews and writes it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from ...core.library import Library
from ...core.report_model import REPORT_FORMATS, ReportFormat, ReportScope, tag_order
from .export_fields import DateRange

FORMAT_LABELS: dict[ReportFormat, str] = {
    "docx": "Word document (.docx)",
    "md": "Markdown (.md)",
    "html": "Web page (.html)",
}


class ReportScopeFields(QWidget):
    """The report's scope and format.

    Attributes:
        tags: checkable tags, sub-tags indented under their parents; none ticked = all.
        current_only: only the article open in the reader (hidden without one).
        date_range: the articles' dates; search: text the highlights or articles match.
        with_claims: add the claims and cited outlets each highlight covers.
        format: docx, md or html.

    Signals:
        changed(): anything that changes the report changed.
    """

    changed = Signal()

    def __init__(
        self, library: Library, article_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.article_id = article_id
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.tags = QListWidget(self)
        self.tags.setObjectName("reportTags")
        self.tags.setMinimumHeight(140)
        for tag in sorted(library.tags.list(), key=lambda t: tag_order(t.name)):
            depth = tag.name.count("/")
            item = QListWidgetItem(f"{'    ' * depth}{tag.name}  ({tag.count})", self.tags)
            item.setData(Qt.ItemDataRole.UserRole, tag.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        hint = QLabel("None ticked: every tag, and untagged highlights last.", self)
        hint.setWordWrap(True)
        hint.setObjectName("reportTagsHint")
        self.current_only = QCheckBox(self)
        self.current_only.setObjectName("reportCurrentOnly")
        if article_id is not None:
            full = library.articles.get(article_id).title
            title = full if len(full) <= 24 else full[:23].rstrip() + "…"
            self.current_only.setText(f"Only the open article: {title}")
            self.current_only.setToolTip(full)
        self.date_range = DateRange(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("reportSearch")
        self.search.setPlaceholderText("words in the quote, note, tags or article")
        self.search.setClearButtonEnabled(True)
        self.with_claims = QCheckBox("Claims and cited outlets, with their grades", self)
        self.with_claims.setObjectName("reportWithClaims")
        self.format = QComboBox(self)
        self.format.setObjectName("reportFormat")
        for key in REPORT_FORMATS:
            self.format.addItem(FORMAT_LABELS[key], key)

        form.addRow("&Tags (with sub-tags):", self.tags)
        form.addRow("", hint)
        form.addRow("Articles:", self.current_only)
        form.setRowVisible(self.current_only, article_id is not None)
        form.addRow("Articles dated:", self.date_range)
        form.addRow("&Matching:", self.search)
        form.addRow("Include:", self.with_claims)
        form.addRow("&Format:", self.format)

        self.tags.itemChanged.connect(lambda _item: self.changed.emit())
        self.current_only.toggled.connect(self.changed)
        self.date_range.changed.connect(self.changed)
        self.search.textChanged.connect(self.changed)
        self.with_claims.toggled.connect(self.changed)

    def checked_tags(self) -> list[str]:
        out = []
        for row in range(self.tags.count()):
            item = self.tags.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def check_tag(self, name: str, checked: bool = True) -> None:
        for row in range(self.tags.count()):
            item = self.tags.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == name:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def fmt(self) -> ReportFormat:
        value: ReportFormat = self.format.currentData()  # one of REPORT_FORMATS
        return value

    def problem(self) -> str:
        since, until = self.date_range.bounds()
        if since and until and since > until:
            return "The start date is after the end date."
        return ""

    def scope(self) -> ReportScope:
        since, until = self.date_range.bounds()
        current = self.article_id is not None and self.current_only.isChecked()
        return ReportScope(
            tags=self.checked_tags(),
            article_ids=[self.article_id] if current and self.article_id is not None else None,
            since=since,
            until=until,
            search=self.search.text().strip() or None,
            with_claims=self.with_claims.isChecked(),
        )
