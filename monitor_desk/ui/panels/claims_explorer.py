"""The library-wide Claims view (``claimsExplorer``): every claim of the library with its
date, speaker, cue, content, kind, cited outlets, credibility and article; filters by
speaker, cue, outlet, tag, dates and words; sorted by date (click the Date header); a
double-click opens the article at the claim; right-click opens the speaker's profile."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.dates import RANGE_DATE
from ...core.errors import MonitorDeskError
from ...core.library import Library
from ...core.views.claim_query import ClaimFilter, Speaker
from ..theme import show_status
from ..widgets.columns import ShareColumns
from ..widgets.row_table import row_table
from .claims_explorer_model import COLUMNS, ClaimsExplorerModel

# Beyond its minimum, each column's share of the width: the content most, then the article
# and the speaker; date, kind, credibility and confidence only ever need their minimum.
SHARES = {0: 0.0, 1: 2.0, 2: 1.0, 3: 7.0, 4: 0.0, 5: 2.0, 6: 0.0, 7: 3.0, 8: 0.0}
# What each column shows whole at its least (a narrow window scrolls sideways instead).
SAMPLES = ("2006-03-13", "Nika Beridze", "warned", "that the talks would resume",
           "indirect", "Interfax", "", "Talks resume", "0.00")  # fmt: skip


def count_text(model: ClaimsExplorerModel) -> str:
    n = model.counted
    text = f"{n.total:,} claims"
    if n.undated:
        text += f" · {n.undated:,} of them from undated articles, listed last"
    if n.undated_apart:
        text += f" · {n.undated_apart:,} of undated articles left out (no date to match)"
    return text


class ClaimsExplorer(QWidget):
    """Signals:
    claimActivated(int, int, int): article id, start, end of a claim to show in the reader.
    speakerRequested(object): a ``Speaker`` whose profile the analyst asked for.
    """

    claimActivated = Signal(int, int, int)
    speakerRequested = Signal(object)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimsExplorer")
        self.library = library
        self.model = ClaimsExplorerModel(library, self)
        self.speaker = self._line("Speaker: name or alias", "speakerFilter")
        self.cue = self._line("Cue: say, warn, deny…", "cueFilter")
        self.outlet = self._combo("Outlet", "outletFilter")
        self.tag = self._combo("Tag (with sub-tags)", "tagFilter")
        self.since = self._line("From YYYY[-MM[-DD]]", "sinceFilter")
        self.until = self._line("To YYYY[-MM[-DD]]", "untilFilter")
        self.words = self._line("Words in speaker or content", "wordsFilter")
        clear = QPushButton("Clear", self)
        clear.clicked.connect(self.clear)
        grid = QGridLayout()
        for i, w in enumerate((self.speaker, self.cue, self.outlet, self.tag)):
            grid.addWidget(w, 0, i)
        for i, w in enumerate((self.since, self.until, self.words, clear)):
            grid.addWidget(w, 1, i)
        for i in range(4):
            grid.setColumnStretch(i, 1)
        self.status = QLabel(self)
        self.status.setObjectName("claimsExplorerCount")
        self.table = row_table(self, self.model, "claimsExplorerTable")
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        fm = header.fontMetrics()
        minimums = {  # the header text whole, with room for the sort arrow
            col: max(fm.horizontalAdvance(name), self.fontMetrics().horizontalAdvance(sample)) + 28
            for col, (name, sample) in enumerate(zip(COLUMNS, SAMPLES, strict=True))
        }
        self.columns = ShareColumns(self.table, SHARES, minimums)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.sectionClicked.connect(self._header_clicked)
        self.table.doubleClicked.connect(lambda index: self.activate(index.row()))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_menu)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(350)
        self._timer.timeout.connect(self.apply)

    def _line(self, hint: str, name: str) -> QLineEdit:
        w = QLineEdit(self)
        w.setObjectName(name)
        w.setPlaceholderText(hint)
        w.setClearButtonEnabled(True)
        w.textChanged.connect(lambda _t: self._timer.start())
        w.returnPressed.connect(self.apply)
        return w

    def _combo(self, hint: str, name: str) -> QComboBox:
        w = QComboBox(self)
        w.setObjectName(name)
        w.setEditable(True)
        w.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = w.lineEdit()
        assert line is not None  # editable
        line.setPlaceholderText(hint)
        line.setClearButtonEnabled(True)
        line.textChanged.connect(lambda _t: self._timer.start())
        return w

    # -- filters ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Fill the outlet and tag choices and re-read the claims (the library changed)."""
        for combo, names in (
            (self.outlet, self.library.claim_views.outlets()),
            (self.tag, [t.name for t in self.library.tags.list()]),
        ):
            text = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(["", *names])
            combo.setEditText(text)
            combo.blockSignals(False)
        self.apply()

    def show_speaker(self, name: str) -> None:
        self.speaker.setText(name)
        self.apply()

    def clear(self) -> None:
        for w in (self.speaker, self.cue, self.since, self.until, self.words):
            w.blockSignals(True)
            w.clear()
            w.blockSignals(False)
        for c in (self.outlet, self.tag):
            c.blockSignals(True)
            c.setEditText("")
            c.blockSignals(False)
        self.apply()

    def current_filter(self) -> ClaimFilter:
        """The filter the widgets say; ``MonitorDeskError`` for a name or date it cannot
        take (the message says which)."""
        speaker: Speaker | None = None
        if name := self.speaker.text().strip():
            speaker = self.library.claim_views.speaker(name)
        dates = []
        for w, what in ((self.since, "From"), (self.until, "To")):
            value = w.text().strip()
            if value and not RANGE_DATE.fullmatch(value):
                raise MonitorDeskError(f"{what}: write a date as YYYY, YYYY-MM or YYYY-MM-DD.")
            dates.append(value or None)

        def text(value: str) -> str | None:
            return " ".join(value.split()) or None

        return ClaimFilter(
            speaker=speaker,
            cue=text(self.cue.text()),
            outlet=text(self.outlet.currentText()),
            tag=text(self.tag.currentText()),
            since=dates[0],
            until=dates[1],
            search=text(self.words.text()),
        )

    def apply(self) -> None:
        self._timer.stop()
        try:
            f = self.current_filter()
        except MonitorDeskError as exc:
            show_status(self.status, str(exc), "error")
            return
        self.model.set_filter(f)
        show_status(self.status, count_text(self.model))

    # -- rows ------------------------------------------------------------------------------

    def _header_clicked(self, column: int) -> None:
        order = Qt.SortOrder.DescendingOrder if not self.model.descending else (
            Qt.SortOrder.AscendingOrder)  # fmt: skip
        if column == 0:
            self.model.sort(0, order)
        shown = Qt.SortOrder.DescendingOrder if self.model.descending else (
            Qt.SortOrder.AscendingOrder)  # fmt: skip
        self.table.horizontalHeader().setSortIndicator(0, shown)

    def activate(self, row: int) -> None:
        c = self.model.claim(row)
        if c is not None:
            self.claimActivated.emit(c.article_id, c.start, c.end)

    def context_menu(self, row: int) -> QMenu | None:
        c = self.model.claim(row)
        if c is None:
            return None
        menu = QMenu(self)
        menu.addAction("&Open Article at Claim").triggered.connect(lambda: self.activate(row))
        if c.speaker_name:
            speaker = Speaker(entity_id=c.speaker_entity_id) if c.speaker_entity_id else Speaker(
                name=c.speaker_name)  # fmt: skip
            menu.addAction(f"Speaker &Profile: “{c.speaker_name}”").triggered.connect(
                lambda: self.speakerRequested.emit(speaker)
            )
            menu.addAction(f"Only “{c.speaker_name}”").triggered.connect(
                lambda: self.show_speaker(c.speaker_name)
            )
        return menu

    def _show_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        menu = self.context_menu(index.row()) if index.isValid() else None
        if menu is not None:
            menu.exec(self.table.viewport().mapToGlobal(pos))
            menu.deleteLater()
