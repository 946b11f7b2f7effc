"""Quotation spans found in raw text: curly and straight double quotes.

The parse cannot be trusted with quotation marks (a quote may run over several sentences,
the sentencizer splits it), so quotes are found on the characters, once per document.
A quote that is still open at a paragraph break and reopened on the next paragraph (the
newspaper convention for multi-paragraph quotes) ends at the break; a quote never closed
in its paragraph is dropped. ``quote_kind`` tells from them whether a content quotes
(``direct``), paraphrases (``indirect``) or both (``mixed``); the review code asks it too, so
this module needs no parse and loads none of the extractor.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from ...models import ClaimKind

# Two apostrophes, and two backticks opening (``...''), are the typewriter and Penn
# Treebank spellings of a double quote.
_QUOTE_CHAR_RE = re.compile(r"''|``|[“”\"\n]")
_OPENERS_BEFORE = frozenset(" \t\n([{—–-/:;\u00a0")
EDGE_PUNCT = " \t\r\n\u00a0,;:—–-.?!"
"""Punctuation and spaces at a content's edges (trimmed; all a direct quote may have
outside its quotation marks)."""


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of every quotation, marks included, in text order."""
    quotes: list[tuple[int, int]] = []
    open_at = -1
    for match in _QUOTE_CHAR_RE.finditer(text):
        pos = match.start()
        char = match.group()
        width = len(char)
        if char == "``":
            char = "“"
        if char == "\n":
            open_at = -1  # unclosed at the paragraph end: not a usable quote
            continue
        if char == "''":  # typewriter quotes are spaced freely: they simply alternate
            if open_at < 0:
                open_at = pos
            else:
                quotes.append((open_at, pos + 2))
                open_at = -1
        elif char == "“":
            open_at = pos
        elif char == "”":
            if open_at >= 0:
                quotes.append((open_at, pos + 1))
                open_at = -1
        else:  # straight quote: opening when it starts a word, closing otherwise
            before = text[pos - 1] if pos else " "
            after = text[pos + width] if pos + width < len(text) else " "
            if open_at < 0:
                if before in _OPENERS_BEFORE and not after.isspace():
                    open_at = pos
            elif not before.isspace() or after.isspace() or pos + width == len(text):
                # "... 'Well done,' " said: a spaced mark followed by a space still closes
                quotes.append((open_at, pos + width))
                open_at = -1
    return quotes


class QuoteIndex:
    """Quotes of one document with fast lookup by character offset."""

    def __init__(
        self, text: str, find: Callable[[str], list[tuple[int, int]]] = find_quotes
    ) -> None:
        self.text = text
        """The document text (``Doc.text`` rebuilds the string on every access)."""
        self.spans = find(text)
        self._starts = [s for s, _ in self.spans]

    def containing(self, start: int, end: int) -> tuple[int, int] | None:
        """The quote that contains ``[start, end)`` (marks may be left out), if any."""
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0:
            q_start, q_end = self.spans[i]
            if q_start <= start and end <= q_end:
                return self.spans[i]
        return None

    def inside(self, start: int, end: int) -> list[tuple[int, int]]:
        """Quotes that overlap ``[start, end)``."""
        i = max(bisect.bisect_right(self._starts, start) - 1, 0)
        found = []
        for q_start, q_end in self.spans[i:]:
            if q_start >= end:
                break
            if q_end > start:
                found.append((q_start, q_end))
        return found


def quote_kind(
    text: str,
    start: int,
    end: int,
    in_quotes: list[tuple[int, int]],
    own: list[tuple[int, int]],
) -> ClaimKind:
    """``direct`` when ``text[start:end]`` is quotations only (``own``: the claim's cue and
    speaker, left out), ``mixed`` with paraphrase around quotations, else ``indirect``."""
    if not in_quotes:
        return "indirect"
    outside = blank_spans(text, start, in_quotes[0][0], own) + blank_spans(
        text, in_quotes[-1][1], end, own
    )
    for (_, prev_end), (next_start, _) in zip(in_quotes, in_quotes[1:], strict=False):
        outside += blank_spans(text, prev_end, next_start, own)
    # "“We will win,” he said, “and soon.”": only punctuation between the quotes.
    if not outside.strip(EDGE_PUNCT + "“”\"'’"):
        return "direct"
    return "mixed"


def blank_spans(text: str, start: int, end: int, cut: list[tuple[int, int]]) -> str:
    """``text[start:end]`` with the ``cut`` spans left out."""
    chars = list(text[start:end])
    for c_start, c_end in cut:
        for i in range(max(c_start, start), min(c_end, end)):
            chars[i - start] = " "
    return "".join(chars)
