"""Undo after a JSON import: ids of deleted highlights, tags and claims are never given to
imported rows, and a restore never turns a different row into the one it puts back."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor_desk.core.errors import InvalidInputError
from monitor_desk.core.library import Library

MINE = """Publication: Monitor Volume: 2 Issue: 40

HARBOUR TALKS

The minister said the harbour treaty would be signed in May. Critics called the \
treaty a giveaway and asked for a vote in parliament.
"""

THEIRS = """Publication: Monitor Volume: 2 Issue: 41

RAIL TALKS

The governor said the rail link would open in June. Unions called the plan rushed.
"""


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


@pytest.fixture
def export_with_work(tmp_path: Path) -> io.StringIO:
    """A JSON export of another library: one article with a highlight, a tag and a claim."""
    (tmp_path / "theirs.txt").write_text(THEIRS, encoding="utf-8")
    with Library.open(tmp_path / "theirs.sqlite") as other:
        other.import_paths([tmp_path / "theirs.txt"], analyze=False)
        other.highlights.add(
            1, *_span(THEIRS, "rail link"), tags=["imported/rail"], note="imported note"
        )
        other.claims.add(1, _span(THEIRS, "the plan rushed"), "Unions", "called")
        buf = io.StringIO()
        other.exports.write("json", buf)
    buf.seek(0)
    return buf


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    (tmp_path / "mine.txt").write_text(MINE, encoding="utf-8")
    library = Library.open(tmp_path / "mine.sqlite")
    library.import_paths([tmp_path / "mine.txt"], analyze=False)
    yield library
    library.close()


def _imported_highlight(lib: Library) -> tuple[str, list[str]]:
    (h,) = [h for h in lib.highlights.list() if h.exact == "rail link"]
    return h.note, h.tags


def test_undoing_a_highlight_delete_after_a_json_import_keeps_the_imported_highlight(
    lib: Library, export_with_work: io.StringIO
) -> None:
    lib.highlights.add(1, *_span(MINE, "harbour treaty"), tags=["ports"], note="first")
    newest = lib.highlights.add(1, *_span(MINE, "giveaway"), tags=["critique"], note="mine").id
    deleted = lib.highlights.get(newest)
    lib.highlights.delete(newest)
    lib.import_json(export_with_work)
    imported = [h for h in lib.highlights.list() if h.exact == "rail link"]
    assert [h.id for h in imported] != [newest]  # the deleted id stays free
    lib.highlights.restore(deleted)  # Ctrl+Z of the delete
    assert lib.highlights.get(newest) == deleted
    assert _imported_highlight(lib) == ("imported note", ["imported/rail"])
    assert len(lib.highlights.list()) == 3


def test_undoing_a_tag_delete_after_a_json_import_keeps_the_imported_tag(
    lib: Library, export_with_work: io.StringIO
) -> None:
    hid = lib.highlights.add(1, *_span(MINE, "giveaway"), tags=["critique"]).id
    snapshot = lib.tags.snapshot("critique")
    lib.tags.delete("critique")
    lib.import_json(export_with_work)
    lib.tags.restore(snapshot)  # Ctrl+Z of the delete
    assert lib.highlights.get(hid).tags == ["critique"]
    assert _imported_highlight(lib) == ("imported note", ["imported/rail"])
    assert {t.name: t.count for t in lib.tags.list()} == {"critique": 1, "imported/rail": 1}


def test_undoing_a_claim_delete_after_a_json_import_keeps_the_imported_claim(
    lib: Library, export_with_work: io.StringIO
) -> None:
    lib.claims.add(1, _span(MINE, "the harbour treaty would be signed in May"), "Minister", "said")
    newest = lib.claims.add(1, _span(MINE, "the treaty a giveaway"), "Critics", "called").id
    snapshot = lib.claims.snapshot(newest)
    lib.claims.delete(newest)
    lib.import_json(export_with_work)
    lib.claims.restore(snapshot)  # was refused: an imported claim had taken the id
    assert lib.claims.snapshot(newest) == snapshot
    imported = [a for a in lib.articles.list() if a.title == "RAIL TALKS"][0]
    assert [(c.content.text, c.speaker_name) for c in lib.claims.list(imported.id)] == [
        ("the plan rushed", "Unions")
    ]


def test_new_rows_never_get_the_id_of_a_deleted_one(lib: Library) -> None:
    first = lib.highlights.add(1, *_span(MINE, "giveaway"), tags=["a"]).id
    lib.highlights.delete(first)
    lib.tags.delete("a")
    claim = lib.claims.add(1, _span(MINE, "the treaty a giveaway")).id
    lib.claims.delete(claim)
    assert lib.highlights.add(1, *_span(MINE, "giveaway")).id > first
    assert lib.tags.create("b").id > 1
    assert lib.claims.add(1, _span(MINE, "the treaty a giveaway")).id > claim


def test_a_highlight_snapshot_is_not_written_over_another_highlight(lib: Library) -> None:
    """A row that holds the snapshot's id but is another highlight (from a library written
    before ids were kept, or by another tool) is refused, not overwritten."""
    mine = lib.highlights.add(1, *_span(MINE, "giveaway"), tags=["mine"], note="keep me").id
    other = lib.highlights.add(1, *_span(MINE, "harbour"), tags=["other"], note="other").id
    lib.db.execute("UPDATE highlights SET created = '2001-01-01T00:00:00Z' WHERE id = ?", [other])
    kept = lib.highlights.get(mine)
    stale = dataclasses.replace(lib.highlights.get(other), id=mine)
    with pytest.raises(InvalidInputError, match="replaced by another one"):
        lib.highlights.restore(stale)
    assert lib.highlights.get(mine) == kept


def test_a_tag_snapshot_is_not_written_over_another_tag(lib: Library) -> None:
    hid = lib.highlights.add(1, *_span(MINE, "giveaway"), tags=["mine"]).id
    lib.tags.create("gone")
    snapshot = lib.tags.snapshot("gone")
    lib.tags.delete("gone")
    mine = lib.tags.snapshot("mine")
    lib.db.execute("UPDATE tags SET created = 'another time' WHERE id = ?", [mine.id])
    with pytest.raises(InvalidInputError, match="replaced by another one"):
        lib.tags.restore(dataclasses.replace(snapshot, id=mine.id))
    assert lib.highlights.get(hid).tags == ["mine"]
    assert [t.name for t in lib.tags.list()] == ["mine"]
