"""A PDF's text lines made into paragraphs: page furniture dropped, columns read in order,
lines joined (hyphenated line ends mended), and the page of every character kept.

Pure geometry over ``Line`` records (no PDF library here): ``pdf.py`` reads the lines.
Coordinates are PDF points with y growing upwards, as the PDF and pdfminer give them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
     "\ufb05": "st", "\ufb06": "st", "\u00ad": ""}
)  # fmt: skip
_SPACES = re.compile(r"[^\S\n]+")
_PAGE_NUMBER = re.compile(
    r"^(?:page|p\.|seite|стр\.?|страница)?\s*[-\u2013\u2014(\[]?\s*"
    r"(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-\u2013\u2014)\]]?(?:\s*(?:of|/|из)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_INDENT = 6.0
"""A first line indented by more than this (points) starts a paragraph."""
_SENTENCE_ENDS = (".", ":", "!", "?", '"', "\u201d")
MARGIN_SHARE = 0.12
"""Furniture lives in the top and bottom 12% of a page."""
REPEAT_SHARE = 0.5
"""A line counts as running furniture when it recurs on at least half of the pages."""


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text on a page (PDF points, y upwards)."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str


@dataclass(frozen=True, slots=True)
class Page:
    width: float
    height: float
    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class Laid:
    """The document's text and the offset where each page's text starts."""

    text: str
    page_starts: tuple[int, ...]


def clean(text: str) -> str:
    """One line's text: ligatures spelled out, soft hyphens and odd spaces (a tab
    between words is common) made plain."""
    return _SPACES.sub(" ", text.translate(_LIGATURES)).strip()


def _furniture_key(text: str) -> str:
    return _DIGITS.sub("#", text.lower())


def _in_margin(line: Line, page: Page) -> bool:
    band = page.height * MARGIN_SHARE
    return line.y0 >= page.height - band or line.y1 <= band


def _on_page(line: Line, page: Page) -> bool:
    """Text drawn off the page (or at nonsense coordinates a damaged file gives) is not
    seen in any PDF reader: it is left out."""
    coords = (line.x0, line.y0, line.x1, line.y1)
    if not all(math.isfinite(c) for c in coords):
        return False
    return line.x1 > 0 and line.x0 < page.width and line.y1 > 0 and line.y0 < page.height


def visible(pages: Sequence[Page]) -> list[Page]:
    return [Page(p.width, p.height, tuple(ln for ln in p.lines if _on_page(ln, p))) for p in pages]


def drop_furniture(pages: Sequence[Page]) -> list[list[Line]]:
    """Each page's body lines: running headers and footers (the same words, page numbers
    aside, in the margin band of at least half the pages) and lone page numbers in the
    margins are left out."""
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({_furniture_key(ln.text) for ln in page.lines if _in_margin(ln, page)})
    needed = max(2, int(len(pages) * REPEAT_SHARE + 0.5))
    running = {key for key, n in counts.items() if n >= needed}
    kept = []
    for page in pages:
        kept.append(
            [
                ln
                for ln in page.lines
                if not (
                    _in_margin(ln, page)
                    and (_furniture_key(ln.text) in running or _PAGE_NUMBER.match(ln.text))
                )
            ]
        )
    return kept


def _gutters(lines: Sequence[Line], left: float, right: float) -> list[float]:
    """x positions of the empty vertical bands between columns (no line crosses them)."""
    width = right - left
    if not 0 < width < 20_000 or len(lines) < 6:  # points: a page is at most ~200 inches
        return []
    narrow = [ln for ln in lines if ln.x1 - ln.x0 < width * 0.6]
    if len(narrow) < 6:
        return []
    bins = int(width) + 1
    covered = [0] * bins
    for ln in narrow:
        for b in range(max(0, int(ln.x0 - left)), min(bins, int(ln.x1 - left) + 1)):
            covered[b] += 1
    gutters: list[float] = []
    run_start: int | None = None
    for b in range(bins + 1):
        empty = b < bins and covered[b] == 0
        if empty and run_start is None:
            run_start = b
        elif not empty and run_start is not None:
            if run_start > 0 and b < bins and b - run_start >= 6:
                gutters.append(left + (run_start + b) / 2)
            run_start = None
    # A column needs a few lines of its own on each side of the gutter.
    edges = [left, *gutters, right + 1]
    sides = [
        sum(1 for ln in narrow if edges[i] <= ln.x0 < edges[i + 1]) for i in range(len(edges) - 1)
    ]
    return gutters if all(n >= 3 for n in sides) else []


def reading_order(lines: Sequence[Line]) -> list[list[Line]]:
    """The page's lines as columns in reading order, each column top to bottom. A line
    wider than a column (a title across the page) starts a new band: columns are read
    within each band, bands from the top down."""
    if not lines:
        return []
    left = min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)
    gutters = _gutters(lines, left, right)
    top_down = sorted(lines, key=lambda ln: (-ln.y1, ln.x0))
    if not gutters:
        return [top_down]

    def column(ln: Line) -> int | None:
        for i, g in enumerate(gutters):
            if ln.x1 <= g:
                return i
            if ln.x0 < g:
                return None  # crosses a gutter: spans the columns
        return len(gutters)

    out: list[list[Line]] = []
    band: list[list[Line]] = [[] for _ in range(len(gutters) + 1)]
    for ln in top_down:
        col = column(ln)
        if col is None:
            out.extend(c for c in band if c)
            band = [[] for _ in range(len(gutters) + 1)]
            out.append([ln])
        else:
            band[col].append(ln)
    out.extend(c for c in band if c)
    return out


def _resized(a: Line, b: Line) -> bool:
    """The type size changes between two lines (by a quarter or more)."""
    ha, hb = a.y1 - a.y0, b.y1 - b.y0
    return min(ha, hb) > 0 and max(ha, hb) / min(ha, hb) >= 1.25


def _line_spacing(col: Sequence[Line]) -> float:
    """The usual distance between two lines of a paragraph: the lower quartile of the
    gaps (paragraph breaks are the larger ones; a median of few gaps would count them)."""
    gaps = sorted(a.y0 - b.y0 for a, b in zip(col, col[1:], strict=False) if a.y0 > b.y0)
    return gaps[len(gaps) // 4] if gaps else 0.0


def _joined(paragraph: str, line: str) -> str:
    if not paragraph:
        return line
    if (
        paragraph.endswith("-")
        and len(paragraph) > 1
        and paragraph[-2].isalpha()
        and line[:1].islower()
    ):
        return paragraph[:-1] + line  # "gover-" + "nor"
    return f"{paragraph} {line}"


def lay_out(pages: Sequence[Page]) -> Laid:
    """The text of the whole document: paragraphs separated by a blank line, a paragraph
    running on over a column or a page kept whole."""
    body = drop_furniture(visible(pages))
    paragraphs: list[str] = []
    current = ""
    starts_at: list[tuple[int, int]] = []  # (paragraph index, offset inside it) per page
    prev_full = False  # the last line reached its column's right edge: the text runs on
    last: Line | None = None  # the line before, in any column
    for lines in body:
        page_mark: tuple[int, int] | None = None
        for col in reading_order(lines):
            spacing = _line_spacing(col)
            right = max(ln.x1 for ln in col)
            left = min(ln.x0 for ln in col)
            width = right - left
            prev: Line | None = None
            for ln in col:
                text = clean(ln.text)
                if not text:
                    continue
                if prev is not None:
                    gap = prev.y0 - ln.y0
                    indented = ln.x0 > left + _INDENT and prev.x0 <= left + 2
                    resized = _resized(prev, ln)  # a heading and its text
                    new_para = indented or resized or (spacing > 0 and gap > spacing * 1.35)
                else:
                    # A column's first line: indented, it starts a paragraph; else the text
                    # runs on unless the last line ended a sentence short of its column's edge.
                    ended = not prev_full and current.endswith(_SENTENCE_ENDS)
                    resized = last is not None and _resized(last, ln)
                    new_para = ln.x0 > left + _INDENT or ended or resized
                if new_para and current:
                    paragraphs.append(current)
                    current = ""
                current = _joined(current, text)
                if page_mark is None:
                    page_mark = (len(paragraphs), len(current) - len(text))
                prev_full = ln.x1 >= right - width * 0.25
                prev = last = ln
        starts_at.append(page_mark if page_mark is not None else (len(paragraphs), len(current)))
    if current:
        paragraphs.append(current)
    offsets = [0]
    for para in paragraphs:
        offsets.append(offsets[-1] + len(para) + 2)
    page_starts = tuple(min(offsets[p] + inside, offsets[-1]) for p, inside in starts_at)
    return Laid("\n\n".join(paragraphs) + ("\n" if paragraphs else ""), page_starts)
