"""Code points (core) ↔ UTF-16 units (Qt): the one place offsets are converted.

Core offsets count Unicode code points; ``QTextDocument`` positions count UTF-16 code
units, so every character outside the Basic Multilingual Plane (emoji, some CJK) takes two
Qt positions. Within text given to ``setPlainText`` a ``"\\n"`` becomes a paragraph
separator of length one, so newlines need no correction — but ``"\\r\\n"`` collapses into a
single separator, which is why ``document_text`` keeps the length by turning it into
``" \\n"`` before the text reaches Qt.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ...core.unwrap import unwrap

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def document_text(text: str) -> str:
    """``text`` as it must be given to ``setPlainText`` so that positions line up, with
    hard-wrapped lines joined into paragraphs (``core/unwrap.py``: same length)."""
    text = unwrap(text)
    return text.replace("\r\n", " \n") if "\r" in text else text


class OffsetMap:
    """Converts offsets into one text between code points and UTF-16 units.

    Attributes:
        length: the text's length in code points.
        utf16_length: the text's length in UTF-16 units.
    """

    __slots__ = ("_astral_cp", "_astral_u16", "length", "utf16_length")

    def __init__(self, text: str) -> None:
        # Only astral characters shift positions; remember where they are (sorted), so
        # a conversion is one binary search and an all-BMP text costs nothing.
        self._astral_cp = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_u16 = [cp + n for n, cp in enumerate(self._astral_cp)]
        self.length = len(text)
        self.utf16_length = self.length + len(self._astral_cp)

    def to_utf16(self, cp: int) -> int:
        """The UTF-16 position of code point offset ``cp`` (clamped to the text)."""
        cp = max(0, min(cp, self.length))
        return cp + bisect_left(self._astral_cp, cp)

    def to_code_point(self, u16: int) -> int:
        """The code point offset at UTF-16 position ``u16``.

        A position inside a surrogate pair (between its two halves) maps to the start of
        that character.
        """
        u16 = max(0, min(u16, self.utf16_length))
        before = bisect_right(self._astral_u16, u16 - 1)  # astral chars starting before u16
        if before and self._astral_u16[before - 1] == u16 - 1:
            # u16 points at the low surrogate of a pair: snap back to the character start
            return u16 - 1 - (before - 1)
        return u16 - before

    def span_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        return self.to_utf16(start), self.to_utf16(end)


def to_utf16(text: str, cp: int) -> int:
    """One-off conversion; build an ``OffsetMap`` to convert many offsets of one text."""
    return OffsetMap(text).to_utf16(cp)


def to_code_point(text: str, u16: int) -> int:
    return OffsetMap(text).to_code_point(u16)
