"""An older library's upgrade says what it is doing: the copy, each step, and how far the
long steps are — on the terminal as one line, nothing with ``-q`` or into a pipe."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from old_library import old_library

from monitor_desk.core import schema
from monitor_desk.core.library import Library
from monitor_desk.core.schema import SCHEMA_VERSION, migrations
from monitor_desk.core.upgrade import UpgradeProgress, upgrade_pending

BEFORE = "0016_chart_counts"


def _steps_from(name: str) -> list[str]:
    names = [m.name for m in migrations._migrations]
    return names[names.index(name) :]


def test_the_upgrade_reports_the_copy_each_step_and_the_search_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite"
    old_library(path, BEFORE, 5)
    assert upgrade_pending(path)
    monkeypatch.setattr(schema, "REBUILD_BATCH", 2)
    heard: list[UpgradeProgress] = []
    with Library.open(path, progress=heard.append) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [h.article_id for h in lib.search("Медведев")] == [1, 2, 3, 4, 5]
    assert not upgrade_pending(path)
    steps = _steps_from(BEFORE)
    assert heard[0] == UpgradeProgress(0, len(steps), "copying the library")
    (copy,) = tmp_path.glob("old.sqlite.before-0016_chart_counts-*.bak")
    assert heard[1].backup == copy
    assert (heard[1].step, heard[1].label) == (1, "chart counts")
    assert [h.label for h in heard[-2:]] == ["writing the library file", "done"]
    # every step announced in order, numbered from 1
    firsts = {}
    for h in heard:
        if h.step and not h.finished:
            firsts.setdefault(h.step, h.label)
    assert list(firsts) == list(range(1, len(steps) + 1))
    assert "chart counts" in firsts.values()
    assert "search index" in firsts.values()
    # the five search rows copied two at a time, then the index merged
    search = [h for h in heard if h.label == "search index" and h.total and not h.finished]
    assert [(h.done, h.total) for h in search] == [(2, 5), (4, 5), (5, 5)]
    assert [h.percent for h in search] == [40, 80, 100]
    assert any(h.label == "merging the search index" for h in heard)
    counts = [h for h in heard if h.label == "chart counts" and h.total]
    assert counts
    assert counts[-1].done == counts[-1].total
    assert heard[-1].finished
    assert heard[-1].backup == copy
    assert all(h.backup == copy for h in heard[1:])


def test_a_current_library_or_a_new_one_reports_nothing(tmp_path: Path) -> None:
    heard: list[UpgradeProgress] = []
    path = tmp_path / "new.sqlite"
    Library.open(path, progress=heard.append).close()
    Library.open(path, progress=heard.append).close()
    assert heard == []
    assert not upgrade_pending(path)


def _on_terminal(args: list[str]) -> tuple[int, str]:
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "monitor_desk", *args],
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env=dict(os.environ),
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")


def test_the_cli_upgrades_on_a_terminal_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old_library(path, BEFORE, 3)
    status, seen = _on_terminal(["--db", str(path), "list"])
    assert status == 0, seen
    steps = len(_steps_from(BEFORE))
    assert "Upgrading library: copying the library" in seen
    assert f"Upgrading library: [1/{steps}] chart counts" in seen
    assert f"[{steps}/{steps}]" in seen or f"{steps} steps in" in seen
    last = seen.rstrip("\r\n").split("\r")[-1]
    assert last.startswith(f"Upgrading library: {steps} steps in 0:0")
    assert "the library as it was is kept as old.sqlite.before-0016_chart_counts-" in last
    assert seen.count("\n") == 1  # one line, redrawn, ended once


@pytest.mark.parametrize("quiet", [True, False])
def test_quiet_or_a_pipe_gets_no_upgrade_line(tmp_path: Path, quiet: bool) -> None:
    path = tmp_path / "old.sqlite"
    old_library(path, BEFORE, 3)
    if quiet:
        status, seen = _on_terminal(["-q", "--db", str(path), "list"])
    else:
        done = subprocess.run(
            [sys.executable, "-m", "monitor_desk", "--db", str(path), "list"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        status, seen = done.returncode, done.stderr
    assert status == 0, seen
    assert "Upgrading" not in seen
    with Library.open(path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
