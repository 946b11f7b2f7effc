"""Main text of an HTML page: no markup, no scripts, no navigation boilerplate.

Built on the stdlib ``html.parser``, which is iterative: a page nested 100,000 levels deep
cannot exhaust the stack. We keep counters of open elements rather than a tree, so each tag
costs O(1) and badly closed markup degrades gracefully.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

# Contents never shown as text.
_HIDDEN = frozenset(
    {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas"}
    | {"select", "button", "datalist", "audio", "video", "map"}
)
# Page furniture around the article. A <header> inside <article>/<main> is the article's own
# header (its headline), so it is kept there.
_BOILERPLATE = frozenset({"nav", "header", "footer", "aside", "form", "menu"})
_HEAD_ONLY = frozenset({"title", "meta", "link", "base", "style", "script", "noscript", "head"})
_BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog"}
    | {"dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1"}
    | {"h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "nav"}
    | {"ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul"}
    | {"caption", "legend", "menu", "title", "head", "option", "frameset", "noframes"}
)
_CELLS = frozenset({"td", "th"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "base", "col", "area", "wbr"})
_TRACKED = _HIDDEN | _BOILERPLATE | {"article", "main", "pre", "head", "title", "h1"}
_SPACES = re.compile(r"[ \t\n\r\f]+")  # HTML whitespace only: U+00A0 is content
_META_KEYS: dict[str, str] = {
    "og:title": "title",
    "twitter:title": "title",
    "title": "title",
    "dc.title": "title",
    "author": "author",
    "article:author": "author",
    "dc.creator": "author",
    "byl": "author",
    "date": "date",
    "article:published_time": "date",
    "og:published_time": "date",
    "dc.date": "date",
    "dcterms.date": "date",
    "dc.date.issued": "date",
    "pubdate": "date",
    "publishdate": "date",
    "publish-date": "date",
    "sailthru.date": "date",
}
_LINE_BREAK = "\x00"  # stands for <br> until whitespace is collapsed


@dataclass(slots=True)
class _Block:
    text: str
    in_article: bool
    in_main: bool
    boilerplate: bool


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: Counter[str] = Counter()
        self.pieces: list[str] = []
        self.preformatted = False
        self.blocks: list[_Block] = []
        self.page_title: list[str] = []
        self.h1: list[str] = []
        self.h1_done = False
        self.meta: dict[str, str] = {}
        self.time_datetime: str | None = None

    # --- state -----------------------------------------------------------------------
    def _hidden(self) -> bool:
        return any(self.open[tag] for tag in _HIDDEN) or bool(self.open["head"])

    def _boilerplate(self) -> bool:
        inside_content = self.open["article"] or self.open["main"]
        return any(self.open[tag] for tag in _BOILERPLATE if tag != "header") or bool(
            self.open["header"] and not inside_content
        )

    def _flush(self) -> None:
        if not self.pieces:
            return
        raw = "".join(self.pieces)
        self.pieces = []
        if self.preformatted:
            lines = [line.rstrip() for line in raw.replace(_LINE_BREAK, "\n").split("\n")]
        else:
            lines = [_SPACES.sub(" ", line).strip() for line in raw.split(_LINE_BREAK)]
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        if lines:
            self.blocks.append(
                _Block(
                    "\n".join(lines),
                    bool(self.open["article"]),
                    bool(self.open["main"]),
                    self._boilerplate(),
                )
            )

    # --- parser callbacks --------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta(dict(attrs))
            return
        if tag == "body" or (self.open["head"] and tag not in _HEAD_ONLY):
            self.open["head"] = 0  # many pages never close <head>
        if tag == "time" and self.time_datetime is None and not self._hidden():
            self.time_datetime = dict(attrs).get("datetime")
        if tag == "br":
            if not self._hidden():
                self.pieces.append(_LINE_BREAK)
            return
        if tag in _CELLS:
            self.pieces.append(" ")
        if tag in _BLOCKS or tag in _TRACKED:
            self._flush()
            self.preformatted = tag == "pre" or bool(self.open["pre"])
        if tag in _TRACKED and tag not in _VOID:
            self.open[tag] += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _TRACKED and tag not in ("meta", "br"):
            return  # <div/> or <nav/> opens nothing
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS or tag in _TRACKED:
            self._flush()
        if tag == "h1" and self.open["h1"]:
            self.h1_done = self.h1_done or bool(self.h1)
        if self.open[tag]:
            self.open[tag] -= 1
        self.preformatted = bool(self.open["pre"])

    def handle_data(self, data: str) -> None:
        if self.open["title"] and not self.open["svg"]:
            self.page_title.append(data)
            return
        if self._hidden():
            return
        if self.open["h1"] and not self.h1_done and not self._boilerplate():
            self.h1.append(data)
        self.pieces.append(data)

    def _meta(self, attrs: dict[str, str | None]) -> None:
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        field = _META_KEYS.get(key)
        content = (attrs.get("content") or "").strip()
        if field and content and field not in self.meta:
            self.meta[field] = content


def _choose_blocks(blocks: list[_Block]) -> list[_Block]:
    for wanted in (
        [b for b in blocks if b.in_article and not b.boilerplate],
        [b for b in blocks if b.in_main and not b.boilerplate],
        [b for b in blocks if not b.boilerplate],
    ):
        if wanted:
            return wanted
    return blocks  # only furniture: better than nothing


def extract_html_text(markup: str) -> tuple[str, dict[str, str]]:
    """Return ``(text, metadata)``: paragraphs separated by blank lines, ``<br>`` as a line
    break, entities unescaped; metadata ``title``/``author``/``date`` when the page has them.
    """
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    parser._flush()
    text = "\n\n".join(block.text for block in _choose_blocks(parser.blocks))
    metadata: dict[str, str] = {}
    page_title = " ".join("".join(parser.page_title).split())
    h1 = " ".join("".join(parser.h1).split())
    # "Headline | Site" in <title> with the bare headline in <h1>: the <h1> is cleaner.
    if page_title and h1 and h1.lower() in page_title.lower():
        metadata["title"] = h1
    elif page_title or parser.meta.get("title") or h1:
        metadata["title"] = page_title or parser.meta.get("title") or h1
    for field in ("author", "date"):
        if field in parser.meta:
            metadata[field] = parser.meta[field]
    if "date" not in metadata and parser.time_datetime:
        metadata["date"] = parser.time_datetime
    return text, metadata
