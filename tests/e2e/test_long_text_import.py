"""A text over spaCy's 1,000,000 characters in an import, through the command (issue 13,
item 12): it used to abort the whole import with E088 (0 imported) and ``reanalyze --all``.
Now both files are imported and analysed, the long one to its last paragraph."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from monitor_desk.core.library import Library

pytestmark = pytest.mark.slow

HEADER = "Publication: Monitor Volume: 9 Issue: 12\n\n"
PARAGRAPH = (
    "Foreign Minister Igor Ivanov said on Tuesday that talks with NATO in Brussels "
    "would resume (Interfax, September {day}). Officials in Kyiv met him again."
)


def cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # The rule fallback keeps the test quick; spaCy's length limit is the same for it.
    env = {**os.environ, "MONITOR_DESK_FORCE_FALLBACK": "1"}
    return subprocess.run(
        [sys.executable, "-m", "monitor_desk", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )


def test_a_file_over_a_million_characters_and_a_normal_one_are_both_analysed(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    paragraphs = [PARAGRAPH.format(day=1 + i % 28) for i in range(8_000)]
    big = HEADER + "\n\n".join(paragraphs) + "\n\nLast of all, NATO met in Riga.\n"
    assert len(big) > 1_200_000  # over the limit even with the citations taken out
    (folder / "big.txt").write_text(big, encoding="utf-8")
    (folder / "normal.txt").write_text(HEADER + PARAGRAPH.format(day=3) + "\n", encoding="utf-8")
    db = tmp_path / "lib.sqlite"

    done = cli(db, "import", str(folder))
    assert done.returncode == 0, done.stderr
    assert "2 imported" in done.stdout
    with Library.open(db, read_only=True) as lib:
        by_name = {Path(a.source_path or "").name: a.id for a in lib.articles.list()}
        normal = lib.articles.analysis(by_name["normal.txt"])
        long = lib.articles.analysis(by_name["big.txt"])
        assert normal is not None
        assert long is not None
        assert [c.text for c in normal.citations] == ["(Interfax, September 3)"]
        assert len(long.citations) == 8_000
        last = big.rindex("NATO")
        assert any((e.start, e.text) == (last, "NATO") for e in long.entities)
        assert lib.articles.unanalyzed_ids() == []

    again = cli(db, "reanalyze", "--all")
    assert again.returncode == 0, again.stderr
    assert "2 article(s) analysed" in again.stdout
