"""Hard-wrapped text read as paragraphs: a display-only transform that keeps every offset.

Wire copy and e-mail digests break lines at a fixed width (Reuters at ~65 characters), so a
sentence shows as "… to discuss the 20 / days …" broken mid-phrase. ``unwrap`` replaces the
newline inside a paragraph with one space (or, after a hyphen, a zero-width space), so the
result has exactly the stored text's length and every offset — highlights, entities, claims,
search hits — stays where it is. Only the display changes; nothing stored is rewritten.

A newline is a wrap (joined) when the text is hard-wrapped at all (most of its lines end near
one width) and the line before it reaches near that width while the next line is prose: not
blank, not indented (an indented line starts a paragraph in wire copy), not a list item.
"""

from __future__ import annotations

import re

ZERO_WIDTH_SPACE = "\u200b"
_MIN_LINES = 4  # fewer lines than this are never treated as hard-wrapped
_MAX_WIDTH = 100  # longer lines are paragraphs already, not a wrap width
_NEAR_WIDTH = 0.6  # a line at least this share of the width ends in a wrap
_WRAPPED_SHARE = 0.5  # ... and at least this share of the long lines must do so
_LIST_ITEM = re.compile(r"(?:[-*•–—]\s|\d{1,3}[.)]\s|[a-z][.)]\s)")


def wrap_width(lines: list[str]) -> int | None:
    """The width the text was wrapped at, or None when it does not look hard-wrapped."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < _MIN_LINES:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]  # the 90th percentile: a few long lines
    if width < 30 or width > _MAX_WIDTH:  # (headers) do not set the width
        return None
    near = sum(1 for n in lengths if n >= _NEAR_WIDTH * width)
    return width if near >= _WRAPPED_SHARE * len(lengths) else None


def _joins(line: str, following: str, width: int) -> bool:
    if len(line.rstrip()) < _NEAR_WIDTH * width or not line.strip():
        return False
    if not following.strip() or following[:1].isspace():
        return False
    return not _LIST_ITEM.match(following)


def unwrap(text: str) -> str:
    """``text`` with its wrapping newlines replaced by a space (a zero-width space after a
    hyphen); the same length, so offsets are unchanged. Unwrapped text comes back as it is."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text
    out: list[str] = []
    for i, line in enumerate(lines[:-1]):
        following = lines[i + 1]
        if not _joins(line, following, width):
            out.append(line)
            out.append("\n")
            continue
        if line.endswith("\r"):  # a CRLF wrap: both characters become spaces
            line = line[:-1] + " "
        out.append(line)
        hyphen = line.endswith("-") and following[:1].islower()
        out.append(ZERO_WIDTH_SPACE if hyphen else " ")
    out.append(lines[-1])
    return "".join(out)
