"""Text-quote anchors (after the W3C Web Annotation selectors) and re-anchoring.

A highlight keeps code-point ``start``/``end``, the ``exact`` quote, up to
``CONTEXT_CHARS`` of ``prefix``/``suffix`` and the SHA-256 of the text it was made on.
When the text changes, :func:`reanchor` finds where the quote went, or says it is lost.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from difflib import SequenceMatcher

CONTEXT_CHARS = 32
MIN_FUZZY_SCORE = 0.75
_FUZZY_WINDOW = 2000


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Anchor:
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    text_sha256: str


def make_anchor(text: str, start: int, end: int, sha: str | None = None) -> Anchor:
    return Anchor(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
        text_sha256=sha or text_sha256(text),
    )


@dataclass(frozen=True, slots=True)
class Reanchored:
    start: int
    end: int
    method: str
    """``hash`` | ``offsets`` | ``exact`` | ``fuzzy`` | ``orphan``"""

    @property
    def orphan(self) -> bool:
        return self.method == "orphan"


def _context_score(text: str, start: int, end: int, anchor: Anchor) -> int:
    """How many characters of prefix/suffix agree next to a candidate (higher is better)."""
    score = 0
    before = text[max(0, start - len(anchor.prefix)) : start]
    for a, b in zip(reversed(before), reversed(anchor.prefix), strict=False):
        if a != b:
            break
        score += 1
    after = text[end : end + len(anchor.suffix)]
    for a, b in zip(after, anchor.suffix, strict=False):
        if a != b:
            break
        score += 1
    return score


def _exact_matches(text: str, quote: str) -> list[int]:
    found = []
    pos = text.find(quote)
    while pos != -1:
        found.append(pos)
        pos = text.find(quote, pos + 1)
    return found


def reanchor(anchor: Anchor, text: str, sha: str | None = None) -> Reanchored:
    """Locate ``anchor`` in ``text``: same hash, same offsets, exact quote, fuzzy, or orphan."""
    sha = sha or text_sha256(text)
    if sha == anchor.text_sha256:
        return Reanchored(anchor.start, anchor.end, "hash")
    if not anchor.exact:
        return Reanchored(anchor.start, anchor.end, "orphan")
    if text[anchor.start : anchor.end] == anchor.exact:
        return Reanchored(anchor.start, anchor.end, "offsets")
    matches = _exact_matches(text, anchor.exact)
    if matches:
        # Prefer the occurrence whose context agrees most, then the one nearest the old place.
        best = max(
            matches,
            key=lambda p: (
                _context_score(text, p, p + len(anchor.exact), anchor),
                -abs(p - anchor.start),
            ),
        )
        return Reanchored(best, best + len(anchor.exact), "exact")
    return _fuzzy(anchor, text)


def _fuzzy(anchor: Anchor, text: str) -> Reanchored:
    """Best approximate match of the quote near its old place, if it scores high enough."""
    quote = anchor.exact
    lo = max(0, anchor.start - _FUZZY_WINDOW)
    hi = min(len(text), anchor.end + _FUZZY_WINDOW)
    window = text[lo:hi]
    matcher = SequenceMatcher(None, window, quote, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return Reanchored(anchor.start, anchor.end, "orphan")
    # Grow the candidate around the longest shared block to the quote's length, then score
    # the candidate with its context so that a common phrase elsewhere does not win.
    longest = max(blocks, key=lambda b: b.size)
    cand_start = max(0, longest.a - longest.b)
    cand_end = min(len(window), cand_start + len(quote))
    best: tuple[float, int, int] = (0.0, cand_start, cand_end)
    for delta_s in range(-8, 9, 2):
        for delta_e in range(-8, 9, 2):
            s = max(0, cand_start + delta_s)
            e = min(len(window), cand_end + delta_e)
            if e <= s:
                continue
            ratio = SequenceMatcher(None, window[s:e], quote, autojunk=False).ratio()
            if ratio > best[0]:
                best = (ratio, s, e)
    ratio, s, e = best
    if ratio < MIN_FUZZY_SCORE:
        return Reanchored(anchor.start, anchor.end, "orphan")
    # Edges as the quote had them: no stray white space, never half a word.
    while s < e and window[s].isspace() and not quote[:1].isspace():
        s += 1
    while e > s and window[e - 1].isspace() and not quote[-1:].isspace():
        e -= 1
    while s > 0 and window[s - 1].isalnum() and window[s].isalnum() and quote[:1].isalnum():
        s -= 1
    while e < len(window) and window[e - 1].isalnum() and window[e].isalnum():
        e += 1
    return Reanchored(lo + s, lo + e, "fuzzy")
