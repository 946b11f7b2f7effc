"""E-mail with the standard library: one message's text and headers, a mailbox's
messages, and a message's attachments.

Nothing here follows a link or loads an image: an HTML part goes through the HTML reader,
which keeps only the text.
"""

from __future__ import annotations

import contextlib
import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime

from monitor_desk.core.ingest.decode import decode_bytes
from monitor_desk.core.ingest.errors import RejectedFile
from monitor_desk.core.ingest.html_text import extract_html_text

_FROM_LINE = re.compile(rb"^From [^\r\n]*\r?\n", re.MULTILINE)
_QUOTED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)
_FLOWED_BREAK = re.compile(r"(?<=[^ ]) \n(?=[^\n])")
PUBLICATION_HEADERS = ("X-Publication", "X-Monitor-Publication", "Organization")
"""Headers that name the publication; without one the sender (From) is taken."""


def parse_message(data: bytes) -> EmailMessage:
    message = BytesParser(policy=policy.default).parsebytes(data)
    if not isinstance(message, EmailMessage) or not message.keys():
        raise RejectedFile("not an e-mail message (no headers)")
    return message


def split_mbox(data: bytes) -> list[bytes]:
    """The messages of an mbox file (each after its ``From `` line; ``>From `` lines
    unquoted as mboxrd writes them)."""
    starts = list(_FROM_LINE.finditer(data))  # ^ in MULTILINE: a line's start only
    if not starts:
        raise RejectedFile("not a mailbox (no 'From ' line starts a message)")
    if data[: starts[0].start()].strip():
        raise RejectedFile("not a mailbox (text before the first 'From ' line)")
    ends = [m.start() for m in starts[1:]] + [len(data)]
    return [
        _QUOTED_FROM.sub(rb"\1", data[m.end() : end]) for m, end in zip(starts, ends, strict=True)
    ]


def _header(message: EmailMessage, name: str) -> str:
    try:
        value = message.get(name)
    except (ValueError, IndexError, TypeError):  # a malformed header the policy chokes on
        value = None
    return " ".join(str(value).split()) if value is not None else ""


def _part_text(part: EmailMessage) -> str:
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError):  # an unknown or lying charset
        payload = part.get_payload(decode=True)
        content = decode_bytes(payload)[0] if isinstance(payload, bytes) and payload else ""
    if not isinstance(content, str):
        return ""
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    if part.get_content_type() == "text/html":
        return extract_html_text(content)[0]
    if str(part.get_param("format", "")).lower() == "flowed":
        content = _FLOWED_BREAK.sub(" ", content)  # RFC 3676 soft line breaks
    return content.strip() + "\n"


def _sender(message: EmailMessage) -> str:
    pairs = getaddresses([_header(message, "From")])
    if not pairs:
        return ""
    name, address = pairs[0]
    return name or address


def message_text(message: EmailMessage) -> tuple[str, dict[str, str]]:
    """The message's text (the plain part preferred, else the HTML part's text) and its
    headers as metadata: Subject as title, Date as date, the publication from a
    publication header or else the sender."""
    body = message.get_body(preferencelist=("plain", "html"))
    text = _part_text(body) if isinstance(body, EmailMessage) else ""
    meta: dict[str, str] = {}
    subject = _header(message, "Subject")
    if subject:
        meta["title"] = subject
    date = _header(message, "Date")
    if date:
        # An unreadable Date: the article is dated some other way.
        with contextlib.suppress(TypeError, ValueError, IndexError):
            meta["date"] = parsedate_to_datetime(date).date().isoformat()
    publication = next((v for h in PUBLICATION_HEADERS if (v := _header(message, h))), "")
    if publication or (publication := _sender(message)):
        meta["publication"] = publication
    for key, header in (("from", "From"), ("message_id", "Message-ID"), ("to", "To")):
        if value := _header(message, header):
            meta[key] = value
    return text, meta


def attachments(message: EmailMessage) -> list[tuple[str, bytes]]:
    """The message's attached files with a name, in order: ``(file name, bytes)``."""
    found: list[tuple[str, bytes]] = []
    for part in message.iter_attachments():
        if not isinstance(part, EmailMessage):
            continue
        name = part.get_filename()
        payload = part.get_payload(decode=True)
        if name and isinstance(payload, bytes):
            found.append((" ".join(name.replace("/", "_").replace("#", "_").split()), payload))
    return found


def enclosed_messages(message: EmailMessage) -> list[EmailMessage]:
    """Messages carried whole inside this one: forwarded as attachments, or the parts of a
    MIME digest (``multipart/digest``)."""
    found: list[EmailMessage] = []
    parts = message.iter_parts() if message.get_content_type() == "multipart/digest" else []
    for part in [*parts, *message.iter_attachments()]:
        if isinstance(part, EmailMessage) and part.get_content_type() == "message/rfc822":
            inner = part.get_content()
            if isinstance(inner, EmailMessage) and all(inner is not f for f in found):
                found.append(inner)
    return found
