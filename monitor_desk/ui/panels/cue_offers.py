"""The bar in the Claims tab that offers to teach a cue, never in the analyst's way.

When the analyst adds a claim whose verb the lexicon lacks ("trumpeted"), it offers "Treat
‘trumpet’ as a reporting verb in this library"; when they delete a second extracted claim
of the same verb in the same frame ("made | the proposal"), "Never treat ‘make’ + object
as a claim". Accepted, the cue is taught (undoable) and the bar offers to re-analyse the
articles with the word, in the background. The verb's lemma and frame come from the
loaded spaCy pipeline (borrowed under its lock: an analysis on the work queue may be using
it), or from a small rule while it is still loading or busy for longer than ``MODEL_WAIT``
(``nlp.claims.taught.cue_reading``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ...core.claims import StoredClaim
from ...core.errors import MonitorDeskError
from ...core.library import Library
from ..commands.cue_commands import TaughtCueEdits
from .claims_panel import ClaimsPanel

NEVER_AFTER = 2
"""Deletions of extracted claims of one verb and frame before the never rule is offered."""

MODEL_WAIT = 0.3
"""Seconds the GUI thread waits for the spaCy model while an analysis batch holds it."""

Offer = tuple[str, str, bool]
"""(lemma, kind, object_only) of the cue the bar offers to teach."""


class CueOffers(QFrame):
    """Attributes:
    label: what is offered; accept_button: teaches it (then re-analyses on a second
    click); dismiss_button: hides the bar; offer: the cue offered, or None once taught;
    taught_lemma: the lemma just taught (whose articles the accept button re-analyses).
    """

    def __init__(
        self, panel: ClaimsPanel, library: Library, cues: Callable[[], TaughtCueEdits]
    ) -> None:
        super().__init__(panel)
        self.setObjectName("cueOffer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.library, self.cues = library, cues
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.accept_button = QPushButton(self)
        self.dismiss_button = QPushButton("Not Now", self)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.accept_button)
        row.addWidget(self.dismiss_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 4, 6, 4)
        box.addWidget(self.label)
        box.addLayout(row)
        self.accept_button.clicked.connect(self.accept)
        self.dismiss_button.clicked.connect(self.hide)
        self.offer: Offer | None = None
        self.taught_lemma: str | None = None
        self.deletions: Counter[tuple[str, bool]] = Counter()
        layout = panel.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(1, self)  # under the table, where the claims were just changed
        self.hide()
        panel.edits.added.connect(self.claim_added)
        panel.edits.deleted.connect(self.claim_deleted)

    # -- what the analyst did ---------------------------------------------------------------

    def _reading(self, claim: StoredClaim) -> tuple[str, bool] | None:
        # the extractor's rules load with the first offer, not with the window
        from ...core.nlp.claims.taught import cue_reading

        if claim.status != "anchored":
            return None
        try:
            text = self.library.articles.get(claim.article_id).text
        except MonitorDeskError:
            return None
        if claim.cue.end > claim.cue.start:
            cue, content = (
                (claim.cue.start, claim.cue.end),
                (claim.content.start, claim.content.end),
            )
            loaded = self.library.loaded_pipeline
            if loaded is None or loaded.is_fallback:
                return cue_reading(None, text, cue, content)
            # The work queue may be analysing with this very model: borrow it (None, and
            # the rule, when a batch keeps it longer than the analyst should wait).
            with loaded.borrowed(MODEL_WAIT) as nlp:
                return cue_reading(nlp, text, cue, content)
        # a typed cue that is not in the text: its word alone, by the rule
        typed = claim.cue.text.strip()
        return (
            cue_reading(None, typed, (0, len(typed)), (len(typed), len(typed))) if typed else None
        )

    def _taught(self, lemma: str) -> bool:
        return any(c.lemma == lemma for c in self.library.cues.list())

    def claim_added(self, claim_id: int) -> None:
        try:
            claim = self.library.claims.get(claim_id)
        except MonitorDeskError:
            return
        reading = self._reading(claim)
        if reading is None or not reading[0].isalpha():
            return
        from ...core.nlp.claims.taught import known_verb

        lemma = reading[0]
        if known_verb(lemma) or self._taught(lemma):
            return
        self._show(
            (lemma, "cue", False),
            f"Monitor Desk does not read “{claim.cue.text}” as a reporting verb. Treat "
            f"“{lemma}” as a reporting verb in this library?",
            f"Treat “{lemma}” as a Reporting Verb",
        )

    def claim_deleted(self, claim: StoredClaim) -> None:
        if claim.origin != "auto":
            return  # the analyst's own claim: nothing the extractor did
        reading = self._reading(claim)
        if reading is None or not reading[0].isalpha() or self._taught(reading[0]):
            return
        self.deletions[reading] += 1
        if self.deletions[reading] < NEVER_AFTER:
            return
        lemma, object_frame = reading
        what = f"“{lemma}” + object" if object_frame else f"“{lemma}”"
        self._show(
            (lemma, "never", object_frame),
            f"You deleted {self.deletions[reading]} claims of {what}. Never treat {what} as a "
            "claim in this library?",
            f"Never Treat {what} as a Claim",
        )

    # -- the bar ------------------------------------------------------------------------------

    def _show(self, offer: Offer, text: str, button: str) -> None:
        self.offer, self.taught_lemma = offer, None
        self.label.setText(text)
        self.accept_button.setText(button)
        self.show()

    def accept(self) -> None:
        if self.offer is None:
            if self.taught_lemma is not None:
                self.cues().reanalyse(self.taught_lemma)
            self.hide()
            return
        lemma, kind, object_only = self.offer
        if not self.cues().teach(lemma, kind, object_only):
            self.hide()
            return
        if kind == "never":
            self.deletions = Counter({k: n for k, n in self.deletions.items() if k[0] != lemma})
        self.offer, self.taught_lemma = None, lemma
        n = len(self.cues().articles_with(lemma))
        self.label.setText(
            f"Taught (Edit ▸ Entity Corrections… lists it; Edit ▸ Undo takes it back). It applies "
            f"when an article is next analysed: {n} article(s) have the word."
        )
        self.accept_button.setText(f"Re-analyse {n} Article(s)")
        self.accept_button.setEnabled(n > 0)
