"""The line over the search results: how much the search found ("240 hits in 97 articles,
the best 100 shown"), *More* for the next page of hits and *Show in list* for every
article with a hit, in the library list."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from ...core.models import SearchCount


def found_text(shown: int, count: SearchCount) -> str:
    """``12 hits in 5 articles`` or ``240 hits in 97 articles — the best 100 shown`` (the
    articles not said when they were not counted: *Show in list* counts them)."""
    hits = f"{count.hits:,} hit{'' if count.hits == 1 else 's'}"
    if count.hits == 0:
        return "No hits"
    found = hits
    if count.articles is not None:
        found += f" in {count.articles:,} article{'' if count.articles == 1 else 's'}"
    return found if shown >= count.hits else f"{found} — the best {shown:,} shown"


class SearchSummary(QWidget):
    """What a search found, and what to do with the rest.

    Signals:
        moreClicked(): show the next page of hits.
        showInListClicked(): show every article with a hit in the library list.
    """

    moreClicked = Signal()
    showInListClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchSummary")
        self.label = QLabel(self)
        self.label.setObjectName("searchCount")
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.more = QPushButton("More", self)
        self.more.setObjectName("searchMore")
        self.more.clicked.connect(self.moreClicked)
        self.show_in_list = QPushButton("Show in list", self)
        self.show_in_list.setObjectName("searchShowInList")
        self.show_in_list.setToolTip(
            "Show these in the library list: every article with a hit, to sort, filter, "
            "select or export"
        )
        self.show_in_list.clicked.connect(self.showInListClicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.more)
        layout.addWidget(self.show_in_list)
        self.setVisible(False)

    def show_count(self, shown: int, count: SearchCount, page: int) -> None:
        self.label.setText(found_text(shown, count))
        left = count.hits - shown
        self.more.setVisible(left > 0)
        self.more.setText(f"{min(page, left):,} more")
        self.more.setToolTip(f"Show the next {min(page, left):,} of the {left:,} hits not shown")
        self.show_in_list.setEnabled(count.hits > 0)
