"""Real-shaped documents built by the tests: Word, OpenDocument, e-mail and mailbox files
(the standard library and python-docx write them), and PDFs made by ``make_pdf.py`` in a
subprocess (Qt's PDF writer needs a QGuiApplication, which Qt-free tests do not make).
Every word in them is ours."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from email.message import EmailMessage
from pathlib import Path
from typing import Any

MAKE_PDF = Path(__file__).resolve().parents[1] / "fixtures" / "make_pdf.py"

HEADING = "Pipeline Talks Resume"
TABLE = [["Country", "Volume", "Route"], ["Georgia", "12 bcm", "South Caucasus"]]
PARAGRAPHS = [
    "Energy Minister Olena Kovalenko said on Tuesday that the pipeline talks would resume.",
    "Officials in Tbilisi declined to comment on the schedule.",
]


def make_pdf(out: Path, *args: str) -> dict[str, Any]:
    """A PDF from ``make_pdf.py`` (``brief``/``scan`` and its options); the JSON it wrote
    beside it (paragraphs and their pages) for a brief."""
    subprocess.run(
        [sys.executable, str(MAKE_PDF), *args[:1], str(out), *args[1:]],
        check=True,
        timeout=120,
        capture_output=True,
    )
    info = out.with_suffix(".json")
    return json.loads(info.read_text("utf-8")) if info.exists() else {}


def make_docx(out: Path) -> Path:
    import datetime

    import docx

    document = docx.Document()
    document.core_properties.title = "Caucasus Energy Brief"
    document.core_properties.author = "Desk Analyst"
    document.core_properties.created = datetime.datetime(2024, 3, 5, 9, 30)
    document.add_heading(HEADING, level=1)
    document.add_paragraph(PARAGRAPHS[0])
    table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_heading("Reactions", level=2)
    document.add_paragraph(PARAGRAPHS[1])
    document.save(str(out))
    return out


_ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3">
<office:body><office:text>
<text:h text:outline-level="1">{heading}</text:h>
<text:p>{p0}</text:p>
<table:table table:name="Volumes">{rows}</table:table>
<text:list><text:list-item><text:p>Officials<text:s/>in Tbilisi declined to comment<text:note>
<text:note-citation>1</text:note-citation><text:note-body><text:p>A footnote.</text:p>
</text:note-body></text:note> on the schedule.</text:p></text:list-item></text:list>
</office:text></office:body></office:document-content>
"""
_ODT_META = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta>
<dc:title>Caucasus Energy Brief</dc:title><meta:initial-creator>Desk Analyst</meta:initial-creator>
<meta:creation-date>2024-03-05T09:30:00</meta:creation-date></office:meta>
</office:document-meta>
"""


def make_odt(out: Path) -> Path:
    rows = "".join(
        "<table:table-row>"
        + "".join(f"<table:table-cell><text:p>{v}</text:p></table:table-cell>" for v in row)
        + "</table:table-row>"
        for row in TABLE
    )
    content = _ODT_CONTENT.format(heading=HEADING, p0=PARAGRAPHS[0], rows=rows)
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", content)
        package.writestr("meta.xml", _ODT_META)
    return out


def message(
    subject: str,
    text: str | None,
    html: str | None = None,
    sender: str = "Jamestown Monitor <monitor@example.org>",
    date: str = "Tue, 05 Mar 2024 09:30:00 +0000",
    attachments: tuple[tuple[str, bytes, str], ...] = (),
    headers: dict[str, str] | None = None,
) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "analyst@example.org"
    msg["Subject"] = subject
    msg["Date"] = date
    for key, value in (headers or {}).items():
        msg[key] = value
    if text is not None:
        msg.set_content(text)
        if html is not None:
            msg.add_alternative(html, subtype="html")
    elif html is not None:
        msg.set_content(html, subtype="html")
    for name, data, mime in attachments:
        main, sub = mime.split("/")
        msg.add_attachment(data, maintype=main, subtype=sub, filename=name)
    return msg


def make_mbox(out: Path, messages: list[EmailMessage]) -> Path:
    with out.open("wb") as handle:
        for msg in messages:
            handle.write(b"From monitor@example.org Tue Mar  5 09:30:00 2024\n")
            body = msg.as_bytes().replace(b"\r\n", b"\n")
            body = b"\n".join(
                b">" + ln if ln.startswith(b"From ") else ln for ln in body.split(b"\n")
            )
            handle.write(body.rstrip(b"\n") + b"\n\n")
    return out
