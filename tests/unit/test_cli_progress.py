"""The command line's progress line: on a terminal it counts, gives a rate and the time left;
into a pipe or with --quiet it writes nothing."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from monitor_desk.cli.progress import TerminalProgress, clock


def test_the_line_gives_count_rate_and_time_left() -> None:
    line = TerminalProgress(sys.stderr, "files")
    assert line.line(0, 200, "a.txt", now=100.0) == "[0/200]  files  a.txt"
    line.line(10, 200, "a.txt", now=105.0)  # the model took 5 s to load: not counted
    middle = line.line(60, 200, "b.txt", now=115.0)  # 50 files in 10 s: 5/s, 140 to go
    assert middle == "[60/200]  files  b.txt  5.0/s  0:28 left"
    assert line.line(200, 200, "", now=150.0).endswith("in 0:50")


def test_an_unknown_total_still_counts_and_gives_a_rate() -> None:
    line = TerminalProgress(sys.stderr, "rows")
    line.line(0, None, now=0.0)
    line.line(10, None, now=1.0)
    assert line.line(3010, None, now=3.0) == "[3010]  rows  1500/s"


@pytest.mark.parametrize(("seconds", "text"), [(8, "0:08"), (750, "12:30"), (3723, "1:02:03")])
def test_clock(seconds: float, text: str) -> None:
    assert clock(seconds) == text


def _folder(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "briefs"
    folder.mkdir()
    for i in range(n):
        (folder / f"brief{i:03d}.txt").write_text(
            f"Title: Brief {i}\n\nOfficials in Riga met on day {i} to discuss the border.\n",
            encoding="utf-8",
        )
    return folder


def _run_on_terminal(args: list[str]) -> tuple[int, str]:
    """Run the CLI with stderr on a pseudo-terminal; returns (status, what the terminal got)."""
    master, slave = pty.openpty()
    env = dict(os.environ)
    proc = subprocess.Popen(
        [sys.executable, "-m", "monitor_desk", *args],
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # the child closed its end
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")


def test_import_on_a_terminal_shows_the_count_and_ends_the_line(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 30)
    status, seen = _run_on_terminal(
        ["--db", str(tmp_path / "l.sqlite"), "import", str(folder), "--no-analyze"]
    )
    assert status == 0, seen
    assert "[30/30]  files" in seen
    assert "\r" in seen
    assert seen.rstrip().endswith(tuple("0123456789"))  # "... in 0:00"


def test_quiet_and_pipes_get_no_progress_line(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 5)
    status, seen = _run_on_terminal(
        ["--db", str(tmp_path / "q.sqlite"), "import", "--quiet", str(folder), "--no-analyze"]
    )
    assert status == 0
    assert "[" not in seen, seen
    piped = subprocess.run(
        [sys.executable, "-m", "monitor_desk", "--db", str(tmp_path / "p.sqlite"), "import",
         str(folder), "--no-analyze"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert piped.returncode == 0
    assert "[" not in piped.stderr
    assert "\r" not in piped.stderr
    assert "5 imported" in piped.stdout


def test_export_on_a_terminal_counts_rows(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 3)
    db = str(tmp_path / "e.sqlite")
    subprocess.run(
        [sys.executable, "-m", "monitor_desk", "--db", db, "import", str(folder), "--no-analyze"],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    out = tmp_path / "lib.json"
    status, seen = _run_on_terminal(["--db", db, "export", "json", "-o", str(out)])
    assert status == 0, seen
    assert "[3]  articles" in seen
    assert out.exists()
