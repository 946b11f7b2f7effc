"""Word (.docx, with python-docx) and OpenDocument (.odt, with the standard library's
zipfile and ElementTree) text: paragraphs and headings in order, each table row as one
line of its cells, and the core properties as metadata.

OpenDocument is read without odfpy: its text is ``content.xml`` and its properties
``meta.xml`` in a zip, a few dozen lines with ElementTree; odfpy (1.4.1, 2020) comes only
as a source archive, which the hash-pinned lock would have to build.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from datetime import datetime
from typing import Any
from xml.etree import ElementTree

from monitor_desk.core.ingest.errors import RejectedFile

MAX_UNPACKED = 200 * 1024 * 1024
"""A document that unpacks to more than this is refused (a zip bomb)."""
CELL_SEPARATOR = " | "
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
}


def _q(prefix: str, name: str) -> str:
    return f"{{{_NS[prefix]}}}{name}"


def _open_zip(data: bytes, what: str) -> zipfile.ZipFile:
    if data.startswith(_OLE):
        raise RejectedFile(
            f"encrypted or old-format {what} (not a zip package): save it without a password"
            " as .docx or .odt"
        )
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise RejectedFile(f"not a readable {what} ({exc})") from None
    if sum(info.file_size for info in package.infolist()) > MAX_UNPACKED:
        raise RejectedFile(f"{what} too large when unpacked (limit {MAX_UNPACKED >> 20} MB)")
    return package


def _date(value: Any) -> str | None:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, str) and len(value) >= 10:
        try:
            return datetime.fromisoformat(value.strip()[:10]).date().isoformat()
        except ValueError:
            return None
    return None


def _meta(**values: Any) -> dict[str, str]:
    meta = {}
    for key, value in values.items():
        text = value if key != "date" else _date(value)
        if isinstance(text, str) and text.strip():
            meta[key] = " ".join(text.split())
    return meta


def _joined(blocks: Iterator[str]) -> str:
    kept = [" ".join(b.split()) for b in blocks]
    return "\n\n".join(b for b in kept if b) + "\n"


# --- Word ------------------------------------------------------------------------------


def _docx_blocks(document: Any) -> Iterator[str]:
    from docx.table import Table

    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                cells = [" ".join(cell.text.split()) for cell in row.cells]
                # A merged cell repeats in every column it spans: kept once.
                unique = [c for i, c in enumerate(cells) if c and (i == 0 or c != cells[i - 1])]
                yield CELL_SEPARATOR.join(unique)
        else:
            yield item.text


def read_docx(data: bytes) -> tuple[str, dict[str, str]]:
    """A .docx file's text and core properties (title, author, date created, subject)."""
    _open_zip(data, "Word document").close()
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, ElementTree.ParseError) as exc:
        raise RejectedFile(f"not a readable Word document ({exc})"[:200]) from None
    except Exception as exc:  # lxml's XMLSyntaxError and kin: a damaged part
        raise RejectedFile(f"not a readable Word document ({type(exc).__name__})") from None
    props = document.core_properties
    meta = _meta(
        title=props.title,
        author=props.author,
        date=props.created,
        subject=props.subject,
        keywords=props.keywords,
    )
    return _joined(_docx_blocks(document)), meta


# --- OpenDocument ----------------------------------------------------------------------


def _odt_inline(element: ElementTree.Element) -> str:
    parts = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == _q("text", "s"):
            parts.append(" " * int(child.get(_q("text", "c"), "1") or 1))
        elif tag in (_q("text", "tab"), _q("text", "line-break")):
            parts.append(" ")
        elif tag == _q("text", "note"):
            pass  # a footnote's body is not part of the sentence it is attached to
        else:
            parts.append(_odt_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _odt_blocks(element: ElementTree.Element) -> Iterator[str]:
    for child in element:
        tag = child.tag
        if tag in (_q("text", "p"), _q("text", "h")):
            yield _odt_inline(child)
        elif tag == _q("table", "table"):
            for row in child.iter(_q("table", "table-row")):
                cells = [
                    " ".join(" ".join(_odt_blocks(cell)).split())
                    for cell in row
                    if cell.tag == _q("table", "table-cell")
                ]
                yield CELL_SEPARATOR.join(c for c in cells if c)
        elif tag in (_q("office", "annotation"), _q("text", "tracked-changes")):
            continue
        else:
            yield from _odt_blocks(child)  # lists, sections, frames …


def _xml(package: zipfile.ZipFile, name: str) -> ElementTree.Element | None:
    try:
        return ElementTree.fromstring(package.read(name))
    except KeyError:
        return None
    except (ElementTree.ParseError, zipfile.BadZipFile, OSError) as exc:
        raise RejectedFile(f"not a readable OpenDocument text ({name}: {exc})"[:200]) from None


def read_odt(data: bytes) -> tuple[str, dict[str, str]]:
    """An .odt file's text and properties (title, author, date created, subject)."""
    with _open_zip(data, "OpenDocument text") as package:
        manifest = _xml(package, "META-INF/manifest.xml")
        if (
            manifest is not None
            and manifest.find(f".//{_q('manifest', 'encryption-data')}") is not None
        ):
            raise RejectedFile("encrypted OpenDocument text: it needs a password to open")
        content = _xml(package, "content.xml")
        meta_xml = _xml(package, "meta.xml")
    if content is None:
        raise RejectedFile("not a readable OpenDocument text (no content.xml)")
    body = content.find(f"{_q('office', 'body')}/{_q('office', 'text')}")
    if body is None:
        raise RejectedFile("not an OpenDocument text (a spreadsheet or a drawing?)")
    meta: dict[str, str] = {}
    if meta_xml is not None:
        fields = meta_xml.find(_q("office", "meta"))

        def field(prefix: str, name: str) -> str | None:
            found = fields.find(_q(prefix, name)) if fields is not None else None
            return found.text if found is not None else None

        meta = _meta(
            title=field("dc", "title"),
            author=field("meta", "initial-creator") or field("dc", "creator"),
            date=field("meta", "creation-date"),
            subject=field("dc", "subject"),
            keywords=field("meta", "keyword"),
        )
    return _joined(_odt_blocks(body)), meta
