"""A PDF's text layer read with pdfminer.six: lines with their positions per page, the
document info (title, author, dates), and one clear reason when it cannot be read.

pdfminer is imported inside the functions (it is not needed to start the program). The
layout (furniture, columns, paragraphs) is ``pdf_layout.py``'s.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable, Iterator
from typing import Any

from monitor_desk.core.ingest.errors import RejectedFile
from monitor_desk.core.ingest.pdf_layout import Laid, Line, Page, lay_out

PageProgress = Callable[[int, int], None]
"""Called as ``progress(pages_done, pages_total)`` while a PDF is read."""

_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def is_pdf(data: bytes) -> bool:
    """The PDF signature, which may follow a little junk (as PDF readers allow)."""
    return b"%PDF-" in data[:1024]


def pdf_date(value: str) -> str | None:
    """``D:20240131120000+01'00'`` → ``2024-01-31`` (a year or month alone stays so)."""
    m = _PDF_DATE.match(value.strip())
    if not m:
        return None
    year, month, day = m.groups()
    if not 1000 < int(year) < 3000:
        return None
    if month is None or not 1 <= int(month) <= 12:
        return year
    if day is None or not 1 <= int(day) <= 31:
        return f"{year}-{month}"
    return f"{year}-{month}-{day}"


def _info(document: Any) -> dict[str, str]:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    found: dict[str, str] = {}
    for info in document.info or []:
        for key, value in (resolve1(info) or {}).items():
            value = resolve1(value)
            if isinstance(value, bytes):
                text = decode_text(value)
            elif isinstance(value, str):
                text = value
            else:
                continue
            text = " ".join(text.replace("\x00", "").split())
            if text:
                found[str(key).lower()] = text
    if "title" not in found or _PLACEHOLDER_TITLE.search(found["title"]):
        found.pop("title", None)
        found.update({k: v for k, v in _xmp(document).items() if k not in found})
    meta: dict[str, str] = {}
    for key in ("title", "author", "subject", "keywords"):
        if key in found and not (key == "title" and _PLACEHOLDER_TITLE.search(found[key])):
            meta[key] = found[key]
    for key in ("creationdate", "moddate"):
        date = pdf_date(found.get(key, ""))
        if date is not None:
            meta.setdefault("date", date)
    return meta


_XMP = {
    "title": "{http://purl.org/dc/elements/1.1/}title",
    "author": "{http://purl.org/dc/elements/1.1/}creator",
    "creationdate": "{http://ns.adobe.com/xap/1.0/}CreateDate",
}


def _xmp(document: Any) -> dict[str, str]:
    """Title, creator and creation date from the XMP metadata (PDF 2.0 files may have no
    document info dictionary)."""
    from xml.etree import ElementTree

    from pdfminer.pdftypes import resolve1, stream_value

    try:
        data = stream_value(resolve1(document.catalog.get("Metadata"))).get_data()
        root = ElementTree.fromstring(data)
    except Exception:  # no metadata, or not readable: the document info is enough
        return {}
    found: dict[str, str] = {}
    for key, tag in _XMP.items():
        element = root.find(f".//{tag}")
        if element is None:
            continue
        text = " ".join(" ".join(element.itertext()).split()) or (element.text or "").strip()
        if text:  # an XMP date (2024-03-05T09:30:00Z) read as a PDF date's digits
            found[key] = re.sub(r"\D", "", text) if key == "creationdate" else text
    return found


_PLACEHOLDER_TITLE = re.compile(
    r"^(?:untitled|title|document\d*|microsoft (?:word|powerpoint) - .*)$"
    r"|\.(?:docx?|odt|rtf|pdf|indd|qxd|pages|txt|html?)$",
    re.IGNORECASE,
)
"""Titles that a program wrote for the analyst's file, not the document's own."""


def _open(data: bytes) -> Any:
    """The parsed document; an encrypted or broken file is a ``RejectedFile``."""
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfexceptions import PDFException
    from pdfminer.pdfparser import PDFParser
    from pdfminer.psexceptions import PSException

    try:
        return PDFDocument(PDFParser(io.BytesIO(data)))
    except PDFPasswordIncorrect:
        raise RejectedFile("encrypted PDF: it needs a password to open") from None
    except PDFEncryptionError as exc:
        raise RejectedFile(f"encrypted PDF: {exc} (not supported)") from None
    except (PDFException, PSException, ValueError, KeyError, TypeError) as exc:
        raise RejectedFile(f"not a readable PDF ({type(exc).__name__}: {exc})"[:200]) from None


def _lines(layout: Any) -> Iterator[Line]:
    from pdfminer.layout import LTFigure, LTTextBox, LTTextLineHorizontal

    for item in layout:
        if isinstance(item, LTTextBox):
            for line in item:
                if isinstance(line, LTTextLineHorizontal):
                    text = line.get_text().strip()
                    if text:
                        yield Line(line.x0, line.y0, line.x1, line.y1, text)
        elif isinstance(item, LTFigure):
            yield from _lines(item)


def read_pages(data: bytes, progress: PageProgress | None = None) -> tuple[list[Page], Any]:
    """Every page's text lines, and the document (for its info)."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfexceptions import PDFException
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.psexceptions import PSException

    document = _open(data)
    # pdfminer warns about every odd byte of a damaged file; what matters reaches the user
    # as a reason, so its chatter stays out of the log.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    manager = PDFResourceManager(caching=True)
    # boxes_flow=None: no ordering of text boxes (pdf_layout.py orders the lines itself),
    # a quarter less time per page.
    device = PDFPageAggregator(manager, laparams=LAParams(boxes_flow=None))
    interpreter = PDFPageInterpreter(manager, device)
    try:
        pdf_pages = list(PDFPage.create_pages(document))
        pages: list[Page] = []
        for number, pdf_page in enumerate(pdf_pages, 1):
            interpreter.process_page(pdf_page)
            layout = device.get_result()
            pages.append(Page(layout.width, layout.height, tuple(_lines(layout))))
            if progress is not None:
                progress(number, len(pdf_pages))
    except (PDFException, PSException, ValueError, KeyError, TypeError) as exc:
        raise RejectedFile(f"not a readable PDF ({type(exc).__name__}: {exc})"[:200]) from None
    return pages, document


def read_pdf(data: bytes, progress: PageProgress | None = None) -> tuple[Laid, dict[str, str]]:
    """The laid-out text with its page starts, and the document info as metadata.

    Raises RejectedFile: encrypted, damaged, no pages, or no text layer (a scan)."""
    pages, document = read_pages(data, progress)
    if not pages:
        raise RejectedFile("a PDF without pages")
    if not any(page.lines for page in pages):
        raise RejectedFile("no text layer; OCR it first")
    laid = lay_out(pages)
    if not laid.text.strip():
        raise RejectedFile("no text layer; OCR it first")
    meta = _info(document)
    meta["pages"] = str(len(pages))
    return laid, meta
