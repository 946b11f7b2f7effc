"""File ▸ Export Report…'s background jobs: the preview (the report as HTML, cut to its first
highlights so a big scope stays quick to show) and the export (the whole report written to
a file). Both run on the window's work queue; a cancel raises inside the report's progress
callback, so nothing is written."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from ...core.library import Library
from ...core.report_model import Report, ReportFormat, ReportScope, ReportSection
from ...core.report_text import to_html

PREVIEW_LIMIT = 150
"""Highlights quoted in the preview; the file holds them all."""

SUFFIXES: dict[ReportFormat, str] = {"docx": ".docx", "md": ".md", "html": ".html"}
FILTERS: dict[ReportFormat, str] = {
    "docx": "Word document (*.docx)",
    "md": "Markdown (*.md)",
    "html": "Web page (*.html)",
}


class ReportCancelled(Exception):
    """Raised from the progress callback to stop a report; nothing is written."""


@dataclass(frozen=True, slots=True)
class Preview:
    """What the preview shows: the HTML, and how many highlights the whole report holds."""

    generation: int
    html: str
    total: int
    shown: int


def default_report_name(fmt: ReportFormat, today: date) -> str:
    return f"monitor-desk-briefing-{today.isoformat()}{SUFFIXES[fmt]}"


def cut(report: Report, limit: int) -> Report:
    """``report`` with only its first ``limit`` quoted highlights (and references to them)."""
    left = limit
    sections: list[ReportSection] = []
    for s in report.sections:
        items = s.items[: max(left, 0)]
        left -= len(items)
        kept = {i.number for r in sections for i in r.items} | {i.number for i in items}
        see_also = [i for i in s.see_also if i.number in kept]
        if items or see_also:
            sections.append(replace(s, items=items, see_also=see_also))
    return replace(report, sections=sections)


def preview_job(
    library: Library,
    scope: ReportScope,
    generation: int,
    *,
    progress: Callable[[int, int, str], None],
    cancel: threading.Event,
) -> Preview | None:
    """Runs on the work queue: the preview of ``scope``, or None when a newer one replaced it."""

    def step(done: int, total: int) -> None:
        if cancel.is_set():
            raise ReportCancelled
        progress(done, total, "preview")

    try:
        report = library.reports.build(scope, step)
    except ReportCancelled:
        return None
    total = len(report.items)
    shown = cut(report, PREVIEW_LIMIT) if total > PREVIEW_LIMIT else report
    return Preview(generation, to_html(shown), total, min(total, PREVIEW_LIMIT))


def report_export_job(
    library: Library,
    scope: ReportScope,
    fmt: ReportFormat,
    path: str,
    *,
    progress: Callable[[int, int, str], None],
    cancel: threading.Event,
) -> int | None:
    """Runs on the work queue: the number of highlights written, or None when cancelled."""

    def step(done: int, total: int) -> None:
        if cancel.is_set():
            raise ReportCancelled
        progress(done, total, "report")

    if cancel.is_set():
        return None
    try:
        return library.reports.write(scope, fmt, path, step)
    except ReportCancelled:
        return None
