"""Entities are the library's (one canonical entity across articles) and corrections taught
once apply to every mention: stored ones at once, later analyses when they are stored."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from monitor_desk.core.analysis_store import store_analysis
from monitor_desk.core.errors import InvalidInputError
from monitor_desk.core.exports import ExportScope
from monitor_desk.core.library import Library
from monitor_desk.core.models import Analysis, Claim, EntityMention, Span

IVANOV_FULL = "Foreign Minister Igor Ivanov met the Lib Dems in Moscow on Monday.\n"
IVANOV_SHORT = "Ivanov said the Lib Dems were wrong about the Kremlin.\n"


def put(
    lib: Library,
    folder: Path,
    name: str,
    text: str,
    mentions: list[tuple[str, str, str]],
    speaker: tuple[str, str] | None = None,
) -> int:
    """Import ``text`` and store a hand-made analysis: (words, label, cluster) mentions and
    optionally one claim said by (speaker words, speaker name)."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    (outcome,) = lib.import_paths([path], analyze=False).files
    assert outcome.article_id is not None
    art = lib.articles.get(outcome.article_id)
    ents = [
        EntityMention(art.text.index(w), art.text.index(w) + len(w), label, w, cluster)
        for w, label, cluster in mentions
    ]
    claims = []
    if speaker is not None:
        s = art.text.index(speaker[0])
        cue = art.text.index("said") if "said" in art.text else art.text.index("met")
        claims.append(
            Claim(
                speaker=Span(s, s + len(speaker[0]), speaker[0]),
                speaker_name=speaker[1],
                cue=Span(cue, cue + 4, art.text[cue : cue + 4]),
                content=Span(cue + 5, len(art.text) - 1, art.text[cue + 5 : -1]),
                kind="indirect",
            )
        )
    with lib.db.atomic():
        store_analysis(lib.db, art.revision_id, Analysis("test", "1", ents, claims))
    return art.id


def shown(lib: Library, article_id: int) -> list[tuple[str, str, str]]:
    analysis = lib.articles.analysis(article_id)
    assert analysis is not None
    return [(e.text, e.label, e.cluster) for e in analysis.entities]


@pytest.fixture
def two(library: Library, tmp_path: Path) -> tuple[Library, Path, int, int]:
    a = put(
        library,
        tmp_path,
        "a.txt",
        IVANOV_FULL,
        [
            ("Igor Ivanov", "PERSON", "Igor Ivanov"),
            ("Lib Dems", "PERSON", "Lib Dems"),
            ("Moscow", "GPE", "Moscow"),
        ],  # fmt: skip
        speaker=("Igor Ivanov", "Igor Ivanov"),
    )
    b = put(
        library,
        tmp_path,
        "b.txt",
        IVANOV_SHORT,
        [("Ivanov", "PERSON", "Ivanov"), ("Lib Dems", "PERSON", "Lib Dems")],
        speaker=("Ivanov", "Ivanov"),
    )
    return library, tmp_path, a, b


def by_name(lib: Library, **kw: str) -> dict[tuple[str, str], tuple[int, int, tuple[str, ...]]]:
    return {(e.name, e.label): (e.mentions, e.articles, e.aliases) for e in lib.entities.list(**kw)}


def test_a_surname_in_one_brief_is_the_full_name_of_another(two: tuple) -> None:
    lib = two[0]
    people = by_name(lib, type="PERSON")
    assert people[("Igor Ivanov", "PERSON")] == (2, 2, ("Ivanov",))
    assert ("Ivanov", "PERSON") not in people
    assert list(by_name(lib, search="ivan")) == [("Igor Ivanov", "PERSON")]


def test_a_surname_seen_before_its_full_name_joins_it_when_it_comes(
    library: Library, tmp_path: Path
) -> None:
    put(library, tmp_path, "b.txt", IVANOV_SHORT, [("Ivanov", "PERSON", "Ivanov")])
    put(library, tmp_path, "a.txt", IVANOV_FULL, [("Igor Ivanov", "PERSON", "Igor Ivanov")])
    assert by_name(library, type="PERSON") == {("Igor Ivanov", "PERSON"): (2, 2, ("Ivanov",))}


def test_split_keeps_a_surname_apart_from_the_full_name(two: tuple) -> None:
    lib = two[0]
    lib.corrections.add("split", ["Ivanov"])
    people = by_name(lib, type="PERSON")
    assert people[("Igor Ivanov", "PERSON")][:2] == (1, 1)
    assert people[("Ivanov", "PERSON")][:2] == (1, 1)


def test_retype_applies_to_stored_articles_later_ones_and_is_revocable(two: tuple) -> None:
    lib, folder, a, b = two
    created = lib.corrections.add("retype", ["lib dems"], "org")
    assert created.changes.articles == {a, b}
    assert ("Lib Dems", "ORG", "Lib Dems") in shown(lib, a)
    assert ("Lib Dems", "ORG", "Lib Dems") in shown(lib, b)
    c = put(lib, folder, "c.txt", "The Lib Dems won.\n", [("Lib Dems", "PERSON", "Lib Dems")])
    assert shown(lib, c) == [("Lib Dems", "ORG", "Lib Dems")]
    assert by_name(lib, search="Lib Dems") == {("Lib Dems", "ORG"): (3, 3, ())}
    assert lib.articles.ids("imported", entity="Lib Dems")  # the filter still finds it
    lib.corrections.revoke(created.id)
    assert shown(lib, c) == [("Lib Dems", "PERSON", "Lib Dems")]
    assert lib.corrections.list() == []


def test_merge_renames_mentions_and_claim_speakers_everywhere(two: tuple) -> None:
    lib, _, a, b = two
    lib.corrections.add("merge", ["Igor Ivanov", "Ivanov"], "Igor S. Ivanov")
    assert ("Igor Ivanov", "PERSON", "Igor S. Ivanov") in shown(lib, a)
    assert ("Ivanov", "PERSON", "Igor S. Ivanov") in shown(lib, b)
    people = by_name(lib, type="PERSON")
    assert people[("Igor S. Ivanov", "PERSON")][:2] == (2, 2)
    assert [c.speaker_name for c in lib.claims.list(b)] == ["Igor S. Ivanov"]
    out = io.StringIO()
    lib.exports.write("claims", out, ExportScope(), bom=False)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {r["speaker"] for r in rows} == {"Igor S. Ivanov"}
    (correction,) = lib.corrections.list()
    lib.corrections.revoke(correction.id)
    assert [c.speaker_name for c in lib.claims.list(b)] == ["Ivanov"]


def test_ignore_hides_mentions_and_revoking_brings_them_back(two: tuple) -> None:
    lib, folder, a, _ = two
    created = lib.corrections.add("ignore", ["Moscow"])
    assert [m[0] for m in shown(lib, a)] == ["Igor Ivanov", "Lib Dems"]
    assert by_name(lib, search="Moscow") == {}
    lib.corrections.revoke(created.id)
    assert ("Moscow", "GPE", "Moscow") in shown(lib, a)


def test_add_marks_a_name_the_model_missed_in_every_article(two: tuple) -> None:
    lib, folder, _, b = two
    lib.corrections.add("add", ["Kremlin"], "ORG")
    assert ("Kremlin", "ORG", "Kremlin") in shown(lib, b)
    c = put(lib, folder, "c.txt", "The Kremlin denied it.\n", [])
    assert shown(lib, c) == [("Kremlin", "ORG", "Kremlin")]
    assert by_name(lib, type="ORG")[("Kremlin", "ORG")][:2] == (2, 2)
    (correction,) = lib.corrections.list()
    lib.corrections.revoke(correction.id)
    assert shown(lib, c) == []


def test_a_bad_correction_is_one_clear_error_and_changes_nothing(two: tuple) -> None:
    lib, _, a, _ = two
    before = shown(lib, a)
    with pytest.raises(InvalidInputError, match="Unknown entity type 'BOAT'"):
        lib.corrections.add("retype", ["Lib Dems"], "BOAT")
    with pytest.raises(InvalidInputError, match="--into"):
        lib.corrections.add("merge", ["Ivanov"], "")
    assert shown(lib, a) == before
    assert lib.corrections.list() == []


def test_corrections_go_through_the_json_round_trip(two: tuple, tmp_path: Path) -> None:
    lib, _, a, _ = two
    lib.corrections.add("retype", ["Lib Dems"], "ORG")
    lib.corrections.add("ignore", ["Moscow"])
    out = io.StringIO()
    lib.exports.write("json", out)
    doc = json.loads(out.getvalue())
    assert [c["kind"] for c in doc["corrections"]] == ["retype", "ignore"]
    with Library.open(tmp_path / "other.sqlite") as other:
        other.import_json(io.StringIO(out.getvalue()))
        (art,) = [s for s in other.articles.list() if s.title == lib.articles.get(a).title]
        assert shown(other, art.id) == [
            ("Igor Ivanov", "PERSON", "Igor Ivanov"),
            ("Lib Dems", "ORG", "Lib Dems"),
        ]
        # Revocable there too: the export carried what the model found.
        ignore = [c for c in other.corrections.list() if c.kind == "ignore"][0]
        other.corrections.revoke(ignore.id)
        assert ("Moscow", "GPE", "Moscow") in shown(other, art.id)
        other.import_json(io.StringIO(out.getvalue()))  # merging again adds no duplicates
        assert len(other.corrections.list()) == 2


def test_an_export_made_before_corrections_still_imports(two: tuple, tmp_path: Path) -> None:
    lib = two[0]
    out = io.StringIO()
    lib.exports.write("json", out)
    doc = json.loads(out.getvalue())
    del doc["corrections"]
    with Library.open(tmp_path / "other.sqlite") as other:
        other.import_json(io.StringIO(json.dumps(doc)))
        assert by_name(other, type="PERSON")[("Igor Ivanov", "PERSON")][:2] == (2, 2)
        doc["corrections"] = [{"kind": "retype", "names": ["X"], "target": "BOAT"}]
        with pytest.raises(InvalidInputError, match=r"corrections\[0\]"):
            other.import_json(io.StringIO(json.dumps(doc)))


def test_search_finds_a_merged_speakers_claims_by_the_canonical_name(
    library: Library, tmp_path: Path
) -> None:
    text = "Lib Dem said the budget was wrong.\n"
    a = put(
        library, tmp_path, "ld.txt", text, [("Lib Dem", "ORG", "Lib Dem")], ("Lib Dem", "Lib Dem")
    )

    def claim_hits(query: str) -> list[int]:
        return [h.article_id for h in library.search(query) if h.kind == "claim"]

    assert claim_hits('"Liberal Democrats"') == []
    created = library.corrections.add("merge", ["Lib Dem"], "Liberal Democrats")
    assert claim_hits('"Liberal Democrats"') == [a]
    # an article analysed after the correction is indexed by the corrected name too
    b = put(library, tmp_path, "ld2.txt", "Lib Dem said no.\n", [("Lib Dem", "ORG", "Lib Dem")],
            ("Lib Dem", "Lib Dem"))  # fmt: skip
    assert sorted(claim_hits('"Liberal Democrats"')) == sorted([a, b])
    library.corrections.revoke(created.id)
    assert claim_hits('"Liberal Democrats"') == []
    assert sorted(claim_hits('"Lib Dem"')) == sorted([a, b])
