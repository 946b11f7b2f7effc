"""Dialogs for the analyst's edits of article details: one article's six fields, or one
field set on every selected article."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...core.article_dates import describe_date
from ...core.article_edits import EDITABLE
from ...core.models import Article
from ...core.nlp.language import AUTO, language_name

LABELS = {
    "title": "&Title",
    "date": "&Date",
    "publication": "&Publication",
    "volume": "&Volume",
    "issue": "&Issue",
    "author": "&Author",
}
DATE_HINT = "YYYY-MM-DD, YYYY-MM, YYYY, 26 September 1999, or >= 1999-09-26 (on or after)"


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    ok = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    box = QDialogButtonBox(ok, dialog)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class DetailsDialog(QDialog):
    """Title, date, publication, volume, issue and author of one article.

    ``changed()`` gives only the fields the analyst changed (an inferred date left as it
    is stays inferred). With ``on_rule``, a *Publication Rule…* button beside the
    publication opens the rule of the publication typed there."""

    def __init__(
        self,
        article: Article,
        parent: QWidget | None = None,
        on_rule: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("detailsDialog")
        self.article_id = article.id
        self.setWindowTitle("Article Details")
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.edits: dict[str, QLineEdit] = {}
        self.initial: dict[str, str] = {}
        self._initial_language = AUTO
        for name in EDITABLE:
            value = "" if name == "date" else getattr(article, name) or ""  # show_date: date
            edit = QLineEdit(value, self)
            edit.setCursorPosition(0)  # a long title shows its beginning
            edit.setObjectName(f"details_{name}")
            self.edits[name], self.initial[name] = edit, value
            if name == "publication" and on_rule is not None:
                row = QHBoxLayout()
                row.addWidget(edit, 1)
                rule = QPushButton("Publication &Rule…", self)
                rule.setObjectName("detailsRule")
                rule.setToolTip(
                    "Which year a volume of this publication is: set once, used for all"
                )
                rule.clicked.connect(lambda _=False, e=edit: on_rule(e.text().strip()))
                row.addWidget(rule)
                label = QLabel(LABELS[name], self)
                label.setBuddy(edit)  # a layout row takes no mnemonic of its own
                form.addRow(label, row)
            else:
                form.addRow(LABELS[name], edit)
            if name == "date":
                edit.setPlaceholderText("no date")
                edit.setToolTip(DATE_HINT)
                self.source = QLabel(self)
                self.source.setObjectName("detailsDateSource")
                self.source.setWordWrap(True)
                # quiet (it says where the date came from; it is not a field) but readable:
                # a disabled label's grey was 1.6:1 on the window
                self.source.setForegroundRole(QPalette.ColorRole.PlaceholderText)
                form.addRow("", self.source)
        self.show_date(article)
        self.language = _language_box(article, self)
        form.addRow("&Language", self.language)
        form.addRow(_buttons(self))

    def show_date(self, article: Article) -> None:
        """Show the article's date as stored now (after a rule changed it), unless the
        analyst has typed another."""
        value = article.date or ""
        if value and article.date_precision == "after":
            value = f">= {value}"  # as the analyst would write it: OK changes nothing
        edit = self.edits["date"]
        if edit.text().strip() == self.initial["date"].strip():
            edit.setText(value)
        self.initial["date"] = value
        self.source.setText(
            describe_date(
                article.date, article.date_source, article.date_precision, article.date_rule
            )
        )

    def language_choice(self) -> str | None:
        """``en``, ``ru`` or ``auto`` when the analyst changed the language, else None
        (a change means analysing the article again)."""
        chosen = self.language.currentData()
        return chosen if chosen != self._initial_language else None

    def changed(self) -> dict[str, str]:
        return {
            name: edit.text()
            for name, edit in self.edits.items()
            if edit.text().strip() != self.initial[name].strip()
        }


def _language_box(article: Article, dialog: DetailsDialog) -> QComboBox:
    box = QComboBox(dialog)
    box.setObjectName("details_language")
    detected = (
        f"Detected ({language_name(article.language)})"
        if article.language and not article.language_override
        else "Detected"
    )
    for text, code in ((detected, AUTO), ("English", "en"), ("Russian", "ru")):
        box.addItem(text, code)
    dialog._initial_language = article.language_override or AUTO
    box.setCurrentIndex(box.findData(dialog._initial_language))
    box.setToolTip("The language the article is analysed in; changing it analyses it again")
    return box


class SetFieldDialog(QDialog):
    """One field and its value, for every selected article."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setFieldDialog")
        self.setWindowTitle(f"Set a Field for {count} Articles")
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        self.field = QComboBox(self)
        self.field.setObjectName("setFieldName")
        for name in EDITABLE:
            self.field.addItem(LABELS[name].replace("&", ""), name)
        self.value = QLineEdit(self)
        self.value.setObjectName("setFieldValue")
        self.value.setPlaceholderText("empty: clear the field")
        self.field.currentIndexChanged.connect(self._hint)
        # The date by default: one title for many articles is rarely meant.
        self.field.setCurrentIndex(self.field.findData("date"))
        form.addRow("&Field", self.field)
        form.addRow("&Value", self.value)
        form.addRow(_buttons(self))
        self._hint()

    def _hint(self) -> None:
        self.value.setToolTip(DATE_HINT if self.field.currentData() == "date" else "")

    def choice(self) -> tuple[str, str]:
        return str(self.field.currentData()), self.value.text()
