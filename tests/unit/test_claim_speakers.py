"""Each claim's speaker entity, stored (``claims.speaker_entity_id``, schema step
``0015_claim_speakers``): it must stay what the rule works out after every write an analyst
makes — imports, new texts, claim edits, corrections made and revoked, deletes undone, JSON
merges — and the claims list, ``speakers`` and the claims chart must agree by entity."""

from __future__ import annotations

from pathlib import Path

import pytest
from claim_views_data import brief, build

from monitor_desk.core.analysis_store import store_analysis
from monitor_desk.core.library import Library
from monitor_desk.core.models import Analysis, EntityMention
from monitor_desk.core.timelines import TimelineQuery
from monitor_desk.core.views.claim_query import ClaimFilter
from monitor_desk.core.views.schema_sql import overlaps_sql, speaker_entity_sql


def _stored_right(library: Library) -> None:
    """Every claim's stored speaker entity is the one the rule gives now, and the kept
    pairs of overlapping highlights and claims are those the text gives now."""
    rows = library.db.execute(
        f"SELECT c.id, c.speaker_entity_id, {speaker_entity_sql('c')} FROM claims c"
    ).fetchall()
    assert rows
    assert [(i, stored) for i, stored, _ in rows] == [(i, now) for i, _, now in rows]
    kept = library.db.execute("SELECT highlight_id, claim_id FROM claim_highlights ORDER BY 1, 2")
    now = library.db.execute(
        f"""SELECT h.id, c.id FROM highlights h JOIN claims c ON {overlaps_sql("h", "c")}
            ORDER BY 1, 2"""
    )
    assert kept.fetchall() == now.fetchall()


def _speaker_of(library: Library, content: str) -> str | None:
    (row,) = library.db.execute(
        """SELECT le.name FROM claims c LEFT JOIN library_entities le
           ON le.id = c.speaker_entity_id WHERE c.content_text = ?""",
        [content],
    ).fetchall()
    return row[0]


def test_the_stored_speaker_follows_every_write(library: Library, tmp_path: Path) -> None:
    ids = build(library, tmp_path)
    for name, words in (("sep", "treaty must"), ("oct", "ABM Treaty"), ("aug", "prices")):
        text = library.articles.get(ids[name]).text
        s = text.index(words)
        library.highlights.add(ids[name], s, s + 6, tags=["arms"])
    _stored_right(library)
    assert library.db.execute("SELECT COUNT(*) FROM claim_highlights").fetchone()[0] == 3
    assert _speaker_of(library, "the visit was over") == "I. Ivanov"
    merged = library.corrections.add("merge", ["I. Ivanov"], "Igor Ivanov")
    _stored_right(library)
    assert _speaker_of(library, "the visit was over") == "Igor Ivanov"
    library.corrections.revoke(merged.id)
    _stored_right(library)
    assert _speaker_of(library, "the visit was over") == "I. Ivanov"
    # the analyst names another speaker, then adds a claim of their own
    (claim,) = [c for c in library.claims.list(ids["aug"]) if c.content.text == "prices would rise"]
    before = library.claims.snapshot(claim.id)
    library.claims.update(claim.id, speaker_name="Igor Ivanov")
    _stored_right(library)
    assert _speaker_of(library, "prices would rise") == "Igor Ivanov"
    library.claims.restore(before)  # undone
    _stored_right(library)
    assert _speaker_of(library, "prices would rise") == "Olga Petrova"
    library.claims.update(claim.id, speaker_name="Igor Ivanov")
    text = library.articles.get(ids["aug"]).text
    added = library.claims.add(ids["aug"], (text.index("prices"), text.index(" in the")))
    _stored_right(library)
    library.claims.delete(added.id)
    # a new text of an article: its old claims leave, the new ones are stored right
    brief(
        library, tmp_path, "oct.txt", "Olga Petrova says talks will go on. (Izvestia, Oct 2)\n",
        "1999-10-02", [("Olga Petrova", "Olga Petrova", "says", "talks will go on")],
        outlet="Izvestia",
    )  # fmt: skip
    _stored_right(library)
    assert _speaker_of(library, "talks will go on") == "Olga Petrova"
    deleted = library.deletions.delete([ids["sep"]])
    _stored_right(library)
    library.deletions.restore(deleted.snapshot)
    _stored_right(library)
    arms = ClaimFilter(tag="arms")
    assert [r.content for r in library.claim_views.page(arms, 0, 9)] == [
        "prices would rise", "the treaty must stand"]  # fmt: skip
    (h,) = [h for h in library.highlights.list(ids["aug"])]
    library.highlights.delete(h.id)
    _stored_right(library)
    assert [r.content for r in library.claim_views.page(arms, 0, 9)] == ["the treaty must stand"]
    library.highlights.restore(h)  # undone
    _stored_right(library)
    assert library.claim_views.count(arms).total == 2
    newest = library.claim_views.page(arms, 0, 9, descending=True)
    assert [r.content for r in newest] == ["the treaty must stand", "prices would rise"]
    september = ClaimFilter(tag="arms", since="1999-09")
    assert [r.content for r in library.claim_views.page(september, 0, 9)] == [
        "the treaty must stand"]  # fmt: skip
    assert _speaker_of(library, "the treaty must stand") == "Igor Ivanov"
    out = tmp_path / "lib.json"
    library.corrections.add("merge", ["I. Ivanov"], "Igor Ivanov")
    library.exports.write("json", out)
    with Library.open(tmp_path / "other.sqlite") as other:
        other.import_json(out)
        _stored_right(other)
        assert _speaker_of(other, "the visit was over") == "Igor Ivanov"


def test_a_split_takes_a_surnames_claims_back(library: Library, tmp_path: Path) -> None:
    """ "Ivanov" alone joins the one full name with that surname; split off, its claim is
    its own speaker's again."""
    brief(
        library, tmp_path, "a.txt", "Igor Ivanov said the talks were over.\n", "1999-09-01",
        [("Igor Ivanov", "Igor Ivanov", "said", "the talks were over")],
    )  # fmt: skip
    brief(
        library, tmp_path, "b.txt", "Ivanov warned of new missiles.\n", "1999-09-02",
        [("Ivanov", "Ivanov", "warned", "of new missiles")],
    )  # fmt: skip
    assert _speaker_of(library, "of new missiles") == "Igor Ivanov"
    library.corrections.add("split", ["Ivanov"])
    _stored_right(library)
    assert _speaker_of(library, "of new missiles") == "Ivanov"
    ivanov = library.claim_views.speaker("Igor Ivanov")
    assert library.claim_views.count(ClaimFilter(speaker=ivanov)).total == 1


@pytest.fixture
def namesakes(library: Library, tmp_path: Path) -> Library:
    """Two library entities called "Jordan": a person quoted twice and an organisation (as
    the model typed a mention) quoted once."""
    for n, (label, day) in enumerate((("PERSON", "01"), ("PERSON", "02"), ("ORG", "03"))):
        brief(
            library, tmp_path, f"j{n}.txt", f"Jordan said the talks were over {n}.\n",
            f"1999-09-{day}", [("Jordan", "Jordan", "said", f"the talks were over {n}")],
        )  # fmt: skip
        if label == "ORG":  # the model took this Jordan for an organisation
            library.db.execute(
                """UPDATE entities SET label = 'ORG', model_label = 'ORG'
                   WHERE revision_id = (SELECT MAX(id) FROM revisions)"""
            )
            rev = library.db.execute("SELECT MAX(id) FROM revisions").fetchone()[0]
            from monitor_desk.core.entity_corrections import link, load_rules

            link(library.db, "revision_id = ?", [rev], load_rules(library.db))
    return library


def test_namesakes_are_counted_apart_by_claims_speakers_and_the_chart(
    namesakes: Library,
) -> None:
    library = namesakes
    _stored_right(library)
    jordans = sorted((s.type, s.claims) for s in library.speakers.list() if s.name == "Jordan")
    assert jordans == [("ORG", 1), ("PERSON", 2)]
    person = library.claim_views.speaker("Jordan")  # a person first, as `claims` resolves it
    assert library.claim_views.count(ClaimFilter(speaker=person)).total == 2
    chart = library.timelines.timeline(TimelineQuery("claims", "month", names=("Jordan",)))
    assert chart.series == ("Jordan",)
    assert chart.values("Jordan") == [2]  # the person's claims, not every "jordan"
    assert library.speakers.profile("Jordan").claims.total == 2


def test_a_listed_filter_follows_writes(library: Library, tmp_path: Path) -> None:
    """A speaker's claims are listed once and read from that list while nothing changes:
    a claim deleted, or a speaker renamed, shows at once in the count and the pages."""
    ids = build(library, tmp_path)
    views = library.claim_views
    ivanov = ClaimFilter(speaker=views.speaker("Igor Ivanov"))
    assert views.count(ivanov).total == 2
    first = views.page(ivanov, 0, 10)
    assert [r.article_id for r in views.page(ivanov, 1, 1)] == [first[1].article_id]
    (oct_claim,) = library.claims.list(ids["oct"])
    library.claims.delete(oct_claim.id)
    assert views.count(ivanov).total == 1
    assert [r.article_id for r in views.page(ivanov, 0, 10)] == [ids["sep"]]
    (aug_claim,) = library.claims.list(ids["aug"])
    library.claims.update(aug_claim.id, speaker_name="Igor Ivanov")
    assert [r.article_id for r in views.page(ivanov, 0, 10, descending=True)] == [
        ids["sep"], ids["aug"]]  # fmt: skip
    assert views.count(ivanov).total == 2


def _pairs_right(library: Library) -> None:
    """The kept counts of who is mentioned with whom are those the current texts give."""
    kept = library.db.execute(
        """SELECT entity_id, other_id, revisions FROM entity_pairs WHERE revisions != 0
           ORDER BY 1, 2"""
    ).fetchall()
    now = library.db.execute(
        """SELECT x.entity_id, y.entity_id, COUNT(DISTINCT a.id) FROM articles a
           JOIN entities x ON x.revision_id = a.current_revision_id
           JOIN entities y ON y.revision_id = x.revision_id
           WHERE x.entity_id IS NOT NULL AND y.entity_id IS NOT NULL
           AND x.entity_id != y.entity_id GROUP BY 1, 2 ORDER BY 1, 2"""
    ).fetchall()
    assert kept == now


def test_who_is_mentioned_with_whom_stays_right(library: Library, tmp_path: Path) -> None:
    """A profile's "mentioned with" is kept on write: it must follow new texts, merges and
    their revoking, deletes and their undoing, and the analysis of an article again."""
    ids = build(library, tmp_path)
    _pairs_right(library)
    assert ("Olga Petrova", "PERSON", 1) in library.speakers.profile("Igor Ivanov").co_mentioned
    merged = library.corrections.add("merge", ["I. Ivanov"], "Igor Ivanov")
    _pairs_right(library)
    library.corrections.add("retype", ["Interfax"], "GPE")
    _pairs_right(library)
    library.corrections.revoke(merged.id)
    _pairs_right(library)
    brief(
        library, tmp_path, "sep.txt",
        "Olga Petrova said the treaty is dead. Igor Ivanov agreed. (Interfax, Sep 26)\n",
        "1999-09-26", [("Olga Petrova", "Olga Petrova", "said", "the treaty is dead")],
        extra=[("Igor Ivanov", "PERSON", "Igor Ivanov"), ("Interfax", "ORG", "Interfax")],
        outlet="Interfax",
    )  # fmt: skip
    _pairs_right(library)
    # analysed again: the new analysis finds only Olga Petrova in the October brief
    art = library.articles.get(ids["oct"])
    s = art.text.index("Igor Ivanov")
    again = [EntityMention(s, s + 11, "PERSON", "Igor Ivanov", "Olga Petrova")]
    with library.db.atomic():
        store_analysis(library.db, art.revision_id, Analysis("test", "2", again, [], []))
    _pairs_right(library)
    _stored_right(library)
    deleted = library.deletions.delete([ids["sep"], ids["oct"]])
    _pairs_right(library)
    assert library.speakers.profile("Olga Petrova").co_mentioned == ()
    library.deletions.restore(deleted.snapshot)
    _pairs_right(library)
    co = library.speakers.profile("Olga Petrova").co_mentioned
    assert ("Igor Ivanov", "PERSON", 1) in co
    out = tmp_path / "lib.json"
    library.exports.write("json", out)
    with Library.open(tmp_path / "other.sqlite") as other:
        other.import_json(out)
        _pairs_right(other)
