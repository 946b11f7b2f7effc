"""Highlights survive edits to real articles (issue 9 item 7).

1,000 highlights (quotes of 3-25 words) over about 100 news articles from the shared corpus.
Each article is then edited the way a re-issued brief is: a word or a sentence inserted,
deleted or replaced. Edits outside a quote must leave it anchored on its quote; edits inside a
quote must give a fuzzy match where the edited quote now sits, or an orphan, never a highlight
on other text. Edits are applied by the test itself, so it always knows where the quote went.
"""

from __future__ import annotations

import os
import random
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from monitor_desk.core.anchoring import CONTEXT_CHARS, MIN_FUZZY_SCORE, make_anchor, reanchor

pytestmark = pytest.mark.corpus

CORPUS = Path(
    os.environ.get(
        "MONITOR_DESK_CORPUS", Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
    )
)

SEED = 20260909
ARTICLES = 100
HIGHLIGHTS = 1000

# Text the edits put in: written for this test, deliberately plain.
WORDS = (
    "officials",
    "reportedly",
    "regional",
    "meanwhile",
    "committee",
    "northern",
    "quietly",
    "budget",
    "several",
    "observers",
)
SENTENCES = (
    "Observers expect a further statement later in the week.",
    "The ministry did not reply to a request for comment.",
    "Details of the arrangement were not made public.",
    "A spokesman declined to give figures.",
)

_WORD = re.compile(r"\S+")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]+\s*")


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    new: str


def _bodies(corpus: Path) -> list[str]:
    """Body paragraphs of each news article: blocks of >= 20 words (drops headers, titles)."""
    news = corpus / "news"
    if not news.is_dir():
        pytest.skip("the corpus has no news folder")
    files = sorted(p for p in news.rglob("*.txt") if p.is_file())
    rng = random.Random(SEED)
    rng.shuffle(files)
    bodies = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        blocks = [b.strip() for b in re.split(r"\n\s*\n", text)]
        body = "\n\n".join(b for b in blocks if len(b.split()) >= 20)
        if len(body.split()) >= 120:
            bodies.append(body)
        if len(bodies) == ARTICLES:
            break
    if len(bodies) < ARTICLES // 2:
        pytest.skip("too few news articles in the corpus")
    return bodies


def _highlights(corpus: Path) -> list[tuple[str, int, int]]:
    """(text, start, end) triples: quotes of 3-25 whole words, spread over the articles."""
    rng = random.Random(SEED + 1)
    bodies = _bodies(corpus)
    out = []
    for i in range(HIGHLIGHTS):
        text = bodies[i % len(bodies)]
        words = list(_WORD.finditer(text))
        n = rng.randint(3, 25)
        first = rng.randrange(0, len(words) - n)
        out.append((text, words[first].start(), words[first + n - 1].end()))
    return out


@pytest.fixture(scope="module")
def highlights() -> list[tuple[str, int, int]]:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return _highlights(CORPUS)


def _apply(text: str, start: int, end: int, edit: Edit) -> tuple[str, int, int]:
    """The edited text and where the (possibly edited) quote now sits."""
    delta = len(edit.new) - (edit.end - edit.start)
    new_text = text[: edit.start] + edit.new + text[edit.end :]
    if edit.end <= start and (edit.start < start or edit.start == edit.end):
        return new_text, start + delta, end + delta
    if edit.start >= end:
        return new_text, start, end
    return new_text, start, end + delta  # inside the quote


def _edit_in(rng: random.Random, text: str, lo: int, hi: int, sentences: bool) -> Edit | None:
    """A random word or sentence insert/delete/replace lying wholly inside ``[lo, hi)``."""
    pattern = _SENTENCE if sentences else _WORD
    units = [m for m in pattern.finditer(text) if lo <= m.start() and m.end() <= hi]
    if not units:
        return None
    unit = rng.choice(units)
    kind = rng.choice(("insert", "delete", "replace"))
    if sentences:
        fresh = rng.choice(SENTENCES) + " "
        s, e = unit.start(), unit.end()
    else:
        fresh = rng.choice(WORDS)
        s, e = unit.start(), unit.end()
        if kind != "replace":
            # Take or give the space after the word too, so words never run together.
            fresh += " "
            e = min(hi, e + 1) if text[e : e + 1] == " " else e
    if kind == "insert":
        return Edit(s, s, fresh)
    if kind == "delete":
        return Edit(s, e, "")
    if unit.group().strip() == fresh.strip():
        return None
    return Edit(s, e, fresh.rstrip() if not sentences else fresh)


def _edit_elsewhere(rng: random.Random, text: str, start: int, end: int, near: bool) -> Edit | None:
    """An edit outside the quote: in its context if ``near``, else beyond the context."""
    if near:
        spans = [(max(0, start - CONTEXT_CHARS), start), (end, min(len(text), end + CONTEXT_CHARS))]
        sentences = False
    else:
        spans = [(0, max(0, start - CONTEXT_CHARS)), (end + CONTEXT_CHARS, len(text))]
        sentences = rng.random() < 0.4
    lo, hi = rng.choice(spans)
    return _edit_in(rng, text, lo, hi, sentences)


def test_edits_outside_a_quote_keep_it_anchored(highlights: list[tuple[str, int, int]]) -> None:
    rng = random.Random(SEED + 2)
    on_quote = same_place = near_edits = 0
    wrong: list[str] = []
    for text, start, end in highlights:
        quote = text[start:end]
        anchor = make_anchor(text, start, end)
        new_text, s, e = text, start, end
        for _ in range(rng.randint(1, 3)):
            edit = _edit_elsewhere(rng, new_text, s, e, near=False)
            if edit:
                new_text, s, e = _apply(new_text, s, e, edit)
        if rng.random() < 0.3:  # one in three also has its context touched
            edit = _edit_elsewhere(rng, new_text, s, e, near=True)
            if edit:
                near_edits += 1
                new_text, s, e = _apply(new_text, s, e, edit)
        assert new_text[s:e] == quote  # the test's own bookkeeping
        r = reanchor(anchor, new_text)
        got = new_text[r.start : r.end]
        on_quote += got == quote
        same_place += (r.start, r.end) == (s, e)
        if r.orphan:
            continue
        if got != quote:
            score = SequenceMatcher(None, got, quote, autojunk=False).ratio()
            if r.method != "fuzzy" or score < MIN_FUZZY_SCORE:
                wrong.append(f"{r.method}: {quote!r} -> {got!r}")
    n = len(highlights)
    figures = (
        f"{on_quote}/{n} on their quote ({100 * on_quote / n:.1f}%), "
        f"{same_place}/{n} at the same occurrence ({100 * same_place / n:.1f}%), "
        f"{near_edits} with an edit inside the {CONTEXT_CHARS}-char context"
    )
    print(figures)  # shown with -s: the figures for docs/RELIABILITY.md
    assert not wrong, f"{len(wrong)} landed on other text: {wrong[:5]}; {figures}"
    assert on_quote >= 0.99 * n, figures
    assert near_edits >= n // 5, figures  # the context edits really happened


def _edit_inside(rng: random.Random, text: str, start: int, end: int) -> Edit | None:
    """Change, delete or insert one word strictly within the quote."""
    words = [m for m in _WORD.finditer(text, start, end)]
    i = rng.randrange(len(words))
    w = words[i]
    kind = rng.choice(("change", "delete", "insert"))
    fresh = rng.choice(WORDS)
    if kind == "change":
        return None if w.group() == fresh else Edit(w.start(), w.end(), fresh)
    if kind == "insert":
        return Edit(w.start(), w.start(), fresh + " ") if i else Edit(w.end(), w.end(), " " + fresh)
    if i + 1 < len(words):
        return Edit(w.start(), words[i + 1].start(), "")
    return Edit(words[i - 1].end(), w.end(), "")


def test_edits_inside_a_quote_fuzzy_match_or_orphan(
    highlights: list[tuple[str, int, int]],
) -> None:
    rng = random.Random(SEED + 3)
    counts = {"fuzzy": 0, "orphan": 0, "exact elsewhere": 0}
    wrong: list[str] = []
    for text, start, end in highlights:
        quote = text[start:end]
        anchor = make_anchor(text, start, end)
        edit = None
        while edit is None:
            edit = _edit_inside(rng, text, start, end)
        new_text, s, e = _apply(text, start, end, edit)
        r = reanchor(anchor, new_text)
        got = new_text[r.start : r.end]
        if r.orphan:
            counts["orphan"] += 1
        elif r.method == "fuzzy" and r.start < e and s < r.end:
            counts["fuzzy"] += 1
        elif r.method == "exact" and got == quote and text.count(quote) > 1:
            # The same words also stand elsewhere in the article: not other text.
            counts["exact elsewhere"] += 1
        else:
            wrong.append(f"{r.method} at {r.start}-{r.end} (quote now {s}-{e}): {got!r}")
    n = len(highlights)
    figures = ", ".join(f"{k} {v}/{n} ({100 * v / n:.1f}%)" for k, v in counts.items())
    print(figures)
    assert not wrong, f"{len(wrong)} landed elsewhere: {wrong[:5]}; {figures}"
    # Most one-word edits leave a quote recognisable; a wholesale orphaning would be a bug.
    assert counts["fuzzy"] >= n // 2, figures
