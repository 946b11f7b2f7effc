"""What the model sees: the body only, citations cut out, all-caps lines case-restored.

Cutting a citation (and the spaces before it) keeps the parse of the sentence intact
("... there (Reuters, September 25)." becomes "... there."); ``OffsetMap`` maps every
offset of the masked text back to the full text. Case restoration changes letters only,
never lengths, so it needs no mapping.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..models import Citation

_WORD_RE = re.compile(r"[^\W\d_][\w'’.-]*")
_SPACES_BEFORE = " \t\u00a0"


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Piecewise map from masked-text offsets to full-text offsets (kept chunks)."""

    masked_starts: tuple[int, ...]
    full_starts: tuple[int, ...]

    def start(self, pos: int) -> int:
        k = max(bisect.bisect_right(self.masked_starts, pos) - 1, 0)
        return self.full_starts[k] + pos - self.masked_starts[k]

    def end(self, pos: int) -> int:
        # An end at a chunk boundary belongs to the chunk before the cut.
        k = max(bisect.bisect_left(self.masked_starts, pos) - 1, 0)
        return self.full_starts[k] + pos - self.masked_starts[k]


@dataclass(frozen=True, slots=True)
class Prepared:
    text: str
    """The full text."""
    body_start: int
    masked: str
    """What the model is given."""
    offsets: OffsetMap
    citations: tuple[Citation, ...]


def mask_body(text: str, body_start: int, cuts: Sequence[tuple[int, int]]) -> tuple[str, OffsetMap]:
    """Body text with the ``cuts`` (full-text spans, sorted) removed, plus the offset map."""
    pieces: list[str] = []
    masked_starts: list[int] = []
    full_starts: list[int] = []
    pos = body_start
    length = 0
    for start, end in cuts:
        cut_from = start
        while cut_from > pos and text[cut_from - 1] in _SPACES_BEFORE:
            cut_from -= 1
        if cut_from < pos:
            continue
        masked_starts.append(length)
        full_starts.append(pos)
        pieces.append(text[pos:cut_from])
        length += cut_from - pos
        pos = end
    masked_starts.append(length)
    full_starts.append(pos)
    pieces.append(text[pos:])
    return "".join(pieces), OffsetMap(tuple(masked_starts), tuple(full_starts))


def _is_caps_line(line: str) -> bool:
    return line == line.upper() and line != line.lower() and sum(map(str.isalpha, line)) >= 4


def restore_case(masked: str, known: Mapping[str, str] | None = None) -> str:
    """Re-case the words of ALL-CAPS lines (headlines, datelines) the way they are written
    elsewhere in the text, else as in ``known`` (lower-case word -> form, e.g. from the
    gazetteer), else in lower case. The small model tags all-caps text badly; lengths
    never change."""
    lines = masked.split("\n")
    caps = [i for i, line in enumerate(lines) if _is_caps_line(line)]
    if not caps:
        return masked
    seen: dict[str, str] = {}
    caps_set = set(caps)
    for i, line in enumerate(lines):
        if i in caps_set:
            continue
        for word in _WORD_RE.findall(line):
            low = word.lower()
            # Seen in lower case anywhere means a common word, whatever else was seen.
            if word == low or low not in seen:
                seen[low] = word
    forms = {**known, **seen} if known else seen
    for i in caps:
        lines[i] = _WORD_RE.sub(lambda m: _restore_word(m.group(0), forms), lines[i])
    return "\n".join(lines)


def _restore_word(word: str, forms: Mapping[str, str]) -> str:
    low = word.lower()
    new = forms.get(low, low)
    return new if len(new) == len(word) else word


def prepare(
    text: str,
    body_start: int,
    citations: Sequence[Citation],
    known: Mapping[str, str] | None = None,
) -> Prepared:
    # Parentheses only: "по данным «Коммерсанта»" is part of its sentence (and a claim cue)
    cut = [(c.start, c.end) for c in citations if c.text.startswith("(")]
    masked, offsets = mask_body(text, body_start, cut)
    return Prepared(text, body_start, restore_case(masked, known), offsets, tuple(citations))
