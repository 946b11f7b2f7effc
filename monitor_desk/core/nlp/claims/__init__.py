"""Claims — who said what — from one parsed document: the attribution extractor.

``extract`` is the entry point; ``parts`` and ``frames`` find the cues, ``tree`` holds
what every cue finder shares, ``repairs`` mends the small model's misparses, ``lexicon``
holds the word lists, ``quotes`` finds quotation marks, ``speakers`` names speakers and
``taught`` applies the cues the analyst taught for the library.
"""

from __future__ import annotations

from .extract import extract_claims, quote_kind
from .quotes import QuoteIndex
from .taught import NO_TAUGHT, TaughtCues

__all__ = ["NO_TAUGHT", "QuoteIndex", "TaughtCues", "extract_claims", "quote_kind"]
