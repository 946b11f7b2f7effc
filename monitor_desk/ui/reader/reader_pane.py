"""The pane around the reader: title and metadata, the entity legend, the text itself."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ...core.article_dates import describe_date, display_date, is_inferred
from ...core.claims import StoredClaim
from ...core.models import Analysis, Article, Highlight
from ...core.nlp.language import (
    ANALYSED,
    ENGLISH,
    article_language,
    language_name,
    no_analysis_message,
)
from ..preferences import HIDDEN_TYPES, POINT_SIZE
from .first_steps import FirstSteps
from .legend import EntityLegend
from .reader_view import ReaderView

READER_MIN_CHARS = 48  # of the window font: about 38 of the reader's larger serif


def metadata_line(article: Article) -> str:
    parts = []
    if article.publication:
        parts.append(article.publication)
    issue = []
    if article.volume:
        issue.append(f"Vol. {article.volume}")
    if article.issue:
        issue.append(f"No. {article.issue}")
    if issue:
        parts.append(", ".join(issue))
    if article.date:
        shown = display_date(article.date, article.date_precision)
        if article.date.startswith("--"):
            shown += ", year unknown"
        if is_inferred(article.date_source, article.date_rule):
            shown += f" (from the {article.date_source})"
        parts.append(shown)
    else:
        parts.append("no date")
    if article.author:
        parts.append(article.author)
    if article.page_starts:
        count = len(article.page_starts)
        parts.append(f"{count} page{'s' if count != 1 else ''}")
    if article.language_override:
        parts.append(f"{language_name(article.language_override)} (set by you)")
    elif article.language and article.language != ENGLISH:
        parts.append(language_name(article.language))
    return "  ·  ".join(parts)


def _language(article: Article, analysis: Analysis) -> str:
    """The language the analysis read the article in; for an analysis stored before
    languages were, the language detected now."""
    return (
        analysis.language
        or article.language
        or article_language(article.text[: article.body_start + 20_000], article.body_start)
    )


class ReaderPane(QWidget):
    """Title and metadata, the entity legend, and the reader itself.

    Attributes:
        view: the ``ReaderView`` (objectName ``readerView``).
        legend: the ``EntityLegend``.
        first_steps: what shows instead of the text when no article is open.
        library_empty: asked then, to choose between how to fill the library and
            "choose an article" (set by the window).

    Signals:
        detailsRequested(): the analyst asked to edit the article's details.
        cleared(): no article is shown any more (the first steps are).
    """

    detailsRequested = Signal()
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerPane")
        self.title = QLabel(self)
        self.title.setObjectName("readerTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.meta = QLabel(self)
        self.meta.setObjectName("readerMeta")
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.meta.setWordWrap(True)
        self.meta.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.edit_details = QToolButton(self)
        self.edit_details.setObjectName("readerEditDetails")
        self.edit_details.setText("Edit details…")
        self.edit_details.setToolTip("Edit title, date, publication, volume, issue, author")
        self.edit_details.setAutoRaise(True)
        self.edit_details.clicked.connect(self.detailsRequested)
        self.legend = EntityLegend(self)
        self.view = ReaderView(self)
        self.status = QLabel(self)
        self.status.setObjectName("readerAnalysisStatus")
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.status.hide()
        self.first_steps = FirstSteps(self)
        self.first_steps.hide()
        self.library_empty: Callable[[], bool] = lambda: True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 4, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        meta_row = QHBoxLayout()
        meta_row.addWidget(self.meta, 1)
        meta_row.addWidget(self.edit_details, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(meta_row)
        layout.addWidget(self.legend)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.first_steps, 1)
        self.legend.toggled.connect(self.view.set_type_visible)
        # A smaller window takes its width from the reader first (it has the stretch): stop
        # at a readable line, so the library list and the side panel give up the rest.
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * READER_MIN_CHARS))

    def show_article(
        self,
        article: Article | None,
        analysis: Analysis | None,
        claims: list[StoredClaim],
        highlights: list[Highlight],
        keep_scroll: bool = False,
    ) -> None:
        self.view.show_article(article, analysis, claims, highlights, keep_scroll)
        self._show_first_steps(article is None)
        if article is None:
            self.title.setText("No article open")
            self.meta.clear()
            self.edit_details.setEnabled(False)
        else:
            # The title line is in the text already (styled as a heading): do not repeat it.
            self.title.setVisible(not self.view.title_in_text())
            self.show_details(article)
        self.legend.set_types(self.view.marks.labels(), self.view.hidden, article is not None)
        if article is not None and analysis is None:
            self.status.setText("Not analysed yet: entities, claims and sources will appear here.")
            self.status.show()
        elif article is not None and analysis is not None and not analysis.entities:
            language = _language(article, analysis)
            if language in ANALYSED and language != ENGLISH and analysis.language is None:
                self.status.setText(
                    f"Analysed before {language_name(language)} text was: analyse this "
                    "article again to see its entities and claims."
                )
                self.status.show()
            elif language in ANALYSED:
                self.status.hide()
            else:
                self.status.setText(
                    f"{no_analysis_message(language)} Entities and claims are found in "
                    "English and Russian text; citations are shown."
                )
                self.status.show()
        else:
            self.status.hide()

    def _show_first_steps(self, shown: bool) -> None:
        if shown:
            self.first_steps.set_empty(self.library_empty())
        for widget in (self.title, self.meta, self.edit_details, self.legend, self.view):
            widget.setVisible(not shown)
        self.first_steps.setVisible(shown)
        if shown:
            self.cleared.emit()

    def show_details(self, article: Article) -> None:
        """The title and metadata line (again, after an edit: the text is unchanged)."""
        self.title.setText(article.title)
        self.meta.setText(metadata_line(article))
        self.meta.setToolTip(
            describe_date(
                article.date, article.date_source, article.date_precision, article.date_rule
            )
        )
        self.edit_details.setEnabled(True)

    def restore(self, settings: QSettings) -> None:
        """The entity types hidden and the text size, as the analyst left them."""
        self.view.hidden = HIDDEN_TYPES.read(settings)
        self.view.point_size = POINT_SIZE.read(settings)

    def save(self, settings: QSettings) -> None:
        HIDDEN_TYPES.write(settings, self.view.hidden)
        POINT_SIZE.write(settings, self.view.point_size)
