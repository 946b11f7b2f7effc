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
    hid = lib.add_highlight(1, *_span("harbour treaty"), tags=["ports/baltic", "treaty"],
                            note="first mention", color="#e69f00")  # fmt: skip
    before = lib.get_highlight(hid)
    lib.delete_highlight(hid)
    assert _hits(lib, "mention") == set()
    lib.restore_highlight(before)
    assert lib.get_highlight(hid) == before
    assert _hits(lib, "mention") == {hid}
    assert {t.name for t in lib.list_tags()} == {"ports/baltic", "treaty"}


def test_edited_highlight_is_put_back_including_its_modified_time(lib: Library) -> None:
    hid = lib.add_highlight(1, *_span("giveaway"), tags=["critique"], note="loaded word")
    before = lib.get_highlight(hid)
    lib.update_highlight(hid, tags=["opinion"], note="changed", color="#009e73")
    assert lib.get_highlight(hid) != before
    lib.restore_highlight(before)
    assert lib.get_highlight(hid) == before
    assert _hits(lib, "changed") == set()
    assert _hits(lib, "loaded") == {hid}


def test_deleted_tag_is_restored_with_its_id_colour_and_exactly_its_highlights(
    lib: Library,
) -> None:
    a = lib.add_highlight(1, *_span("minister"), tags=["people"])
    b = lib.add_highlight(1, *_span("parliament"), tags=["people", "politics"])
    c = lib.add_highlight(1, *_span("vote"), tags=["politics"])
    lib.recolor_tag("people", "#0072b2")
    snap = lib.tag_snapshot("people")
    assert snap.highlight_ids == (a, b)
    assert lib.delete_tag("people") == 2
    assert "people" not in lib.get_highlight(b).tags
    lib.restore_tag(snap)
    tags = {t.name: t for t in lib.list_tags()}
    assert tags["people"].id == snap.id
    assert tags["people"].color == "#0072b2"
    assert [h.id for h in lib.list_highlights(tag="people")] == [a, b]
    assert lib.get_highlight(c).tags == ["politics"]
    assert _hits(lib, "people") == {a, b}


def test_merge_undone_gives_back_the_source_and_only_its_highlights(lib: Library) -> None:
    a = lib.add_highlight(1, *_span("harbour"), tags=["port"])
    b = lib.add_highlight(1, *_span("treaty would"), tags=["port", "ports"])
    c = lib.add_highlight(1, *_span("signed"), tags=["ports"])
    lib.recolor_tag("port", "#d55e00")
    source, target = lib.tag_snapshot("port"), lib.tag_snapshot("ports")
    lib.merge_tags("port", "ports")
    assert [h.id for h in lib.list_highlights(tag="ports")] == [a, b, c]
    lib.restore_tag(source)
    lib.restore_tag(target)
    assert lib.tag_snapshot("port") == source
    assert lib.tag_snapshot("ports") == target
    assert lib.get_highlight(a).tags == ["port"]
    assert lib.get_highlight(c).tags == ["ports"]


def test_rename_back_and_a_clashing_restore_is_refused(lib: Library) -> None:
    lib.add_highlight(1, *_span("vote"), tags=["politics/vote"])
    snap = lib.tag_snapshot("politics/vote")
    lib.rename_tag("politics/vote", "elections")
    lib.restore_tag(snap)
    assert lib.tag_snapshot("politics/vote") == snap
    lib.create_tag("other")
    lib.delete_tag("politics/vote")
    lib.rename_tag("other", "politics/vote")
    with pytest.raises(InvalidInputError):
        lib.restore_tag(snap)


def test_a_highlight_put_back_after_a_new_revision_follows_its_text(
    lib: Library, tmp_path: Path
) -> None:
    moved = lib.add_highlight(1, *_span("giveaway"), tags=["critique"])
    gone = lib.add_highlight(1, *_span("asked for a vote"), tags=["politics"])
    snapshots = [lib.get_highlight(moved), lib.get_highlight(gone)]
    lib.delete_highlight(moved)
    lib.delete_highlight(gone)
    new_text = TEXT.replace("HARBOUR TALKS", "HARBOUR TALKS AGAIN").replace(
        " and asked for a vote in parliament", ""
    )
    (tmp_path / "a.txt").write_text(new_text, encoding="utf-8")
    assert lib.import_paths([tmp_path / "a.txt"], analyze=False).count("revised") == 1
    for h in snapshots:
        lib.restore_highlight(h)
    article = lib.get_article(1)
    again = lib.get_highlight(moved)
    assert again.revision_id == article.revision_id
    assert article.text[again.start : again.end] == "giveaway"
    assert again.start == snapshots[0].start + len(" AGAIN")
    assert lib.get_highlight(gone).status == "orphan"
