"""``lib.exports``: CSV of notes, claims and sources, and the lossless JSON of the library
(or of some of its articles)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from . import export, json_io
from .connection import Component, Connection
from .db import environment_errors, utc_now
from .export import ExportKind, ExportScope
from .export_target import write_export_file


class Exports(Component):
    """Attributes:
    path: the library file, which an export must never overwrite (None: in memory).
    """

    def __init__(self, connection: Connection, path: Path | None) -> None:
        super().__init__(connection)
        self.path = path

    @environment_errors
    def write(
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
            where = export.note_where(scope)
            sql = f"SELECT DISTINCT h.article_id FROM highlights h{where.sql()} ORDER BY 1"
            return [r[0] for r in self.db.execute(sql, where.params)]
        if scope.article_ids is not None:
            return sorted(set(scope.article_ids))
        return [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY id")]
