"""Files whose text is already an article are reported as duplicates, not imported."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from monitor_desk import cli
from monitor_desk.core.library import Library
from monitor_desk.core.schema import SCHEMA_VERSION, migrations

BRIEF = "BORDER TALKS\n\nForeign Minister Ivan Petrov said the border talks would resume.\n"


def _write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def test_a_copy_with_other_line_ends_and_spacing_is_a_duplicate_naming_the_article(
    tmp_path: Path, library: Library
) -> None:
    first = _write(tmp_path / "a.txt", BRIEF)
    assert library.import_paths([first], analyze=False).count("imported") == 1
    copy = _write(tmp_path / "b.txt", BRIEF.replace("\n", "\r\n").replace(" said", "   said"))

    report = library.import_paths([copy], analyze=False)

    assert [(f.status, f.article_id) for f in report.files] == [("duplicate", 1)]
    assert report.files[0].reason == "same text as article 1 (BORDER TALKS)"
    assert report.ok
    assert not report.rejected
    assert report.to_dict()["duplicates"][0]["article_id"] == 1
    assert [a.id for a in library.articles.list()] == [1]
    assert len(library.search("Petrov")) == 1


def test_copies_inside_one_import_become_one_article(tmp_path: Path, library: Library) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("1.txt", "2.txt", "3.txt"):
        _write(folder / name, BRIEF)
    _write(folder / "4.txt", BRIEF.replace("resume", "stop"))

    report = library.import_paths([folder], analyze=False)

    assert report.count("imported") == 2
    assert len(report.duplicates) == 2
    original = next(f for f in report.files if f.path.endswith("1.txt"))
    assert {f.article_id for f in report.duplicates} == {original.article_id}
    assert len(library.articles.list()) == 2


def test_a_different_text_and_a_revised_file_are_not_duplicates(
    tmp_path: Path, library: Library
) -> None:
    path = _write(tmp_path / "a.txt", BRIEF)
    library.import_paths([path], analyze=False)
    _write(path, BRIEF + "Extra line.\n")  # the same file, edited: a revision
    assert library.import_paths([path], analyze=False).count("revised") == 1
    _write(tmp_path / "old.txt", BRIEF)  # the text the article no longer has
    assert library.import_paths([tmp_path / "old.txt"], analyze=False).count("imported") == 1


def test_articles_from_a_json_import_are_recognised_as_duplicates(
    tmp_path: Path, library: Library
) -> None:
    first = _write(tmp_path / "a.txt", BRIEF)
    library.import_paths([first], analyze=False)
    library.exports.write("json", tmp_path / "export.json")
    with Library.open(tmp_path / "other.sqlite") as other:
        other.import_json(tmp_path / "export.json")
        copy = _write(tmp_path / "copy.txt", BRIEF.replace("\n", "\r\n"))
        report = other.import_paths([copy], analyze=False)
        assert [f.status for f in report.files] == ["duplicate"]
        assert len(other.articles.list()) == 1


def test_cli_import_reports_duplicates_on_one_line_each_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.sqlite"
    _write(tmp_path / "a.txt", BRIEF)
    _write(tmp_path / "b.txt", BRIEF)
    code = cli.main(["--db", str(db), "import", "--no-analyze", str(tmp_path / "a.txt")])
    assert code == 0
    capsys.readouterr()
    assert cli.main(["--db", str(db), "import", "--no-analyze", str(tmp_path / "b.txt")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"duplicate: {tmp_path / 'b.txt'}: same text as article 1 (BORDER TALKS)"
    assert out[1].endswith("0 rejected, 1 duplicate(s)")


def test_the_bbc_corpus_copies_are_reported_not_imported(corpus: Path, library: Library) -> None:
    folder = corpus / "news" / "bbc_politics"
    files = sorted(folder.glob("*.txt"))
    by_bytes: dict[str, list[Path]] = {}
    for f in files:
        by_bytes.setdefault(hashlib.sha256(f.read_bytes()).hexdigest(), []).append(f)
    copies = sum(len(group) - 1 for group in by_bytes.values())
    assert copies > 0

    report = library.import_paths([folder], analyze=False)

    assert len(report.duplicates) >= copies
    assert report.count("imported") == len(files) - len(report.duplicates)
    titles = [a.title for a in library.articles.list()]
    hits = library.search('"third term vision"')
    assert len({h.article_id for h in hits}) == len(hits)  # no hit twice
    assert len(titles) == report.count("imported")


def _before_0008(path: Path) -> None:
    db = Database(path)
    migrations.apply(db, stop_before="0008_article_hygiene")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    db.execute(
        "INSERT INTO articles(id, source_path, title, current_revision_id, imported, modified) "
        "VALUES (5, '/old/a.txt', 'BORDER TALKS', 7, 'x', 'x')"
    )
    db.execute(
        "INSERT INTO revisions(id, article_id, number, text, text_sha256, created) "
        "VALUES (7, 5, 1, ?, 'sha', 'x')",
        [BRIEF],
    )
    db.execute(
        "INSERT INTO search_fts(rowid, article_id, title, body) VALUES (20, 5, 'BORDER TALKS', ?)",
        [BRIEF],
    )
    db.conn.commit()
    db.close()


def test_a_library_from_before_0008_upgrades_with_hashes_and_ids_never_reused(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite"
    _before_0008(path)
    with Library.open(path) as lib:
        assert lib.articles.get(5).text == BRIEF  # the data is intact
        for table in ("articles", "revisions", "entities", "citations", "citation_items"):
            sql = lib.db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table])
            assert "AUTOINCREMENT" in sql.fetchone()[0], table
        assert lib.ever_had_articles()
        assert lib.seed_samples() is None
        copy = _write(tmp_path / "copy.txt", BRIEF)
        assert lib.import_paths([copy], analyze=False).duplicates[0].article_id == 5
        lib.deletions.delete([5])
        new = _write(tmp_path / "new.txt", "OTHER\n\nAnother text.\n")
        assert lib.import_paths([new], analyze=False).files[0].article_id == 6
    with sqlite3.connect(path) as conn:
        plan = conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM revisions WHERE norm_sha256 = 'x'"
        ).fetchall()
        assert "idx_revisions_norm" in json.dumps(plan)
