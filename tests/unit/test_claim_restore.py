"""Putting a claim back exactly (``Library.claim_snapshot`` / ``restore_claim``): the undo of
claim edits and deletions in the GUI relies on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor_desk.core import analysis_store as store
from monitor_desk.core.errors import InvalidInputError
from monitor_desk.core.library import Library
from monitor_desk.core.models import Analysis, Citation, CitationItem, Claim, Span

ARTICLE = """Publication: Monitor Volume: 9 Issue: 20 Date: June 2, 2003

FERRY LINE 🚢 REOPENS

Harbour master Anton Kravets said that the ferry line would reopen in July \
(Interfax, June 1). "We have the ships," Kravets told reporters, "but not the crews." \
Union leaders warned of delays.
"""


def _span(needle: str) -> Span:
    start = ARTICLE.index(needle)
    return Span(start, start + len(needle), needle)


def _extracted() -> Analysis:
    cite = _span("(Interfax, June 1)")
    item = CitationItem("Interfax", "June 1", None, None, "Interfax")
    return Analysis(
        "test",
        "1",
        citations=[Citation(cite.start, cite.end, cite.text, (item,), ())],
        claims=[
            Claim(
                _span("Harbour master Anton Kravets"),
                "Anton Kravets",
                _span("said"),
                _span("the ferry line would reopen in July"),
                "indirect",
                citation=0,
            ),
            Claim(
                _span("Kravets told"),
                "Anton Kravets",
                _span("told reporters"),
                _span('"We have the ships,"'),
                "direct",
                quotes=(_span('"We have the ships,"'),),
            ),
        ],
    )


@pytest.fixture
def lib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Library]:
    """One article with two extracted claims stored by hand (the rule fallback finds none)."""
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    library = Library.open(tmp_path / "lib.sqlite")
    assert library.import_paths([tmp_path / "a.txt"], analyze=True).count("imported") == 1
    with library._lock, library.db.atomic():
        store.store_analysis(library.db, library.get_article(1).revision_id, _extracted())
    yield library
    library.close()


def _claim_hits(lib: Library, query: str) -> int:
    return sum(h.kind == "claim" for h in lib.search(query))


def test_a_deleted_claim_comes_back_with_its_id_spans_grade_and_citation(lib: Library) -> None:
    first = lib.list_claims(1)[0]
    lib.set_claim_credibility(first.id, 2)
    before = lib.list_claims(1)
    snapshot = lib.claim_snapshot(first.id)
    lib.delete_claim(first.id)
    assert first.id not in [c.id for c in lib.list_claims(1)]
    assert _claim_hits(lib, "ferry reopen") == 0

    lib.restore_claim(snapshot)

    assert lib.list_claims(1) == before  # same id, order, spans, kind, grade, citation
    assert lib.list_claims(1)[0].citation is not None
    assert lib.claim_snapshot(first.id) == snapshot
    assert _claim_hits(lib, "ferry reopen") == 1


def test_restoring_undoes_a_span_correction_and_a_renamed_speaker(lib: Library) -> None:
    quoted = lib.list_claims(1)[1]
    snapshot = lib.claim_snapshot(quoted.id)
    crews = _span("but not the crews")
    lib.set_claim_span(quoted.id, "content", (crews.start, crews.end))
    lib.update_claim(quoted.id, speaker_name="A. Kravets")
    changed = next(c for c in lib.list_claims(1) if c.id == quoted.id)
    assert (changed.content.text, changed.speaker_name) == ("but not the crews", "A. Kravets")
    assert lib.claim_snapshot(quoted.id).value("quotes_json") != snapshot.value("quotes_json")

    lib.restore_claim(snapshot)

    assert next(c for c in lib.list_claims(1) if c.id == quoted.id) == quoted
    assert lib.claim_snapshot(quoted.id) == snapshot  # the stored quotes too
    assert _claim_hits(lib, "crews") == 0
    assert _claim_hits(lib, "ships") == 1


def test_an_extracted_claim_is_not_put_back_after_a_reanalysis(lib: Library) -> None:
    # The analysis happened long before the snapshot (timestamps have whole seconds).
    lib.db.execute("UPDATE revisions SET analyzed = '2001-01-01T00:00:00Z'")
    first = lib.list_claims(1)[0]
    snapshot = lib.claim_snapshot(first.id)
    lib.delete_claim(first.id)
    lib.reanalyze([1])  # the fallback finds no claims: the other one is gone too
    after = lib.list_claims(1)

    with pytest.raises(InvalidInputError, match="analysed again"):
        lib.restore_claim(snapshot)
    assert lib.list_claims(1) == after


def test_an_analyst_claim_is_put_back_after_a_reanalysis(lib: Library) -> None:
    content = _span("Union leaders warned of delays")
    claim_id = lib.add_claim(1, (content.start, content.end), "Union leaders", "warned")
    snapshot = lib.claim_snapshot(claim_id)
    lib.delete_claim(claim_id)
    lib.reanalyze([1])

    lib.restore_claim(snapshot)

    restored = next(c for c in lib.list_claims(1) if c.id == claim_id)
    assert (restored.speaker_label, restored.content.text, restored.origin) == (
        "Union leaders",
        "Union leaders warned of delays",
        "user",
    )


def test_a_claim_is_not_put_back_over_a_new_text(lib: Library, tmp_path: Path) -> None:
    first = lib.list_claims(1)[0]
    snapshot = lib.claim_snapshot(first.id)
    lib.delete_claim(first.id)
    (tmp_path / "a.txt").write_text(ARTICLE.replace("July", "August"), encoding="utf-8")
    lib.import_paths([tmp_path / "a.txt"], analyze=True)
    assert "August" in lib.get_article(1).text

    with pytest.raises(InvalidInputError, match="text has changed"):
        lib.restore_claim(snapshot)
    assert lib.list_claims(1) == []
