"""Claims across the library (``lib.claim_views``) and speakers (``lib.speakers``): the
filters an analyst combines, a merged speaker found by the canonical name, undated articles
kept apart (never dropped), pages and exact counts, current texts only."""

from __future__ import annotations

from pathlib import Path

import pytest
from claim_views_data import brief, build

from monitor_desk.core.errors import NotFoundError
from monitor_desk.core.library import Library
from monitor_desk.core.views.claim_query import ClaimFilter
from monitor_desk.core.views.cues import inflections


@pytest.fixture
def lib(library: Library, tmp_path: Path) -> tuple[Library, dict[str, int]]:
    return library, build(library, tmp_path)


def contents(library: Library, f: ClaimFilter) -> list[str]:
    return [r.content for r in library.claim_views.page(f, 0, 100)]


def test_every_claim_in_date_order_with_undated_last(lib: tuple[Library, dict[str, int]]) -> None:
    library, ids = lib
    rows = library.claim_views.page(ClaimFilter(), 0, 100)
    assert [r.date for r in rows] == ["1999-08-30", "1999-09-25", "1999-09-25", "1999-10-02", None]
    assert rows[-1].article_id == ids["undated"]
    counted = library.claim_views.count(ClaimFilter())
    assert (counted.dated, counted.undated, counted.total) == (4, 1, 5)
    newest = library.claim_views.page(ClaimFilter(), 0, 100, descending=True)
    assert [r.date for r in newest][:2] == ["1999-10-02", "1999-09-25"]
    assert newest[-1].date is None  # undated stay apart at the end either way


def test_a_row_says_who_what_where_and_on_whose_authority(
    lib: tuple[Library, dict[str, int]],
) -> None:
    library, ids = lib
    (row,) = [r for r in library.claim_views.page(ClaimFilter(), 0, 100) if r.cue == "says"]
    assert row.to_dict() | {"claim_id": 0} == {
        "claim_id": 0, "article_id": ids["oct"], "title": row.title, "date": "1999-10-02",
        "date_precision": "day", "speaker_name": "Igor Ivanov", "speaker_type": "PERSON",
        "cue": "says", "content": "talks on the ABM Treaty will go on", "kind": "indirect",
        "outlets": ["Izvestia"], "credibility": None, "confidence": None, "origin": "auto",
    }  # fmt: skip
    text = library.articles.get(ids["oct"]).text
    assert text[row.start : row.end].startswith("says talks")


def test_pages_cover_every_claim_once(lib: tuple[Library, dict[str, int]]) -> None:
    library, _ = lib
    whole = [r.id for r in library.claim_views.page(ClaimFilter(), 0, 100)]
    paged = [
        r.id for off in range(0, 5, 2) for r in library.claim_views.page(ClaimFilter(), off, 2)
    ]
    assert paged == whole
    assert len(set(whole)) == 5


def test_filters(lib: tuple[Library, dict[str, int]]) -> None:
    library, _ = lib
    assert contents(library, ClaimFilter(cue="say")) == [
        "prices would rise", "the treaty must stand", "talks on the ABM Treaty will go on"]  # fmt: skip
    assert contents(library, ClaimFilter(cue="tell")) == ["the visit was over"]
    assert contents(library, ClaimFilter(outlet="interfax")) == [
        "the treaty must stand", "of new missiles"]  # fmt: skip
    assert contents(library, ClaimFilter(search="ABM")) == ["talks on the ABM Treaty will go on"]
    assert contents(library, ClaimFilter(search="Petrova")) == [
        "prices would rise", "of new missiles"]  # fmt: skip
    assert contents(library, ClaimFilter(search="")) == []


def test_a_date_range_leaves_undated_apart_and_counts_them(
    lib: tuple[Library, dict[str, int]],
) -> None:
    library, _ = lib
    f = ClaimFilter(since="1999-09", until="1999-09-30")
    assert contents(library, f) == ["the treaty must stand", "of new missiles"]
    counted = library.claim_views.count(f)
    assert (counted.total, counted.undated_apart) == (2, 1)
    assert library.claim_views.count(ClaimFilter(until="1999-10-02")).dated == 4


def test_tag_filter_takes_highlights_over_the_claim_and_sub_tags(
    lib: tuple[Library, dict[str, int]],
) -> None:
    library, ids = lib
    text = library.articles.get(ids["sep"]).text
    s = text.index("treaty must")
    library.highlights.add(ids["sep"], s, s + 6, tags=["arms/abm"])
    elsewhere = text.index("(Interfax")
    library.highlights.add(ids["sep"], elsewhere, elsewhere + 5, tags=["arms"])
    assert contents(library, ClaimFilter(tag="arms")) == ["the treaty must stand"]
    assert contents(library, ClaimFilter(tag="arms/abm")) == ["the treaty must stand"]
    assert contents(library, ClaimFilter(tag="armsx")) == []


def test_speaker_by_canonical_name_and_after_a_merge(
    lib: tuple[Library, dict[str, int]],
) -> None:
    library, ids = lib
    ivanov = library.claim_views.speaker("igor ivanov")
    assert library.claim_views.count(ClaimFilter(speaker=ivanov)).total == 2
    library.corrections.add("merge", ["I. Ivanov"], "Igor Ivanov")
    ivanov = library.claim_views.speaker("Igor Ivanov")
    rows = library.claim_views.page(ClaimFilter(speaker=ivanov), 0, 100)
    assert [(r.article_id, r.speaker_name) for r in rows] == [
        (ids["sep"], "Igor Ivanov"), (ids["oct"], "Igor Ivanov"), (ids["undated"], "Igor Ivanov")]  # fmt: skip
    assert library.claim_views.speaker("I. Ivanov") == ivanov  # an alias finds the same entity
    in_october = library.claim_views.count(ClaimFilter(speaker=ivanov, since="1999-10"))
    assert (in_october.dated, in_october.undated, in_october.undated_apart) == (1, 0, 1)
    with pytest.raises(NotFoundError, match="No speaker"):
        library.claim_views.speaker("Boris Nobody")


def test_speakers_list_agrees_with_claims(lib: tuple[Library, dict[str, int]]) -> None:
    library, _ = lib
    library.corrections.add("merge", ["I. Ivanov"], "Igor Ivanov")
    speakers = {s.name: s for s in library.speakers.list()}
    assert set(speakers) == {"Igor Ivanov", "Olga Petrova"}
    iv = speakers["Igor Ivanov"]
    assert (iv.type, iv.claims, iv.articles, iv.first_date, iv.last_date, iv.undated_claims) == (
        "PERSON", 3, 3, "1999-09-25", "1999-10-02", 1)  # fmt: skip
    assert iv.top_outlets == (("Interfax", 1), ("Izvestia", 1))
    for s in speakers.values():
        found = library.claim_views.count(ClaimFilter(speaker=library.claim_views.speaker(s.name)))
        assert found.total == s.claims


def test_profile(lib: tuple[Library, dict[str, int]]) -> None:
    library, _ = lib
    library.corrections.add("merge", ["I. Ivanov"], "Igor Ivanov")
    p = library.speakers.profile("Igor Ivanov")
    assert (p.name, p.type, p.claims.total, p.articles, p.mentions) == (
        "Igor Ivanov", "PERSON", 3, 3, 3)  # fmt: skip
    assert p.aliases == ("I. Ivanov",)
    assert p.outlets == (("Interfax", 1), ("Izvestia", 1))
    assert p.mentions_by_month == (("1999-09", 1), ("1999-10", 1))
    assert p.undated_mentions == 1
    assert ("Olga Petrova", "PERSON", 1) in p.co_mentioned
    assert ("ABM Treaty", "LAW", 1) in p.co_mentioned
    rows = library.claim_views.page(p.filter, 0, 10)
    assert [r.date for r in rows] == ["1999-09-25", "1999-10-02", None]


def test_only_current_texts_count(library: Library, tmp_path: Path) -> None:
    first = brief(
        library, tmp_path, "a.txt", "Olga Petrova said the plan was sound.\n", "1999-09-01",
        [("Olga Petrova", "Olga Petrova", "said", "the plan was sound")],
    )  # fmt: skip
    again = brief(
        library, tmp_path, "a.txt", "Olga Petrova said the plan was dead.\n", "1999-09-01",
        [("Olga Petrova", "Olga Petrova", "said", "the plan was dead")],
    )  # fmt: skip
    assert again == first
    assert contents(library, ClaimFilter()) == ["the plan was dead"]
    (s,) = library.speakers.list()
    assert s.claims == 1


def test_inflections_of_a_cue() -> None:
    assert {"said", "says", "saying"} <= set(inflections("say"))
    assert {"warned", "warns", "warning"} <= set(inflections("warn"))
    assert {"denied", "denies"} <= set(inflections("deny"))
    assert {"stated", "stating"} <= set(inflections("state"))
    assert {"admitted"} <= set(inflections("admit"))
    assert inflections("  ") == []


def _counts_agree(library: Library) -> None:
    kept = library.db.execute(
        """SELECT a.id, a.claims_count, (SELECT COUNT(*) FROM claims c
           WHERE c.revision_id = a.current_revision_id) FROM articles a"""
    ).fetchall()
    assert [(i, n) for i, n, _ in kept] == [(i, n) for i, _, n in kept]


def test_each_articles_claim_count_follows_every_write(
    lib: tuple[Library, dict[str, int]], tmp_path: Path
) -> None:
    """The unfiltered count is a sum of ``articles.claims_count`` kept by triggers: it must
    follow imports, new texts, claims added and deleted, deletes undone, JSON merges."""
    library, ids = lib
    _counts_agree(library)
    assert library.claim_views.count(ClaimFilter()).total == 5
    brief(
        library, tmp_path, "sep.txt", "Igor Ivanov said the treaty is dead. (Interfax, Sep 26)\n",
        "1999-09-26", [("Igor Ivanov", "Igor Ivanov", "said", "the treaty is dead")],
        outlet="Interfax",
    )  # fmt: skip
    _counts_agree(library)
    assert library.claim_views.count(ClaimFilter()).total == 4
    text = library.articles.get(ids["aug"]).text
    added = library.claims.add(ids["aug"], (text.index("prices"), text.index(" in the")))
    _counts_agree(library)
    library.claims.delete(added.id)
    _counts_agree(library)
    deleted = library.deletions.delete([ids["oct"]])
    _counts_agree(library)
    assert library.claim_views.count(ClaimFilter()).total == 3
    library.deletions.restore(deleted.snapshot)
    _counts_agree(library)
    assert library.claim_views.count(ClaimFilter()).total == 4
    out = tmp_path / "lib.json"
    library.exports.write("json", out)
    with Library.open(tmp_path / "other.sqlite") as other:
        other.import_json(out)
        _counts_agree(other)
        assert other.claim_views.count(ClaimFilter()).total == 4


def test_pages_skip_whole_articles_in_both_orders(library: Library, tmp_path: Path) -> None:
    """Without a claim filter a page starts from the articles' claim counts: every offset,
    in both orders, gives what stepping over the claims one by one would."""
    for i in range(6):
        brief(
            library, tmp_path, f"b{i}.txt",
            "Olga Petrova said one. Olga Petrova said two. Olga Petrova said three.\n",
            f"1999-0{1 + i % 3}-0{1 + i}" if i != 4 else None,
            [("Olga Petrova", "Olga Petrova", "said", w) for w in ("one", "two", "three")],
        )  # fmt: skip
    for f in (ClaimFilter(), ClaimFilter(since="1999-02")):
        for desc in (False, True):
            whole = [r.id for r in library.claim_views.page(f, 0, 100, desc)]
            for size in (1, 2, 4, 5):
                paged = [
                    r.id
                    for off in range(0, len(whole), size)
                    for r in library.claim_views.page(f, off, size, desc)
                ]
                assert paged == whole, (f, desc, size)
    assert len([r.id for r in library.claim_views.page(ClaimFilter(), 0, 100)]) == 18
