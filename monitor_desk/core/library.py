"""The one service the GUI and the CLI call: ``Library``.

It is also the documented scripting API (docs/API.md). Every public method is safe to
call from any thread: one lock serialises access to the single connection, so no two
threads write at once.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from . import backups, notes, notes_query, search, store
from .db import environment_errors
from .errors import NotFoundError
from .filelock import LibraryLock
from .full_disk import open_library_database
from .importer import Analyzer, CancelToken, ProgressCallback, import_files
from .library_export import ExportMixin
from .models import (
    Analysis,
    Article,
    ArticleSummary,
    Highlight,
    ImportReport,
    SearchHit,
    Tag,
)
from .paths import default_library_path, samples_dir
from .review import ReviewMixin

if TYPE_CHECKING:
    from .nlp.pipeline import LoadedPipeline

SORT_COLUMNS = {
    "title": ("a.title COLLATE NOCASE",),
    "publication": ("a.publication COLLATE NOCASE",),
    "issue": (
        "a.publication COLLATE NOCASE",
        "CAST(a.volume AS INTEGER)",
        "CAST(a.issue AS INTEGER)",
    ),
    "date": ("a.date",),
    "notes": ("a.notes_count",),
    "imported": (),
}

_SUMMARY_SQL = """
    SELECT a.id, a.title, a.publication, a.volume, a.issue, a.date, a.author, a.source_path,
           (SELECT COUNT(*) FROM revisions r WHERE r.article_id = a.id) AS revision_count,
           a.notes_count,
           a.imported
    FROM articles a
"""


_SUMMARY_FIELDS = (
    "id", "title", "publication", "volume", "issue", "date", "author", "source_path",
    "revision_count", "notes_count", "imported",
)  # fmt: skip


class Library(ExportMixin, ReviewMixin):
    """A library file and everything in it.

    Attributes:
        path: the SQLite file, or None for an in-memory library (tests).
        db: the ``sqlite_utils.Database``; only core modules touch it.
    """

    def __init__(self, path: Path | None, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._file_lock: LibraryLock | None = None
        existed = path is not None and path.exists()
        if path is not None and not read_only:
            self._file_lock = LibraryLock(path)
            self._file_lock.acquire()
        try:
            self.db, disk_full = open_library_database(path, read_only)
        except BaseException:
            if self._file_lock is not None:
                self._file_lock.release()
            raise
        self._lock = threading.RLock()
        self._pipeline: LoadedPipeline | None = None
        self._backup: threading.Thread | None = None
        if path is not None and existed and not read_only and not disk_full:
            self._backup = backups.start_rolling_backup(path)

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path | None = None, read_only: bool = False) -> Library:
        """Open or create the library at ``path`` (default: the user's library file).

        Only one process may have a library open for writing; another gets
        ``LibraryInUseError`` and may open it ``read_only``.
        """
        if path is None:
            path = default_library_path()
        return cls(None if str(path) == ":memory:" else Path(path), read_only=read_only)

    def close(self) -> None:
        if self._backup is not None:
            self._backup.join()
        with self._lock:
            self.db.close()
            if self._file_lock is not None:
                self._file_lock.release()
                self._file_lock = None

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- analysis pipeline ------------------------------------------------------------------

    @property
    def pipeline(self) -> LoadedPipeline:
        """The spaCy pipeline, loaded on first use (slow: call it off the GUI thread)."""
        if self._pipeline is None:
            from .nlp.pipeline import load_pipeline

            self._pipeline = load_pipeline()
        return self._pipeline

    def _analyzer(self, processes: int) -> Analyzer:
        from .nlp.analysis import analyze_many

        def analyze(items: Iterable[tuple[str, int, Mapping[str, str]]]) -> Iterator[Analysis]:
            # The model loads only when a file actually needs analysing.
            return analyze_many(items, self.pipeline, n_process=processes)

        return analyze

    def _analyze(self, items: Sequence[tuple[str, int, Mapping[str, str]]]) -> Iterator[Analysis]:
        return self._analyzer(1)(items)

    # -- import ---------------------------------------------------------------------------

    @environment_errors
    def import_paths(
        self,
        paths: Iterable[str | Path],
        analyze: bool = True,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        processes: int = 1,
    ) -> ImportReport:
        """Import files and folders (recursively); see ``ImportReport`` for the outcome.

        ``processes`` > 1 parses in that many worker processes (worth it for hundreds of
        files; the CLI uses it, the GUI keeps to one so it never forks a threaded process).
        """
        own: list[Path] = []
        if self.path is not None:
            own = [
                self.path.with_name(self.path.name + s)
                for s in ("", "-wal", "-shm", "-journal", ".lock")
            ]
        return import_files(
            self.db,
            self._lock,
            paths,
            self._analyzer(processes) if analyze else None,
            progress,
            cancel,
            own,
        )

    def is_empty(self) -> bool:
        with self._lock:
            return self.db.execute("SELECT NOT EXISTS (SELECT 1 FROM articles)").fetchone()[0] == 1

    @environment_errors
    def seed_samples(self) -> ImportReport | None:
        """Import the bundled sample articles into an empty library (first run)."""
        folder = samples_dir()
        if not self.is_empty() or not folder.is_dir():
            return None
        return self.import_paths([folder], analyze=False)

    @environment_errors
    def reanalyze(
        self,
        article_ids: Iterable[int] | None = None,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        only_stale: bool = False,
    ) -> int:
        """Analyse the current revision of the given articles (all when None); returns count."""
        with self._lock:
            rows = self.db.execute(
                """SELECT a.id, r.id, r.text, r.body_start, a.metadata_json, r.pipeline_name,
                          r.pipeline_version
                   FROM articles a JOIN revisions r ON r.id = a.current_revision_id
                   ORDER BY a.id"""
            ).fetchall()
        if article_ids is not None:
            wanted = set(article_ids)
            missing = wanted - {r[0] for r in rows}
            if missing:
                raise NotFoundError(f"There is no article {min(missing)}.")
            rows = [r for r in rows if r[0] in wanted]
        if only_stale:
            p = self.pipeline
            rows = [r for r in rows if (r[5], r[6]) != (p.name, p.version)]
        done = 0
        for start in range(0, len(rows), 32):
            if cancel is not None and cancel.is_set():
                break
            batch = rows[start : start + 32]
            items = [(r[2], r[3], json.loads(r[4])) for r in batch]
            for row, analysis in zip(batch, self._analyze(items), strict=True):
                with self._lock, self.db.atomic():
                    store.store_analysis(self.db, row[1], analysis)
                done += 1
                if progress is not None:
                    progress(done, len(rows), str(row[0]))
        return done

    # -- articles ---------------------------------------------------------------------------

    def _filters(
        self,
        publication: str | None = None,
        tag: str | None = None,
        entity: str | None = None,
        outlet: str | None = None,
        volume: str | None = None,
        issue: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> tuple[str, list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        for column, value in (("publication", publication), ("volume", volume), ("issue", issue)):
            if value is not None:
                where.append(f"a.{column} = ? COLLATE NOCASE")
                params.append(value)
        if date_from:
            where.append("a.date >= ?")
            params.append(date_from)
        if date_to:
            where.append("a.date <= ?")
            params.append(date_to + "\uffff")
        if tag is not None:
            sub, sub_params = notes.tagged_highlights_sql(tag)
            where.append(f"a.id IN (SELECT article_id FROM highlights WHERE id IN ({sub}))")
            params += sub_params
        if entity is not None:
            where.append(
                """a.current_revision_id IN (SELECT revision_id FROM entities
                   WHERE cluster = ? COLLATE NOCASE OR text = ? COLLATE NOCASE)"""
            )
            params += [entity, entity]
        if outlet is not None:
            where.append(
                """a.current_revision_id IN (SELECT c.revision_id FROM citations c
                   JOIN citation_items ci ON ci.citation_id = c.id
                   JOIN outlets o ON o.id = ci.outlet_id WHERE o.name = ? COLLATE NOCASE)"""
            )
            params.append(outlet)
        return (" WHERE " + " AND ".join(where)) if where else "", params

    def article_ids(
        self, sort: str = "imported", descending: bool = False, **filters: Any
    ) -> list[int]:
        """Ids of the articles that pass ``filters``, in ``sort`` order (cheap at 100k:
        every order has an index, and the ids come back as one string, not 100k rows)."""
        direction = " DESC" if descending else ""
        order = ", ".join(f"{part}{direction}" for part in (*SORT_COLUMNS[sort], "a.id"))
        where, params = self._filters(**filters)
        sql = f"SELECT group_concat(id) FROM (SELECT a.id FROM articles a{where} ORDER BY {order})"
        with self._lock:
            joined = self.db.execute(sql, params).fetchone()[0]
        return list(map(int, joined.split(","))) if joined else []

    def summaries(self, ids: Sequence[int]) -> list[ArticleSummary]:
        """Rows for the given ids, in the same order (missing ids are left out)."""
        found: dict[int, ArticleSummary] = {}
        with self._lock:
            for i in range(0, len(ids), 500):
                chunk = list(ids[i : i + 500])
                marks = ",".join("?" * len(chunk))
                for row in self.db.execute(f"{_SUMMARY_SQL} WHERE a.id IN ({marks})", chunk):
                    found[row[0]] = ArticleSummary(*row)
        return [found[i] for i in ids if i in found]

    def list_articles(self, sort: str = "imported", **filters: Any) -> list[ArticleSummary]:
        return self.summaries(self.article_ids(sort, **filters))

    def get_article(self, article_id: int) -> Article:
        with self._lock:
            row = self.db.execute(
                f"""{_SUMMARY_SQL.replace("FROM articles a", "")},
                    r.text, r.body_start, r.id, r.text_sha256, r.encoding, a.metadata_json,
                    r.pipeline_name, r.pipeline_version
                    FROM articles a JOIN revisions r ON r.id = a.current_revision_id
                    WHERE a.id = ?""",
                [article_id],
            ).fetchone()
        if row is None:
            raise NotFoundError(f"There is no article {article_id}.")
        *summary, text, body_start, rev_id, sha, enc, meta, p_name, p_version = row
        pipeline = f"{p_name} {p_version}" if p_name else None
        fields: dict[str, Any] = dict(zip(_SUMMARY_FIELDS, summary, strict=True))
        return Article(
            **fields,
            text=text,
            body_start=body_start,
            revision_id=rev_id,
            text_sha256=sha,
            encoding=enc,
            metadata=json.loads(meta),
            pipeline=pipeline,
        )

    def get_analysis(self, article_id: int) -> Analysis | None:
        """The stored analysis of the article's current revision, or None if not analysed."""
        with self._lock:
            return store.load_analysis(self.db, self.get_article(article_id).revision_id)

    # -- highlights and tags --------------------------------------------------------------

    @environment_errors
    def add_highlight(
        self,
        article_id: int,
        start: int,
        end: int,
        tags: Iterable[str] = (),
        note: str = "",
        color: str | None = None,
    ) -> int:
        """Highlight ``text[start:end]`` (code points) of the article's current text."""
        with self._lock, self.db.atomic():
            return notes.add_highlight(self.db, article_id, start, end, tags, note, color)

    @environment_errors
    def update_highlight(
        self,
        highlight_id: int,
        tags: Iterable[str] | None = None,
        note: str | None = None,
        color: str | None = ...,  # type: ignore[assignment]
    ) -> None:
        with self._lock, self.db.atomic():
            notes.update_highlight(self.db, highlight_id, tags, note, color)

    @environment_errors
    def delete_highlight(self, highlight_id: int) -> None:
        with self._lock, self.db.atomic():
            notes.delete_highlight(self.db, highlight_id)

    def get_highlight(self, highlight_id: int) -> Highlight:
        with self._lock:
            return notes.get_highlight(self.db, highlight_id)

    def list_highlights(
        self, article_id: int | None = None, tag: str | None = None
    ) -> list[Highlight]:
        with self._lock:
            return notes.list_highlights(self.db, article_id, tag)

    def highlight_ids(
        self, article_id: int | None = None, tag: str | None = None, text: str = ""
    ) -> notes_query.HighlightIds:
        """Ordered ids (and orphan count) of the highlights the Notes list shows: of one
        article or all, with ``tag`` or a sub-tag, holding every word of ``text``."""
        with self._lock:
            return notes_query.highlight_ids(self.db, article_id, tag, text)

    def highlights_by_ids(self, ids: Sequence[int]) -> list[Highlight]:
        """The highlights with these ids, in the same order (missing ids are left out)."""
        with self._lock:
            return notes_query.highlights_by_ids(self.db, ids)

    def list_tags(self) -> list[Tag]:
        with self._lock:
            return notes.list_tags(self.db)

    @environment_errors
    def create_tag(self, name: str, color: str | None = None) -> int:
        with self._lock, self.db.atomic():
            tid = notes.tag_id(self.db, name)
            if color is not None:
                notes.recolor_tag(self.db, name, color)
            return tid

    @environment_errors
    def rename_tag(self, old: str, new: str) -> None:
        with self._lock, self.db.atomic():
            notes.rename_tag(self.db, old, new)

    @environment_errors
    def merge_tags(self, source: str, target: str) -> int:
        with self._lock, self.db.atomic():
            return notes.merge_tags(self.db, source, target)

    @environment_errors
    def recolor_tag(self, name: str, color: str | None) -> None:
        with self._lock, self.db.atomic():
            notes.recolor_tag(self.db, name, color)

    @environment_errors
    def delete_tag(self, name: str) -> int:
        with self._lock, self.db.atomic():
            return notes.delete_tag(self.db, name)

    # Undo support: the GUI's undo stack snapshots before a change and puts it back after.

    def restore_highlight(self, highlight: Highlight) -> None:
        """Write a highlight back exactly as given (same id, anchor, times, tags)."""
        with self._lock, self.db.atomic():
            notes.restore_highlight(self.db, highlight)

    def tag_snapshot(self, name: str) -> notes.TagSnapshot:
        """The tag's row and the ids of the highlights carrying it."""
        with self._lock:
            return notes.tag_snapshot(self.db, name)

    def restore_tag(self, snapshot: notes.TagSnapshot) -> None:
        """Make the tag exactly ``snapshot`` again (id, name, colour, its highlights)."""
        with self._lock, self.db.atomic():
            notes.restore_tag(self.db, snapshot)

    # -- search ---------------------------------------------------------------------------

    def search(self, query: str, limit: int = 100) -> list[SearchHit]:
        """Full-text search over article text, highlights (quote, note, tags) and claims."""
        with self._lock:
            return search.search(self.db, query, limit)
