"""Putting a claim back exactly (``Library.claim_snapshot`` / ``restore_claim``): the undo of
claim edits and deletions in the GUI relies on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor_desk.core import analysis_store
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
        analysis_store.store_analysis(library.db, library.articles.get(1).revision_id, _extracted())
    yield library
    library.close()


def _claim_hits(lib: Library, query: str) -> int:
    return sum(h.kind == "claim" for h in lib.search(query))


def test_a_deleted_claim_comes_back_with_its_id_spans_grade_and_citation(lib: Library) -> None:
    first = lib.claims.list(1)[0]
    lib.claims.set_credibility(first.id, 2)
    before = lib.claims.list(1)
    snapshot = lib.claims.snapshot(first.id)
    lib.claims.delete(first.id)
    assert first.id not in [c.id for c in lib.claims.list(1)]
    assert _claim_hits(lib, "ferry reopen") == 0

    lib.claims.restore(snapshot)

    assert lib.claims.list(1) == before  # same id, order, spans, kind, grade, citation
    assert lib.claims.list(1)[0].citation is not None
    assert lib.claims.snapshot(first.id) == snapshot
    assert _claim_hits(lib, "ferry reopen") == 1


def test_restoring_undoes_a_span_correction_and_a_renamed_speaker(lib: Library) -> None:
    quoted = lib.claims.list(1)[1]
    snapshot = lib.claims.snapshot(quoted.id)
    crews = _span("but not the crews")
    lib.claims.set_span(quoted.id, "content", (crews.start, crews.end))
    lib.claims.update(quoted.id, speaker_name="A. Kravets")
    changed = next(c for c in lib.claims.list(1) if c.id == quoted.id)
    assert (changed.content.text, changed.speaker_name) == ("but not the crews", "A. Kravets")
    assert lib.claims.snapshot(quoted.id).value("quotes_json") != snapshot.value("quotes_json")

    lib.claims.restore(snapshot)

    assert next(c for c in lib.claims.list(1) if c.id == quoted.id) == quoted
    assert lib.claims.snapshot(quoted.id) == snapshot  # the stored quotes too
    assert _claim_hits(lib, "crews") == 0
    assert _claim_hits(lib, "ships") == 1


def test_an_extracted_claim_is_not_put_back_after_a_reanalysis(lib: Library) -> None:
    # The analysis happened long before the snapshot (timestamps have whole seconds).
    lib.db.execute("UPDATE revisions SET analyzed = '2001-01-01T00:00:00Z'")
    first = lib.claims.list(1)[0]
    snapshot = lib.claims.snapshot(first.id)
    lib.claims.delete(first.id)
    lib.reanalyze([1])  # the fallback finds no claims: the other one is gone too
    after = lib.claims.list(1)

    with pytest.raises(InvalidInputError, match="analysed again"):
        lib.claims.restore(snapshot)
    assert lib.claims.list(1) == after


def test_an_analyst_claim_is_put_back_after_a_reanalysis(lib: Library) -> None:
    content = _span("Union leaders warned of delays")
    claim_id = lib.claims.add(1, (content.start, content.end), "Union leaders", "warned").id
    snapshot = lib.claims.snapshot(claim_id)
    lib.claims.delete(claim_id)
    lib.reanalyze([1])

    lib.claims.restore(snapshot)

    restored = next(c for c in lib.claims.list(1) if c.id == claim_id)
    assert (restored.speaker_label, restored.content.text, restored.origin) == (
        "Union leaders",
        "Union leaders warned of delays",
        "user",
    )


def test_a_claim_is_not_put_back_over_a_new_text(lib: Library, tmp_path: Path) -> None:
    first = lib.claims.list(1)[0]
    snapshot = lib.claims.snapshot(first.id)
    lib.claims.delete(first.id)
    (tmp_path / "a.txt").write_text(ARTICLE.replace("July", "August"), encoding="utf-8")
    lib.import_paths([tmp_path / "a.txt"], analyze=True)
    assert "August" in lib.articles.get(1).text

    with pytest.raises(InvalidInputError, match="text has changed"):
        lib.claims.restore(snapshot)
    assert lib.claims.list(1) == []
