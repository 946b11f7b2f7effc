"""``lib.reports``: briefing reports from tagged notes — the report of a scope as a value
(for a preview), and written as ``.docx``, Markdown or HTML (atomically, never onto the
library's own files)."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from . import report, report_docx, report_text
from .connection import Component, Connection
from .db import environment_errors, utc_now
from .errors import InvalidInputError
from .export_target import write_export_bytes
from .report_model import REPORT_FORMATS, Report, ReportFormat, ReportScope


def report_format(fmt: str | None, path: str | Path | None = None) -> ReportFormat:
    """``fmt`` checked, or the format the file name's suffix names (``.docx``, ``.md``,
    ``.markdown``, ``.html``, ``.htm``); ``InvalidInputError`` when neither says."""
    if fmt is None and path is not None:
        suffix = Path(path).suffix.lower()
        fmt = {".markdown": "md", ".htm": "html"}.get(suffix, suffix.lstrip("."))
        if fmt not in REPORT_FORMATS:
            raise InvalidInputError(
                f"Cannot tell the report's format from {str(path)!r}; "
                "give --format docx, md or html."
            )
    for known in REPORT_FORMATS:
        if fmt == known:
            return known
    raise InvalidInputError(f"{fmt!r} is not a report format; use docx, md or html.")


def render(doc: Report, fmt: ReportFormat) -> bytes:
    """The report in ``fmt``, as the file's bytes (text formats in UTF-8)."""
    if fmt == "docx":
        return report_docx.to_docx(doc)
    text = report_text.to_markdown(doc) if fmt == "md" else report_text.to_html(doc)
    return text.encode("utf-8")


class Reports(Component):
    """Attributes:
    path: the library file, which a report must never overwrite (None: in memory).
    """

    def __init__(self, connection: Connection, path: Path | None) -> None:
        super().__init__(connection)
        self.path = path

    def build(
        self,
        scope: ReportScope,
        progress: report.ReportProgress | None = None,
        title: str = "",
    ) -> Report:
        """The report of ``scope``: ``NotFoundError`` for an unknown tag or article,
        ``InvalidInputError`` for bad dates."""
        with self._connection.reading() as db:
            return report.build_report(db, scope, utc_now(), progress, title)

    @environment_errors
    def write(
        self,
        scope: ReportScope,
        fmt: str | None,
        out: str | Path | BinaryIO,
        progress: report.ReportProgress | None = None,
        title: str = "",
    ) -> int:
        """Write the report of ``scope`` to ``out`` (a path, written atomically, or a binary
        stream); ``fmt`` None: from the path's suffix. Returns the number of highlights. A
        scope without highlights is refused (``InvalidInputError``); nothing is written."""
        kind = report_format(fmt, out if isinstance(out, str | Path) else None)
        doc = self.build(scope, progress, title)
        if not doc.items:
            raise InvalidInputError(
                "No highlight is in this scope; nothing was written. "
                "Check the tags, articles, dates and search text."
            )
        data = render(doc, kind)
        if isinstance(out, str | Path):
            write_export_bytes(Path(out), data, self.path)
        else:
            out.write(data)
        return len(doc.items)
