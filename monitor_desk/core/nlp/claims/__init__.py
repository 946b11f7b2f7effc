"""Claims — who said what — from one parsed document: the attribution extractor.

``extract`` is the entry point; ``parts`` and ``frames`` find the cues, ``tree`` holds
what every cue finder shares, ``repairs`` mends the small model's misparses, ``lexicon``
holds the word lists, ``quotes`` finds quotation marks and ``speakers`` names speakers.
"""

from __future__ import annotations

from .extract import extract_claims, quote_kind
from .quotes import QuoteIndex

__all__ = ["QuoteIndex", "extract_claims", "quote_kind"]
