"""Import files into the library: read, decide new / revised / unchanged, analyse, store.

Files are written in batches, each batch one transaction holding every file whole with its
analysis, so a crash or a kill leaves every article whole or absent. Files are read and
analysed in batches so that spaCy's ``nlp.pipe`` batching pays off.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from sqlite_utils import Database

from . import store
from .anchoring import text_sha256
from .ingest import ParsedDocument, RejectedFile, iter_import_files, read_document
from .models import Analysis, FileOutcome, ImportReport

if TYPE_CHECKING:
    from collections.abc import Mapping

ProgressCallback = Callable[[int, int, str], None]
"""Called as ``progress(done, total, current_path)``."""

Analyzer = Callable[[Sequence[tuple[str, int, "Mapping[str, str]"]]], Iterator[Analysis]]

BATCH_FILES = 32


class CancelToken(Protocol):
    def is_set(self) -> bool: ...


@dataclass
class _Pending:
    path: Path
    doc: ParsedDocument
    sha: str
    article_id: int | None  # None: a new article


def _classify(db: Database, path: Path, doc: ParsedDocument, sha: str) -> FileOutcome | _Pending:
    row = db.execute(
        """SELECT a.id, r.text_sha256 FROM articles a
           LEFT JOIN revisions r ON r.id = a.current_revision_id WHERE a.source_path = ?""",
        [str(path)],
    ).fetchone()
    if row is None:
        return _Pending(path, doc, sha, None)
    article_id, current_sha = row
    if current_sha == sha:
        return FileOutcome(str(path), "unchanged", article_id)
    return _Pending(path, doc, sha, article_id)


def _write(db: Database, item: _Pending, analysis: Analysis | None) -> FileOutcome:
    """Store one file (inside the caller's transaction)."""
    if item.article_id is None:
        article_id = store.insert_article(db, item.doc, str(item.path), item.sha)
        status = "imported"
        reason = None
    else:
        article_id = item.article_id
        _, orphans = store.revise_article(db, article_id, item.doc, item.sha)
        status = "revised"
        reason = f"{orphans} highlight(s) could not be re-anchored" if orphans else None
    if analysis is not None:
        revision_id = db.execute(
            "SELECT current_revision_id FROM articles WHERE id = ?", [article_id]
        ).fetchone()[0]
        store.store_analysis(db, revision_id, analysis)
    return FileOutcome(str(item.path), status, article_id, reason)  # type: ignore[arg-type]


def _batches(files: list[Path], size: int) -> Iterable[list[Path]]:
    for i in range(0, len(files), size):
        yield files[i : i + size]


def import_files(
    db: Database,
    lock: threading.RLock,
    paths: Iterable[str | Path],
    analyzer: Analyzer | None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    skip: Iterable[Path] = (),
) -> ImportReport:
    """Import ``paths``; files in ``skip`` (the library's own files) are passed over."""
    report = ImportReport()
    skipped = {Path(p).resolve() for p in skip}
    files: list[Path] = []
    for p in paths:
        path = Path(p).expanduser()
        if not path.exists():
            report.files.append(FileOutcome(str(path), "rejected", reason="no such file or folder"))
            continue
        files.extend(f.resolve() for f in iter_import_files([path]))
    # A file named twice (or via two folders) is imported once; the library never itself.
    files = [f for f in dict.fromkeys(files) if f not in skipped]
    total = len(files)
    done = 0
    for batch in _batches(files, BATCH_FILES):
        if cancel is not None and cancel.is_set():
            report.cancelled = True
            break
        pending: list[_Pending] = []
        outcomes: dict[Path, FileOutcome | _Pending] = {}
        for path in batch:
            try:
                doc = read_document(path)
            except RejectedFile as exc:
                outcomes[path] = FileOutcome(str(path), "rejected", reason=str(exc))
                continue
            with lock:
                decided = _classify(db, path, doc, text_sha256(doc.text))
            outcomes[path] = decided
            if isinstance(decided, _Pending):
                pending.append(decided)
        analyses: dict[Path, Analysis] = {}
        if analyzer is not None and pending:
            results = analyzer([(p.doc.text, p.doc.body_start, p.doc.metadata) for p in pending])
            analyses = {p.path: a for p, a in zip(pending, results, strict=True)}
        # One transaction per batch: every file is written whole with its analysis or not
        # at all, and a crash loses at most the batch being written. (No savepoint per
        # file: each one makes FTS5 flush its index, which triples the cost of an import.)
        with lock, db.atomic():
            for path, outcome in outcomes.items():
                if cancel is not None and cancel.is_set():
                    report.cancelled = True
                    break
                if isinstance(outcome, _Pending):
                    outcome = _write(db, outcome, analyses.get(path))
                report.files.append(outcome)
                done += 1
                if progress is not None:
                    progress(done, total, str(path))
        if report.cancelled:
            break
    return report
