"""One file's bytes in, one ParsedDocument out; and which files an import should read."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from monitor_desk.core.dates import parse_header_date
from monitor_desk.core.ingest.decode import decode_bytes, sniff_declared_encoding
from monitor_desk.core.ingest.errors import RejectedFile
from monitor_desk.core.ingest.feeds import extract_xml_text
from monitor_desk.core.ingest.formats import read_binary
from monitor_desk.core.ingest.headers import parse_header
from monitor_desk.core.ingest.html_text import extract_html_text
from monitor_desk.core.ingest.pdf import PageProgress, is_pdf
from monitor_desk.core.ingest.titles import choose_title

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_DOCUMENT_BYTES = 100 * 1024 * 1024
"""The limit for PDFs, Word and OpenDocument files and mailboxes: their images and
attachments make them large, their text is small."""
DOCUMENT_KINDS = frozenset({"pdf", "docx", "odt", "eml", "mbox"})
_KINDS: dict[str, str] = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".odt": "odt",
    ".eml": "eml",
    ".mbox": "mbox",
    ".mbx": "mbox",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "xml",
    ".rss": "xml",
    ".atom": "xml",
    ".md": "md",
    ".markdown": "md",
}
_MB = 1024 * 1024
FILE_DIALOG_FILTER = (
    "Articles (*.txt *.md *.html *.htm *.pdf *.docx *.odt *.eml *.mbox);;"
    "PDF (*.pdf);;Word and OpenDocument (*.docx *.odt);;E-mail (*.eml *.mbox);;"
    "Text and web pages (*.txt *.md *.markdown *.html *.htm *.xhtml *.xml *.rss *.atom);;"
    "All files (*)"
)
"""The file dialog's filters: every kind an import reads."""


@dataclass(frozen=True)
class ParsedDocument:
    """A decoded, parsed file, ready to become an article revision.

    Attributes:
        text: full text, "\\n" line endings, header block included, no BOM.
        body_start: code-point offset where the body starts (after header and blank lines).
        metadata: normalised header keys (publication, volume, issue, date, title, author)
            plus any other keys, lower-cased.
        title: never empty ("Untitled" as a last resort).
        date: ISO YYYY-MM-DD from metadata["date"] when it parses, else None.
        encoding: the codec actually used ("utf-8", "utf-8-sig", "utf-16", "cp1251", ...).
        kind: "txt", "md", "html", "xml", "pdf", "docx", "odt" or "eml".
        date_source: where ``metadata["date"]`` came from: "header" (a ``Date:`` line in
            the text) or "metadata" (HTML ``<meta>``/``<time>``, a feed's ``pubDate``,
            a PDF's document info, an e-mail's ``Date:``).
        page_starts: for a paged document (a PDF), the offset in ``text`` where each page
            begins, page 1 first; empty for text without pages (core/pages.py).
    """

    text: str
    body_start: int
    metadata: dict[str, str] = field(hash=False)
    title: str
    date: str | None
    encoding: str
    kind: str
    date_source: str | None = None
    page_starts: tuple[int, ...] = ()


def kind_for(name: str) -> str:
    """The reader for a file name; unknown and missing extensions read as plain text."""
    return _KINDS.get(os.path.splitext(name)[1].lower(), "txt")


def _normalise_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def parse_document(data: bytes, name: str, on_page: PageProgress | None = None) -> ParsedDocument:
    """Decode and parse one file's bytes; ``name`` only chooses the reader by its suffix
    (a PDF is also known by its signature). An ``.eml`` file gives its message without the
    attachments (``parts.py`` reads those, and mailboxes).

    Raises RejectedFile (empty, binary, undecodable, encrypted, no text left after markup
    or in the document). ``on_page(done, total)`` is called after each page of a PDF (it
    may raise to stop the reading, e.g. ``Cancelled``).
    """
    kind = kind_for(name)
    if kind == "txt" and is_pdf(data):
        kind = "pdf"
    if kind in DOCUMENT_KINDS:
        text, found, page_starts = read_binary(data, kind, on_page)
        return finish_document(text, found, kind, kind, page_starts)
    declared = sniff_declared_encoding(data) if kind in ("html", "xml") else None
    decoded, encoding = decode_bytes(data, declared)
    text = _normalise_newlines(decoded)
    extracted: dict[str, str] = {}
    if kind == "html":
        text, extracted = extract_html_text(text)
    elif kind == "xml":
        text, extracted = extract_xml_text(text)
    if not text.strip():
        raise RejectedFile(
            "no text found in the markup" if kind in ("html", "xml") else "empty file"
        )
    return finish_document(text, extracted, encoding, kind)


def finish_document(
    text: str,
    extracted: dict[str, str],
    encoding: str,
    kind: str,
    page_starts: tuple[int, ...] = (),
) -> ParsedDocument:
    """The document of a text and the metadata its format gave (``extracted``): a header
    block written in the text wins over it, the title and date are chosen."""
    metadata, body_start = parse_header(text)
    date_source = "header" if "date" in metadata else "metadata" if "date" in extracted else None
    # A header block written in the text itself is more specific than page metadata.
    metadata = {**extracted, **metadata}
    if body_start >= len(text) and metadata:
        body_start = len(text)  # header only: an empty body is still a document
    title = choose_title(text, body_start, metadata)
    date = parse_header_date(metadata["date"]) if "date" in metadata else None
    return ParsedDocument(
        text=text,
        body_start=body_start,
        metadata=metadata,
        title=title,
        date=date,
        encoding=encoding,
        kind=kind,
        date_source=date_source,
        page_starts=page_starts,
    )


def _too_large(size: int, limit: int) -> RejectedFile:
    return RejectedFile(f"too large: {size / _MB:.1f} MB (limit {limit / _MB:g} MB)")


# O_NONBLOCK: a file swapped for a FIFO between the stat and the open must not hang it
# (it has no effect on regular files).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_OPEN_FLAGS |= getattr(os, "O_BINARY", 0)


def _not_regular(mode: int) -> RejectedFile:
    if stat.S_ISFIFO(mode):
        kind = "a named pipe"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    elif stat.S_ISDIR(mode):
        return RejectedFile(f"unreadable: {os.strerror(errno.EISDIR)}")  # as open() says
    else:
        kind = "not a plain file"
    return RejectedFile(f"not a regular file ({kind}), skipped")


def size_limit(name: str) -> int:
    return MAX_DOCUMENT_BYTES if kind_for(name) in DOCUMENT_KINDS else MAX_FILE_BYTES


def read_document(
    path: Path, max_bytes: int | None = None, on_page: PageProgress | None = None
) -> ParsedDocument:
    """Read and parse one file; the size is checked before the contents are read
    (``max_bytes``: by default the limit for the file's kind)."""
    return parse_document(read_bytes(path, max_bytes), path.name, on_page)


def read_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """One file's bytes, the size checked before they are read.

    Pipes, devices and sockets are never read: reading one would block the import (and
    its Cancel) forever or never end."""
    if max_bytes is None:
        max_bytes = size_limit(path.name)
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise _not_regular(mode)  # not even opened: opening a FIFO blocks
        with os.fdopen(os.open(path, _OPEN_FLAGS), "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise _not_regular(info.st_mode)
            if info.st_size > max_bytes:
                raise _too_large(info.st_size, max_bytes)
            data = handle.read(max_bytes + 1)  # the file may have grown since fstat
    except OSError as exc:
        raise RejectedFile(f"unreadable: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise _too_large(len(data), max_bytes)
    return data


def iter_import_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given; folders walked recursively in sorted order, hidden names skipped.

    A symlinked folder is entered once at most (no loops); a file reached twice is
    yielded once. Paths that do not exist are yielded so the import can report them.
    """
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[str] = set()

    def once(path: Path) -> bool:
        key = os.path.realpath(path)
        if key in seen_files:
            return False
        seen_files.add(key)
        return True

    def entries(folder: Path) -> Iterator[os.DirEntry[str]]:
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in seen_dirs:
                return iter(())  # a symlink back into a folder already walked
            seen_dirs.add((info.st_dev, info.st_ino))
            return iter(sorted(os.scandir(folder), key=lambda entry: entry.name))
        except OSError:
            return iter(())  # unreadable folder: nothing we can list in it

    for given in paths:
        if not given.is_dir():
            if once(given):
                yield given
            continue
        # Depth-first with an explicit stack: deep trees cannot hit the recursion limit.
        stack = [entries(given)]
        while stack:
            entry = next(stack[-1], None)
            if entry is None:
                stack.pop()
                continue
            if entry.name.startswith("."):
                continue
            child = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                stack.append(entries(child))
            elif once(child):
                yield child
