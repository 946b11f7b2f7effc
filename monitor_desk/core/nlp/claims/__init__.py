"""Claims — who said what — from one parsed document: the attribution extractor.

``extract`` is the entry point; ``parts`` and ``frames`` find the cues, ``tree`` holds
what every cue finder shares, ``repairs`` mends the small model's misparses, ``lexicon``
holds the word lists, ``quotes`` finds quotation marks (and tells direct from indirect),
``speakers`` names speakers and ``taught`` applies the cues the analyst taught for the
library. A module loads when one of the names below is first used, so the review code's
``quotes`` comes without the extractor.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .extract import extract_claims
    from .quotes import QuoteIndex, quote_kind
    from .taught import NO_TAUGHT, TaughtCues

__all__ = ["NO_TAUGHT", "QuoteIndex", "TaughtCues", "extract_claims", "quote_kind"]

_HOMES = {
    "NO_TAUGHT": "taught",
    "QuoteIndex": "quotes",
    "TaughtCues": "taught",
    "extract_claims": "extract",
    "quote_kind": "quotes",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
