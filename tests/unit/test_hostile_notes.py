"""Hostile notes and tags: SQL metacharacters and LIKE wildcards are stored and matched
literally (tag filter, search, export scope); formula-like tags are neutralised in CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from monitor_desk.core.export import ExportScope
from monitor_desk.core.library import Library

TEXT = (
    "Hostile notes brief\n\n"
    "The ministry said the talks would resume in May. Officials declined to comment on "
    "the draft, which was circulated off the record among delegations.\n"
)

# Each tag next to a decoy its wildcards would match if they were not escaped.
TAGS = {
    "a_b": "axb/child",
    "100%": "100 percent/child",
    "back\\slash": "backxslash/child",
    "'; DROP TABLE tags; --": "x",
    'quote"double': "quotexdouble",
    "%": "anything at all",
    "_": "z",
}
NOTES = [
    "'; DROP TABLE highlights; --",
    "50% of the budget; under_score and back\\slash",
    'Robert"); DELETE FROM articles; --',
    "%_%",
]


@pytest.fixture
def hostile(library: Library, tmp_path: Path) -> Library:
    path = tmp_path / "brief.txt"
    path.write_text(TEXT, encoding="utf-8")
    library.import_paths([path], analyze=False)
    for i, (tag, decoy) in enumerate(TAGS.items()):
        library.highlights.add(1, i, i + 5, tags=[tag])
        library.highlights.add(1, i + 10, i + 15, tags=[decoy])
        library.highlights.add(1, i + 20, i + 25, tags=[tag + "/sub"])
    for i, note in enumerate(NOTES):
        library.highlights.add(1, 40 + i, 50 + i, note=note)
    return library


def test_tags_are_stored_and_filtered_literally(hostile: Library) -> None:
    names = {t.name for t in hostile.tags.list()}
    for tag, decoy in TAGS.items():
        assert tag in names
        assert decoy in names
        found = hostile.highlights.list(tag=tag)
        assert sorted(t for h in found for t in h.tags) == sorted([tag, tag + "/sub"]), tag
    assert len(hostile.articles.list(tag="a_b")) == 1
    assert hostile.articles.list(tag="a%") == []
    tables = {t for t in hostile.db.table_names()}
    assert {"tags", "highlights", "articles"} <= tables


def test_notes_are_stored_verbatim_and_searched_as_words(hostile: Library) -> None:
    stored = {h.note for h in hostile.highlights.list(1) if h.note}
    assert stored == set(NOTES)
    hits = hostile.search("DROP TABLE highlights")
    notes_hit = {hostile.highlights.get(h.highlight_id).note for h in hits if h.highlight_id}
    assert notes_hit == {NOTES[0]}
    hits = hostile.search("under_score")
    assert {hostile.highlights.get(h.highlight_id).note for h in hits if h.highlight_id} == {
        NOTES[1]
    }
    # Wildcards, quotes and FTS5 syntax are never an error.
    for query in ("%", "_", "%_%", "\\", "'", '"', "'; --", "*", "NEAR(", "a OR", "-x", "x:y"):
        hostile.search(query)
    assert hostile.search("%") == []
    assert hostile.search("_") == []
    assert len(hostile.highlights.list(1)) == 3 * len(TAGS) + len(NOTES)


def test_renaming_merging_and_deleting_hostile_tags_touch_only_them(hostile: Library) -> None:
    hostile.tags.rename("a_b", "a_b renamed%")
    assert {t for h in hostile.highlights.list(tag="a_b renamed%") for t in h.tags} == {
        "a_b renamed%"
    }
    assert "axb/child" in {t.name for t in hostile.tags.list()}
    moved = hostile.tags.merge("'; DROP TABLE tags; --", "100%").count
    assert moved == 1
    assert len(hostile.highlights.list(tag="100%")) == 3  # its own, its sub-tag, the merged
    assert hostile.tags.delete("%").count == 1
    assert "anything at all" in {t.name for t in hostile.tags.list()}
    assert "%/sub" in {t.name for t in hostile.tags.list()}  # a sub-tag is its own tag


def test_export_scope_by_hostile_tag_and_formula_tags_are_neutralised(hostile: Library) -> None:
    hostile.highlights.add(1, 60, 70, tags=["=cmd|' /C calc'!A0", "@SUM(1)", "-1+1"])
    buf = io.StringIO(newline="")
    hostile.exports.write("notes", buf, ExportScope(tag="a_b"))
    rows = list(csv.DictReader(io.StringIO(buf.getvalue().removeprefix("\ufeff"), newline="")))
    assert sorted(r["tags"] for r in rows) == ["a_b", "a_b/sub"]
    buf = io.StringIO(newline="")
    hostile.exports.write("notes", buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue().removeprefix("\ufeff"), newline="")))
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    formula = [r for r in rows if "calc" in r["tags"]]
    assert len(formula) == 1
    # Tag names are normalised around "/" (levels), otherwise kept: quotes, pipes, bangs.
    assert formula[0]["tags"] == "'-1+1; =cmd|'/C calc'!A0; @SUM(1)"
