"""Near-duplicates grouped in the library list (issue 15 item 4): each sorts directly under
its original, in every order; the original says how many it has."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from monitor_desk.cli import main
from monitor_desk.core.library import Library

STORY = (
    "Foreign Minister Ivan Petrov said on Tuesday that talks on the northern border would "
    "resume next month in Geneva, after a pause of almost a year. Petrov told reporters the "
    "two delegations had agreed on an agenda covering customs posts, river crossings and the "
    "return of refugees displaced by last winter's fighting. A spokesman for the other side "
    "confirmed the date but said no agreement on the crossings was expected before spring.\n"
)


def _brief(day: int, n: int) -> str:
    body = " ".join(f"Unrelated item {n} line {k} about harvest {n * 7 + k}." for k in range(12))
    return f"Date: 2004-03-{day:02d}\n\nBRIEF {n}\n\n{body}\n"


@pytest.fixture
def grouped(tmp_path: Path, library: Library) -> dict[str, int]:
    """A (Mar 10) with two near-duplicates dated Mar 1 and Mar 20; B (Mar 5), C (Mar 15)."""
    files = {
        "b.txt": _brief(5, 1),
        "a.txt": "Date: 2004-03-10\n\nBORDER TALKS\n\n" + STORY,
        "c.txt": _brief(15, 2),
    }
    for name, text in files.items():  # one at a time: the original is in first
        (tmp_path / name).write_text(text, encoding="utf-8")
        library.import_paths([tmp_path / name], analyze=False)
    for name, day, head in (("a1.txt", 1, "Talks resume"), ("a2.txt", 20, "Talks to go on")):
        (tmp_path / name).write_text(f"Date: 2004-03-{day:02d}\n\n{head}\n\n{STORY}")
        report = library.import_paths([tmp_path / name], analyze=False)
        assert report.files[0].near_duplicate_of is not None, report.to_dict()
    return {Path(a.source_path).stem: a.id for a in library.articles.list()}


def _names(library: Library, ids: list[int], by_id: dict[str, int]) -> list[str]:
    names = {v: k for k, v in by_id.items()}
    return [names[i] for i in ids]


def test_near_duplicates_sort_under_their_original_in_every_order(
    library: Library, grouped: dict[str, int]
) -> None:
    plain = library.articles.ids("date")
    assert _names(library, plain, grouped) == ["a1", "b", "a", "c", "a2"]
    by_date = library.articles.ids("date", group_near_duplicates=True)
    assert _names(library, by_date, grouped) == ["b", "a", "a1", "a2", "c"]
    newest = library.articles.ids("date", True, group_near_duplicates=True)
    assert _names(library, newest, grouped) == ["c", "a", "a2", "a1", "b"]
    by_title = library.articles.ids("title", group_near_duplicates=True)
    assert _names(library, by_title, grouped) == ["a", "a1", "a2", "b", "c"]  # BORDER, BRIEF…
    # Filters apply as ever: with the original filtered out, a copy keeps its own place.
    later = library.articles.ids("date", date_from="2004-03-12", group_near_duplicates=True)
    assert _names(library, later, grouped) == ["c", "a2"]
    counts = {s.id: s.near_duplicates for s in library.articles.list()}
    assert counts[grouped["a"]] == 2
    assert counts[grouped["b"]] == counts[grouped["a1"]] == 0


def test_cli_list_groups_near_duplicates(
    tmp_path: Path, library: Library, grouped: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(library.path)
    library.close()
    assert main(["--db", db, "list", "--sort", "date", "--group-near-duplicates", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [Path(r["source_path"]).stem for r in rows] == ["b", "a", "a1", "a2", "c"]
    assert [r["near_duplicates"] for r in rows] == [0, 2, 0, 0, 0]
    assert main(["--db", db, "list", "--sort", "date", "--group-near-duplicates"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "BORDER TALKS (+2 near-dup.)" in lines[1]
    assert "\u21b3 Talks resume" in lines[2]
    with pytest.raises(SystemExit):
        main(["--db", db, "list", "--group-near-duplicates", "--hide-near-duplicates"])


def test_undoing_the_delete_of_an_original_links_its_near_duplicates_again(
    library: Library, grouped: dict[str, int]
) -> None:
    a, a1, a2 = grouped["a"], grouped["a1"], grouped["a2"]
    deleted = library.deletions.delete([a])
    assert {s.id: s.near_duplicate_of for s in library.articles.list()}[a1] is None
    assert {a1, a2} <= set(deleted.changes.articles)  # their list rows change
    library.deletions.restore(deleted.snapshot)
    links = {s.id: s.near_duplicate_of for s in library.articles.list()}
    assert (links[a1], links[a2]) == (a, a)
    # An original deleted with one of its copies: both come back, linked.
    deleted = library.deletions.delete([a2, a])
    library.deletions.restore(deleted.snapshot)
    links = {s.id: s.near_duplicate_of for s in library.articles.list()}
    assert (links[a1], links[a2]) == (a, a)


def test_a_scan_links_copies_imported_before_near_duplicates_were_looked_for(
    tmp_path: Path, library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    from unittest import mock

    from monitor_desk.core import near_duplicates

    files = {
        "a.txt": "BORDER TALKS\n\n" + STORY,
        "b.txt": _brief(5, 1),
        "a1.txt": "Talks resume\n\n" + STORY,
        "a2.txt": "BORDER TALKS\n\n" + STORY + "(Reporting by A. Writer)\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        with mock.patch.object(near_duplicates, "link", return_value=None):  # an old import
            library.import_paths([tmp_path / name], analyze=False)
    by_name = {Path(a.source_path).stem: a.id for a in library.articles.list()}
    assert all(a.near_duplicate_of is None for a in library.articles.list())
    seen: list[tuple[int, int]] = []
    linked = library.scan_near_duplicates(progress=lambda d, t, _p: seen.append((d, t)))
    assert sorted(linked) == sorted([(by_name["a1"], by_name["a"]), (by_name["a2"], by_name["a"])])
    assert seen[-1] == (4, 4)
    assert library.scan_near_duplicates() == []  # nothing left to link
    db = str(library.path)
    library.close()
    assert main(["--db", db, "near-duplicates", "--scan", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {(r["id"], r["near_duplicate_of"]) for r in rows} == set(linked)
    assert rows[0]["original_title"] == "BORDER TALKS"
