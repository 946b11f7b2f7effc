"""The Notes tab: the analyst's highlights (quote, tags, note, date) in the open article or,
with a toggle, the whole library; filtered by tag (sub-tags included) and by text."""

from __future__ import annotations

import importlib.util
from array import array
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QKeySequence, QPalette, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import MonitorDeskError
from ...core.library import Library
from ...core.models import Highlight
from ..widgets.columns import ShareColumns
from ..widgets.paged_rows import PagedRows
from ..widgets.row_table import row_table
from ..widgets.table_model import ColumnsTableModel

COLUMNS = ("Quote", "Tags", "Note", "Date", "Article")
QUOTE, TAGS, NOTE, DATE, ARTICLE = range(len(COLUMNS))
HighlightRole = Qt.ItemDataRole.UserRole + 6
ORPHAN_MARK = "(not found in this text)"


_Index = QModelIndex | QPersistentModelIndex


class NotesModel(ColumnsTableModel):
    """Highlights of one article or of the library, filtered by tag and text.

    Only the ids of the matching highlights are held (8 bytes each, cheap at 100k); the
    filters run in SQL, and rows are fetched a page at a time when first painted.

    Attributes:
        article_id: the article shown (None: nothing, unless ``whole_library``).
        whole_library: list every article's highlights.
        tag, text: the filters ('' = none).
        orphans: how many listed highlights are no longer found in their text.
    """

    columns = COLUMNS

    def __init__(self, library: Library, parent: Any = None) -> None:
        super().__init__(parent)
        self.library = library
        self.article_id: int | None = None
        self.whole_library = False
        self.tag = ""
        self.text = ""
        self.orphans = 0
        self._ids: array[int] = array("q")
        self._pages: PagedRows[Highlight] = PagedRows(self._fetch_page, lambda h: h.id)
        self._titles: dict[int, str] = {}

    def load(self, article_id: int | None) -> None:
        self.article_id = article_id
        self.reload()

    def reload(self) -> None:
        """Re-query the ids (after a change or a filter); cached rows are dropped."""
        self.beginResetModel()
        self._ids, self.orphans = self._query()
        self._pages.clear()
        self._titles = {}
        self.endResetModel()

    def _query(self) -> tuple[array[int], int]:
        if self.article_id is None and not self.whole_library:
            return array("q"), 0
        article = None if self.whole_library else self.article_id
        try:
            found = self.library.highlights.ids(article, self.tag.strip() or None, self.text)
        except MonitorDeskError:  # a filter that is no tag name ("/") matches nothing
            return array("q"), 0
        return found.ids, found.orphans

    def highlight_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, highlight_id: int) -> int:
        try:
            return self._ids.index(highlight_id)
        except ValueError:
            return -1

    def highlight(self, row: int) -> Highlight | None:
        """The highlight on ``row``, from the page cache (None: gone since the list was made)."""
        return self._pages.row(self._ids, row)

    def _fetch_page(self, ids: Sequence[int]) -> list[Highlight]:
        found = self.library.highlights.by_ids(ids)
        if self.whole_library:  # the Article column: every title of the page at once
            wanted = {h.article_id for h in found} - self._titles.keys()
            titles = {s.id: s.title for s in self.library.articles.summaries(sorted(wanted))}
            self._titles.update({a: titles.get(a, "") for a in wanted})
        return found

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def _title(self, article_id: int) -> str:
        if article_id not in self._titles:  # fetched lazily, for the rows on screen only
            found = self.library.articles.summaries([article_id])
            self._titles[article_id] = found[0].title if found else ""
        return self._titles[article_id]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        h = self.highlight(index.row()) if index.isValid() else None
        if h is None:
            return None
        col = index.column()
        orphan = h.status != "anchored"
        if role == Qt.ItemDataRole.DisplayRole:
            if col == QUOTE:
                quote = " ".join(h.exact.split())
                return f"{ORPHAN_MARK} {quote}" if orphan else quote
            if col == TAGS:
                return ", ".join(h.tags)
            if col == NOTE:
                return h.note
            if col == DATE:
                return h.created[:10]
            return self._title(h.article_id)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{h.exact}\n\nTags: {', '.join(h.tags) or '—'}\nNote: {h.note or '—'}"
            tip += f"\nCreated: {h.created}"
            if self.whole_library:
                tip += f"\nArticle: {self._title(h.article_id)}"
            if orphan:
                tip += "\n\nThis text is no longer in the article's current revision."
            return tip
        if role == Qt.ItemDataRole.FontRole and orphan and col == QUOTE:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and orphan:
            return QPalette().color(QPalette.ColorRole.PlaceholderText)
        if role == HighlightRole:
            return h
        return None


def export_available() -> bool:
    return importlib.util.find_spec("monitor_desk.ui.dialogs.export_dialog") is not None


class NotesPanel(QWidget):
    """Signals:
    highlightChosen(int, int, int): article id and code-point span of the chosen highlight.
    editRequested(int), promoteRequested(int): from the context menu (a highlight id).
    deleteRequested(list): ids of the highlights to delete.
    """

    highlightChosen = Signal(int, int, int)
    editRequested = Signal(int)
    promoteRequested = Signal(int)
    deleteRequested = Signal(list)

    def __init__(
        self,
        library: Library,
        parent: QWidget | None = None,
        tag_model: QStringListModel | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self.library = library
        self.model = NotesModel(library, self)
        self.table = row_table(self, self.model, "notesView", many=True)
        self.table.setWordWrap(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        fm = self.fontMetrics()
        # The columns share the panel's width: at 1280 px the quote and the note stay
        # readable even with the Article column shown (fixed widths squeezed them to 25 px).
        self.columns = ShareColumns(
            self.table,
            {QUOTE: 0.42, TAGS: 0.16, NOTE: 0.26, DATE: 0.08, ARTICLE: 0.16},
            {
                QUOTE: fm.averageCharWidth() * 14,
                TAGS: fm.averageCharWidth() * 8,
                NOTE: fm.averageCharWidth() * 9,
                DATE: fm.horizontalAdvance("2026-12-31") + 12,
                ARTICLE: fm.averageCharWidth() * 8,
            },
        )
        self.table.setColumnHidden(ARTICLE, True)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.clicked.connect(lambda i: self._row_changed(i, QModelIndex()))
        self.table.doubleClicked.connect(self._double_clicked)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(lambda: self.deleteRequested.emit(self.selected_ids()))
        self._quiet = False
        self._fitted: set[int] = set()
        # Only rows on screen are fitted to their wrapped text: fitting every row of a
        # library-wide list costs seconds, and this runs after every highlight change.
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.timeout.connect(self._fit_visible_rows)
        self.table.verticalScrollBar().valueChanged.connect(lambda _v: self._fit_timer.start(0))

        self.tag_filter = QLineEdit(self)
        self.tag_filter.setObjectName("notesTagFilter")
        self.tag_filter.setPlaceholderText("Tag")
        self.tag_filter.setToolTip("Show highlights with this tag or one nested under it")
        self.tag_filter.setClearButtonEnabled(True)
        if tag_model is not None:
            completer = QCompleter(tag_model, self.tag_filter)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.tag_filter.setCompleter(completer)
        self.text_filter = QLineEdit(self)
        self.text_filter.setObjectName("notesTextFilter")
        self.text_filter.setPlaceholderText("Words in quote or note")
        self.text_filter.setClearButtonEnabled(True)
        self.library_toggle = QCheckBox("Whole library", self)
        self.library_toggle.setObjectName("notesLibraryToggle")
        self.library_toggle.setToolTip("List the highlights of every article, not just this one")
        self.tag_filter.textChanged.connect(self._filters_changed)
        self.text_filter.textChanged.connect(self._filters_changed)
        self.library_toggle.toggled.connect(self._filters_changed)
        filters = QHBoxLayout()
        filters.addWidget(self.tag_filter, 2)
        filters.addWidget(self.text_filter, 3)
        filters.addWidget(self.library_toggle)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.caption)

    def load(self, article_id: int | None) -> None:
        self.model.load(article_id)
        self._after_reload()

    def reload(self) -> None:
        """Re-read after a change, keeping the current highlight selected."""
        current = self.current_highlight()
        self.model.reload()
        self._after_reload()
        if current is not None:
            self.select_highlight(current.id)

    def _filters_changed(self) -> None:
        self.model.tag = self.tag_filter.text()
        self.model.text = self.text_filter.text()
        self.model.whole_library = self.library_toggle.isChecked()
        # Across the library the article matters more than the day of the note (which the
        # row's tooltip still gives): the panel has room for four columns, not five.
        self.table.setColumnHidden(ARTICLE, not self.model.whole_library)
        self.table.setColumnHidden(DATE, self.model.whole_library)
        self.columns.apply()
        self.model.reload()
        self._after_reload()

    def _fit_visible_rows(self) -> None:
        if not self.table.isVisible():
            return
        viewport = self.table.viewport()
        first = self.table.rowAt(0)
        for _ in range(200):  # a fitted row grows, so look again at what is visible now
            last = self.table.rowAt(viewport.height() - 1)
            last = self.model.rowCount() - 1 if last < 0 else last
            todo = [r for r in range(max(0, first), last + 1) if r not in self._fitted]
            if not todo:
                break
            for r in todo:
                self.table.resizeRowToContents(r)
                self._fitted.add(r)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._fit_timer.start(0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fitted = set()
        self._fit_timer.start(0)

    def _after_reload(self) -> None:
        self._fitted = set()
        self._fit_timer.start(0)
        n = self.model.rowCount()
        where = "in the library" if self.model.whole_library else "in this article"
        filtered = bool(self.model.tag.strip() or self.model.text.strip())
        if n:
            orphans = self.model.orphans
            text = f"{n} highlight{'s' if n != 1 else ''} {where}"
            text += f" ({orphans} no longer found in the text)." if orphans else "."
        elif filtered:
            text = f"No highlight {where} matches the filter."
        else:
            text = f"No highlights {where} yet. Select text and press H."
        self.caption.setText(text)

    def current_highlight(self) -> Highlight | None:
        h = self.table.currentIndex().data(HighlightRole)
        return h if isinstance(h, Highlight) else None

    def selected_ids(self) -> list[int]:
        # From the selection's ranges, not selectedRows(): that makes an index per row,
        # seconds for a whole library selected. Rows are selected whole (SelectRows).
        ranges = self.table.selectionModel().selection().toList()
        rows = sorted({r for rng in ranges for r in range(rng.top(), rng.bottom() + 1)})
        ids = (self.model.highlight_id(r) for r in rows)  # no row is fetched for this
        return [i for i in ids if i is not None]

    def select_highlight(self, highlight_id: int) -> bool:
        """Select a highlight's row without scrolling the reader to it (it is there)."""
        row = self.model.row_of(highlight_id)
        if row < 0:
            return False
        self._quiet = True
        try:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        finally:
            self._quiet = False
        return True

    def reveal(self, highlight_id: int) -> None:
        """Select a highlight's row, clearing the filters if they hide it."""
        if not self.select_highlight(highlight_id):
            self.tag_filter.clear()
            self.text_filter.clear()
            self.select_highlight(highlight_id)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet:
            return
        h = current.data(HighlightRole) if current.isValid() else None
        if isinstance(h, Highlight) and h.status == "anchored":
            self.highlightChosen.emit(h.article_id, h.start, h.end)

    def _double_clicked(self, index: QModelIndex) -> None:
        h = index.data(HighlightRole)
        if isinstance(h, Highlight):
            self.editRequested.emit(h.id)

    def _context_menu(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectRow(index.row())
        ids = self.selected_ids()
        current = self.current_highlight()
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        edit = menu.addAction("Edit Highlight…")
        edit.setEnabled(current is not None and len(ids) == 1)
        promote = menu.addAction("Promote to Claim…")
        promote.setEnabled(current is not None and len(ids) == 1 and current.status == "anchored")
        delete = menu.addAction("Delete" if len(ids) < 2 else f"Delete {len(ids)} Highlights")
        delete.setEnabled(bool(ids))
        menu.addSeparator()
        export = menu.addAction("Export Selected Notes…")
        export.setEnabled(bool(ids) and export_available())
        if current is not None:
            hid = current.id
            edit.triggered.connect(lambda: self.editRequested.emit(hid))
            promote.triggered.connect(lambda: self.promoteRequested.emit(hid))
        delete.triggered.connect(lambda: self.deleteRequested.emit(ids))
        export.triggered.connect(lambda: self.export_selected(ids))
        menu.popup(self.table.viewport().mapToGlobal(point))

    def export_selected(self, ids: list[int]) -> None:
        # Imported here: the export dialog is another module's, loaded only when used.
        from ..dialogs import export_dialog

        export_dialog.show_export_dialog(self, self.library, highlight_ids=ids)
