"""The counts behind the Overview's charts (``core/chart_counts.py``) stay exactly what a
count from scratch gives, whatever changes the library: import, a revised file,
re-analysis, date edits and publication rules, entity corrections, tag edits, deletes and
their undo, JSON import; and the charts show the change."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from chart_scratch import assert_exact

from monitor_desk.core.library import Library
from monitor_desk.core.timeline_sql import bucket_of
from monitor_desk.core.timelines import Timeline, TimelineQuery

BRIEF = """Publication: Monitor Volume: 7 Issue: {n}

Foreign Minister Igor Ivanov said that Moscow would not accept the plan (Interfax, {cited}).

Chancellor Gerhard Schroeder told reporters that Berlin wanted a treaty with {who} (Reuters, {cited}).

Ivanov later met officials in {who} (ITAR-TASS, {cited}).
"""
CITED = ["September 1", "September 12", "October 2", "October 20", "September 25"]
DATES = ["2001-09-03", "2001-09-12", "2001-10-02", "", None]  # None: as the file says


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    folder = tmp_path / "briefs"
    folder.mkdir()
    for n, cited in enumerate(CITED):
        who = "Washington" if n % 2 else "Beijing"
        (folder / f"b{n}.txt").write_text(BRIEF.format(n=n, cited=cited, who=who), "utf-8")
    with Library.open(tmp_path / "lib.sqlite") as library:
        library.import_paths([folder])
        ids = library.articles.ids()
        for article_id, date in zip(ids, DATES, strict=True):
            if date is not None:
                library.details.edit([article_id], date=date)
        library.highlights.add(ids[0], 0, 11, tags=["arms/abm"])
        library.highlights.add(ids[1], 0, 11, tags=["arms", "energy"])
        library.highlights.add(ids[1], 12, 20, tags=["Arms/ABM"])
        library.highlights.add(ids[3], 0, 11, tags=["arms"])
        yield library


def chart(lib: Library, kind: str, *names: str, by: str = "month") -> Timeline:
    return lib.timelines.timeline(TimelineQuery(kind, by, names))  # type: ignore[arg-type]


def total(t: Timeline, series: str) -> int:
    """All of one series' units, placed and apart (the series as the library spells it)."""
    return sum(p.value for p in t.points + t.apart if p.series.lower() == series.lower())


def test_import_fills_every_count(lib: Library) -> None:
    assert_exact(lib.db)
    for table in ("chart_mentions", "chart_outlets", "chart_tags", "chart_tag_roots"):
        assert lib.db[table].count > 0, table
    assert total(chart(lib, "outlets", "Reuters"), "Reuters") == 5
    assert total(chart(lib, "tags", "arms"), "arms") == 4  # with arms/abm, once per tag


def test_a_revised_file_and_reanalysis_recount(lib: Library) -> None:
    before = total(chart(lib, "mentions", "Igor Ivanov"), "Igor Ivanov")
    source = Path(lib.articles.get(lib.articles.ids()[0]).source_path or "")
    text = source.read_text("utf-8")
    source.write_text(text.replace("Igor Ivanov said", "A spokesman said")
                      .replace(" (ITAR-TASS, September 1)", ""), "utf-8")  # fmt: skip
    lib.import_paths([source])
    assert_exact(lib.db)
    assert total(chart(lib, "mentions", "Igor Ivanov"), "Igor Ivanov") < before
    assert total(chart(lib, "outlets", "ITAR-TASS"), "ITAR-TASS") == 4
    lib.reanalyze()
    assert_exact(lib.db)
    assert total(chart(lib, "outlets", "ITAR-TASS"), "ITAR-TASS") == 4
    # an older text and another date in one statement: the triggers' order cannot matter
    article = lib.articles.ids()[0]
    lib.db.execute(
        """UPDATE articles SET date = '2002-02-02', current_revision_id =
           (SELECT MIN(id) FROM revisions WHERE article_id = ?) WHERE id = ?""",
        [article, article],
    )
    assert_exact(lib.db)
    assert total(chart(lib, "outlets", "ITAR-TASS"), "ITAR-TASS") == 5


def test_date_edits_and_publication_rules_move_the_counts(lib: Library) -> None:
    ids = lib.articles.ids()
    lib.details.edit([ids[0]], date="2001-11-05")
    assert_exact(lib.db)
    t = chart(lib, "mentions", "Igor Ivanov", "Washington")
    assert t.value("Igor Ivanov", "2001-11") > 0
    lib.details.edit([ids[1]], date="")  # undated now
    assert_exact(lib.db)
    assert chart(lib, "outlets", "Reuters", "Interfax").undated == 2
    assert lib.rules.set("Monitor", 7, 2001).count > 0  # the yearless citation date
    assert_exact(lib.db)
    lib.rules.remove("Monitor")
    assert_exact(lib.db)


def test_entity_corrections_recount_mentions(lib: Library) -> None:
    ivanov = total(chart(lib, "mentions", "Igor Ivanov"), "Igor Ivanov")
    created = lib.corrections.add("merge", ["Igor Ivanov"], "Igor S. Ivanov")
    assert_exact(lib.db)
    assert total(chart(lib, "mentions", "Igor S. Ivanov"), "Igor S. Ivanov") == ivanov
    lib.corrections.add("ignore", ["Washington"])
    assert_exact(lib.db)
    lib.corrections.revoke(created.id)
    assert_exact(lib.db)
    assert total(chart(lib, "mentions", "Igor Ivanov"), "Igor Ivanov") == ivanov


def test_tag_edits_recount_tags(lib: Library) -> None:
    ids = lib.articles.ids()
    added = lib.highlights.add(ids[2], 0, 11, tags=["arms/start"])
    assert_exact(lib.db)
    assert total(chart(lib, "tags", "arms"), "arms") == 5
    lib.highlights.update(added.id, tags=["energy"])
    assert_exact(lib.db)
    lib.tags.rename("arms", "weapons")  # the root of arms/abm stays arms
    assert_exact(lib.db)
    assert total(chart(lib, "tags", "weapons"), "weapons") == 2
    assert total(chart(lib, "tags", "arms"), "arms") == 2
    lib.tags.merge("energy", "weapons/energy")
    assert_exact(lib.db)
    assert total(chart(lib, "tags", "weapons"), "weapons") == 4
    snapshot = lib.tags.snapshot("weapons")
    lib.tags.delete("weapons")
    assert_exact(lib.db)
    lib.tags.restore(snapshot)
    assert_exact(lib.db)
    assert total(chart(lib, "tags", "weapons"), "weapons") == 4
    highlight = lib.highlights.get(added.id)
    lib.highlights.delete(added.id)
    assert_exact(lib.db)
    lib.highlights.restore(highlight)
    assert_exact(lib.db)
    assert total(chart(lib, "tags", "weapons/energy"), "weapons/energy") == 2


NAMED = {
    "mentions": ("Igor Ivanov", "Washington", "Moscow"),
    "outlets": ("Reuters", "Interfax", "ITAR-TASS"),
    "tags": ("arms", "energy", "arms/abm"),
}


def test_delete_and_undo_put_back_every_count(lib: Library) -> None:
    kinds = {k: chart(lib, k, *names).to_dict() for k, names in NAMED.items()}
    deleted = lib.deletions.delete(lib.articles.ids()[:2])
    assert_exact(lib.db)
    assert total(chart(lib, "outlets", "Reuters"), "Reuters") == 3
    lib.deletions.restore(deleted.snapshot)
    assert_exact(lib.db)
    assert {k: chart(lib, k, *names).to_dict() for k, names in NAMED.items()} == kinds


def test_json_import_counts_as_the_library_it_came_from(lib: Library, tmp_path: Path) -> None:
    lib.exports.write("json", tmp_path / "out.json")
    with Library.open(tmp_path / "other.sqlite") as other:
        other.import_json(tmp_path / "out.json")
        assert_exact(other.db)
        for kind, names in NAMED.items():
            for by in ("week", "month", "year"):
                mine, theirs = chart(lib, kind, *names, by=by), chart(other, kind, *names, by=by)
                assert theirs.to_dict() == mine.to_dict()


def test_a_name_of_two_entities_counts_each_article_once(lib: Library) -> None:
    """ "Igor Ivanov" both a person and (here) an organisation: one series; an article
    with both is one article, its mentions of both are all counted."""
    db = lib.db
    person = db.execute(
        "SELECT id FROM library_entities WHERE name = 'Igor Ivanov' AND label = 'PERSON'"
    ).fetchone()[0]
    org = db.execute(
        "INSERT INTO library_entities(name, label) VALUES ('Igor Ivanov', 'ORG')"
    ).lastrowid
    first_three = [lib.articles.get(i).revision_id for i in lib.articles.ids()[:3]]
    db.execute(
        f"""UPDATE entities SET entity_id = ? WHERE entity_id = ? AND text = 'Ivanov'
            AND revision_id IN ({",".join("?" * len(first_three))})""",
        [org, person, *first_three],
    )
    assert_exact(db)
    both = db.execute(
        """SELECT COUNT(*) FROM chart_mentions o JOIN chart_mentions p
           ON p.article_id = o.article_id AND p.entity_id = ? WHERE o.entity_id = ?""",
        [person, org],
    ).fetchone()[0]
    assert both == 3
    expected: dict[str, list[int]] = {}
    for date, n in db.execute(
        """SELECT a.date, COUNT(*) FROM entities e JOIN articles a
           ON a.current_revision_id = e.revision_id WHERE e.entity_id IN (?, ?)
           GROUP BY a.id""",
        [person, org],
    ):
        e = expected.setdefault(bucket_of(date, "month"), [0, 0])
        e[0] += n
        e[1] += 1
    t = chart(lib, "mentions", "Igor Ivanov")
    got = {p.bucket: [p.value, p.articles] for p in t.points + t.apart}
    assert got == expected
    assert expected["2001-09"][1] == 2  # the first two, each with both entities


def test_a_bar_and_the_undated_show_their_articles(lib: Library) -> None:
    ids = lib.articles.ids()
    tl = lib.timelines
    arms = TimelineQuery("tags", "month", ("arms",))
    assert tl.article_ids(arms, "2001-09") == ids[:2]
    assert tl.article_ids(arms, "undated") == [ids[3]]
    assert tl.article_ids(TimelineQuery("tags", "week", ("arms/abm",)), "2001-09-10") == [ids[1]]
    reuters = TimelineQuery("outlets", "month", ("Reuters", "Interfax"))
    assert tl.article_ids(reuters, "2001-10") == [ids[2]]
    assert tl.article_ids(reuters, "2001-09", "Reuters") == ids[:2]
    ranged = TimelineQuery("mentions", "year", ("Igor Ivanov",), "2001-09-10", "2001-10-31")
    assert tl.article_ids(ranged, "2001") == ids[1:3]
    two = chart(lib, "outlets", "Reuters", "Interfax")
    assert two.undated == 1  # behind both series, counted once
