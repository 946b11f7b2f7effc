"""Import files into the library: read, decide new / revised / unchanged, analyse, store.

Files are written in batches, each batch one transaction holding every file whole with its
analysis, so a crash or a kill leaves every article whole or absent.
"""

from __future__ import annotations

import itertools
import logging
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from sqlite_utils import Database

from . import analysis_store, articles, duplicates, near_duplicates, publication_rules
from .anchoring import text_sha256
from .ingest import ParsedDocument, RejectedFile, iter_import_files
from .ingest.errors import Cancelled
from .ingest.parts import read_parts
from .models import Analysis, FileOutcome, ImportReport
from .nlp.language import with_override
from .path_text import path_text

ProgressCallback = Callable[[int, int, str], None]
"""Called as ``progress(done, total, current_path)``; while a long PDF is read, also after
each page as ``progress(done, total, "PATH (page N of M)")`` (``done`` unchanged)."""
PAGES_SHOWN = 10
"""PDFs of this many pages or more report their pages as they are read."""

Analyzer = Callable[[Iterable[tuple[str, int, "Mapping[str, str]"]]], Iterator[Analysis]]

BATCH_FILES = 32
_log = logging.getLogger(__name__)


class CancelToken(Protocol):
    def is_set(self) -> bool: ...


@dataclass
class _Pending:
    path: Path
    doc: ParsedDocument
    sha: str
    article_id: int | None  # None: a new article
    note: str | None = None  # said in the report (why the file was not analysed)
    norm_sha: str = ""  # the normalised text's hash (duplicates.py)
    copies: list[Path] = field(default_factory=list)  # later files of this import, same text
    language: str | None = None  # the analyst's language for this article (a revision)


def _classify(db: Database, path: Path, doc: ParsedDocument, sha: str) -> FileOutcome | _Pending:
    row = db.execute(
        """SELECT a.id, r.text_sha256, a.language_override FROM articles a
           LEFT JOIN revisions r ON r.id = a.current_revision_id WHERE a.source_path = ?""",
        [path_text(path)],
    ).fetchone()
    if row is None:
        norm = duplicates.normalized_sha256(doc.text)
        found = duplicates.find_duplicate(db, norm)
        if found is not None:
            reason = duplicates.duplicate_reason(*found)
            return FileOutcome(path_text(path), "duplicate", found[0], reason)
        return _Pending(path, doc, sha, None, norm_sha=norm)
    article_id, current_sha, language = row
    if current_sha == sha:
        return FileOutcome(path_text(path), "unchanged", article_id)
    return _Pending(path, doc, sha, article_id, language=language)


def _write(db: Database, item: _Pending, analysis: Analysis | None) -> FileOutcome:
    """Store one file (inside the caller's transaction)."""
    near_of: int | None = None
    if item.article_id is None:
        article_id = articles.insert_article(
            db, item.doc, path_text(item.path), item.sha, item.norm_sha or None
        )
        status = "imported"
        # Linked here, not when the file was read: an earlier file of the same batch is
        # written by now and can be the original.
        original = near_duplicates.link(db, article_id, item.doc.text)
        reason = near_duplicates.near_duplicate_reason(*original) if original else None
        near_of = original[0] if original else None
    else:
        article_id = item.article_id
        revised = articles.revise_article(db, article_id, item.doc, item.sha)
        status = "revised"
        lost = [
            f"{n} {what} could not be re-anchored (kept as orphans)"
            for n, what in (
                (revised.orphan_highlights, "highlight(s)"),
                (revised.orphan_claims, "claim(s)"),
            )
            if n
        ]
        reason = "; ".join(lost) or None
    if analysis is not None:
        revision_id = db.execute(
            "SELECT current_revision_id FROM articles WHERE id = ?", [article_id]
        ).fetchone()[0]
        analysis_store.store_analysis(db, revision_id, analysis)
        if analysis.error is not None:
            item.note = f"analysis failed ({analysis.error})"
    if analysis is None or analysis.error is not None:  # (a stored analysis applied them)
        publication_rules.apply_rules(db, [article_id])  # a rule's year where the file gave none
    if item.note:
        reason = "; ".join(filter(None, [reason, item.note]))
    return FileOutcome(path_text(item.path), status, article_id, reason, near_of)  # type: ignore[arg-type]


_RACES = ("SQLITE_PROTOCOL", "SQLITE_BUSY")
_RETRIES = 4


class _Run:
    """One import: the report, progress and cancel, and the batch waiting to be written."""

    def __init__(
        self,
        db: Database,
        lock: threading.RLock,
        total: int,
        progress: ProgressCallback | None,
        cancel: CancelToken | None,
        report: ImportReport,
    ) -> None:
        self.db, self.lock, self.total = db, lock, total
        self.progress, self.cancel, self.report = progress, cancel, report
        self.done = 0
        self.shown = 0  # the count last reported: files analysed reach it before written
        self.batch: list[tuple[_Pending, Analysis | None]] = []
        # New files of this import by normalised text: a later copy waits for the first
        # to be written, then is reported as its duplicate.
        self.new_texts: dict[str, _Pending] = {}

    def cancelled(self) -> bool:
        if self.cancel is not None and self.cancel.is_set():
            self.report.cancelled = True
        return self.report.cancelled

    def record(self, outcome: FileOutcome) -> None:
        self.report.files.append(outcome)
        self.done += 1
        self.show(self.done, outcome.path)

    def show(self, done: int, path: str) -> None:
        """Report progress per file, never backwards (a batch's files were counted as they
        were read and analysed, before the batch is written)."""
        if self.progress is not None and (done > self.shown or done == 0):
            self.shown = done
            self.progress(done, self.total, path)

    def read(self, files: Iterable[Path]) -> Iterator[_Pending]:
        """Files that need writing; rejected and unchanged ones are recorded on the way."""
        for file in files:
            if self.cancelled():
                return
            try:
                parts = read_parts(file, on_page=self._page_reader(file))
            except Cancelled:
                return  # a long PDF stopped in the middle: not imported, reported cancelled
            self.total += len(parts) - 1  # an e-mail's or a mailbox's parts each count
            for path, doc in parts:
                if isinstance(doc, RejectedFile):
                    self.record(FileOutcome(path_text(path), "rejected", reason=str(doc)))
                    continue
                yield from self._decide(path, doc)

    def _page_reader(self, file: Path) -> Callable[[int, int], None]:
        """Hears each page of a PDF read: stops the reading on Cancel, tells the progress."""

        def on_page(done: int, total: int) -> None:
            if self.cancelled():
                raise Cancelled
            if self.progress is not None and total >= PAGES_SHOWN:
                self.progress(self.done, self.total, f"{path_text(file)} (page {done} of {total})")

        return on_page

    def _decide(self, path: Path, doc: ParsedDocument) -> Iterator[_Pending]:
        with self.lock:
            decided = _classify(self.db, path, doc, text_sha256(doc.text))
        if isinstance(decided, FileOutcome):
            self.record(decided)
        elif decided.article_id is None and decided.norm_sha in self.new_texts:
            self.new_texts[decided.norm_sha].copies.append(path)
        else:
            if decided.article_id is None:
                self.new_texts[decided.norm_sha] = decided
            yield decided

    def add(self, item: _Pending, analysis: Analysis | None) -> None:
        self.batch.append((item, analysis))
        self.show(self.done + len(self.batch), path_text(item.path))
        if len(self.batch) >= BATCH_FILES:
            self.flush()

    def flush(self) -> None:
        # One transaction per batch: every file is written whole with its analysis or not
        # at all, and a crash loses at most the batch being written. (No savepoint per
        # file: each one makes FTS5 flush its index, which triples the cost of an import.)
        if not self.batch:
            return
        for attempt in itertools.count():
            try:
                with self.lock, self.db.atomic():
                    outcomes = [_write(self.db, item, analysis) for item, analysis in self.batch]
                break
            except sqlite3.OperationalError as exc:
                # WAL's lost locking race (SQLITE_PROTOCOL: other connections kept winning
                # it, e.g. a reader polling the file) or a busy reader: the batch was rolled
                # back whole, and SQLite's advice is to try again. Anything else is real.
                if attempt >= _RETRIES or getattr(exc, "sqlite_errorname", "") not in _RACES:
                    raise
                time.sleep(0.1 * (attempt + 1))
        written = [item for item, _ in self.batch]
        self.batch.clear()
        for item, outcome in zip(written, outcomes, strict=True):
            self.record(outcome)
            for copy in item.copies:
                reason = duplicates.duplicate_reason(outcome.article_id or 0, item.doc.title)
                self.record(FileOutcome(path_text(copy), "duplicate", outcome.article_id, reason))


def import_files(
    db: Database,
    lock: threading.RLock,
    paths: Iterable[str | Path],
    analyzer: Analyzer | None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    skip: Iterable[Path] = (),
) -> ImportReport:
    """Import ``paths``; files in ``skip`` (the library's own files) are passed over.

    Files stream through reading, analysis (one ``nlp.pipe`` over the whole import, so its
    batching and worker processes pay off) and batched writes.
    """
    report = ImportReport()
    skipped = {Path(p).resolve() for p in skip}
    files: list[Path] = []
    for p in paths:
        path = Path(p).expanduser()
        if not path.exists():
            report.files.append(
                FileOutcome(path_text(path), "rejected", reason="no such file or folder")
            )
            continue
        files.extend(f.resolve() for f in iter_import_files([path]))
    # A file named twice (or via two folders) is imported once; the library never itself.
    files = [f for f in dict.fromkeys(files) if f not in skipped]
    run = _Run(db, lock, len(files), progress, cancel, report)
    run.show(0, "")  # the total is known before the first file is read (or the model loads)
    pending = run.read(files)
    if analyzer is None:
        for item in pending:
            run.add(item, None)
    elif (first := next(pending, None)) is not None:  # no model load when nothing changed
        queue: deque[_Pending] = deque()

        def items() -> Iterator[tuple[str, int, Mapping[str, str]]]:
            for item in itertools.chain([first], pending):
                queue.append(item)
                yield (
                    item.doc.text,
                    item.doc.body_start,
                    with_override(item.doc.metadata, item.language),
                )

        results = analyzer(items())
        analyses = iter(results)
        try:
            while not run.cancelled():
                try:
                    analysis = next(analyses)
                except StopIteration:
                    break
                except Exception as exc:
                    # The analyser itself broke (one text's failure is an Analysis with an
                    # error, so this is the model): every file is still imported, unanalysed,
                    # and says so. A failure to *store* is not caught here: it stops the
                    # import with its batch rolled back (whole articles or none).
                    _log.exception("analysis stopped during an import")
                    note = f"not analysed: the analysis stopped ({type(exc).__name__}: {exc})"
                    for item in itertools.chain(queue, pending):
                        item.note = note[:300]
                        run.add(item, None)
                        if run.cancelled():
                            break
                    break
                run.add(queue.popleft(), analysis)
        finally:
            close = getattr(results, "close", None)
            if close is not None:
                close()
    run.cancelled()
    run.flush()
    return report
