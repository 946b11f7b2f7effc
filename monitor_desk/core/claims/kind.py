"""Whether a claim's content quotes directly, paraphrases, or mixes both — for a span the
analyst chose, decided exactly as the extractor decides it for the spans it finds.

The rule lives in ``nlp.claims.quotes.quote_kind`` (quotation marks found on the characters
there too); this module only gives it the quotations of the new content so that the
review code never needs a parse. Importing it loads no spaCy.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import ClaimKind
from ..nlp.claims.quotes import QuoteIndex, quote_kind


def content_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quotations (marks included) that overlap ``text[start:end]``.

    Quotes are found in the whole text, so a mark outside the span still pairs with one
    inside it, as it does when the article is analysed.
    """
    return QuoteIndex(text).inside(start, end)


def claim_kind(
    text: str,
    start: int,
    end: int,
    attribution: Sequence[tuple[int, int]] = (),
    quotes: list[tuple[int, int]] | None = None,
) -> ClaimKind:
    """``direct``, ``indirect`` or ``mixed`` for content ``text[start:end]``.

    ``attribution`` holds the claim's own cue and speaker spans: "he said" between two
    quotations is not paraphrase, so it does not make a direct quote mixed.
    """
    in_quotes = content_quotes(text, start, end) if quotes is None else quotes
    return quote_kind(text, start, end, in_quotes, list(attribution))
