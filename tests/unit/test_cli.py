"""The command line: exit codes, JSON shapes, messages a user reads."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from monitor_desk.cli import main

BRIEF = """Publication: Monitor Volume: 9 Issue: 3 Date: 2003-01-06

Defence Minister Oleg Sorin said on Friday that the Baltic exercise would go ahead (Interfax, January 3).
"""


@pytest.fixture
def brief(tmp_path: Path) -> Path:
    p = tmp_path / "in" / "brief.txt"
    p.parent.mkdir()
    p.write_text(BRIEF, encoding="utf-8")
    return p


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_list_show_search_round_trip(
    tmp_path: Path, brief: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "lib.sqlite")
    code, out, _ = run(capsys, "--db", db, "import", "--no-analyze", str(brief.parent))
    assert code == 0
    assert "1 imported" in out

    code, out, _ = run(capsys, "--db", db, "list", "--json")
    (row,) = json.loads(out)
    assert row["publication"] == "Monitor"
    assert (row["volume"], row["issue"], row["date"]) == ("9", "3", "2003-01-06")
    assert row["source_path"] == str(brief.resolve())
    assert {"id", "title"} <= set(row)

    code, out, _ = run(capsys, "--db", db, "show", str(row["id"]))
    assert code == 0
    assert "Baltic exercise" in out

    code, out, _ = run(capsys, "--db", db, "search", "Baltic", "--json")
    assert [h["id"] for h in json.loads(out)] == [row["id"]]

    code, out, _ = run(capsys, "--db", db, "import", "--no-analyze", str(brief))
    assert code == 0
    assert "0 imported" in out
    assert "1 unchanged" in out


def test_a_rejected_file_gives_exit_status_1_and_its_reason(
    tmp_path: Path, brief: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (brief.parent / "blank.txt").write_bytes(b"\xef\xbb\xbf")
    code, out, _ = run(
        capsys, "--db", str(tmp_path / "l.sqlite"), "import", "--no-analyze", str(brief.parent)
    )
    assert code == 1
    assert "blank.txt" in out
    assert "1 imported" in out


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["import"])
    assert exc.value.code == 2


def test_unknown_article_and_bad_library_are_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "l.sqlite"), "show", "42")
    assert code == 1
    assert err.strip() == "monitor-desk: There is no article 42."
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"PK\x03\x04 not a database")
    code, _, err = run(capsys, "--db", str(bad), "list")
    assert code == 1
    assert "not a Monitor Desk library" in err
    assert len(err.strip().splitlines()) == 1


def test_env_var_chooses_the_library(
    tmp_path: Path,
    brief: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("MONITOR_DESK_DB", str(tmp_path / "env.sqlite"))
    run(capsys, "import", "--no-analyze", str(brief))
    assert (tmp_path / "env.sqlite").exists()
    _, out, _ = run(capsys, "list", "--json")
    assert len(json.loads(out)) == 1


def _gui_without(tmp_path: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}  # fmt: skip
    env.update(extra)
    return subprocess.run(
        [sys.executable, "-m", "monitor_desk", "--db", str(tmp_path / "l.sqlite")],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip


def test_without_a_display_the_gui_says_so_in_one_line(tmp_path: Path) -> None:
    res = _gui_without(tmp_path)
    assert res.returncode == 1
    assert res.stderr.strip().startswith("monitor-desk: no display found")
    assert len(res.stderr.strip().splitlines()) == 1
    assert "screenshot" in res.stderr


@pytest.mark.parametrize("display", [":99", "localhost:97.0", "unix:98"])
def test_an_unreachable_display_is_one_line_and_status_1_not_an_abort(
    tmp_path: Path, display: str
) -> None:
    """Qt's xcb plugin aborts (SIGABRT, "xcb-cursor0 is needed") on a dead DISPLAY."""
    res = _gui_without(tmp_path, DISPLAY=display)
    assert res.returncode == 1, res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert lines[0].startswith(f"monitor-desk: cannot connect to the display '{display}'")
    assert "xcb-cursor" not in res.stderr
    assert not (tmp_path / "l.sqlite").exists()  # nothing was opened or created


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="needs Xvfb")
def test_a_live_x_server_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    from monitor_desk.ui.display_check import display_problem

    server = subprocess.Popen(["Xvfb", ":87", "-nolisten", "tcp"], stderr=subprocess.DEVNULL)
    try:
        for name in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("DISPLAY", ":87")
        for _ in range(400):  # Xvfb takes a moment to listen (longer on a busy machine)
            if display_problem() is None or server.poll() is not None:
                break
            time.sleep(0.05)
        assert display_problem() is None
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert display_problem() is not None


def test_a_damaged_library_is_one_line_and_restore_backup_brings_the_copy_back(
    tmp_path: Path, brief: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os
    import time

    from monitor_desk.core import backups

    db = tmp_path / "lib.sqlite"
    assert main(["--db", str(db), "import", "--no-analyze", str(brief)]) == 0
    later = time.time() + 5
    os.utime(db, (later, later))
    assert main(["--db", str(db), "list"]) == 0  # this open makes the rolling copy
    assert backups.list_backups(db)
    with db.open("r+b") as f:  # a disk that lost the end of the file
        f.truncate(4096 * 3)
    capsys.readouterr()
    code, _, err = run(capsys, "--db", str(db), "search", "Baltic")
    assert code == 1
    assert "damaged" in err or "not a Monitor Desk library" in err
    assert len(err.strip().splitlines()) == 1
    code, out, _ = run(capsys, "--db", str(db), "restore-backup")
    assert code == 0
    assert "restored" in out
    code, out, _ = run(capsys, "--db", str(db), "search", "Baltic", "--json")
    assert code == 0
    assert len(json.loads(out)) == 1
    assert (tmp_path / "lib.sqlite.damaged").exists()
