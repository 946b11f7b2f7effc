"""Claims and speakers across the library at 1k/10k/100k articles (targets at 100k: the
claims view opens and each filter applies in <= 100 ms; a speaker profile <= 200 ms;
``monitor-desk claims --speaker NAME --json`` <= 1 s end to end).

"Open" and each filter are what the Claims view does: the exact count and the first page
of 200 rows in date order. The benchmark libraries (``generate.py``) copy the 1k analysed
briefs; the copies' mentions are linked to their library entities here first (the copy
recipe predates library entities), once per size, in a cached file.

    python claim_views.py --sizes 1000,10000,100000 --runs 5
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _common import REPO, report
from generate import CACHE, library
from sqlite_utils import Database

from monitor_desk.core.library import Library
from monitor_desk.core.schema import SCHEMA_VERSION, migrations
from monitor_desk.core.views.claim_query import ClaimFilter

_LINK = """
UPDATE entities SET model_label = label, model_cluster = cluster WHERE model_label IS NULL;
CREATE TEMP TABLE link AS SELECT cluster, label, MIN(entity_id) AS eid FROM entities
    WHERE entity_id IS NOT NULL GROUP BY cluster, label;
CREATE UNIQUE INDEX temp.link_key ON link(cluster, label);
UPDATE entities SET entity_id = (SELECT eid FROM link WHERE link.cluster = entities.cluster
    AND link.label = entities.label) WHERE entity_id IS NULL;
"""


MIGRATE_S: dict[int, float] = {}
"""Seconds the pending schema steps took on a library built in this run, by size."""


def linked_library(size: int) -> Path:
    """The benchmark library of ``size`` articles, every mention linked (built once per
    schema: the file is named after the last schema step, so branches never share one)."""
    last = migrations._migrations[-1].name
    path = CACHE / f"lib-{size}-claimviews-{last}.sqlite"
    if not path.exists():
        partial = path.with_suffix(".partial")
        shutil.copy(library(size), partial)
        conn = sqlite3.connect(partial, isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        # Linked first: the steps from 0015 keep stored speakers by triggers on mentions,
        # which _LINK's millions of updates would fire one by one.
        conn.executescript("BEGIN;" + _LINK + "COMMIT;")
        # The schema steps the cached file lacks, without the backup copy Library.open
        # makes first (gigabytes at 100k); timed, as an analyst's first open would be.
        t0 = time.perf_counter()
        migrations.apply(Database(conn))
        MIGRATE_S[size] = round(time.perf_counter() - t0, 1)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        for suffix in ("-wal", "-shm", ".lock"):
            partial.with_name(partial.name + suffix).unlink(missing_ok=True)
        partial.rename(path)
    return path


def ms(action: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        action()
        times.append((time.perf_counter() - t0) * 1000)
    return round(statistics.median(times), 1)


def measure(size: int, runs: int) -> dict[str, Any]:
    path = linked_library(size)
    with Library.open(path, read_only=True) as lib:
        views = lib.claim_views
        speakers_t0 = time.perf_counter()
        speakers = lib.speakers.list()
        speakers_ms = round((time.perf_counter() - speakers_t0) * 1000, 1)
        named = [s for s in speakers if s.entity_id is not None] or speakers
        if not named:
            raise SystemExit(f"the {size}-article library has no claims with speakers")
        top = named[0]
        # also a speaker as an analyst follows one: the 20th most quoted
        mid = named[min(19, len(named) - 1)]
        mid_speaker = views.speaker(mid.name)
        outlet = next((s.top_outlets[0][0] for s in speakers if s.top_outlets), "Reuters")
        speaker = views.speaker(top.name)
        filters = {
            "open": ClaimFilter(),
            "speaker": ClaimFilter(speaker=speaker),
            "cue": ClaimFilter(cue="warn"),
            "outlet": ClaimFilter(outlet=outlet),
            "tag": ClaimFilter(tag="topic/arms"),
            "dates": ClaimFilter(since="1999-03-01", until="1999-03-31"),
            "words": ClaimFilter(search="oil"),
            "speaker+dates": ClaimFilter(speaker=speaker, since="1999-06-01"),
            "speaker (20th)": ClaimFilter(speaker=mid_speaker),
        }

        def first_page(f: ClaimFilter) -> None:
            # Every run as the first time the filter is chosen: the view keeps a selective
            # filter's ordered ids while the library is unchanged, which would time nothing.
            views._listed.clear()
            counted = views.count(f)
            views.page(f, 0, 200, counted=counted)

        view_ms = {name: ms(lambda f=f: first_page(f), runs) for name, f in filters.items()}
        last = views.count(ClaimFilter()).total
        view_ms["last page"] = ms(lambda: views.page(ClaimFilter(), max(0, last - 200), 200), runs)
        profile_ms = ms(lambda: lib.speakers.profile(speaker), runs)
        profile_mid_ms = ms(lambda: lib.speakers.profile(mid_speaker), runs)
        mid_claims = views.count(ClaimFilter(speaker=mid_speaker)).total
        claims = views.count(ClaimFilter()).total
        speaker_claims = views.count(ClaimFilter(speaker=speaker)).total
    env = dict(os.environ, PYTHONPATH=str(REPO))
    # As installed: pip compiles the modules, the package ships them compiled. Without
    # bytecode every run would compile Monitor Desk, spaCy's and sqlite-utils' modules anew.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # A command opens the library for writing, and the first open of a changed file makes
    # its rolling backup copy (minutes for the 2.7 GB 100k file): made here, not timed.
    with Library.open(path):
        pass

    def cli(name: str, expected: int) -> float:
        def once() -> float:
            t0 = time.perf_counter()
            res = subprocess.run(
                [sys.executable, "-m", "monitor_desk.cli", "--db", str(path), "claims",
                 "--speaker", name, "--json"],
                env=env, capture_output=True, text=True, check=True,
            )  # fmt: skip
            assert res.stdout.count('"claim_id"') == expected
            return time.perf_counter() - t0

        once()  # the first run writes the bytecode, as an install does
        return round(statistics.median(once() for _ in range(max(1, runs))), 2)

    cli_s = cli(top.name, speaker_claims)
    cli_mid_s = cli(mid.name, mid_claims)
    return {
        "articles": size, "claims": claims, "speakers": len(speakers),
        "speakers_list_ms": speakers_ms, "view_ms": view_ms,
        "worst_view_ms": max(view_ms.values()), "profile_ms": profile_ms,
        "speaker": top.name, "speaker_claims": speaker_claims, "cli_claims_json_s": cli_s,
        "speaker_20th": mid.name, "speaker_20th_claims": mid_claims,
        "profile_20th_ms": profile_mid_ms, "cli_claims_json_20th_s": cli_mid_s,
        "migrate_s": MIGRATE_S.get(size),
    }  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    results = [measure(int(s), args.runs) for s in args.sizes.split(",")]
    largest = results[-1]
    report(
        "claim_views",
        articles=largest["articles"],
        worst_view_ms=largest["worst_view_ms"],
        profile_ms=largest["profile_ms"],
        cli_claims_json_s=largest["cli_claims_json_s"],
        targets={"view_ms": 100, "profile_ms": 200, "cli_claims_json_s": 1},
        results=results,
    )


if __name__ == "__main__":
    main()
