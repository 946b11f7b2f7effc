"""Killed mid-upgrade: SIGKILL while ``0020_russian_search`` rebuilds the search index
leaves the library at its last finished step, whole; the next open finishes the upgrade
and search finds Russian words in any case form."""

from __future__ import annotations

import os
import pty
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from old_library import old_library

from monitor_desk.core.library import Library
from monitor_desk.core.schema import SCHEMA_VERSION

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

ARTICLES = 12_000


def _kill_during_the_rebuild(path: Path) -> str:
    """Run ``list`` on a terminal and kill it once its line says the search index is
    between 10% and 90% rebuilt; returns what the terminal showed."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "monitor_desk", "--db", str(path), "list"],
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env=dict(os.environ),
    )
    os.close(slave)
    seen = ""
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            seen += os.read(master, 4096).decode("utf-8", "replace")
            done = [int(p) for p in re.findall(r"search index (\d+)%", seen)]
            if done and 10 <= done[-1] <= 90:
                proc.send_signal(signal.SIGKILL)
                break
    finally:
        proc.wait(timeout=60)
        os.close(master)
    assert proc.returncode == -signal.SIGKILL, seen
    return seen


def test_a_kill_during_the_search_rebuild_leaves_a_library_that_opens_and_searches(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite"
    old_library(path, "0020_russian_search", ARTICLES)
    seen = _kill_during_the_rebuild(path)
    assert "Upgrading library: [" in seen
    with sqlite3.connect(path) as conn:  # as the kill left it: 0020 not there at all
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        steps = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
        assert "0018_taught_cues" in steps
        assert "0020_russian_search" not in steps
        columns = [r[1] for r in conn.execute("PRAGMA table_info(search_fts)")]
        assert "stems" not in columns
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "search_fts_stemmed" not in tables
    assert list(tmp_path.glob("old.sqlite.before-*.bak"))  # the copy made before the steps
    with Library.open(path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert lib.search_count("Медведева").hits == ARTICLES  # any case form: the stems
        assert lib.search_count("border").hits == ARTICLES
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
