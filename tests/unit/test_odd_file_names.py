"""A file whose name is not valid UTF-8 (issue 13, item 13): it imports like any other, its
name is shown with the odd byte as ``\\xNN``, and a re-import of it adds nothing."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from monitor_desk.core.library import Library

BRIEF = "Publication: Monitor Volume: 9 Issue: {n}\n\nOleh Petrenko said that talk {n} went well.\n"
ODD_NAME = b"caf\xe9 brief.txt"  # Latin-1 "é": not UTF-8


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    try:
        with open(os.path.join(os.fsencode(folder), ODD_NAME), "w", encoding="utf-8") as fh:
            fh.write(BRIEF.format(n=1))
    except (OSError, UnicodeError):  # a file system that insists on UTF-8 names
        pytest.skip("this file system does not take non-UTF-8 file names")
    (folder / "normal.txt").write_text(BRIEF.format(n=2), encoding="utf-8")
    return folder


def test_an_odd_file_name_imports_is_shown_escaped_and_reimports_as_unchanged(
    folder: Path, tmp_path: Path
) -> None:
    with Library.open(tmp_path / "lib.sqlite") as lib:
        report = lib.import_paths([folder], analyze=False)
        assert [f.status for f in report.files] == ["imported", "imported"]
        shown = str(folder / "caf\\xe9 brief.txt")
        assert sorted(a.source_path or "" for a in lib.articles.list()) == sorted(
            [shown, str(folder / "normal.txt")]
        )
        json.dumps(report.to_dict(), ensure_ascii=False).encode("utf-8")  # valid UTF-8
        again = lib.import_paths([folder], analyze=False)
        assert [f.status for f in again.files] == ["unchanged", "unchanged"]
        # The odd one alone, named directly, is the same article too.
        alone = lib.import_paths([os.fsdecode(os.path.join(os.fsencode(folder), ODD_NAME))])
        assert [f.status for f in alone.files] == ["unchanged"]
        assert len(lib.articles.list()) == 2
        odd = next(a.id for a in lib.articles.list() if a.source_path == shown)
        start = lib.articles.get(odd).text.index("Oleh Petrenko")
        lib.highlights.add(odd, start, start + len("Oleh Petrenko"), tags=["odd"])
        out = io.StringIO()
        lib.exports.write("notes", out)
        (row,) = csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff")))
        assert (row["source_path"], row["quote"]) == (shown, "Oleh Petrenko")


def test_the_cli_imports_both_files_and_prints_valid_utf8(folder: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict", "LC_ALL": "C.UTF-8"}
    db = str(tmp_path / "lib.sqlite")
    cmd = [sys.executable, "-m", "monitor_desk.cli", "--db", db]
    done = subprocess.run(
        [*cmd, "import", "--no-analyze", str(folder)], capture_output=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "2 imported" in done.stdout.decode("utf-8")
    listed = subprocess.run([*cmd, "list", "--json"], capture_output=True, env=env, timeout=120)
    paths = sorted(a["source_path"] for a in json.loads(listed.stdout.decode("utf-8")))
    assert paths == sorted([str(folder / "caf\\xe9 brief.txt"), str(folder / "normal.txt")])
    again = subprocess.run(
        [*cmd, "import", "--no-analyze", str(folder)], capture_output=True, env=env, timeout=120
    )
    assert "0 imported, 0 revised, 2 unchanged" in again.stdout.decode("utf-8")
