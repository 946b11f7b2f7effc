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
    """Best approximate match of the quote near its old place, if it scores high enough.

    Candidates come first from the surviving context (an edit inside a quote leaves its
    prefix and suffix standing), then from the longest runs shared with the quote. A candidate
    is judged with its context, so that a similar phrase elsewhere in the article does not win,
    and it must clear ``MIN_FUZZY_SCORE`` both alone and with its context, as finally trimmed.
    """
    quote = anchor.exact
    lo = max(0, anchor.start - _FUZZY_WINDOW)
    hi = min(len(text), anchor.end + _FUZZY_WINDOW)
    found = _best(anchor, text, _context_candidates(anchor, text, lo, hi))
    if found is None:
        window = text[lo:hi]
        matcher = SequenceMatcher(None, window, quote, autojunk=False)
        blocks = sorted((b for b in matcher.get_matching_blocks() if b.size), key=lambda b: -b.size)
        starts = {lo + max(0, b.a - b.b) for b in blocks[:_BLOCK_CANDIDATES]}
        found = _best(anchor, text, [(st, st + len(quote), True) for st in starts])
    if found is None:
        return Reanchored(anchor.start, anchor.end, "orphan")
    return Reanchored(found[0], found[1], "fuzzy")


_BLOCK_CANDIDATES = 4
_NUDGES = range(-8, 9, 2)


def _context_candidates(anchor: Anchor, text: str, lo: int, hi: int) -> list[tuple[int, int, bool]]:
    """Spans after a surviving prefix and/or before a surviving suffix, and whether to nudge.

    A span fenced by both is exactly the (edited) quote, so it is taken as it stands.
    """
    n = len(anchor.exact)
    window = text[lo:hi]
    after = [p + len(anchor.prefix) for p in _exact_matches(window, anchor.prefix)]
    before = _exact_matches(window, anchor.suffix) if anchor.suffix else []
    spans: list[tuple[int, int, bool]] = []
    for a in after if anchor.prefix else []:
        ends = [b for b in before if a <= b <= a + 2 * n + CONTEXT_CHARS]
        if ends:
            spans.append((lo + a, lo + ends[0], False))
        else:
            spans.append((lo + a, lo + a + n, True))
    if not spans:
        spans = [(lo + b - n, lo + b, True) for b in before if b >= n]
    return spans[:8]


def _snap(text: str, s: int, e: int, quote: str) -> tuple[int, int]:
    """Edges as the quote had them: no stray white space, never half a word."""
    s, e = max(0, s), min(len(text), e)
    while s < e and text[s].isspace() and not quote[:1].isspace():
        s += 1
    while e > s and text[e - 1].isspace() and not quote[-1:].isspace():
        e -= 1
    while s > 0 and s < e and text[s - 1].isalnum() and text[s].isalnum() and quote[:1].isalnum():
        s -= 1
    while 0 < e < len(text) and text[e - 1].isalnum() and text[e].isalnum():
        e += 1
    return s, e


def _best(
    anchor: Anchor, text: str, candidates: list[tuple[int, int, bool]]
) -> tuple[int, int] | None:
    """The candidate (nudged by up to 8 characters each end) that scores best, if good enough."""
    quote = anchor.exact
    alone = SequenceMatcher(None, autojunk=False)
    alone.set_seq2(quote)  # b2j is built once for all candidates
    framed = SequenceMatcher(None, autojunk=False)
    framed.set_seq2(anchor.prefix + quote + anchor.suffix)
    seen: set[tuple[int, int]] = set()
    best: tuple[float, float, int, int] | None = None
    for cs, ce, nudge in candidates:
        # Nudge one end, then the other, about the best so far: 17 tries instead of 81.
        spans = [(cs, ce)]
        if nudge:
            spans = [(cs + d, ce) for d in _NUDGES]
        for stage in (0, 1) if nudge else (0,):
            for span in spans:
                s, e = _snap(text, span[0], span[1], quote)
                if e <= s or (s, e) in seen:
                    continue
                seen.add((s, e))
                score = _score(alone, framed, text, s, e, anchor)
                if score is not None and (best is None or score > best[:2]):
                    best = (score[0], score[1], s, e)
            if stage == 0 and nudge:
                base_s = best[2] if best is not None and best[2] - cs in range(-16, 17) else cs
                spans = [(base_s, ce + d) for d in _NUDGES]
    return None if best is None else (best[2], best[3])


def _score(
    alone: SequenceMatcher[str],
    framed: SequenceMatcher[str],
    text: str,
    s: int,
    e: int,
    anchor: Anchor,
) -> tuple[float, float] | None:
    """(ratio with context, ratio alone) for ``text[s:e]``, or None below the threshold."""
    alone.set_seq1(text[s:e])
    if alone.real_quick_ratio() < MIN_FUZZY_SCORE or alone.quick_ratio() < MIN_FUZZY_SCORE:
        return None
    ratio = alone.ratio()
    if ratio < MIN_FUZZY_SCORE:
        return None
    framed.set_seq1(text[max(0, s - len(anchor.prefix)) : e + len(anchor.suffix)])
    with_context = framed.ratio()
    return None if with_context < MIN_FUZZY_SCORE else (with_context, ratio)
