"""Low-confidence claims in the claim tables: the analyst's threshold, muted or hidden.

The extractor scores every claim 0–1 (core/nlp/claims/confidence.py). Below the
threshold set in Preferences, an extracted claim the analyst has not vouched for (made,
edited or graded) is shown greyed (``muted``) or left out of the Claims tab with a count
of how many were (``hidden``). The default mutes below 0.5: on the annotated dev set fewer
than half of such claims are right (docs/CLAIMS.md, Confidence), so they are more likely
wrong than right, yet still there to read; nothing leaves the list unless the analyst
chooses so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from ...core.claims.model import shown_confidence

DEFAULT_THRESHOLD = 0.5
LowConfidence = Literal["muted", "hidden"]
LOW_CHOICES: tuple[LowConfidence, ...] = ("muted", "hidden")


@dataclass(frozen=True)
class ConfidenceView:
    """Attributes:
    threshold: claims scored below it are low-confidence (0 = none is).
    low: what the Claims tab does with them: ``muted`` (greyed) or ``hidden``.
    """

    threshold: float = DEFAULT_THRESHOLD
    low: LowConfidence = "muted"

    @property
    def hides(self) -> bool:
        return self.low == "hidden"

    def is_low(self, confidence: float | None, vouched: bool) -> bool:
        """Scored below the threshold and not vouched for by the analyst; a claim not
        scored yet (analysed before confidence existed) is never low."""
        return not vouched and confidence is not None and confidence < self.threshold


def muted_colour() -> QColor:
    """Greyed text: the palette's colour for disabled text, so the theme keeps it legible."""
    return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


def confidence_tip(confidence: float | None, origin: str, view: ConfidenceView, low: bool) -> str:
    """The tooltip of a claim's confidence cell."""
    if origin == "user":
        return "Added by you: the analyst's claim, not scored."
    if confidence is None:
        return "Not scored: analysed before Monitor Desk scored claims. Re-analyse to score it."
    shown: Any = shown_confidence(confidence, origin)
    tip = f"The extractor's confidence that this claim is right: {shown} (0–1)."
    if low:
        tip += f"\nBelow your threshold {view.threshold:.2f} (Edit ▸ Preferences)."
    return tip
