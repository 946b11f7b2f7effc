"""Deleting articles (``lib.deletions``, ``monitor-desk delete``) and putting them back."""

from __future__ import annotations

import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor_desk import cli
from monitor_desk.core import analysis_store
from monitor_desk.core.errors import InvalidInputError, NotFoundError
from monitor_desk.core.library import Library
from monitor_desk.core.models import (
    Analysis,
    Citation,
    CitationItem,
    Claim,
    EntityMention,
    Span,
)

FERRY = """Publication: Monitor Volume: 9 Issue: 20 Date: June 2, 2003

FERRY LINE REOPENS

Harbour master Anton Kravets said that the ferry line would reopen in July \
(Interfax, June 1). Union leaders warned of delays.
"""
BORDER = """Publication: Monitor Volume: 9 Issue: 21 Date: June 3, 2003

BORDER TALKS

Foreign Minister Ivan Petrov said the border talks would resume (Itar-Tass, June 2).
"""


def _span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle), needle)


def _analysis(text: str, person: str, cue: str, content: str, outlet: str) -> Analysis:
    cite = _span(text, f"({outlet}")
    who = _span(text, person)
    return Analysis(
        "test",
        "1",
        entities=[EntityMention(who.start, who.end, "PERSON", person, person)],
        citations=[
            Citation(
                cite.start,
                cite.end,
                cite.text,
                (CitationItem(outlet, None, None, None, outlet),),
                (),
            )
        ],
        claims=[Claim(who, person, _span(text, cue), _span(text, content), "indirect", citation=0)],
    )


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    """Two analysed articles, each with a tagged highlight, an analyst's claim and a grade."""
    for name, text in (("ferry.txt", FERRY), ("border.txt", BORDER)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    library = Library.open(tmp_path / "lib.sqlite")
    library.import_paths([tmp_path / "ferry.txt", tmp_path / "border.txt"], analyze=False)
    ferry, border = 1, 2
    with library._lock, library.db.atomic():
        for aid, text, args in (
            (ferry, FERRY, ("Anton Kravets", "said", "the ferry line would reopen", "Interfax")),
            (border, BORDER, ("Ivan Petrov", "said", "the border talks would resume", "Itar-Tass")),
        ):
            rev = library.articles.get(aid).revision_id
            analysis_store.store_analysis(library.db, rev, _analysis(text, *args))
    for aid, text, word in ((ferry, FERRY, "delays"), (border, BORDER, "resume")):
        start = text.index(word)
        library.highlights.add(aid, start, start + len(word), tags=["watch"], note=f"n-{word}")
        claim = library.claims.list(aid)[0]
        library.claims.set_credibility(claim.id, 2)
    mine = FERRY.index("Union leaders warned")
    library.claims.add(ferry, (mine, mine + len("Union leaders warned")), "Union leaders")
    yield library
    library.close()


def _dump(lib: Library) -> dict[str, list[tuple[object, ...]]]:
    tables = [
        r[0]
        for r in lib.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'search_fts%' AND name NOT LIKE '\\_%' ESCAPE '\\'"
        )
    ]
    out = {t: sorted(lib.db.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    out["search"] = lib.db.execute("SELECT rowid, * FROM search_fts ORDER BY rowid").fetchall()
    return out


def _csv(lib: Library, what: str) -> str:
    out = io.StringIO()
    lib.exports.write(what, out, bom=False)  # type: ignore[arg-type]
    return out.getvalue()


def test_a_delete_removes_the_article_from_list_search_entities_claims_and_exports(
    lib: Library,
) -> None:
    assert lib.search("ferry")
    assert lib.entities.mentions("Anton Kravets")
    assert "Kravets" in _csv(lib, "claims")
    assert "n-delays" in _csv(lib, "notes")
    impact = lib.deletions.impact([1])
    assert (impact.articles, impact.highlights, impact.analyst_claims) == (1, 1, 2)

    deleted = lib.deletions.delete([1])

    assert deleted.count == 1
    assert deleted.changes.articles == {1}
    assert [a.id for a in lib.articles.list()] == [2]
    assert lib.search("ferry") == []
    assert lib.search("delays") == []
    assert lib.search("Union leaders") == []
    assert lib.entities.mentions("Anton Kravets") == []
    assert lib.claims.list(2)
    assert all(c.speaker_name != "Union leaders" for c in lib.claims.list(2))
    assert "Kravets" not in _csv(lib, "claims")
    assert "Petrov" in _csv(lib, "claims")
    assert "n-delays" not in _csv(lib, "notes")
    assert "n-resume" in _csv(lib, "notes")
    assert "Interfax" not in _csv(lib, "sources")
    doc = json.loads(_csv(lib, "json"))
    assert [a["title"] for a in doc["articles"]] == ["BORDER TALKS"]
    assert lib.tags.list()[0].name == "watch"  # the tag stays: another note carries it
    assert lib.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_restoring_a_delete_gives_back_every_row_with_its_id(lib: Library) -> None:
    before = _dump(lib)
    deleted = lib.deletions.delete([1, 2])
    assert lib.is_empty()
    assert lib.db.execute("SELECT COUNT(*) FROM search_fts").fetchone()[0] == 0

    changes = lib.deletions.restore(deleted.snapshot)

    assert _dump(lib) == before
    assert changes.articles == {1, 2}
    assert len(changes.highlights) == 2
    assert [a.notes_count for a in lib.articles.list()] == [1, 1]
    assert {h.tags[0] for h in lib.highlights.list()} == {"watch"}
    assert lib.search("ferry")[0].article_id == 1
    assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_new_import_after_a_delete_never_takes_a_deleted_id(lib: Library, tmp_path: Path) -> None:
    deleted = lib.deletions.delete([2])
    (tmp_path / "new.txt").write_text("NEW BRIEF\n\nSomething else entirely.\n", encoding="utf-8")
    report = lib.import_paths([tmp_path / "new.txt"], analyze=False)
    assert report.files[0].article_id == 3
    lib.deletions.restore(deleted.snapshot)  # no collision: the ids are still free
    assert [a.id for a in lib.articles.list()] == [1, 2, 3]


def test_restoring_twice_is_refused_and_changes_nothing(lib: Library) -> None:
    deleted = lib.deletions.delete([1])
    lib.deletions.restore(deleted.snapshot)
    before = _dump(lib)
    with pytest.raises(InvalidInputError):
        lib.deletions.restore(deleted.snapshot)
    assert _dump(lib) == before


def test_deleting_an_unknown_article_deletes_nothing(lib: Library) -> None:
    with pytest.raises(NotFoundError, match="no article 9"):
        lib.deletions.delete([1, 9])
    assert [a.id for a in lib.articles.list()] == [1, 2]


def test_a_library_emptied_by_the_analyst_is_not_seeded_again(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    with Library.open(path) as lib:
        seeded = lib.seed_samples()
        assert seeded is not None
        assert seeded.count("imported") >= 1
        lib.deletions.delete([a.id for a in lib.articles.list()])
    with Library.open(path) as lib:
        assert lib.seed_samples() is None
        assert lib.is_empty()


# -- the command line --------------------------------------------------------------------


def _run(db: Path, *args: str) -> int:
    return cli.main(["--db", str(db), *args])


def test_cli_delete_with_yes_removes_the_article_from_list_and_search(
    lib: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    path = lib.path
    assert path is not None
    lib.close()
    assert _run(path, "delete", "1", "--yes") == 0
    assert (
        "deleted 1 article(s), 1 highlight(s), 2 claim(s) you added, edited or graded"
        in capsys.readouterr().out
    )
    assert _run(path, "list", "--json") == 0
    assert [a["id"] for a in json.loads(capsys.readouterr().out)] == [2]
    assert _run(path, "search", "ferry") == 0
    assert "FERRY" not in capsys.readouterr().out


def test_cli_delete_without_yes_and_without_a_terminal_refuses_in_one_line(
    lib: Library, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = lib.path
    assert path is not None
    lib.close()
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert _run(path, "delete", "1") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "without --yes" in err
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2


def test_cli_delete_asks_on_a_terminal(
    lib: Library, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = lib.path
    assert path is not None
    lib.close()

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Tty("n\n"))
    assert _run(path, "delete", "2") == 1
    monkeypatch.setattr("sys.stdin", Tty("y\n"))
    assert _run(path, "delete", "2") == 0
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT id FROM articles").fetchall() == [(1,)]


def test_cli_delete_of_an_unknown_id_says_so_and_deletes_nothing(
    lib: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    path = lib.path
    assert path is not None
    lib.close()
    assert _run(path, "delete", "1", "7", "--yes") == 1
    assert capsys.readouterr().err.strip() == "monitor-desk: there is no article 7; nothing deleted"
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2


def test_an_article_deleted_while_it_is_analysed_is_skipped_not_a_crash(lib: Library) -> None:
    """Background analysis (e.g. of the seeded samples) reads the articles, then stores
    each analysis: one the analyst deleted meanwhile is passed over."""
    from monitor_desk.core import reanalysis

    rows = lib.db.execute(
        """SELECT a.id, r.id, r.text, r.body_start, a.metadata_json FROM articles a
           JOIN revisions r ON r.id = a.current_revision_id ORDER BY a.id"""
    ).fetchall()

    def analyze(items: object) -> Iterator[Analysis]:
        lib.deletions.delete([1])  # while the analysis runs
        for _ in rows:
            yield Analysis("later-model", "2")

    done = reanalysis.reanalyze_rows(lib.db, lib._lock, rows, analyze, ("later-model", "2"))
    assert done == 2
    assert [a.id for a in lib.articles.list()] == [2]
    assert lib.articles.get(2).pipeline == "later-model 2"
