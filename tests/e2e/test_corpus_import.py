"""Import the real corpus through the installed command, as the issue's check does."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.corpus


def cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "monitor_desk", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_import_monitor_reuters_and_encodings(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    folders = [corpus / "monitor", corpus / "news" / "reuters21578", corpus / "encodings"]
    extra = tmp_path / "bad"
    extra.mkdir()
    (extra / "empty.txt").write_bytes(b"")
    (extra / "blob.bin").write_bytes(bytes(range(256)) * 64)

    res = cli(db, "import", "--no-analyze", *map(str, folders), str(extra))
    assert res.returncode == 1, res.stderr
    assert "empty.txt" in res.stdout
    assert "blob.bin" in res.stdout

    rows = json.loads(cli(db, "list", "--json").stdout)
    paths = [r["source_path"] for r in rows]
    assert len(paths) == len(set(paths))
    expected = {
        str(p.resolve())
        for folder in folders
        for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }
    # The same text in another encoding is one article: its other files are reported as
    # duplicates of it (issue 15, item 4), not lost.
    duplicates = {
        line.split(": ", 2)[1] for line in res.stdout.splitlines() if line.startswith("duplicate: ")
    }
    assert expected <= set(paths) | duplicates
    assert not duplicates & set(paths)

    monitor = next(r for r in rows if r["source_path"].endswith("000_04f6411dca48fe90.txt"))
    assert (monitor["publication"], monitor["volume"], monitor["issue"]) == ("Monitor", "5", "177")
    shown = json.loads(cli(db, "show", str(monitor["id"]), "--json").stdout)
    assert not shown["text"][shown["body_start"] :].startswith("Publication")

    for r in rows:
        if "/encodings/" in r["source_path"] and "LICENSE" not in r["source_path"]:
            art = json.loads(cli(db, "show", str(r["id"]), "--json").stdout)
            letters = [c for c in art["text"] if c.isalpha()]
            cyrillic = sum("\u0400" <= c <= "\u04ff" for c in letters)
            assert cyrillic / len(letters) > 0.5, r["source_path"]

    again = cli(db, "import", "--no-analyze", *map(str, folders))
    assert again.returncode == 0
    assert len(json.loads(cli(db, "list", "--json").stdout)) == len(rows)

    hits = json.loads(cli(db, "search", "peacekeeping", "--json").stdout)
    assert monitor["id"] in [h["id"] for h in hits]


@pytest.mark.skipif(shutil.which("true") is None, reason="needs a POSIX shell")
def test_version_flag() -> None:
    res = subprocess.run(
        [sys.executable, "-m", "monitor_desk", "--version"], capture_output=True, text=True
    )
    assert res.returncode == 0
    assert res.stdout.startswith("monitor-desk ")
