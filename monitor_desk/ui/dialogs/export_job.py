"""The export as a job for the work queue, and where its file goes by default.

A cancel raises inside ``lib.exports.write``'s progress callback, so its temp file is removed
and nothing at the target path is touched (an older file there stays as it was).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from ...core.export import ExportKind, ExportScope
from ...core.library import Library
from ..preferences import EXPORT_FOLDER, LAST_FOLDER_KEY

NOUNS = {
    "notes": "notes",
    "claims": "claims",
    "sources": "source citations",
    "json": "articles",
}


class ExportCancelled(Exception):
    """Raised from the progress callback to stop an export; the temp file is discarded."""


def default_file_name(what: ExportKind, today: date) -> str:
    stem = "library" if what == "json" else what
    return f"monitor-desk-{stem}-{today.isoformat()}.{'json' if what == 'json' else 'csv'}"


def last_folder(settings: QSettings) -> str:
    last = settings.value(LAST_FOLDER_KEY)
    for folder in (last if isinstance(last, str) else "", EXPORT_FOLDER.read(settings)):
        if folder and Path(folder).is_dir():
            return folder
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return docs if docs and Path(docs).is_dir() else str(Path.home())


def _total(library: Library, what: ExportKind, scope: ExportScope | None) -> int:
    """Rows to expect when that is cheap to know, else 0 (the bar is then indeterminate)."""
    if what == "notes":
        return library.exports.count_notes(scope)
    if what == "json" and scope is None:
        return len(library.articles.ids())
    if what == "json" and scope is not None and scope.article_ids is not None:
        by_notes = scope.highlight_ids is not None or scope.tag or scope.search
        return 0 if by_notes else len(set(scope.article_ids))
    return 0


def export_job(
    library: Library,
    what: ExportKind,
    path: str,
    scope: ExportScope | None,
    bom: bool,
    raw: bool,
    *,
    progress: Callable[[int, int, str], None],
    cancel: threading.Event,
) -> int | None:
    """Runs on the work queue: the row count, or None when cancelled."""
    if cancel.is_set():
        return None
    total = _total(library, what, scope)
    progress(0, total, what)

    def step(done: int) -> None:
        if cancel.is_set():
            raise ExportCancelled
        progress(done, total, what)

    try:
        return library.exports.write(what, path, scope, bom=bom, raw=raw, progress=step)
    except ExportCancelled:
        return None
