"""Cues the analyst teaches once: a verb the lexicon lacks becomes a reporting verb, a verb
in a sense that never reports speech stops making claims — at the next analysis of any
article, kept through re-analysis and the JSON round trip, revocable."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from monitor_desk.cli import main
from monitor_desk.core.errors import InvalidInputError, NotFoundError
from monitor_desk.core.library import Library
from monitor_desk.core.nlp.claims import TaughtCues

pytestmark = pytest.mark.model

TRUMPETED = "Boris Yeltsin trumpeted that the talks in Oslo had succeeded.\n"
PROPOSAL = (
    "Boris Yeltsin denied the report on Tuesday. Igor Ivanov denied that Moscow would yield.\n"
)


def _triples(lib: Library, article_id: int) -> list[tuple[str | None, str, str]]:
    return [(c.speaker_label, c.cue.text, c.content.text) for c in lib.claims.list(article_id)]


def _import(lib: Library, folder: Path, name: str, text: str, processes: int = 1) -> int:
    path = folder / name
    path.write_text("Title: Test brief\n\n" + text, encoding="utf-8")
    (outcome,) = lib.import_paths([path], processes=processes).files
    assert outcome.article_id is not None
    return outcome.article_id


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    with Library.open(tmp_path / "lib.sqlite") as library:
        yield library  # type: ignore[misc]


def test_a_taught_verb_makes_a_claim_after_reanalysis_and_revoking_undoes_it(
    lib: Library, tmp_path: Path
) -> None:
    article = _import(lib, tmp_path, "a.txt", TRUMPETED)
    assert _triples(lib, article) == []  # "trumpet" is not in the lexicon

    created = lib.cues.add("Trumpet", note="Monitor's word for a boast")
    assert created.changes.library
    assert [(c.lemma, c.kind, c.note) for c in lib.cues.list()] == [
        ("trumpet", "cue", "Monitor's word for a boast")
    ]
    assert lib.cues.articles_with("trumpet") == [article]
    lib.reanalyze(lib.cues.articles_with("trumpet"))
    assert _triples(lib, article) == [
        ("Boris Yeltsin", "trumpeted", "that the talks in Oslo had succeeded")
    ]

    lib.cues.remove("trumpet")
    lib.reanalyze([article])
    assert _triples(lib, article) == []


def test_a_claim_the_analyst_added_is_not_found_a_second_time_once_its_verb_is_taught(
    lib: Library, tmp_path: Path
) -> None:
    article = _import(lib, tmp_path, "a.txt", TRUMPETED)
    text = lib.articles.get(article).text
    start = text.index("that the talks")
    lib.claims.add(article, (start, text.index(".", start)), "Boris Yeltsin", "trumpeted")
    lib.cues.add("trumpet")
    lib.reanalyze([article])
    claims = lib.claims.list(article)
    assert [(c.origin, c.cue.text) for c in claims] == [("user", "trumpeted")]


def test_a_taught_verb_applies_to_articles_imported_later_also_in_worker_processes(
    lib: Library, tmp_path: Path
) -> None:
    lib.cues.add("trumpet")
    one = _import(lib, tmp_path, "one.txt", TRUMPETED)
    quoted = "“We have won,” Igor Ivanov trumpeted after the vote.\n"
    two = _import(lib, tmp_path, "two.txt", quoted, processes=2)
    assert _triples(lib, one)[0][1] == "trumpeted"
    assert [(s, c) for s, c, _ in _triples(lib, two)] == [("Igor Ivanov", "trumpeted")]


def test_a_never_rule_on_the_object_frame_removes_denied_the_report_only(
    lib: Library, tmp_path: Path
) -> None:
    article = _import(lib, tmp_path, "p.txt", PROPOSAL)
    before = _triples(lib, article)
    assert ("Boris Yeltsin", "denied", "the report") in before
    kept = [t for t in before if t[2] != "the report"]
    assert kept  # "denied that ..." is a claim of its own

    lib.cues.add("deny", "never", object_only=True)
    lib.reanalyze(lib.cues.articles_with("deny"))
    assert _triples(lib, article) == kept

    lib.cues.remove("deny")
    lib.cues.add("deny", "never")  # every use of "deny"
    lib.reanalyze([article])
    assert all(cue.split()[0] != "denied" for _, cue, _ in _triples(lib, article))


def test_what_may_be_taught_and_when(lib: Library) -> None:
    with pytest.raises(InvalidInputError, match="one English verb"):
        lib.cues.add("trumpet loudly")
    with pytest.raises(InvalidInputError, match="Only a never rule"):
        lib.cues.add("trumpet", "cue", object_only=True)
    lib.cues.add("trumpet")
    with pytest.raises(InvalidInputError, match="already taught"):
        lib.cues.add("trumpet", "never")
    with pytest.raises(NotFoundError):
        lib.cues.remove("lament")
    assert lib.cues.taught() == TaughtCues.of(["trumpet"])


def test_taught_cues_travel_in_the_json_export(lib: Library, tmp_path: Path) -> None:
    lib.cues.add("trumpet", note="a boast")
    lib.cues.add("make", "never", object_only=True)
    out = io.StringIO()
    lib.exports.write("json", out)
    doc = json.loads(out.getvalue())
    assert [c["lemma"] for c in doc["taught_cues"]] == ["trumpet", "make"]

    with Library.open(tmp_path / "copy.sqlite") as copy:
        copy.cues.add("make", "cue")  # the library's own teaching of a lemma wins
        copy.import_json(io.StringIO(out.getvalue()))
        assert [(c.lemma, c.kind, c.object_only, c.note) for c in copy.cues.list()] == [
            ("make", "cue", False, ""),
            ("trumpet", "cue", False, "a boast"),
        ]
        # and an article imported there is analysed with them
        article = _import(copy, tmp_path, "a.txt", TRUMPETED)
        assert [c for _, c, _ in _triples(copy, article)] == ["trumpeted"]


@pytest.mark.parametrize(
    ("cues", "message"),
    [
        ({"lemma": "trumpet"}, r"taught_cues\[0\]: expected a lemma and a kind"),
        ({"lemma": "trumpet", "kind": "maybe"}, r"taught_cues\[0\]: Unknown taught cue"),
        ({"lemma": "a b", "kind": "cue"}, r"taught_cues\[0\]: .* is not a word to teach"),
        ({"lemma": "make", "kind": "never", "object_only": "yes"}, r"object_only: expected"),
    ],
)
def test_a_bad_taught_cue_in_an_export_is_named_and_nothing_is_imported(
    lib: Library, tmp_path: Path, cues: dict[str, object], message: str
) -> None:
    out = io.StringIO()
    lib.exports.write("json", out)
    doc = json.loads(out.getvalue())
    doc["taught_cues"] = [cues]
    with Library.open(tmp_path / "other.sqlite") as other:
        with pytest.raises(InvalidInputError, match=message):
            other.import_json(io.StringIO(json.dumps(doc)))
        assert other.cues.list() == []


def test_cues_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "lib.sqlite")
    brief = tmp_path / "a.txt"
    brief.write_text("Title: T\n\n" + TRUMPETED, encoding="utf-8")
    assert main(["--db", db, "-q", "import", str(brief)]) == 0
    assert main(["--db", db, "cues"]) == 0
    assert "no taught cues" in capsys.readouterr().out

    assert main(["--db", db, "-q", "cues", "--add", "trumpet", "--reanalyze"]) == 0
    out = capsys.readouterr().out
    assert "Treat “trumpet” as a reporting verb" in out
    assert "1 article(s) analysed again" in out
    assert main(["--db", db, "cues", "--never", "make", "--object-only", "--note", "light"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "cues", "--list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(c["lemma"], c["kind"], c["object_only"]) for c in listed] == [
        ("trumpet", "cue", False),
        ("make", "never", True),
    ]
    with Library.open(db) as lib:
        assert [c for _, c, _ in _triples(lib, 1)] == ["trumpeted"]

    assert main(["--db", db, "-q", "cues", "--remove", "trumpet", "--reanalyze", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["reanalyzed"] == 1
    with Library.open(db) as lib:
        assert _triples(lib, 1) == []
    assert main(["--db", db, "cues", "--add", "x", "--object-only"]) == 2
    assert main(["--db", db, "cues", "--remove", "trumpet"]) == 1
    assert "not a taught cue" in capsys.readouterr().err
