"""Undo support in core: a deleted or edited highlight and a renamed, merged or deleted tag
come back exactly as they were, and search finds what is there, not what was."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor_desk.core.errors import InvalidInputError
from monitor_desk.core.library import Library

TEXT = """Publication: Monitor Volume: 2 Issue: 40

HARBOUR TALKS

The minister said the harbour treaty would be signed in May. Critics called the \
treaty a giveaway and asked for a vote in parliament.
"""


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    library = Library.open(tmp_path / "lib.sqlite")
    library.import_paths([tmp_path / "a.txt"], analyze=False)
    yield library  # type: ignore[misc]
    library.close()


def _span(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def _hits(lib: Library, query: str) -> set[int]:
    return {h.highlight_id for h in lib.search(query) if h.highlight_id is not None}


def test_deleted_highlight_comes_back_with_same_id_times_anchor_and_tags(lib: Library) -> None:
    hid = lib.highlights.add(1, *_span("harbour treaty"), tags=["ports/baltic", "treaty"],
                            note="first mention", color="#e69f00").id  # fmt: skip
    before = lib.highlights.get(hid)
    lib.highlights.delete(hid)
    assert _hits(lib, "mention") == set()
    lib.highlights.restore(before)
    assert lib.highlights.get(hid) == before
    assert _hits(lib, "mention") == {hid}
    assert {t.name for t in lib.tags.list()} == {"ports/baltic", "treaty"}


def test_edited_highlight_is_put_back_including_its_modified_time(lib: Library) -> None:
    hid = lib.highlights.add(1, *_span("giveaway"), tags=["critique"], note="loaded word").id
    before = lib.highlights.get(hid)
    lib.highlights.update(hid, tags=["opinion"], note="changed", color="#009e73")
    assert lib.highlights.get(hid) != before
    lib.highlights.restore(before)
    assert lib.highlights.get(hid) == before
    assert _hits(lib, "changed") == set()
    assert _hits(lib, "loaded") == {hid}


def test_deleted_tag_is_restored_with_its_id_colour_and_exactly_its_highlights(
    lib: Library,
) -> None:
    a = lib.highlights.add(1, *_span("minister"), tags=["people"]).id
    b = lib.highlights.add(1, *_span("parliament"), tags=["people", "politics"]).id
    c = lib.highlights.add(1, *_span("vote"), tags=["politics"]).id
    lib.tags.recolor("people", "#0072b2")
    snap = lib.tags.snapshot("people")
    assert snap.highlight_ids == (a, b)
    assert lib.tags.delete("people").count == 2
    assert "people" not in lib.highlights.get(b).tags
    lib.tags.restore(snap)
    tags = {t.name: t for t in lib.tags.list()}
    assert tags["people"].id == snap.id
    assert tags["people"].color == "#0072b2"
    assert [h.id for h in lib.highlights.list(tag="people")] == [a, b]
    assert lib.highlights.get(c).tags == ["politics"]
    assert _hits(lib, "people") == {a, b}


def test_merge_undone_gives_back_the_source_and_only_its_highlights(lib: Library) -> None:
    a = lib.highlights.add(1, *_span("harbour"), tags=["port"]).id
    b = lib.highlights.add(1, *_span("treaty would"), tags=["port", "ports"]).id
    c = lib.highlights.add(1, *_span("signed"), tags=["ports"]).id
    lib.tags.recolor("port", "#d55e00")
    source, target = lib.tags.snapshot("port"), lib.tags.snapshot("ports")
    lib.tags.merge("port", "ports")
    assert [h.id for h in lib.highlights.list(tag="ports")] == [a, b, c]
    lib.tags.restore(source)
    lib.tags.restore(target)
    assert lib.tags.snapshot("port") == source
    assert lib.tags.snapshot("ports") == target
    assert lib.highlights.get(a).tags == ["port"]
    assert lib.highlights.get(c).tags == ["ports"]


def test_rename_back_and_a_clashing_restore_is_refused(lib: Library) -> None:
    lib.highlights.add(1, *_span("vote"), tags=["politics/vote"])
    snap = lib.tags.snapshot("politics/vote")
    lib.tags.rename("politics/vote", "elections")
    lib.tags.restore(snap)
    assert lib.tags.snapshot("politics/vote") == snap
    lib.tags.create("other")
    lib.tags.delete("politics/vote")
    lib.tags.rename("other", "politics/vote")
    with pytest.raises(InvalidInputError):
        lib.tags.restore(snap)


def test_a_highlight_put_back_after_a_new_revision_follows_its_text(
    lib: Library, tmp_path: Path
) -> None:
    moved = lib.highlights.add(1, *_span("giveaway"), tags=["critique"]).id
    gone = lib.highlights.add(1, *_span("asked for a vote"), tags=["politics"]).id
    snapshots = [lib.highlights.get(moved), lib.highlights.get(gone)]
    lib.highlights.delete(moved)
    lib.highlights.delete(gone)
    new_text = TEXT.replace("HARBOUR TALKS", "HARBOUR TALKS AGAIN").replace(
        " and asked for a vote in parliament", ""
    )
    (tmp_path / "a.txt").write_text(new_text, encoding="utf-8")
    assert lib.import_paths([tmp_path / "a.txt"], analyze=False).count("revised") == 1
    for h in snapshots:
        lib.highlights.restore(h)
    article = lib.articles.get(1)
    again = lib.highlights.get(moved)
    assert again.revision_id == article.revision_id
    assert article.text[again.start : again.end] == "giveaway"
    assert again.start == snapshots[0].start + len(" AGAIN")
    assert lib.highlights.get(gone).status == "orphan"
