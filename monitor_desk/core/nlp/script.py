"""Which script a text is written in: the spaCy model reads English, in Latin letters."""

from __future__ import annotations

_SAMPLE = 5000
_LATIN_END = "\u0250"  # Basic Latin to Latin Extended-B


def latin_script(text: str) -> bool:
    """Whether at least half the letters of (the first 5,000 characters of) ``text`` are
    Latin; texts with almost no letters count as Latin."""
    letters = [c for c in text[:_SAMPLE] if c.isalpha()]
    if len(letters) < 20:
        return True
    return sum(1 for c in letters if c < _LATIN_END) >= 0.5 * len(letters)
