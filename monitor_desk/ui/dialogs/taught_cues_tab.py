"""The *Taught cues* tab of the Corrections dialog: every cue taught to the claim extractor
for this library, each revocable (undoable), a verb taught from here too, and the articles
with its word re-analysed on request."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..commands.cue_commands import TaughtCueEdits

_HOW: tuple[tuple[str, tuple[str, bool]], ...] = (
    ("as a reporting verb", ("cue", False)),
    ("never as a claim", ("never", False)),
    ("never + object as a claim", ("never", True)),
)
"""The choices of how to teach a word: (text, (kind, object_only))."""


class TaughtCuesTab(QWidget):
    """Attributes: items: the list (the lemma in each item's user data); revoke_button,
    reanalyse_button: act on the chosen cue; status: what the last action did; word, how,
    teach_button: teach a verb (``how``: reporting verb, never, never with an object)."""

    def __init__(self, cues: TaughtCueEdits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taughtCuesTab")
        self.cues = cues
        self.revoked: str | None = None  # re-analysable after its item has left the list
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Cues apply when an article is next analysed. Claims already found change when "
            "the articles with the word are analysed again."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.items = QListWidget()
        self.items.setObjectName("taughtCuesList")
        layout.addWidget(self.items)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        teach = QHBoxLayout()
        self.word = QLineEdit()
        self.word.setPlaceholderText("a verb, e.g. trumpet")
        self.how = QComboBox()
        for text, data in _HOW:
            self.how.addItem(text, data)
        self.teach_button = QPushButton("Tea&ch")
        teach.addWidget(self.word, 1)
        teach.addWidget(self.how)
        teach.addWidget(self.teach_button)
        layout.addLayout(teach)
        self.teach_button.clicked.connect(self.teach)
        self.word.returnPressed.connect(self.teach)
        row = QHBoxLayout()
        row.addStretch(1)
        self.reanalyse_button = QPushButton("Re-&analyse Articles with the Word")
        self.revoke_button = QPushButton("Re&voke")
        row.addWidget(self.reanalyse_button)
        row.addWidget(self.revoke_button)
        layout.addLayout(row)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.reanalyse_button.clicked.connect(self.reanalyse_selected)
        self.items.currentRowChanged.connect(lambda _r: self._enable())
        cues.changed.connect(lambda _lemma: self.reload())
        self.reload()

    def reload(self) -> None:
        self.items.clear()
        for c in self.cues.library.cues.list():
            item = QListWidgetItem(c.describe() + (f" — {c.note}" if c.note else ""))
            item.setData(Qt.ItemDataRole.UserRole, c.lemma)
            item.setToolTip(f"{c.kind}, taught {c.created}")
            self.items.addItem(item)
        if not self.items.count():
            self.status.setText(
                "Nothing taught yet: adding a claim whose verb Monitor Desk does not know, or "
                "deleting claims of a verb, offers to teach it."
            )
        self._enable()

    def _enable(self) -> None:
        chosen = self.items.currentRow() >= 0
        self.revoke_button.setEnabled(chosen)
        self.reanalyse_button.setEnabled(chosen or self.revoked is not None)

    def _lemma(self) -> str | None:
        item = self.items.currentItem()
        return self.revoked if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def teach(self) -> None:
        lemma = self.word.text().strip().lower()
        kind, object_only = self.how.currentData()
        if not lemma or not self.cues.teach(lemma, kind, object_only):
            return  # refused: the status bar says why
        self.word.clear()
        self.revoked = None
        n = len(self.cues.articles_with(lemma))
        self.items.setCurrentRow(self.items.count() - 1)
        self.status.setText(f"Taught “{lemma}”. {n} article(s) have the word.")

    def revoke_selected(self) -> None:
        lemma = self._lemma()
        if lemma is None or not self.cues.revoke(lemma):
            return
        self.revoked = lemma
        self.items.setCurrentRow(-1)
        self._enable()
        n = len(self.cues.articles_with(lemma))
        self.status.setText(
            f"Revoked “{lemma}”. {n} article(s) have the word: re-analyse them to see "
            "their claims as the lexicon finds them (Edit ▸ Undo takes the revoke back)."
        )

    def reanalyse_selected(self) -> None:
        lemma = self._lemma()
        if lemma is not None:
            n = self.cues.reanalyse(lemma)
            self.status.setText(f"Analysing {n} article(s) with “{lemma}” again…")
