"""A speaker's profile (``speakerProfile``): who it is (type, aliases from the corrections),
all its claims by date, the outlets they were cited to, mentions per month, and the
entities it is mentioned with most. A double-click on a claim opens the article there; on
a co-mentioned entity, that entity's profile."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from ...core.library import Library
from ...core.views.claim_query import Speaker
from ...core.views.speakers import SpeakerProfile
from ..widgets.columns import fit_to_headers
from ..widgets.month_bars import MonthBars
from ..widgets.palette import ENTITY_NAMES
from ..widgets.row_table import row_table
from ..widgets.table_model import GRADE_HEADERS, ColumnsTableModel
from .claims_explorer import SAMPLES
from .claims_explorer_model import COLUMNS, ClaimsExplorerModel

_Index = QModelIndex | QPersistentModelIndex
CONTENT_COL = COLUMNS.index("Content")


class _Rows(ColumnsTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[Any, ...]] = []

    def set_rows(self, rows: list[tuple[Any, ...]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return str(self.rows[index.row()][index.column()])


class _ProfileClaims(ClaimsExplorerModel):
    """The speaker's claims: the Claims view's columns, the grades' headers short."""

    short = GRADE_HEADERS


class _Outlets(_Rows):
    columns = ("Cited to", "Claims")


class _CoMentions(_Rows):
    columns = ("Mentioned with", "Type", "Articles")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = super().data(index, role)
        if index.isValid() and index.column() == 1 and value is not None:
            return ENTITY_NAMES.get(value, value)  # "Organisation", as the Entities tab says
        return value


def _caption(text: str, parent: QWidget) -> QLabel:
    label = QLabel(f"<b>{text}</b>", parent)
    return label


class SpeakerProfileView(QWidget):
    """Signals:
    claimActivated(int, int, int): article id, start, end of a claim to show.
    speakerRequested(object): a co-mentioned entity's ``Speaker``, to show its profile.
    showInClaims(str): list this speaker's claims in the Claims view (its name).

    Attributes:
        profile: the ``SpeakerProfile`` shown, or None.
    """

    claimActivated = Signal(int, int, int)
    speakerRequested = Signal(object)
    showInClaims = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakerProfile")
        self.library = library
        self.profile: SpeakerProfile | None = None
        self.title = QLabel("Choose a speaker: right-click a name in the reader, the "
                            "Entities tab or a claim, and pick Speaker Profile.", self)  # fmt: skip
        self.title.setObjectName("speakerTitle")
        self.title.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("speakerSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.in_claims = QPushButton("Show in Claims View", self)
        self.in_claims.setEnabled(False)
        self.in_claims.clicked.connect(
            lambda: self.profile and self.showInClaims.emit(self.profile.name)
        )
        self.claims = _ProfileClaims(library, self)
        self.claims_view = row_table(self, self.claims, "speakerClaims")
        self.claims_view.setWordWrap(False)
        self.claims_view.setColumnHidden(1, True)  # the speaker: this one
        # No sideways scrolling: the content takes what is left, the others fit their
        # headers or a short sample of their contents, as in the Claims view (a title cut
        # short is whole in its tooltip, the content in its tooltip and the reader).
        samples = {c: SAMPLES[c] for c in range(len(COLUMNS)) if c not in (1, CONTENT_COL)}
        fit_to_headers(self.claims_view, CONTENT_COL, samples)
        self.claims_view.doubleClicked.connect(self._claim_chosen)
        self.outlets = _Outlets(self)
        self.outlets_view = row_table(self, self.outlets, "speakerOutlets")
        self.bars = MonthBars(self)
        self.bars_caption = _caption("Mentions per month", self)
        self.co = _CoMentions(self)
        self.co_view = row_table(self, self.co, "speakerCoMentions")
        self.co_view.doubleClicked.connect(self._co_chosen)
        self.co_view.horizontalHeader().resizeSection(0, 200)
        for view in (self.outlets_view, self.co_view):
            view.horizontalHeader().setStretchLastSection(True)
        self.outlets_view.horizontalHeader().resizeSection(0, 200)

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.bars_caption)
        side_layout.addWidget(self.bars)
        side_layout.addWidget(self.outlets_view, 1)
        side_layout.addWidget(self.co_view, 2)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(split)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(_caption("Claims by date", left))
        left_layout.addWidget(self.claims_view)
        split.addWidget(left)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.in_claims, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(split, 1)

    def show_speaker(self, speaker: Speaker | str) -> SpeakerProfile:
        """Read and show a profile here, on this thread (``NotFoundError`` for a name no
        speaker has); the window reads it on a worker and calls ``display``."""
        p = self.library.speakers.profile(speaker)
        self.display(p)
        return p

    def loading(self, name: str) -> None:
        self.title.setText(f"Reading the profile of {name}…" if name else "Reading the profile…")
        self.summary.clear()
        self.in_claims.setEnabled(False)

    def failed(self, message: str) -> None:
        self.title.setText(message)
        self.summary.clear()

    def display(self, p: SpeakerProfile) -> None:
        self.profile = p
        kind = f" · {ENTITY_NAMES.get(p.type, p.type)}" if p.type else " · not a library entity"
        name = html.escape(p.name)
        self.title.setText(f"<span style='font-size:15pt'><b>{name}</b></span>{kind}")
        parts = [f"{p.claims.total:,} claims in {p.articles:,} articles"]
        if p.claims.undated:
            parts.append(f"{p.claims.undated:,} of the claims from undated articles (listed last)")
        if p.speaker.entity_id is not None:
            parts.append(f"{p.mentions:,} mentions")
            if p.undated_mentions:
                parts.append(f"{p.undated_mentions:,} mentions in undated articles (not charted)")
        parts.append("also called: " + ", ".join(p.aliases) if p.aliases else "no other names")
        self.summary.setText(" · ".join(parts))
        self.in_claims.setEnabled(True)
        self.claims.set_filter(p.filter, p.claims)
        self.outlets.set_rows(list(p.outlets) or [("(no cited outlet)", p.claims.total)])
        self.bars.set_counts(list(p.mentions_by_month))
        self.co.set_rows(list(p.co_mentioned))

    def _claim_chosen(self, index: QModelIndex) -> None:
        c = self.claims.claim(index.row())
        if c is not None:
            self.claimActivated.emit(c.article_id, c.start, c.end)

    def _co_chosen(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self.co.rows):
            self.speakerRequested.emit(self.co.rows[index.row()][0])
