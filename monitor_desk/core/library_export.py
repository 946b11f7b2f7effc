"""Exports and the JSON import of ``Library`` (mixed into it): CSV of notes, claims and
sources, lossless JSON. Methods use ``self.db`` under ``self._lock``."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from . import export, json_io
from .db import environment_errors, utc_now
from .errors import LibraryFileError
from .export import ExportKind, ExportScope
from .export_target import write_export_file


class ExportMixin:
    db: Any
    path: Path | None
    _lock: threading.RLock

    @environment_errors
    def export(
        self,
        what: ExportKind,
        out: str | Path | TextIO,
        scope: ExportScope | None = None,
        bom: bool = True,
        raw: bool = False,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Export ``notes`` | ``claims`` | ``sources`` as CSV, or ``json`` (the whole library
        or the scope's articles); ``out`` is a path (written atomically; the library's own
        files and devices are refused) or a text stream.
        Returns the number of rows (articles for JSON)."""

        def write(stream: TextIO) -> int:
            with self._lock:
                if what == "json":
                    ids = None if scope is None else self._json_scope_ids(scope)
                    return json_io.export_json(
                        self.db,
                        stream,
                        ids,
                        exported_at=utc_now(),
                        progress=(lambda d, t: progress(d)) if progress else None,
                    )
                return export.export_csv(self.db, what, stream, scope, bom, raw, progress)

        if isinstance(out, str | Path):
            # Never onto the library itself, its side files, copies or a device.
            return write_export_file(Path(out), write, self.path)
        return write(out)

    def count_notes(self, scope: ExportScope | None = None) -> int:
        """How many notes an export of ``scope`` would write (for a progress bar)."""
        with self._lock:
            return export.count_notes(self.db, scope or ExportScope())

    def _json_scope_ids(self, scope: ExportScope) -> list[int]:
        if scope.highlight_ids is not None or scope.tag or scope.search:
            where, params = export._note_filters(scope)
            sql = f"SELECT DISTINCT h.article_id FROM highlights h{where} ORDER BY 1"
            return [r[0] for r in self.db.execute(sql, params)]
        if scope.article_ids is not None:
            return sorted(set(scope.article_ids))
        return [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY id")]

    @environment_errors
    def import_json(
        self, source: str | Path | TextIO, progress: Callable[[int, int], None] | None = None
    ) -> dict[str, int]:
        """Merge a JSON export into this library (no duplicates); returns counts."""
        if isinstance(source, str | Path):
            try:
                with open(source, encoding="utf-8-sig") as f:
                    doc = json_io.read_export(f)
            except OSError as exc:
                raise LibraryFileError(f"Cannot read {source}: {exc.strerror}.") from exc
        else:
            doc = json_io.read_export(source)
        with self._lock:
            return json_io.import_json(self.db, doc, progress)
