"""The analyst's review through ``Library``: claims, outlet grades, entity mentions."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor_desk.core.errors import InvalidInputError, NotFoundError
from monitor_desk.core.library import Library

ARTICLE_ONE = """Publication: Monitor Volume: 9 Issue: 12 Date: May 14, 2003

HARBOUR DISPUTE DEEPENS

Port officials in Odessa said on Tuesday that the new tariff would stand. \
Deputy Minister Oleh Petrenko told reporters that the ministry "will not negotiate \
under pressure" (Interfax, May 13; Zerkalo Nedeli, May 12).

The shipping union warned of strikes (Interfax, May 14).
"""

ARTICLE_TWO = """Publication: Monitor Volume: 9 Issue: 13 Date: May 15, 2003

UNION STRIKE POSTPONED

Oleh Petrenko met union leaders in Odessa on Wednesday (Interfax, May 15).
"""


@pytest.fixture
def lib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Library:
    # The rule fallback parses citations and tags gazetteer entities without a model.
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    for name, text in (("one.txt", ARTICLE_ONE), ("two.txt", ARTICLE_TWO)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    library = Library.open(tmp_path / "lib.sqlite")
    report = library.import_paths([tmp_path / "one.txt", tmp_path / "two.txt"], analyze=True)
    assert report.count("imported") == 2
    return library


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def test_user_claim_is_listed_searchable_and_survives_reanalysis(lib: Library) -> None:
    text = lib.articles.get(1).text
    content = _span(text, "the new tariff would stand")
    claim_id = lib.claims.add(1, content, speaker_name="Port officials", cue_text="said").id
    lib.reanalyze([1])
    claims = {c.id: c for c in lib.claims.list(1)}
    claim = claims[claim_id]
    assert claim.origin == "user"
    assert claim.content.text == "the new tariff would stand"
    assert text[claim.cue.start : claim.cue.end] == "said"
    assert claim.speaker_label == "Port officials"
    assert any(h.kind == "claim" and h.article_id == 1 for h in lib.search("tariff stand"))


def test_edit_and_delete_claim_update_search(lib: Library) -> None:
    text = lib.articles.get(1).text
    claim_id = lib.claims.add(1, _span(text, "the new tariff would stand"), "Port officials").id
    lib.claims.update(claim_id, speaker_name="Harbour master", kind="direct")
    claim = next(c for c in lib.claims.list(1) if c.id == claim_id)
    assert (claim.speaker_name, claim.kind) == ("Harbour master", "direct")
    assert any(h.kind == "claim" for h in lib.search("Harbour master"))
    lib.claims.delete(claim_id)
    assert claim_id not in {c.id for c in lib.claims.list(1)}
    assert not any(h.kind == "claim" for h in lib.search("Harbour master"))
    with pytest.raises(NotFoundError):
        lib.claims.delete(claim_id)


def test_claim_credibility_is_graded_and_checked(lib: Library) -> None:
    text = lib.articles.get(1).text
    claim_id = lib.claims.add(1, _span(text, "the new tariff would stand"), "Port officials").id
    lib.claims.set_credibility(claim_id, 2)
    assert next(c for c in lib.claims.list(1) if c.id == claim_id).credibility == 2
    lib.claims.set_credibility(claim_id, None)
    assert next(c for c in lib.claims.list(1) if c.id == claim_id).credibility is None
    with pytest.raises(InvalidInputError):
        lib.claims.set_credibility(claim_id, 7)
    with pytest.raises(InvalidInputError):
        lib.claims.add(1, (5, 2), "x")


def test_sources_group_items_by_outlet_with_dates_and_covers(lib: Library) -> None:
    text = lib.articles.get(1).text
    sources = {s.outlet: s for s in lib.sources.list(1)}
    assert set(sources) == {"Interfax", "Zerkalo Nedeli"}
    interfax = sources["Interfax"]
    assert [i.date_start for i in interfax.items] == ["2003-05-13", "2003-05-14"]
    assert len(interfax.citations) == 2
    covered = [text[s:e] for s, e in interfax.covers]
    assert any("Petrenko told reporters" in c for c in covered)
    assert any("shipping union warned" in c for c in covered)


def test_outlet_grade_is_library_wide_and_persists(lib: Library, tmp_path: Path) -> None:
    lib.sources.set_reliability("interfax", "b")
    assert {s.outlet: s.reliability for s in lib.sources.list(2)}["Interfax"] == "B"
    lib.close()
    with Library.open(tmp_path / "lib.sqlite") as reopened:
        assert reopened.sources.reliability("Interfax") == "B"
        reopened.sources.set_reliability("Interfax", None)
        assert reopened.sources.reliability("Interfax") is None
        with pytest.raises(InvalidInputError):
            reopened.sources.set_reliability("Interfax", "G")
        with pytest.raises(NotFoundError):
            reopened.sources.set_reliability("Pravda Online", "A")


def test_entity_mentions_span_articles(lib: Library) -> None:
    analysis = lib.articles.analysis(1)
    assert analysis is not None
    odessa = next(e for e in analysis.entities if e.text == "Odessa")
    mentions = lib.entities.mentions(odessa.cluster, odessa.label)
    assert {m.article_id for m in mentions} == {1, 2}
    for m in mentions:
        assert lib.articles.get(m.article_id).text[m.start : m.end] == m.text


def test_unanalyzed_articles_are_listed_until_analysed(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ARTICLE_ONE, encoding="utf-8")
    (tmp_path / "two.txt").write_text(ARTICLE_TWO, encoding="utf-8")
    with Library.open(tmp_path / "plain.sqlite") as library:
        library.import_paths([tmp_path / "one.txt"], analyze=False)
        library.import_paths([tmp_path / "two.txt"], analyze=False)
        assert library.articles.unanalyzed_ids() == [1, 2]
        assert [library.articles.get(i).pipeline for i in (1, 2)] == [None, None]


def test_analysed_articles_are_not_listed(lib: Library) -> None:
    assert lib.articles.unanalyzed_ids() == []
