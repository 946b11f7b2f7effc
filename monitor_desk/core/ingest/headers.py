"""The ``Key: value`` header block at the top of a brief, and YAML front matter.

``Publication: Monitor Volume: 5 Issue: 177`` holds three pairs on one line; values may
contain spaces, parentheses and colons not followed by a space (``15:01:01.79``). A prose
first line such as ``Russia: the week ahead`` is not a header: the first line must start
with a known key or hold at least two pairs.
"""

from __future__ import annotations

import re

KEY_ALIASES: dict[str, str] = {
    "publication": "publication",
    "source": "publication",
    "publisher": "publication",
    "vol": "volume",
    "volume": "volume",
    "issue": "issue",
    "no": "issue",
    "number": "issue",
    "date": "date",
    "published": "date",
    "title": "title",
    "headline": "title",
    "author": "author",
    "by": "author",
    "byline": "author",
}
# A key is one word starting with a letter, followed by ":" and a space (or the line end),
# at the line start or after whitespace.
_KEY = re.compile(r"(?:^|(?<=\s))([A-Za-z][A-Za-z0-9_-]*):(?=\s|$)")
_LINE_START_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_-]*:(?:\s|$)")
_FRONT_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_ -]*?)\s*:(?:\s+(.*))?$")
# A lone unknown key whose value is a long sentence is prose, not metadata.
_MAX_PROSE_WORDS = 12


def normalise_key(key: str) -> str:
    lower = key.lower()
    return KEY_ALIASES.get(lower, lower)


def _pairs(line: str) -> list[tuple[str, str]]:
    """Split one header line into (raw key, value) pairs; [] if it is not a header line."""
    stripped = line.strip()
    if not _LINE_START_KEY.match(stripped):
        return []
    keys = list(_KEY.finditer(stripped))
    pairs: list[tuple[str, str]] = []
    for i, match in enumerate(keys):
        key = match.group(1)
        if normalise_key(key) == "title":
            # Titles contain colons: the value runs to the end of the line.
            pairs.append((key, stripped[match.end() :].strip()))
            break
        end = keys[i + 1].start() if i + 1 < len(keys) else len(stripped)
        pairs.append((key, stripped[match.end() : end].strip()))
    return pairs


def _is_header_line(pairs: list[tuple[str, str]], first: bool) -> bool:
    if not pairs:
        return False
    known = pairs[0][0].lower() in KEY_ALIASES
    if first:
        return known or len(pairs) >= 2
    return known or len(pairs) >= 2 or len(pairs[0][1].split()) <= _MAX_PROSE_WORDS


def _skip_blank_lines(text: str, pos: int) -> int:
    while pos < len(text):
        end = text.find("\n", pos)
        line = text[pos:] if end == -1 else text[pos:end]
        if line.strip():
            return pos
        pos = len(text) if end == -1 else end + 1
    return pos


def _store(metadata: dict[str, str], pairs: list[tuple[str, str]]) -> None:
    for key, value in pairs:
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        name = normalise_key(key.strip())
        if value and name not in metadata:  # the first occurrence wins
            metadata[name] = value


def _front_matter(text: str, start: int) -> tuple[dict[str, str], int] | None:
    """YAML front matter: ``---`` line, ``key: value`` lines, closing ``---`` line."""
    end_of_open = text.find("\n", start)
    if end_of_open == -1 or text[start:end_of_open].strip() != "---":
        return None
    pos = end_of_open + 1
    pairs: list[tuple[str, str]] = []
    while pos < len(text):
        end = text.find("\n", pos)
        line = text[pos:] if end == -1 else text[pos:end]
        pos = len(text) if end == -1 else end + 1
        if line.strip() in ("---", "..."):
            metadata: dict[str, str] = {}
            _store(metadata, pairs)
            return metadata, _skip_blank_lines(text, pos)
        match = _FRONT_KEY.match(line)
        if match and not line.startswith((" ", "\t", "-")):
            pairs.append((match.group(1).replace(" ", "_"), match.group(2) or ""))
    return None  # never closed: not front matter


def parse_header(text: str) -> tuple[dict[str, str], int]:
    """Return ``(metadata, body_start)`` for the header block at the top of ``text``.

    Keys are normalised (see KEY_ALIASES) or kept lower-cased; ``body_start`` is the
    code-point offset after the block and the blank lines that follow it (0 if none).
    """
    start = _skip_blank_lines(text, 0)
    if text.startswith("---", start):
        front = _front_matter(text, start)
        if front is not None:
            return front
    metadata: dict[str, str] = {}
    pos = start
    found = False
    while pos < len(text):
        end = text.find("\n", pos)
        line = text[pos:] if end == -1 else text[pos:end]
        pairs = _pairs(line)
        if not _is_header_line(pairs, first=not found):
            break
        _store(metadata, pairs)
        found = True
        pos = len(text) if end == -1 else end + 1
    if not found:
        return {}, 0
    return metadata, _skip_blank_lines(text, pos)
