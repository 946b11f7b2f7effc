"""The one service the GUI and the CLI call: ``Library``.

It is also the documented scripting API (docs/API.md). ``Library`` opens and closes the file,
imports and analyses; everything else is one of its parts, each over the same connection:
``lib.articles``, ``lib.highlights``, ``lib.tags``, ``lib.claims``, ``lib.sources``,
``lib.entities``, ``lib.corrections``, ``lib.deletions``, ``lib.details`` (the analyst's
edits of titles, dates and the like), ``lib.exports``, ``lib.reports`` (briefing
reports from tagged notes), ``lib.claim_views`` and ``lib.speakers`` (claims and speakers
across the library), ``lib.timelines`` (counts over time), ``lib.rules`` (publication
rules), ``lib.cues`` (the cues the analyst taught the claim extractor). Every public
method is safe to call from any thread: one lock serialises access to the single
connection, so no two threads write at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

from sqlite_utils import Database

from . import json_io, near_duplicates, reanalysis, search
from .article_delete import Deletions
from .article_edits import METADATA_WITH_LANGUAGE, ArticleDetails, DetailsSnapshot
from .articles import Articles
from .backups import KEEP
from .changes import Changes
from .claims.editing import Claims
from .connection import Connection
from .corrections import Corrections
from .db import environment_errors
from .entities import Entities
from .errors import LibraryFileError, NotFoundError
from .exports import Exports
from .highlights import Highlights
from .importer import Analyzer, CancelToken, ProgressCallback, import_files
from .models import Analysis, ImportReport, SearchCount, SearchHit
from .opening import open_library_file, record_close
from .paths import default_library_path, samples_dir
from .publication_rules import PublicationRules
from .reports import Reports
from .sources import Sources
from .sql import CURRENT_REVISION
from .tags import Tags
from .taught_cues import Cues
from .timelines import Timelines
from .upgrade import UpgradeCallback
from .views.claim_views import ClaimViews
from .views.speakers import Speakers

if TYPE_CHECKING:
    from .nlp.pipeline import LoadedPipeline


SCAN_BATCH = 200
"""Articles compared per transaction by ``scan_near_duplicates``."""


class Library:
    """A library file and everything in it.

    Attributes:
        path: the SQLite file, or None for an in-memory library (tests).
        db: the ``sqlite_utils.Database``; only core modules touch it.
        articles, highlights, tags, claims, sources, entities, exports, reports, details,
        claim_views, speakers, timelines, rules, cues: the parts.
    """

    def __init__(
        self,
        path: Path | None,
        read_only: bool = False,
        keep_backups: int = KEEP,
        progress: UpgradeCallback | None = None,
    ) -> None:
        self.path = path
        self.read_only = read_only
        self.keep_backups = keep_backups
        self.preferred_model: str | None = None
        opened = open_library_file(path, read_only, keep_backups, progress)
        self._file_lock, self._backup = opened.lock, opened.backup
        self._connection = Connection(opened.db)
        self._lock = self._connection.lock
        self.articles = Articles(self._connection)
        self.highlights = Highlights(self._connection)
        self.tags = Tags(self._connection)
        self.claims = Claims(self._connection)
        self.sources = Sources(self._connection)
        self.entities = Entities(self._connection)
        self.corrections = Corrections(self._connection)
        self.exports = Exports(self._connection, path)
        self.reports = Reports(self._connection, path)
        self.deletions = Deletions(self._connection)
        self.rules = PublicationRules(self._connection)
        self.details = ArticleDetails(self._connection)
        self.claim_views = ClaimViews(self._connection)
        self.speakers = Speakers(self._connection)
        self.timelines = Timelines(self._connection)
        self.cues = Cues(self._connection)
        self._pipeline: LoadedPipeline | None = None
        self._closing: list[Callable[[], None]] = []

    def notices(self) -> list[str]:
        """What the analyst should be told about the file: no copy made (no room on the
        disk), damage found by the background copy (once it has finished)."""
        return self._backup.notices() if self._backup is not None else []

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | Path | None = None,
        read_only: bool = False,
        keep_backups: int = KEEP,
        progress: UpgradeCallback | None = None,
    ) -> Library:
        """Open or create the library at ``path`` (default: the user's library file).

        Only one process may have a library open for writing; another gets
        ``LibraryInUseError`` and may open it ``read_only``. ``keep_backups``: how many
        rolling copies are kept (the newest). ``progress`` hears the steps of an upgrade of
        a library from an older Monitor Desk (``core/upgrade.py``), made after a copy.
        """
        if path is None:
            path = default_library_path()
        return cls(
            None if str(path) == ":memory:" else Path(path),
            read_only=read_only,
            keep_backups=keep_backups,
            progress=progress,
        )

    def close(self) -> None:
        """Close the file (again: nothing); then tell those ``when_closed`` asked to be."""
        if self._backup is not None:
            self._backup.wait()
        with self._lock:
            if self._connection.closed:
                return
            self._connection.close()
            if self._file_lock is not None and self.path is not None:
                record_close(self.path, damaged=bool(self._backup and self._backup.damage))
                self._file_lock.release()
                self._file_lock = None
        for callback in list(self._closing):
            callback()

    @property
    def closed(self) -> bool:
        return self._connection.closed

    @property
    def db(self) -> Database:
        """The ``sqlite_utils.Database`` (``LibraryClosedError`` once closed)."""
        return self._connection.db

    def when_closed(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call ``callback`` once ``close`` has closed the file (on the closing thread, the
        lock released): a window on the library closes instead of reading a closed file.
        Returns the function that takes the request back."""
        self._closing.append(callback)
        return lambda: self._closing.remove(callback) if callback in self._closing else None

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

            self._pipeline = load_pipeline(self.preferred_model)
        return self._pipeline

    @property
    def loaded_pipeline(self) -> LoadedPipeline | None:
        """The pipeline if it has loaded already, else None (never loads it)."""
        return self._pipeline

    def use_model(self, name: str | None) -> bool:
        """Prefer the spaCy model ``name`` (None: the default order); True when that
        changes the pipeline, which then loads again on next use. Stored analyses keep
        the model that made them until re-analysed."""
        name = name or None
        if name == self.preferred_model:
            return False
        self.preferred_model = name
        self._pipeline = None
        return True

    def _analyzer(self, processes: int) -> Analyzer:
        from .nlp.analysis import analyze_many

        def analyze(items: Iterable[tuple[str, int, Mapping[str, str]]]) -> Iterator[Analysis]:
            # The model loads only when a file actually needs analysing; the taught cues
            # are read afresh for each batch, so a cue taught meanwhile applies next.
            taught = self.cues.taught()
            return analyze_many(items, self.pipeline, n_process=processes, taught=taught)

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

    def ever_had_articles(self) -> bool:
        """An article was ever added (AUTOINCREMENT keeps the highest id ever given even
        when every article has been deleted)."""
        with self._lock:
            row = self.db.execute(
                "SELECT seq FROM sqlite_sequence WHERE name = 'articles'"
            ).fetchone()
        return bool(row and row[0])

    @environment_errors
    def seed_samples(self) -> ImportReport | None:
        """Import the bundled sample articles into a new library (first run); a library the
        analyst emptied by deleting its articles stays empty."""
        folder = samples_dir()
        if not self.is_empty() or self.ever_had_articles() or not folder.is_dir():
            return None
        return self.import_paths([folder], analyze=False)

    @environment_errors
    def reanalyze(
        self,
        article_ids: Iterable[int] | None = None,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        only_stale: bool = False,
        failed: list[tuple[int, str]] | None = None,
    ) -> int:
        """Analyse the current revision of the given articles (all when None); returns count.

        An article whose analysis fails is recorded and skipped; (article id, reason) is
        appended to ``failed`` when given."""
        with self._lock:
            rows = self.db.execute(
                f"""SELECT a.id, r.id, r.text, r.body_start, {METADATA_WITH_LANGUAGE},
                          r.pipeline_name, r.pipeline_version
                   FROM articles a {CURRENT_REVISION} ORDER BY a.id"""
            ).fetchall()
        if article_ids is not None:
            wanted = set(article_ids)
            missing = wanted - {r[0] for r in rows}
            if missing:
                raise NotFoundError(f"There is no article {min(missing)}.")
            rows = [r for r in rows if r[0] in wanted]
        if only_stale:  # analysed by another model, or (Russian lines) another natasha
            from .nlp.pipeline import analysing_again

            p = self.pipeline
            rows = [r for r in rows if (r[5], r[6]) != analysing_again(r[5], p)]
        pipeline = self.pipeline
        return reanalysis.reanalyze_rows(
            self.db,
            self._lock,
            rows,
            self._analyze,
            (pipeline.name, pipeline.version),
            progress,
            cancel,
            failed,
        )

    def set_language(
        self, article_ids: Iterable[int], language: str, progress: ProgressCallback | None = None
    ) -> Changes:
        """Set the articles' language (``en``, ``ru``; ``auto``: detect it) and analyse them
        again in it; the choice is kept through re-analyses, re-imports and JSON."""
        ids = list(dict.fromkeys(article_ids))
        changes = self.details.set_language(ids, language)
        self.reanalyze(ids, progress=progress)  # a failure is recorded on the article
        return changes

    def restore_language(
        self, snapshots: Sequence[DetailsSnapshot], progress: ProgressCallback | None = None
    ) -> Changes:
        """Undo ``set_language``: put back the choices taken before it
        (``details.language_snapshot``) and analyse those articles again in them, as the
        change did (articles deleted since are passed over)."""
        changes = self.details.restore(snapshots)
        kept = self.articles.ids(ids=[s.article_id for s in snapshots])  # not those deleted
        self.reanalyze(kept, progress=progress)
        return changes

    def scan_near_duplicates(
        self, progress: ProgressCallback | None = None, cancel: CancelToken | None = None
    ) -> list[tuple[int, int]]:
        """Compare the articles already in the library (imported before near-duplicates
        were looked for): each later copy is linked to its earlier original. Batches of
        ``SCAN_BATCH``, each its own transaction; returns (near-duplicate, original) pairs."""
        with self._connection.reading() as db:
            ids = near_duplicates.unlinked_ids(db)
        linked: list[tuple[int, int]] = []
        for start in range(0, len(ids), SCAN_BATCH):
            if cancel is not None and cancel.is_set():
                break
            with self._connection.writing() as db:
                for article_id in ids[start : start + SCAN_BATCH]:
                    found = near_duplicates.link_to_earlier(db, article_id)
                    if found is not None:
                        linked.append((article_id, found[0]))
            if progress is not None:
                progress(min(start + SCAN_BATCH, len(ids)), len(ids), "")
        return linked

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

    # -- search ---------------------------------------------------------------------------

    def search(self, query: str, limit: int = 100, offset: int = 0) -> list[SearchHit]:
        """Full-text search over article text, highlights (quote, note, tags) and claims:
        the best ``limit`` hits after the first ``offset``."""
        with self._lock:
            return search.search(self.db, query, limit, offset)

    def search_count(self, query: str, articles_up_to: int | None = None) -> SearchCount:
        """How many hits ``search`` has for ``query`` in all, and in how many articles
        (not counted, None, past ``articles_up_to`` hits: that count is the slow part)."""
        with self._lock:
            return search.count(self.db, query, articles_up_to)

    def search_article_ids(self, query: str) -> list[int]:
        """Every article with a hit of ``query``: "Show these in the library list"."""
        with self._lock:
            return search.article_ids(self.db, query)
