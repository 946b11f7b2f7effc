"""The export dialog's fields, each a small widget that knows its own state: which part of
the library (``ScopeChoice``), which dates (``DateRange``) and how to write CSV
(``CsvOptions``). The dialog (``export_dialog.py``) lays them out and runs the export."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...core.export import ExportScope
from ...core.library import Library

SAFE_TIP = (
    "A cell starting with =, +, -, @ or a tab gets a leading ' so that a spreadsheet shows it "
    "as text instead of running it as a formula."
)


class ScopeChoice(QWidget):
    """Which part of the library: the current article, the selected notes, a tag, matching
    text, or all of it. The first two are shown only when the dialog was given them.

    Attributes:
        scopes: the button group of the radio buttons below.
        scope_article, scope_selected, scope_tag, scope_search, scope_all: the choices.
        tag: the tag to export (with its sub-tags); search: the text to match.

    Signals:
        changed(): the choice, the tag or the text changed.
    """

    changed = Signal()

    def __init__(
        self,
        library: Library,
        article_id: int | None,
        highlight_ids: Sequence[int] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.article_id = article_id
        self.highlight_ids = list(highlight_ids) if highlight_ids is not None else None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.scopes = QButtonGroup(self)
        title = ""
        if article_id is not None:
            title = library.articles.get(article_id).title
            title = title if len(title) <= 60 else title[:59] + "…"
        self.scope_article = self._radio(f"Current article: {title}", "scopeArticle")
        self.scope_article.setVisible(article_id is not None)
        count = len(self.highlight_ids or [])
        self.scope_selected = self._radio(
            f"Selected notes ({count})" if count != 1 else "Selected note", "scopeSelected"
        )
        self.scope_selected.setVisible(self.highlight_ids is not None)
        self.scope_tag = self._radio("Notes tagged (with sub-tags):", "scopeTag")
        self.tag = QComboBox(self)
        self.tag.setObjectName("exportTag")
        for t in sorted(library.tags.list(), key=lambda t: t.name.casefold()):
            self.tag.addItem(f"{t.name} ({t.count})", t.name)
        self.scope_tag.setEnabled(self.tag.count() > 0)
        self.tag.setEnabled(self.tag.count() > 0)
        self.scope_search = self._radio("Matching text:", "scopeSearch")
        self.search = QLineEdit(self)
        self.search.setObjectName("exportSearch")
        self.search.setPlaceholderText("words in the article, quote, note or tags")
        self.search.setClearButtonEnabled(True)
        self.scope_all = self._radio("The whole library", "scopeAll")
        lay.addWidget(self.scope_article)
        lay.addWidget(self.scope_selected)
        for radio, field in ((self.scope_tag, self.tag), (self.scope_search, self.search)):
            row = QHBoxLayout()
            row.addWidget(radio)
            row.addWidget(field, 1)
            lay.addLayout(row)
        lay.addWidget(self.scope_all)
        if self.highlight_ids is not None:
            self.scope_selected.setChecked(True)
        elif article_id is not None:
            self.scope_article.setChecked(True)
        else:
            self.scope_all.setChecked(True)
        # Typing a text or picking a tag means that choice.
        self.search.textEdited.connect(lambda _t: self.scope_search.setChecked(True))
        self.tag.activated.connect(lambda _i: self.scope_tag.setChecked(True))
        self.search.textChanged.connect(self.changed)
        self.scopes.buttonToggled.connect(self.changed)

    def _radio(self, text: str, name: str) -> QRadioButton:
        button = QRadioButton(text, self)
        button.setObjectName(name)
        self.scopes.addButton(button)
        return button

    def allow_selected(self, allowed: bool) -> None:
        """Claims and sources belong to articles, not to single notes: without the selected
        notes, fall back to the current article (or the whole library)."""
        self.scope_selected.setEnabled(allowed)
        if self.scope_selected.isChecked() and not allowed:
            (self.scope_article if self.article_id is not None else self.scope_all).setChecked(True)

    def problem(self) -> str:
        """Why this choice cannot be exported yet; "" when it can."""
        if self.scope_search.isChecked() and not self.search.text().strip():
            return "Type the text to filter by."
        return ""

    def narrow(self, scope: ExportScope) -> None:
        """Put the chosen part of the library into ``scope``."""
        if self.scope_article.isChecked() and self.article_id is not None:
            scope.article_ids = [self.article_id]
        elif self.scope_selected.isChecked() and self.highlight_ids is not None:
            scope.highlight_ids = list(self.highlight_ids)
        elif self.scope_tag.isChecked() and self.tag.currentData():
            scope.tag = str(self.tag.currentData())
        elif self.scope_search.isChecked():
            scope.search = self.search.text().strip()


class DateRange(QWidget):
    """From / to, each with a check box that turns it on (by default a month up to today).

    Signals:
        changed(): a box was ticked or a date changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        today = QDate.currentDate()
        self.use_since = QCheckBox("From", self)
        self.use_since.setObjectName("exportUseSince")
        self.since = self._edit("exportSince", today.addMonths(-1))
        self.use_until = QCheckBox("to", self)
        self.use_until.setObjectName("exportUseUntil")
        self.until = self._edit("exportUntil", today)
        for w in (self.use_since, self.since, self.use_until, self.until):
            lay.addWidget(w)
        lay.addStretch(1)
        for box in (self.use_since, self.use_until):
            box.toggled.connect(self._enable)
            box.toggled.connect(self.changed)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self.changed)
        self._enable()

    def _edit(self, name: str, value: QDate) -> QDateEdit:
        e = QDateEdit(value, self)
        e.setObjectName(name)
        e.setCalendarPopup(True)
        e.setDisplayFormat("yyyy-MM-dd")
        return e

    def _enable(self) -> None:
        self.since.setEnabled(self.use_since.isChecked())
        self.until.setEnabled(self.use_until.isChecked())

    def bounds(self) -> tuple[str | None, str | None]:
        """The dates that are ticked, as YYYY-MM-DD; None for an open end."""
        since = self.since.date().toString("yyyy-MM-dd") if self.use_since.isChecked() else None
        until = self.until.date().toString("yyyy-MM-dd") if self.use_until.isChecked() else None
        return since, until


class CsvOptions(QWidget):
    """How a CSV is written: formula-like cells neutralised, and a BOM for Excel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.safe = QCheckBox("Neutralise formula cells", self)
        self.safe.setObjectName("exportSafe")
        self.safe.setChecked(True)
        self.safe.setToolTip(SAFE_TIP)
        self.safe_hint = QLabel(
            "A leading ' keeps cells starting with = + - @ from running as formulas.",
            self,
        )
        self.safe_hint.setObjectName("exportSafeHint")
        self.safe_hint.setWordWrap(True)
        self.safe_hint.setIndent(22)  # under the check box's text, not its box
        self.safe_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.bom = QCheckBox("UTF-8 BOM (Excel needs it to read Cyrillic and emoji)", self)
        self.bom.setObjectName("exportBom")
        self.bom.setChecked(True)
        for w in (self.safe, self.safe_hint, self.bom):
            lay.addWidget(w)
