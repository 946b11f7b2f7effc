"""The left panel: search box, filters, and the library list (or search results)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QCompleter,
    QGridLayout,
    QHeaderView,
    QLineEdit,
    QListView,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.library import Library
from ...core.models import SearchCount, SearchHit
from ..widgets.columns import allow_column_choice
from ..widgets.row_table import row_table
from .library_model import LibraryModel
from .list_banner import ListBanner
from .search_results import HitRole, SearchResultsModel, SnippetDelegate
from .search_summary import SearchSummary

HITS_PAGE = 100
"""Hits shown at a time; *More* shows the next page."""
ARTICLES_COUNTED_UP_TO = 10_000
"""Past this many hits the results say the hits, not their articles (counting those takes
0.3 s and more at 100k articles; *Show in list* counts them in its banner)."""

FILTERS = (
    ("publication", "Publication"),
    ("tag", "Tag"),
    ("entity", "Entity"),
    ("outlet", "Source outlet"),
    ("date_source", "Date source (inferred, none…)"),
)


class LibraryPanel(QWidget):
    """Search and browse the library.

    Signals:
        articleSelected(int): the current article changed (list or search result).
        hitActivated(object): a search hit was chosen (``SearchHit``).
    """

    articleSelected = Signal(int)
    hitActivated = Signal(object)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPanel")
        self.library = library
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText("Search text, notes, claims  (Ctrl+F)")
        self.search_box.setClearButtonEnabled(True)
        self.filter_button = QToolButton(self)
        self.filter_button.setText("Filters")
        self.filter_button.setCheckable(True)
        self.filter_button.setToolTip("Filter the list by publication, tag, entity or outlet")

        self.filter_box = QWidget(self)
        grid = QGridLayout(self.filter_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        self.filter_edits: dict[str, QLineEdit] = {}
        for i, (key, label) in enumerate(FILTERS):
            edit = QLineEdit(self.filter_box)
            edit.setObjectName(f"filter_{key}")
            edit.setPlaceholderText(label)
            edit.setClearButtonEnabled(True)
            grid.addWidget(edit, i // 2, i % 2)
            self.filter_edits[key] = edit
        self.filter_edits["date_source"].setToolTip(
            "Where the date came from: header, metadata, dateline, citations, analyst "
            "(edited), rule (a publication rule gave the year); inferred (dateline, "
            "citations or a rule) or none (undated)"
        )
        self.hide_near_duplicates = QCheckBox("Hide near-duplicates", self.filter_box)
        self.hide_near_duplicates.setObjectName("filter_hide_near_duplicates")
        self.hide_near_duplicates.setToolTip(
            "Leave out articles imported as near-duplicates of another (the same story with "
            "another headline or an added line)"
        )
        self.group_near_duplicates = QCheckBox("Group near-duplicates", self.filter_box)
        self.group_near_duplicates.setObjectName("filter_group_near_duplicates")
        self.group_near_duplicates.setToolTip(
            "Show each near-duplicate directly under its original, indented; the original "
            "says how many it has"
        )
        # One or the other: hidden near-duplicates have nothing to group under.
        self.hide_near_duplicates.toggled.connect(
            lambda on: self.group_near_duplicates.setChecked(False) if on else None
        )
        self.group_near_duplicates.toggled.connect(
            lambda on: self.hide_near_duplicates.setChecked(False) if on else None
        )
        row = (len(FILTERS) + 1) // 2
        grid.addWidget(self.hide_near_duplicates, row, 0)
        grid.addWidget(self.group_near_duplicates, row, 1)
        self.filter_box.setVisible(False)
        self.filter_button.toggled.connect(self.filter_box.setVisible)

        self.model = LibraryModel(library, self, sort_key="date", descending=True)
        self.table = row_table(self, self.model, "libraryView", many=True)
        # Newest first: the order an analyst reads a stream of briefs in.
        self.table.horizontalHeader().setSortIndicator(3, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        # A long title loses its middle, not its end (the full title is the tooltip).
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        header.setMinimumSectionSize(36)
        digits = self.fontMetrics().horizontalAdvance("0000-00-00") + 16
        self.table.setColumnWidth(2, self.fontMetrics().horizontalAdvance("Vol./Issue") + 16)
        self.table.setColumnWidth(3, digits)
        self.table.setColumnWidth(4, self.fontMetrics().horizontalAdvance("Notes") + 16)
        # A narrow panel shows title, issue and date; the header's menu shows the rest.
        allow_column_choice(self.table, hidden=(1, 4))
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.results_model = SearchResultsModel(self)
        self.results = QListView(self)
        self.results.setObjectName("searchResults")
        self.results.setModel(self.results_model)
        self.results.setItemDelegate(SnippetDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.selectionModel().currentRowChanged.connect(self._hit_changed)
        self.results.clicked.connect(lambda i: self._hit_changed(i, QModelIndex()))

        self.summary = SearchSummary(self)
        self.summary.moreClicked.connect(self.more_hits)
        self.summary.showInListClicked.connect(self.show_hits_in_list)
        self._query = ""
        self._count = SearchCount(0, 0)
        self.results_page = QWidget(self)
        results_layout = QVBoxLayout(self.results_page)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.setSpacing(2)
        results_layout.addWidget(self.summary)
        results_layout.addWidget(self.results, 1)

        self.banner = ListBanner(self)
        self.banner.showAllClicked.connect(self.show_all)
        self._only_label = ""

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.results_page)

        top = QGridLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search_box, 0, 0)
        top.addWidget(self.filter_button, 0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)

        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(lambda _: self._search_timer.start())
        self.search_box.returnPressed.connect(self._open_first_hit)
        self._filter_timer = QTimer(self, singleShot=True, interval=250)
        self._filter_timer.timeout.connect(self.apply_filters)
        for edit in self.filter_edits.values():
            edit.textChanged.connect(lambda _: self._filter_timer.start())
        self.hide_near_duplicates.toggled.connect(lambda _: self._filter_timer.start())
        self.group_near_duplicates.toggled.connect(lambda _: self._filter_timer.start())
        self.update_completers()

    # -- list ------------------------------------------------------------------------------

    def current_article_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.article_id(index.row()) if index.isValid() else None

    def selected_article_ids(self) -> list[int]:
        """The articles chosen in the list, in list order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [aid for r in rows if (aid := self.model.article_id(r)) is not None]

    def select_article(self, article_id: int) -> bool:
        row = self.model.row_of(article_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def step(self, delta: int) -> None:
        """Open the next (+1) or previous (-1) article of the list or of the results."""
        view = self.results if self.stack.currentWidget() is self.results_page else self.table
        model = view.model()
        if model.rowCount() == 0:
            return
        row = view.currentIndex().row()
        row = 0 if row < 0 else max(0, min(model.rowCount() - 1, row + delta))
        view.setCurrentIndex(model.index(row, 0))

    def refresh(self) -> None:
        """Re-read the list (after an import) and keep the current article selected."""
        current = self.current_article_id()
        self.model.refresh()
        if current is not None:
            self.table.selectionModel().blockSignals(True)
            self.select_article(current)
            self.table.selectionModel().blockSignals(False)
        self._update_banner()
        self.update_completers()

    def show_only(self, ids: Sequence[int], label: str) -> None:
        """Restrict the list to the articles ``ids`` (the filters still apply within them)
        and say so in a banner over the list, with *Show all* to lift it. ``label`` says
        where they came from ("search 'ABM Treaty'"). Fast at 100k ids: they reach SQL as
        one parameter. The list (not the search results) is shown."""
        self._only_label = label
        self.model.restrict(list(ids))
        self.stack.setCurrentWidget(self.table)
        self._update_banner()
        if self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollToTop()

    def show_all(self) -> None:
        """Lift ``show_only``: the whole library (within the filters), current article kept."""
        current = self.current_article_id()
        self._only_label = ""
        self.model.restrict(None)
        self.stack.setCurrentWidget(self.table)
        self._update_banner()
        if current is not None:
            self.select_article(current)

    def shown_only(self) -> list[int] | None:
        """The articles ``show_only`` restricted the list to, or None (the whole library)."""
        return self.model.only_ids

    def _update_banner(self) -> None:
        only = self.model.only_ids
        self.banner.setVisible(only is not None)
        if only is None:
            return
        shown = self.model.rowCount()
        # With filters on, say how many of the chosen articles they hide.
        wanted = len(self.library.articles.ids(ids=only)) if self.model.filters else shown
        self.banner.show_text(shown, wanted, self._only_label)

    def invalidate(self, article_id: int | None = None) -> None:
        """Fetch rows again after their counts changed (one article's, or all)."""
        self.model.invalidate(article_id)

    def update_completers(self, tags: list[str] | None = None) -> None:
        """Offer the tag names (``tags`` when the caller has just read them)."""
        if tags is None:
            tags = [t.name for t in self.library.tags.list()]
        completer = QCompleter(tags, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edits["tag"].setCompleter(completer)

    def apply_filters(self) -> None:
        values: dict[str, str | bool | None] = {
            k: e.text().strip() or None for k, e in self.filter_edits.items()
        }
        values["near_duplicates"] = False if self.hide_near_duplicates.isChecked() else None
        values["group_near_duplicates"] = self.group_near_duplicates.isChecked() or None
        current = self.current_article_id()
        self.model.set_filters(**values)
        self._update_banner()
        if current is not None:
            self.select_article(current)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        aid = self.model.article_id(current.row()) if current.isValid() else None
        if aid is not None:
            self.articleSelected.emit(aid)

    # -- search ----------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def run_search(self) -> None:
        query = self.search_box.text().strip()
        self._query = query
        if not query:
            self.stack.setCurrentWidget(self.table)
            self.results_model.set_hits([])
            self.summary.setVisible(False)
            return
        self._count = self.library.search_count(query, articles_up_to=ARTICLES_COUNTED_UP_TO)
        self.results_model.set_hits(self.library.search(query, limit=HITS_PAGE))
        self._show_count()
        self.stack.setCurrentWidget(self.results_page)

    def more_hits(self) -> None:
        """Add the next page of hits under those shown."""
        shown = len(self.results_model.hits)
        self.results_model.add_hits(self.library.search(self._query, HITS_PAGE, offset=shown))
        self._show_count()

    def show_hits_in_list(self) -> None:
        """Every article with a hit of the search, in the library list (``show_only``)."""
        self._search_timer.stop()  # a search still to run would cover the list again
        if self._query:
            self.show_only(self.library.search_article_ids(self._query), f"search '{self._query}'")

    def _show_count(self) -> None:
        self.summary.show_count(len(self.results_model.hits), self._count, HITS_PAGE)
        self.summary.setVisible(True)

    def _hit_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        hit = current.data(HitRole) if current.isValid() else None
        if isinstance(hit, SearchHit):
            self.hitActivated.emit(hit)

    def _open_first_hit(self) -> None:
        self._search_timer.stop()
        self.run_search()
        if self.results_model.rowCount():
            self.results.setCurrentIndex(self.results_model.index(0, 0))
            self.results.setFocus()
