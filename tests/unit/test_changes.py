"""Every write of the library says what it changed (``core.changes``), so that the window
refreshes just that and an undo command keeps what the write returned."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor_desk.core.changes import Changes
from monitor_desk.core.library import Library

TEXT = """Publication: Monitor Volume: 9 Issue: 12 Date: May 14, 2003

HARBOUR DISPUTE DEEPENS

Port officials in Odessa said on Tuesday that the new tariff would stand \
(Interfax, May 13).
"""


@pytest.fixture
def lib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Library:
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    for name in ("one.txt", "two.txt"):
        (tmp_path / name).write_text(TEXT.replace("HARBOUR", name), encoding="utf-8")
    library = Library.open(tmp_path / "lib.sqlite")
    library.import_paths([tmp_path / "one.txt", tmp_path / "two.txt"], analyze=True)
    return library


def _span(lib: Library, article_id: int, needle: str) -> tuple[int, int]:
    start = lib.articles.get(article_id).text.index(needle)
    return start, start + len(needle)


def test_a_new_highlight_reports_its_id_article_and_tags(lib: Library) -> None:
    created = lib.highlights.add(1, *_span(lib, 1, "new tariff"), tags=["port", "trade"])
    tag_ids = {t.id for t in lib.tags.list()}
    assert lib.highlights.get(created.id).exact == "new tariff"
    assert created.changes == Changes.of(articles=[1], highlights=[created.id], tags=tag_ids)
    # A highlight without tags touches no tag: the tag list need not be reloaded.
    plain = lib.highlights.add(2, *_span(lib, 2, "Odessa"))
    assert plain.changes.tags == frozenset()
    assert plain.changes.articles == {2}


def test_editing_and_deleting_report_the_tags_they_drop(lib: Library) -> None:
    hid = lib.highlights.add(1, *_span(lib, 1, "Odessa"), tags=["port"]).id
    port = lib.tags.list()[0].id
    edit = lib.highlights.update(hid, tags=["trade"], note="n")
    trade = next(t.id for t in lib.tags.list() if t.name == "trade")
    assert edit.tags == {port, trade}  # one count fell, one rose
    assert lib.highlights.delete(hid) == Changes.of(articles=[1], highlights=[hid], tags=[trade])


def test_tag_changes_reach_every_highlight_and_article_carrying_the_tag(lib: Library) -> None:
    one = lib.highlights.add(1, *_span(lib, 1, "Odessa"), tags=["port"]).id
    two = lib.highlights.add(2, *_span(lib, 2, "Odessa"), tags=["port"]).id
    port = lib.tags.list()[0].id
    renamed = lib.tags.rename("port", "harbour")
    assert renamed == Changes.of(articles=[1, 2], highlights=[one, two], tags=[port])
    merged = lib.tags.merge("harbour", "ports")
    assert merged.count == 2
    assert merged.changes.highlights == {one, two}
    assert len(merged.changes.tags) == 2  # the source, gone, and the target, made
    deleted = lib.tags.delete("ports")
    assert (deleted.count, deleted.changes.articles) == (2, {1, 2})


def test_claim_writes_report_the_claim_and_a_span_edit_returns_it(lib: Library) -> None:
    added = lib.claims.add(1, _span(lib, 1, "the new tariff would stand"), "Officials")
    assert added.changes == Changes.of(articles=[1], claims=[added.id])
    edit = lib.claims.set_span(added.id, "content", _span(lib, 1, "new tariff"))
    assert edit.claim == lib.claims.get(added.id)
    assert edit.claim.content.text == "new tariff"
    assert edit.changes == Changes.of(articles=[1], claims=[added.id])
    assert lib.claims.set_credibility(added.id, 2).claims == {added.id}


def test_an_outlet_grade_is_a_library_wide_change(lib: Library) -> None:
    changes = lib.sources.set_reliability("Interfax", "B")
    assert changes.library
    assert not changes.articles
    assert not changes.empty


def test_changes_combine() -> None:
    a = Changes.of(articles=[1], highlights=[5])
    b = Changes.of(articles=[2], tags=[7], library=True)
    assert a | b == Changes.of(articles=[1, 2], highlights=[5], tags=[7], library=True)
    assert Changes().empty
    assert not a.empty


def test_a_details_edit_says_so_and_a_correction_does_not(lib: Library) -> None:
    """The window refreshes the header and list rows from ``details``, not by guessing from
    which other fields are empty."""
    before = lib.details.snapshot([1, 2])
    edit = lib.details.edit([1, 2], title="New title")
    assert edit.details == {1, 2}
    assert lib.details.restore(before).details == {1, 2}
    correction = lib.corrections.add("retype", ["Odessa"], "ORG").changes
    assert not correction.details
    assert (Changes.of(details=[1]) | Changes.of(articles=[2])).details == {1}
    assert not Changes.of(details=[1]).empty
