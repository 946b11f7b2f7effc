"""Near-duplicates (issue 15 item 4): the same wire story with another headline or a trailing
line is imported but linked to the original; the library list can hide it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlite_utils import Database

from monitor_desk import cli
from monitor_desk.core.library import Library
from monitor_desk.core.near_duplicates import THRESHOLD, similarity
from monitor_desk.core.schema import SCHEMA_VERSION, migrations

STORY = (
    "Foreign Minister Ivan Petrov said on Tuesday that talks on the northern border would "
    "resume next month in Geneva, after a pause of almost a year. Petrov told reporters the "
    "two delegations had agreed on an agenda covering customs posts, river crossings and the "
    "return of refugees displaced by last winter's fighting. A spokesman for the other side "
    "confirmed the date but said no agreement on the crossings was expected before spring. "
    "Diplomats in the capital described the announcement as a cautious step forward.\n"
)
OTHER = (
    "Foreign Minister Ivan Petrov met the visiting trade delegation on Wednesday to discuss "
    "grain exports and the price of fuel for the coming winter. Officials said the talks "
    "covered rail tariffs, the backlog at the ports and a loan for new storage facilities in "
    "the south. Petrov said the northern border would stay open to freight throughout the "
    "season. No agreement was signed, and a second round is planned in the capital after the "
    "harvest, according to a statement from the ministry.\n"
)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _import(library: Library, path: Path) -> tuple[str, int | None, str | None]:
    report = library.import_paths([path], analyze=False)
    (f,) = report.files
    return f.status, f.article_id, f.reason


@pytest.fixture
def linked(tmp_path: Path, library: Library) -> tuple[int, int]:
    """Article 1 the original, 2 the same story under another headline."""
    _, original, _ = _import(library, _write(tmp_path / "a.txt", "BORDER TALKS\n\n" + STORY))
    _, copy, _ = _import(library, _write(tmp_path / "b.txt", "Talks to resume\n\n" + STORY))
    assert original is not None
    assert copy is not None
    return original, copy


def test_scores_on_synthetic_pairs_fall_either_side_of_the_threshold() -> None:
    headline = similarity("BORDER TALKS\n\n" + STORY, "Talks on border to resume\n\n" + STORY)
    trailing = similarity(STORY, STORY + "(Reporting by A. Writer; editing by B. Editor)\n")
    different = similarity(STORY, OTHER)
    assert headline >= THRESHOLD
    assert trailing >= THRESHOLD
    assert different < THRESHOLD - 20


def test_the_same_story_under_another_headline_is_imported_and_linked(
    tmp_path: Path, library: Library
) -> None:
    _import(library, _write(tmp_path / "a.txt", "BORDER TALKS\n\n" + STORY))

    status, article_id, reason = _import(
        library, _write(tmp_path / "b.txt", "Talks to resume\n\n" + STORY)
    )

    assert status == "imported"
    assert reason == "near-duplicate of article 1 (BORDER TALKS)"
    assert [a.near_duplicate_of for a in library.articles.list()] == [None, 1]
    assert library.articles.get(article_id or 0).near_duplicate_of == 1


def test_an_added_trailing_line_in_the_same_import_is_linked(
    tmp_path: Path, library: Library
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder / "1.txt", "BORDER TALKS\n\n" + STORY)
    _write(folder / "2.txt", "BORDER TALKS\n\n" + STORY + "(Reporting by A. Writer)\n")

    report = library.import_paths([folder], analyze=False)

    assert report.count("imported") == 2
    by_name = {Path(f.path).name: f for f in report.files}
    assert (
        by_name["2.txt"].reason
        == f"near-duplicate of article {by_name['1.txt'].article_id} (BORDER TALKS)"
    )


def test_two_different_stories_on_the_same_topic_are_not_linked(
    tmp_path: Path, library: Library
) -> None:
    _import(library, _write(tmp_path / "a.txt", "BORDER TALKS\n\n" + STORY))
    status, _, reason = _import(library, _write(tmp_path / "b.txt", "BORDER TALKS\n\n" + OTHER))
    assert (status, reason) == ("imported", None)
    assert [a.near_duplicate_of for a in library.articles.list()] == [None, None]


def test_the_filter_and_the_cli_hide_the_linked_article(
    tmp_path: Path, library: Library, linked: tuple[int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    original, copy = linked
    assert [a.id for a in library.articles.list()] == [original, copy]
    assert [a.id for a in library.articles.list(near_duplicates=False)] == [original]
    db = str(library.path)
    library.close()
    assert cli.main(["--db", db, "list", "--json", "--hide-near-duplicates"]) == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == [original]
    assert cli.main(["--db", db, "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["near_duplicate_of"]) for r in rows] == [(original, None), (copy, original)]


def test_the_link_survives_the_json_round_trip(
    tmp_path: Path, library: Library, linked: tuple[int, int]
) -> None:
    library.exports.write("json", tmp_path / "export.json")
    with Library.open(tmp_path / "other.sqlite") as other:
        other.import_json(tmp_path / "export.json")
        got = {a.title: a.near_duplicate_of for a in other.articles.list()}
        ids = {a.title: a.id for a in other.articles.list()}
    assert got == {"BORDER TALKS": None, "Talks to resume": ids["BORDER TALKS"]}


def test_an_export_without_links_still_imports(
    tmp_path: Path, library: Library, linked: tuple[int, int]
) -> None:
    library.exports.write("json", tmp_path / "export.json")
    doc = json.loads((tmp_path / "export.json").read_text(encoding="utf-8"))
    for art in doc["articles"]:
        del art["near_duplicate_of"]
    (tmp_path / "old.json").write_text(json.dumps(doc), encoding="utf-8")
    with Library.open(tmp_path / "other.sqlite") as other:
        other.import_json(tmp_path / "old.json")
        assert [a.near_duplicate_of for a in other.articles.list()] == [None, None]


def test_deleting_the_original_clears_the_link(library: Library, linked: tuple[int, int]) -> None:
    original, copy = linked
    library.deletions.delete([original])
    assert [(a.id, a.near_duplicate_of) for a in library.articles.list()] == [(copy, None)]
    assert [a.id for a in library.articles.list(near_duplicates=False)] == [copy]


def test_a_library_from_before_0010_upgrades_and_its_articles_can_be_originals(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite"
    db = Database(path)
    migrations.apply(db, stop_before="0010_near_duplicates")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    db.execute(
        "INSERT INTO articles(id, source_path, title, current_revision_id, imported, modified) "
        "VALUES (5, '/old/a.txt', 'BORDER TALKS', 7, 'x', 'x')"
    )
    db.execute(
        "INSERT INTO revisions(id, article_id, number, text, text_sha256, created) "
        "VALUES (7, 5, 1, ?, 'sha', 'x')",
        ["BORDER TALKS\n\n" + STORY],
    )
    db.conn.commit()
    db.close()
    with Library.open(path) as lib:
        assert lib.articles.get(5).near_duplicate_of is None
        copy = _write(tmp_path / "b.txt", "Talks to resume\n\n" + STORY)
        assert _import(lib, copy)[2] == "near-duplicate of article 5 (BORDER TALKS)"


def test_cli_import_names_the_original_on_the_files_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "lib.sqlite")
    first = _write(tmp_path / "a.txt", "BORDER TALKS\n\n" + STORY)
    assert cli.main(["--db", db, "import", "--no-analyze", str(first)]) == 0
    capsys.readouterr()
    copy = _write(tmp_path / "b.txt", "Talks to resume\n\n" + STORY)
    assert cli.main(["--db", db, "import", "--no-analyze", str(copy)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"imported: {copy}: near-duplicate of article 1 (BORDER TALKS)"


def test_candidates_are_found_by_index_not_by_scanning_the_library(library: Library) -> None:
    """At 10k articles a scan cost 13 ms per imported file; the plan must probe indexes."""
    from monitor_desk.core.near_duplicates import CANDIDATES_SQL

    params = {"head": "x", "tail": "y", "id": 0, "limit": 50}
    plan = " | ".join(
        r[3] for r in library.db.execute(f"EXPLAIN QUERY PLAN {CANDIDATES_SQL}", params)
    )
    assert "idx_revisions_near_head" in plan
    assert "idx_revisions_near_tail" in plan
    assert "SCAN a" not in plan
    assert "SCAN r" not in plan
