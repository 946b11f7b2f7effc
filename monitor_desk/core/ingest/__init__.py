"""Import readers: one file's bytes in, one parsed document out. No database here."""

from __future__ import annotations

from monitor_desk.core.ingest.decode import decode_bytes
from monitor_desk.core.ingest.documents import (
    MAX_FILE_BYTES,
    ParsedDocument,
    iter_import_files,
    parse_document,
    read_document,
)
from monitor_desk.core.ingest.errors import RejectedFile
from monitor_desk.core.ingest.headers import parse_header
from monitor_desk.core.ingest.html_text import extract_html_text

__all__ = [
    "MAX_FILE_BYTES",
    "ParsedDocument",
    "RejectedFile",
    "decode_bytes",
    "extract_html_text",
    "iter_import_files",
    "parse_document",
    "parse_header",
    "read_document",
]
