"""The Entities tab: the article's entities by cluster, and one cluster's mentions
across the library (choose one to go there)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMenu,
    QWidget,
)

from ...core.entities import MentionRef
from ...core.library import Library
from ...core.models import EntityMention
from ..reader.entity_menu import add_entity_entries
from ..reader.legend import swatch
from ..widgets.columns import ShareColumns
from ..widgets.palette import ENTITY_NAMES, entity_tint
from ..widgets.row_table import over_under, row_table
from ..widgets.table_model import ColumnsTableModel

_Index = QModelIndex | QPersistentModelIndex
ClusterRole = Qt.ItemDataRole.UserRole + 7
MentionRole = Qt.ItemDataRole.UserRole + 8


class _Table(ColumnsTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)


class ClustersModel(_Table):
    """(cluster, label, count) of the open article's entities, most mentioned first."""

    columns = ("Entity", "Type", "Here")

    @property
    def palette(self) -> QPalette:
        """The panel's palette, whose base the type colours are tinted against."""
        parent = self.parent()
        return parent.palette() if isinstance(parent, QWidget) else QPalette()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        cluster, label, count = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (cluster, ENTITY_NAMES.get(label, label), count)[col]
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return swatch(entity_tint(label, self.palette))
        if role == ClusterRole:
            return (cluster, label)
        return None


class MentionsModel(_Table):
    """Mentions of one cluster in every article, with a little context."""

    columns = ("Article", "Mention")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.contexts: list[str] = []

    def set_mentions(self, rows: list[MentionRef], contexts: list[str]) -> None:
        self.contexts = contexts
        self.set_rows(rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        m: MentionRef = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return m.title if index.column() == 0 else self.contexts[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{m.title}\n{self.contexts[index.row()]}"
        if role == MentionRole:
            return m
        return None


class EntitiesPanel(QWidget):
    """Signals:
    mentionChosen(int, int, int): article id and code-point span of a mention to show.
    correctionRequested(str, str, str): kind, name, target of an entity correction asked
        for from an entity row's context menu (as the reader's; see reader/entity_menu.py).
    """

    mentionChosen = Signal(int, int, int)
    correctionRequested = Signal(str, str, str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entitiesPanel")
        self.library = library
        self.clusters = ClustersModel(self)
        self.mentions = MentionsModel(self)
        self.cluster_view = row_table(self, self.clusters, "entityClustersView")
        self.mention_view = row_table(self, self.mentions, "entityMentionsView")
        header = self.cluster_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # A long title wraps in its share instead of pushing the context off-screen.
        self.mention_view.setWordWrap(True)
        chars = self.fontMetrics().averageCharWidth()
        self.mention_columns = ShareColumns(
            self.mention_view, {0: 0.3, 1: 0.7}, {0: chars * 10, 1: chars * 20}
        )
        # Wrapped rows take their new height when the columns change width (once, after).
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.timeout.connect(self.mention_view.resizeRowsToContents)
        self.mention_view.horizontalHeader().sectionResized.connect(lambda *_: self._refit.start(0))
        self.heading = QLabel("Click an entity in the text, or choose one above.", self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        over_under(self, self.cluster_view, self.heading, self.mention_view, (220, 320))
        self.cluster_view.selectionModel().currentRowChanged.connect(self._cluster_changed)
        self.mention_view.clicked.connect(self._mention_clicked)
        self.mention_view.activated.connect(self._mention_clicked)
        self.current: tuple[str, str] | None = None
        self.texts: dict[tuple[str, str], list[str]] = {}  # each row's mention words
        self.cluster_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.cluster_view.customContextMenuRequested.connect(self._show_menu)

    def load(self, entities: list[EntityMention], hidden: set[str] | None = None) -> None:
        """List the article's entity clusters (types hidden in the reader left out)."""
        counts: dict[tuple[str, str], int] = {}
        self.texts = {}
        for e in entities:
            if hidden and e.label in hidden:
                continue
            key = (e.cluster or e.text, e.label)
            counts[key] = counts.get(key, 0) + 1
            self.texts.setdefault(key, []).append(e.text)
        rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0].casefold()))
        self.cluster_view.selectionModel().blockSignals(True)
        self.clusters.set_rows([(c, lab, n) for (c, lab), n in rows])
        self.cluster_view.selectionModel().blockSignals(False)
        if self.current is not None:
            self.show_cluster(*self.current, select=True)

    def show_cluster(self, cluster: str, label: str, select: bool = True) -> None:
        """List every mention of ``cluster`` in the library."""
        self.current = (cluster, label)
        mentions = self.library.entities.mentions(cluster, label)
        texts: dict[int, str] = {}
        contexts = []
        for m in mentions:
            if m.article_id not in texts:
                texts[m.article_id] = self.library.articles.get(m.article_id).text
            text = texts[m.article_id]
            left = " ".join(text[max(0, m.start - 50) : m.start].split())
            right = " ".join(text[m.end : m.end + 50].split())
            contexts.append(f"…{left} [{m.text}] {right}…")
        self.mentions.set_mentions(mentions, contexts)
        n_articles = len({m.article_id for m in mentions})
        kind = ENTITY_NAMES.get(label, label)
        self.heading.setText(
            f"{cluster} ({kind}): {len(mentions)} mention{'s' if len(mentions) != 1 else ''} "
            f"in {n_articles} article{'s' if n_articles != 1 else ''}"
        )
        self.mention_view.resizeRowsToContents()
        if select:
            for row, (c, lab, _) in enumerate(self.clusters.rows):
                if (c, lab) == (cluster, label):
                    self.cluster_view.selectionModel().blockSignals(True)
                    self.cluster_view.selectRow(row)
                    self.cluster_view.selectionModel().blockSignals(False)
                    break

    def _cluster_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = current.data(ClusterRole) if current.isValid() else None
        if key:
            cluster, label = key
            self.show_cluster(cluster, label, select=False)

    def _mention_clicked(self, index: QModelIndex) -> None:
        m = index.data(MentionRole)
        if isinstance(m, MentionRef):
            self.mentionChosen.emit(m.article_id, m.start, m.end)

    def context_menu(self, pos: QPoint) -> QMenu | None:
        """The correction menu of the entity row at ``pos`` (viewport coordinates)."""
        key = self.cluster_view.indexAt(pos).data(ClusterRole)
        if not key:
            return None
        menu = QMenu(self)
        add_entity_entries(menu, key[0], key[1], self.texts.get(key, []), self._request)
        return menu

    def _request(self, kind: str, name: str, target: str) -> None:
        self.correctionRequested.emit(kind, name, target)

    def _show_menu(self, pos: QPoint) -> None:
        menu = self.context_menu(pos)
        if menu is not None:
            menu.exec(self.cluster_view.viewport().mapToGlobal(pos))
            menu.deleteLater()
