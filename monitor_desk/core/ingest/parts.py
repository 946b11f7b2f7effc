"""Files that hold several documents: an e-mail (its message and its attachments) and a
mailbox (its messages, each with its attachments). Each part is imported as its own
article under a path of its own:

- ``note.eml`` — the message; ``note.eml#report.pdf`` — its attachment ``report.pdf``;
- ``box.mbox#3`` — the third message; ``box.mbox#3#report.pdf`` — its attachment;
- ``note.eml#message-2`` — the second message forwarded inside it as an attachment, or
  the second message of a MIME digest (``multipart/digest``).

A digest sent as one text (several briefs under their headlines in one body, as the
*Monitor* went out) stays one article: where one brief ends is a guess, and the analyst
sees the whole issue as it was sent.

A part's path is stable as long as the file is (a mailbox that grows at its end keeps its
numbers), so a re-import finds every part unchanged. An attachment is imported when its
name says it is a kind Monitor Desk reads (PDF, Word, OpenDocument, HTML, Markdown, text,
e-mail); pictures, signatures and the like are passed over.
"""

from __future__ import annotations

import logging
from email.message import EmailMessage
from pathlib import Path

from monitor_desk.core.ingest.documents import (
    ParsedDocument,
    finish_document,
    kind_for,
    parse_document,
    read_bytes,
    read_document,
)
from monitor_desk.core.ingest.errors import RejectedFile
from monitor_desk.core.ingest.mail import (
    attachments,
    enclosed_messages,
    message_text,
    parse_message,
    split_mbox,
)
from monitor_desk.core.ingest.pdf import PageProgress

Part = tuple[Path, ParsedDocument | RejectedFile]
_log = logging.getLogger(__name__)
MAX_NESTING = 3
"""Messages forwarded inside forwarded messages are followed this deep."""
ATTACHMENT_SUFFIXES = frozenset(
    {".pdf", ".docx", ".odt", ".eml", ".html", ".htm", ".md", ".markdown", ".txt"}
)


def _attachment_parts(message: EmailMessage, base: str, depth: int) -> list[Part]:
    parts: list[Part] = []
    seen: set[str] = set()
    for number, (name, data) in enumerate(attachments(message), 1):
        if Path(name).suffix.lower() not in ATTACHMENT_SUFFIXES:
            continue
        label = name if name not in seen else f"{number}-{name}"
        seen.add(label)
        if Path(name).suffix.lower() == ".eml" and depth < MAX_NESTING:
            # an attached message is a message: its own attachments come too
            parts.extend(_message_parts(data, f"{base}#{label}", depth + 1))
            continue
        try:
            parsed: ParsedDocument | RejectedFile = parse_document(data, name)
        except RejectedFile as exc:
            parsed = exc
        parts.append((Path(f"{base}#{label}"), parsed))
    return parts


def _message_parts(data: bytes, base: str, depth: int = 0) -> list[Part]:
    try:
        message = parse_message(data)
        text, meta = message_text(message)
        found = _attachment_parts(message, base, depth)
        inner = enclosed_messages(message) if depth < MAX_NESTING else []
    except RejectedFile as exc:
        return [(Path(base), exc)]
    except Exception as exc:  # the email package on a damaged message: that message only
        _log.warning("reading a message failed", exc_info=True)
        return [(Path(base), RejectedFile(f"not a readable message ({type(exc).__name__})"))]
    for number, enclosed in enumerate(inner, 1):
        found.extend(_message_parts(enclosed.as_bytes(), f"{base}#message-{number}", depth + 1))
    if text.strip():
        found.insert(0, (Path(base), finish_document(text, meta, "eml", "eml")))
    elif not found:
        found.append((Path(base), RejectedFile("no text in the message")))
    return found


def parse_parts(data: bytes, path: Path) -> list[Part]:
    """The parts of an ``.eml`` or ``.mbox`` file's bytes."""
    if kind_for(path.name) == "mbox":
        if not data.strip():
            return [(path, RejectedFile("empty file"))]
        try:
            messages = split_mbox(data)
        except RejectedFile as exc:
            return [(path, exc)]
        found: list[Part] = []
        for number, message in enumerate(messages, 1):
            found.extend(_message_parts(message, f"{path}#{number}"))
        return found
    if not data.strip():
        return [(path, RejectedFile("empty file"))]
    return _message_parts(data, str(path))


def read_parts(path: Path, on_page: PageProgress | None = None) -> list[Part]:
    """Every document in one file: the file itself, or an e-mail's or a mailbox's parts.
    ``on_page`` hears the pages of a PDF read (``parse_document``)."""
    try:
        if kind_for(path.name) in ("eml", "mbox"):
            return parse_parts(read_bytes(path), path)
        return [(path, read_document(path, on_page=on_page))]
    except RejectedFile as exc:
        return [(path, exc)]
