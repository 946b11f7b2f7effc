"""Long texts in pieces the model can take: paragraphs grouped into chunks.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters, error E088), and its
memory grows with the text in flight. A long masked body is cut at paragraph breaks into
chunks of at most ``limit`` characters (a paragraph longer than that at a line break, a
sentence end or a space, a hard cut only when there is none); each chunk keeps an
``OffsetMap`` from its own offsets to the full text, so everything found in it maps back.
"""

from __future__ import annotations

import bisect
import re

from .paragraphs import PARAGRAPH_BREAK
from .prepare import OffsetMap, Prepared

_SOFT_BREAKS = (re.compile(r"\n"), re.compile(r"[.!?][\"'”’)]*\s"), re.compile(r"\s"))


def _cut_long(text: str, start: int, end: int, limit: int) -> list[int]:
    """Cut points inside one paragraph ``text[start:end]`` longer than ``limit``."""
    cuts: list[int] = []
    while end - start > limit:
        cut = start + limit
        for pattern in _SOFT_BREAKS:
            found = [m.end() for m in pattern.finditer(text, start + limit // 2, start + limit)]
            if found:
                cut = found[-1]
                break
        cuts.append(cut)
        start = cut
    return cuts


def chunk_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) spans covering ``text`` in order, each at most ``limit`` long."""
    if len(text) <= limit:
        return [(0, len(text))]
    # Paragraph ends (after the break's white space), then long paragraphs cut softly.
    ends = [m.end() for m in PARAGRAPH_BREAK.finditer(text)]
    cuts: list[int] = []
    prev = 0
    for end in [*ends, len(text)]:
        if end <= prev:
            continue
        cuts.extend(_cut_long(text, prev, end, limit))
        cuts.append(end)
        prev = end
    # Group consecutive pieces greedily up to the limit.
    bounds: list[tuple[int, int]] = []
    start = 0
    last = 0
    for cut in cuts:
        if cut - start > limit and last > start:
            bounds.append((start, last))
            start = last
        last = cut
    if last > start:
        bounds.append((start, last))
    return bounds


def shift_map(offsets: OffsetMap, start: int) -> OffsetMap:
    """The map for a chunk of the masked text that begins at ``start``."""
    k = max(bisect.bisect_right(offsets.masked_starts, start) - 1, 0)
    masked = [0] + [m - start for m in offsets.masked_starts[k + 1 :]]
    full = [offsets.start(start)] + list(offsets.full_starts[k + 1 :])
    return OffsetMap(tuple(masked), tuple(full))


def chunk_prepared(prep: Prepared, start: int, end: int) -> Prepared:
    """``prep`` narrowed to ``masked[start:end]`` (full text and citations stay whole)."""
    if (start, end) == (0, len(prep.masked)):
        return prep
    return Prepared(
        prep.text,
        prep.body_start,
        prep.masked[start:end],
        shift_map(prep.offsets, start),
        prep.citations,
    )
