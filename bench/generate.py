"""Benchmark libraries of 1k, 10k and 100k articles, cached in ``bench/.cache/``.

The 1k library is made the way a user makes one: 1,000 briefs recombined from real news
paragraphs (the corpus; our samples when it is absent) imported through ``core.library``
with the full analysis, then highlights with tags on 60% of the articles. Larger libraries
repeat those 1,000 articles (new paths, issues and dates) by copying their rows in SQL,
so entity, claim, citation and note densities stay those of real analysed text.

    python bench/generate.py 1000 10000 100000     # build what is missing, print paths
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from _common import REPO, make_briefs

from monitor_desk.core.library import Library

# Both can be changed for the smoke test, which builds tiny libraries in a temp folder.
CACHE = Path(os.environ.get("MONITOR_DESK_BENCH_CACHE", REPO / "bench" / ".cache"))
VERSION = "v3"  # bump when the recipe changes
BASE = int(os.environ.get("MONITOR_DESK_BENCH_BASE", "1000"))


def _base(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, text in enumerate(make_briefs(BASE)):
            (folder / f"brief_{i:05}.txt").write_text(text, encoding="utf-8")
        with Library.open(path) as lib:
            report = lib.import_paths([folder], analyze=True)
            assert report.count("imported") == BASE, report.to_dict()
            rng = random.Random(5)
            tags = [f"topic/{t}" for t in ("arms", "energy", "caucasus", "media", "economy")]
            tags += ["people", "claim", "follow-up", "source/reliable", "source/doubtful"]
            for article_id in lib.articles.ids():
                if rng.random() > 0.6:
                    continue
                text = lib.articles.get(article_id).text
                for _ in range(rng.randint(1, 3)):
                    start = rng.randrange(0, max(1, len(text) - 160))
                    lib.highlights.add(
                        article_id, start, start + rng.randint(15, 150),
                        tags=rng.sample(tags, rng.randint(1, 2)), note="checked against wires",
                    )  # fmt: skip
    # the copies must not be moved off the shared folder where Library made them
    for suffix in ("-wal", "-shm", ".lock"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


_COPY = """
INSERT INTO articles(id, source_path, title, publication, volume, issue, date, author,
                     metadata_json, current_revision_id, imported, modified)
  SELECT id + :a, source_path || '#' || :k, title, publication, CAST(volume AS INTEGER) + :k * 4,
         issue, date(date, '+' || :k || ' days'), author, metadata_json,
         current_revision_id + :r, imported, modified FROM src.articles;
INSERT INTO revisions(id, article_id, number, text, body_start, text_sha256, encoding, created,
                      pipeline_name, pipeline_version, analyzed)
  SELECT id + :r, article_id + :a, number, text, body_start, text_sha256 || :k, encoding,
         created, pipeline_name, pipeline_version, analyzed FROM src.revisions;
INSERT INTO entities(revision_id, start, "end", label, text, cluster, model_label, model_cluster,
                     added, entity_id)
  SELECT revision_id + :r, start, "end", label, text, cluster, model_label, model_cluster, added,
         entity_id FROM src.entities;
INSERT INTO citations(id, revision_id, idx, start, "end", text, covers_json)
  SELECT id + :c, revision_id + :r, idx, start, "end", text, covers_json FROM src.citations;
INSERT INTO citation_items(citation_id, outlet_id, outlet_text, date_text, date_start, date_end)
  SELECT citation_id + :c, outlet_id, outlet_text, date_text, date_start, date_end
  FROM src.citation_items;
INSERT INTO claims(id, revision_id, speaker_start, speaker_end, speaker_text, speaker_name,
                   cue_start, cue_end, cue_text, content_start, content_end, content_text, kind,
                   quotes_json, citation_id, credibility, origin)
  SELECT id + :cl, revision_id + :r, speaker_start, speaker_end, speaker_text, speaker_name,
         cue_start, cue_end, cue_text, content_start, content_end, content_text, kind,
         quotes_json, citation_id + :c, credibility, origin FROM src.claims;
INSERT INTO highlights(id, article_id, revision_id, start, "end", exact, prefix, suffix,
                       text_sha256, color, note, status, created, modified)
  SELECT id + :h, article_id + :a, revision_id + :r, start, "end", exact, prefix, suffix,
         text_sha256 || :k, color, note, status, created, modified FROM src.highlights;
INSERT INTO highlight_tags(highlight_id, tag_id)
  SELECT highlight_id + :h, tag_id FROM src.highlight_tags;
INSERT INTO search_fts(rowid, article_id, title, body)
  SELECT (rowid / 4 + CASE rowid % 4 WHEN 0 THEN :a WHEN 1 THEN :h ELSE :cl END) * 4
         + rowid % 4, article_id + :a, title, body FROM src.search_fts;
"""


def _grow(base: Path, path: Path, size: int) -> None:
    shutil.copy(base, path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("ATTACH ? AS src", [str(base)])
    maxes = {
        t: conn.execute(f"SELECT MAX(id) FROM src.{t}").fetchone()[0] or 0
        for t in ("articles", "revisions", "citations", "claims", "highlights")
    }
    conn.execute("BEGIN")
    for k in range(1, size // BASE):
        params = {
            "k": k,
            "a": k * maxes["articles"],
            "r": k * maxes["revisions"],
            "c": k * maxes["citations"],
            "cl": k * maxes["claims"],
            "h": k * maxes["highlights"],
        }
        for statement in _COPY.strip().split(";\n"):
            conn.execute(statement, params)
    conn.execute("COMMIT")
    conn.execute("DETACH src")
    conn.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def library(size: int) -> Path:
    """Path of the cached benchmark library with ``size`` articles (built when missing)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    base = CACHE / f"lib-{BASE}-{VERSION}.sqlite"
    if not base.exists():
        t0 = time.perf_counter()
        partial = base.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        _base(partial)
        partial.rename(base)
        print(f"built {base.name} in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    if size == BASE:
        return base
    path = CACHE / f"lib-{size}-{VERSION}.sqlite"
    if not path.exists():
        t0 = time.perf_counter()
        partial = path.with_suffix(".partial")
        _grow(base, partial, size)
        partial.rename(path)
        print(f"built {path.name} in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return path


def working_copy(size: int, folder: Path) -> Path:
    """A copy a benchmark may write to (the cached library stays as built)."""
    target = folder / f"lib-{size}.sqlite"
    shutil.copy(library(size), target)
    return target


if __name__ == "__main__":
    for arg in sys.argv[1:] or ["1000"]:
        print(library(int(arg)))
