"""The readers of documents that are not plain text: PDF, Word, OpenDocument and e-mail.

Each gives the text (paragraphs separated by a blank line), the metadata its format holds
(title, author, date as ISO, …) and, for a PDF, where each page starts. Their libraries are
imported only when such a file is read.
"""

from __future__ import annotations

import logging

from monitor_desk.core.ingest.errors import Cancelled, RejectedFile
from monitor_desk.core.ingest.pdf import PageProgress

Read = tuple[str, dict[str, str], tuple[int, ...]]
_log = logging.getLogger(__name__)


def read_binary(data: bytes, kind: str, on_page: PageProgress | None = None) -> Read:
    """Text, metadata and page starts of a ``pdf``, ``docx``, ``odt`` or ``eml`` file.

    The readers parse files from anywhere: whatever a damaged file makes their libraries
    raise becomes one ``RejectedFile`` line (and the log keeps the traceback)."""
    if not data:
        raise RejectedFile("empty file")
    try:
        return _read(data, kind, on_page)
    except (RejectedFile, Cancelled):
        raise
    except Exception as exc:  # a parser's bug on a damaged file: that file only
        _log.warning("reading a %s file failed", kind, exc_info=True)
        what = _NAMES.get(kind, kind.upper())
        raise RejectedFile(f"not a readable {what} ({type(exc).__name__})") from None


def _read(data: bytes, kind: str, on_page: PageProgress | None) -> Read:
    if kind == "pdf":
        from monitor_desk.core.ingest.pdf import read_pdf

        laid, meta = read_pdf(data, on_page)
        return laid.text, meta, laid.page_starts
    if kind == "docx":
        from monitor_desk.core.ingest.office import read_docx

        text, meta = read_docx(data)
    elif kind == "odt":
        from monitor_desk.core.ingest.office import read_odt

        text, meta = read_odt(data)
    elif kind == "eml":
        from monitor_desk.core.ingest.mail import message_text, parse_message

        text, meta = message_text(parse_message(data))
    else:
        raise RejectedFile("a mailbox holds several messages: import the file itself")
    if not text.strip():
        raise RejectedFile(f"no text in the {_NAMES.get(kind, kind)}")
    return text, meta, ()


_NAMES = {
    "pdf": "PDF",
    "docx": "Word document",
    "odt": "OpenDocument text",
    "eml": "message",
}
