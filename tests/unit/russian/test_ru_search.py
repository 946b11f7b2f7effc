"""Search finds a Russian word in any case form; English search is as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from monitor_desk.core.library import Library
from monitor_desk.core.schema import migrations
from monitor_desk.core.search import fts_rowid, plain_snippet

RUSSIAN = """Title: Визит в Минск

Дмитрию Медведеву показали новый завод. По словам Медведева, союзное государство \
нужно обновить. Медведь на гербе города тут ни при чем.
"""
ENGLISH = """Title: Port dispute

The sanctions were lifted on Tuesday. Officials said one sanction remains.
"""


@pytest.fixture
def lib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Library:
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    (tmp_path / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    library = Library.open(tmp_path / "lib.sqlite")
    library.import_paths([tmp_path / "ru.txt", tmp_path / "en.txt"], analyze=False)
    return library


def marked(snippet: str) -> list[str]:
    """The words a snippet marks as hits."""
    return [part.split("\u27e7")[0] for part in snippet.split("\u27e6")[1:]]


def test_a_russian_name_is_found_in_every_case_and_its_forms_are_marked(lib: Library) -> None:
    for query in ("Медведев", "медведева", "Медведеву"):
        (hit,) = lib.search(query)
        assert hit.title == "Визит в Минск"
        assert marked(hit.snippet)[:2] == ["Медведеву", "Медведева"]
    assert "Дмитрию Медведеву" in plain_snippet(lib.search("Медведев")[0].snippet)


def test_a_russian_phrase_in_another_case(lib: Library) -> None:
    assert len(lib.search('"союзного государства"')) == 1
    assert lib.search('"государство союзное"') == []


def test_english_search_is_unchanged(lib: Library) -> None:
    (hit,) = lib.search("sanctions")
    assert marked(hit.snippet) == ["sanctions"]
    assert marked(lib.search("sanction")[0].snippet) == ["sanction"]  # no English stemming
    assert lib.search("sanct") == []
    assert len(lib.search("sanct*")) == 1


def test_an_edited_title_is_found_by_its_stem(lib: Library) -> None:
    article = next(a for a in lib.articles.list() if a.title == "Port dispute")
    lib.details.edit([article.id], title="Спор о портах")
    assert [h.title for h in lib.search("порт")] == ["Спор о портах"]


def test_a_library_from_before_the_stems_column_finds_russian_forms(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = Database(path)
    migrations.apply(db, stop_before="0020_russian_search")
    db.execute(
        "INSERT INTO articles(id, title, imported, modified) VALUES (1, 'Старая статья', '', '')"
    )
    db.execute(
        "INSERT INTO search_fts(rowid, article_id, title, body) VALUES (?, 1, ?, ?)",
        [fts_rowid("article", 1), "Старая статья", "Встреча с Лавровым прошла в Москве."],
    )
    db.conn.commit()
    db.close()
    with Library.open(path) as lib:
        (hit,) = lib.search("Лавров")
        assert marked(hit.snippet) == ["Лавровым"]
        assert len(lib.search("Москва")) == 1


def test_two_russian_words_and_a_hyphenated_one(lib: Library) -> None:
    assert len(lib.search("Медведев завод")) == 1
    assert len(lib.search("Медведев-завод")) == 1
    assert lib.search("Медведев sanctions") == []
