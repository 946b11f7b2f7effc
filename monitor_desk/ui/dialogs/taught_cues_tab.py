"""The *Taught cues* tab of the Corrections dialog: every cue taught to the claim extractor
for this library, each revocable (undoable), a verb taught from here too, and the articles
with its word re-analysed on request."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ..commands.cue_commands import TaughtCueEdits
from .revocable_list_tab import Entry, RevocableListTab

_HOW: tuple[tuple[str, tuple[str, bool]], ...] = (
    ("as a reporting verb", ("cue", False)),
    ("never as a claim", ("never", False)),
    ("never + object as a claim", ("never", True)),
)
"""The choices of how to teach a word: (text, (kind, object_only))."""


class TaughtCuesTab(RevocableListTab):
    """Attributes: items: the list (the lemma in each item's user data); revoke_button,
    reanalyse_button: act on the chosen cue; status: what the last action did; word, how,
    teach_button: teach a verb (``how``: reporting verb, never, never with an object)."""

    def __init__(self, cues: TaughtCueEdits, parent: QWidget | None = None) -> None:
        super().__init__(
            "taughtCuesTab",
            "Cues apply when an article is next analysed. Claims already found change when "
            "the articles with the word are analysed again.",
            "taughtCuesList",
            "Re&voke",
            cues.changed,
            parent,
        )
        self.cues = cues
        self.revoked: str | None = None  # re-analysable after its item has left the list
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.column.addWidget(self.status)
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
        self.column.addLayout(teach)
        self.teach_button.clicked.connect(self.teach)
        self.word.returnPressed.connect(self.teach)
        row = QHBoxLayout()
        row.addStretch(1)
        self.reanalyse_button = QPushButton("Re-&analyse Articles with the Word")
        row.addWidget(self.reanalyse_button)
        row.addWidget(self.revoke_button)
        self.column.addLayout(row)
        self.reanalyse_button.clicked.connect(self.reanalyse_selected)
        self.reload()

    def entries(self) -> Iterator[Entry]:
        for c in self.cues.library.cues.list():
            text = c.describe() + (f" — {c.note}" if c.note else "")
            yield text, c.lemma, f"{c.kind}, taught {c.created}"

    def _counted(self, count: int) -> None:
        if not count:
            self.status.setText(
                "Nothing taught yet: adding a claim whose verb Monitor Desk does not know, or "
                "deleting claims of a verb, offers to teach it."
            )

    def _enable(self) -> None:
        super()._enable()
        self.reanalyse_button.setEnabled(self.items.currentRow() >= 0 or self.revoked is not None)

    def _lemma(self) -> str | None:
        chosen = self.chosen()
        return self.revoked if chosen is None else chosen

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
