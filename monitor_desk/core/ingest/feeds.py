"""Human text of an RSS/Atom feed or other XML, read with the tolerant ``html.parser``.

``html.parser`` never expands DTD entities (no "billion laughs"), never fetches external
entities, and is iterative, so hostile XML costs only linear time. Tag names arrive
lower-cased (``content:encoded``, ``pubdate``).
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

from monitor_desk.core.ingest.html_text import extract_html_text

_ITEMS = frozenset({"item", "entry"})
_TEXT_FIELDS = frozenset({"title", "description", "summary", "subtitle", "tagline"})
_CONTENT_FIELDS = frozenset({"content", "content:encoded"})
_DATE_FIELDS = ("pubdate", "lastbuilddate", "updated", "published", "dc:date")
_WANTED = _TEXT_FIELDS | _CONTENT_FIELDS | frozenset(_DATE_FIELDS)
_SKIPPED_PARENTS = frozenset({"image", "textinput", "author", "source"})
_FEED_ROOTS = re.compile(r"<(?:rss|feed|rdf:rdf|channel)[\s>]", re.IGNORECASE)
_MARKUP = re.compile(r"<[A-Za-z/!]")
# Inline HTML inside generic XML does not break a paragraph.
_INLINE = frozenset({"b", "i", "em", "strong", "a", "span", "sub", "sup", "code", "u", "small"})
_SPACES = re.compile(r"\s+")


def _plain(fragment: str) -> str:
    """Text of a field that may hold (escaped or CDATA) HTML."""
    if _MARKUP.search(fragment):
        return extract_html_text(fragment)[0]
    return _SPACES.sub(" ", fragment).strip()


class _FeedReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: Counter[str] = Counter()
        self.capture: str | None = None  # field being read
        self.capture_depth = 0
        self.buffer: list[str] = []
        self.feed_fields: dict[str, str] = {}
        self.items: list[dict[str, str]] = []

    def _target(self) -> dict[str, str]:
        return self.items[-1] if self.open["item"] or self.open["entry"] else self.feed_fields

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.capture is not None:
            self.capture_depth += tag == self.capture
            self.buffer.append(self.get_starttag_text() or "")
            return
        if tag in _ITEMS:
            self.items.append({})
        self.open[tag] += 1
        if (
            tag in _WANTED
            and not any(self.open[p] for p in _SKIPPED_PARENTS)
            and tag not in self._target()
        ):
            self.capture, self.capture_depth, self.buffer = tag, 1, []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.capture is not None:
            self.buffer.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if self.capture is not None:
            if tag == self.capture:
                self.capture_depth -= 1
            if self.capture_depth > 0:
                self.buffer.append(f"</{tag}>")
                return
            self._target()[self.capture] = "".join(self.buffer)
            self.capture = None
        if self.open[tag]:
            self.open[tag] -= 1

    def handle_data(self, data: str) -> None:
        if self.capture is not None:
            self.buffer.append(data)

    def unknown_decl(self, data: str) -> None:
        if self.capture is not None and data.startswith("CDATA["):
            self.buffer.append(data[6:])  # raw markup, as the feed's author wrote it


def _first(fields: dict[str, str], names: tuple[str, ...]) -> str:
    for name in names:
        value = _plain(fields.get(name, ""))
        if value:
            return value
    return ""


def _feed_text(markup: str) -> tuple[str, dict[str, str]]:
    reader = _FeedReader()
    reader.feed(markup)
    reader.close()
    head = [
        _first(reader.feed_fields, ("title",)),
        _first(reader.feed_fields, ("description", "subtitle", "tagline")),
    ]
    sections = ["\n".join(part for part in head if part)]
    for item in reader.items:
        title = _first(item, ("title",))
        body = _first(item, ("description", "summary", "content:encoded", "content"))
        sections.append("\n".join(part for part in (title, body) if part))
    metadata: dict[str, str] = {}
    if head[0]:
        metadata["title"] = head[0]
    date = _first(reader.feed_fields, _DATE_FIELDS) or (
        _first(reader.items[0], _DATE_FIELDS) if reader.items else ""
    )
    if date:
        metadata["date"] = date
    return "\n\n".join(section for section in sections if section), metadata


class _XmlText(HTMLParser):
    """Text of generic XML: each element's text a paragraph, inline HTML kept together."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.paragraphs: list[str] = []

    def _flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self.pieces)).strip()
        self.pieces = []
        if text:
            self.paragraphs.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _INLINE:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag not in _INLINE:
            self._flush()

    def handle_data(self, data: str) -> None:
        self.pieces.append(data)

    def unknown_decl(self, data: str) -> None:
        if data.startswith("CDATA["):
            self.pieces.append(_plain(data[6:]))


def extract_xml_text(markup: str) -> tuple[str, dict[str, str]]:
    """Return ``(text, metadata)`` for RSS/Atom (feed title and description, then each
    item's title and description, items separated by blank lines) or other XML."""
    if _FEED_ROOTS.search(markup[:65536]):
        text, metadata = _feed_text(markup)
        if text:
            return text, metadata
    reader = _XmlText()
    reader.feed(markup)
    reader.close()
    reader._flush()
    return "\n\n".join(reader.paragraphs), {}
