"""Correcting a claim's speaker, cue and content spans through ``Library.set_claim_span``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor_desk.core import analysis_store
from monitor_desk.core.claims import StoredClaim
from monitor_desk.core.claims.kind import claim_kind
from monitor_desk.core.errors import InvalidInputError
from monitor_desk.core.library import Library
from monitor_desk.core.models import Analysis, Claim, Span

# Astral characters (two UTF-16 units each) sit before every span the tests set.
ARTICLE = """Publication: Monitor Volume: 9 Issue: 12 Date: May 14, 2003

HARBOUR 🚢 DISPUTE 😀

Port officials in Odessa said on Tuesday that the new tariff would stand. \
Deputy Minister Oleh Petrenko told reporters that the ministry "will not negotiate \
under pressure" (Interfax, May 13). "We are ready," Petrenko said, "to talk after the vote."
"""


def _span(needle: str, after: str = "") -> tuple[int, int]:
    start = ARTICLE.index(needle, ARTICLE.index(after) if after else 0)
    return start, start + len(needle)


def _as_span(s: tuple[int, int]) -> Span:
    return Span(s[0], s[1], ARTICLE[s[0] : s[1]])


@pytest.fixture
def lib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Library]:
    """A library whose one article has an extracted claim cut short, with no speaker:
    "told" → "the ministry" (the rule fallback finds no claims, so it is stored by hand)."""
    monkeypatch.setenv("MONITOR_DESK_FORCE_FALLBACK", "1")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    library = Library.open(tmp_path / "lib.sqlite")
    assert library.import_paths([tmp_path / "a.txt"], analyze=True).count("imported") == 1
    assert library.articles.get(1).text == ARTICLE
    bad = Claim(None, None, _as_span(_span("told")), _as_span(_span("the ministry")), "indirect")
    with library._lock, library.db.atomic():
        analysis_store.store_analysis(
            library.db, library.articles.get(1).revision_id, Analysis("test", "1", claims=[bad])
        )
    yield library
    library.close()


def _only_claim(lib: Library) -> StoredClaim:
    (claim,) = lib.claims.list(1)
    return claim


def _claim_hits(lib: Library, query: str) -> int:
    return sum(1 for h in lib.search(query) if h.kind == "claim")


def test_content_cut_short_is_extended_and_becomes_mixed(lib: Library) -> None:
    claim = _only_claim(lib)
    assert claim.kind == "indirect"
    assert _claim_hits(lib, "negotiate") == 0
    full = _span('the ministry "will not negotiate under pressure"')
    returned = lib.claims.set_span(claim.id, "content", full).claim
    stored = _only_claim(lib)
    assert stored == returned
    assert (stored.content.start, stored.content.end) == full
    assert stored.content.text == 'the ministry "will not negotiate under pressure"'
    assert stored.kind == "mixed"
    assert stored.cue.text == "told"  # the other spans stay
    assert _claim_hits(lib, "negotiate pressure") == 1
    (analysed,) = lib.articles.analysis(1).claims  # type: ignore[union-attr]
    assert [q.text for q in analysed.quotes] == ['"will not negotiate under pressure"']


def test_kind_follows_the_quotations_of_the_new_content(lib: Library) -> None:
    claim_id = _only_claim(lib).id
    lib.claims.set_span(claim_id, "content", _span('"will not negotiate under pressure"'))
    assert _only_claim(lib).kind == "direct"
    lib.claims.set_span(claim_id, "content", _span("the new tariff would stand"))
    assert _only_claim(lib).kind == "indirect"
    assert lib.articles.analysis(1).claims[0].quotes == ()  # type: ignore[union-attr]


def test_attribution_between_quotations_keeps_a_quote_direct(lib: Library) -> None:
    claim_id = _only_claim(lib).id
    content = _span('"We are ready," Petrenko said, "to talk after the vote."')
    lib.claims.set_span(claim_id, "cue", _span("said", after="We are ready"))
    lib.claims.set_span(claim_id, "content", content)
    # "Petrenko" is not yet the claim's speaker: words outside the quotes make it mixed
    assert _only_claim(lib).kind == "mixed"
    lib.claims.set_span(claim_id, "speaker", _span("Petrenko", after="We are ready"))
    stored = _only_claim(lib)
    assert stored.kind == "direct"
    assert stored.cue.start == _span("said", after="We are ready")[0]


def test_speaker_span_names_the_speaker(lib: Library) -> None:
    claim = _only_claim(lib)
    assert claim.speaker is None
    assert _claim_hits(lib, "Petrenko") == 0
    lib.claims.set_span(claim.id, "speaker", _span("Deputy Minister Oleh Petrenko"))
    stored = _only_claim(lib)
    assert stored.speaker is not None
    assert stored.speaker.text == "Deputy Minister Oleh Petrenko"
    assert stored.speaker_label == "Deputy Minister Oleh Petrenko"
    assert _claim_hits(lib, "Petrenko") == 1
    # a second move replaces the name that came with the first span
    lib.claims.set_span(claim.id, "speaker", _span("Oleh Petrenko"))
    assert _only_claim(lib).speaker_label == "Oleh Petrenko"


def test_a_typed_speaker_name_is_kept(lib: Library) -> None:
    claim_id = _only_claim(lib).id
    lib.claims.update(claim_id, speaker_name="The deputy minister")
    lib.claims.set_span(claim_id, "speaker", _span("Oleh Petrenko"))
    stored = _only_claim(lib)
    assert stored.speaker is not None
    assert stored.speaker.text == "Oleh Petrenko"
    assert stored.speaker_label == "The deputy minister"
    user_id = lib.claims.add(1, _span("the new tariff would stand"), speaker_name="Officials").id
    lib.claims.set_span(user_id, "speaker", _span("Port officials in Odessa"))
    user = next(c for c in lib.claims.list(1) if c.id == user_id)
    assert user.speaker_label == "Officials"
    assert user.speaker is not None
    assert user.speaker.text == "Port officials in Odessa"


@pytest.mark.parametrize(
    ("part", "span", "message"),
    [
        ("content", (10, len(ARTICLE) + 5), "not a stretch of the text"),
        ("cue", (40, 40), "not a stretch of the text"),
        ("speaker", (50, 45), "not a stretch of the text"),
        ("speaker", (-3, 4), "not a stretch of the text"),
        ("content", (_span("😀\n\nPort")[0] + 1, _span("Port")[0]), "white space"),
        ("citation", (10, 20), "not a part of a claim"),
    ],
)
def test_a_bad_span_is_refused_and_changes_nothing(
    lib: Library, part: str, span: tuple[int, int], message: str
) -> None:
    before = _only_claim(lib)
    with pytest.raises(InvalidInputError, match=message) as refused:
        lib.claims.set_span(before.id, part, span)
    if part != "citation":
        assert part in str(refused.value)
    assert _only_claim(lib) == before
    assert _claim_hits(lib, "ministry") == 1


def test_white_space_at_the_ends_of_a_selection_is_left_out(lib: Library) -> None:
    start, end = _span("the new tariff would stand. ")
    assert ARTICLE[start - 1] == " "
    lib.claims.set_span(_only_claim(lib).id, "content", (start - 1, end))
    assert _only_claim(lib).content.text == "the new tariff would stand."


def test_corrected_spans_survive_reopening(lib: Library, tmp_path: Path) -> None:
    claim_id = _only_claim(lib).id
    lib.claims.set_span(claim_id, "speaker", _span("Oleh Petrenko"))
    lib.claims.set_span(
        claim_id, "content", _span('the ministry "will not negotiate under pressure"')
    )
    lib.close()
    with Library.open(tmp_path / "lib.sqlite") as again:
        claim = _only_claim(again)
        assert claim.id == claim_id
        assert claim.speaker is not None
        assert claim.speaker.text == "Oleh Petrenko"
        assert claim.content.text == 'the ministry "will not negotiate under pressure"'
        assert claim.kind == "mixed"


def test_reanalysis_keeps_the_analysts_corrections(lib: Library) -> None:
    """A corrected ``auto`` claim is the analyst's work: a re-analysis that no longer finds
    it (the fallback finds no claim here) keeps it as corrected, like a ``user`` claim."""
    auto_id = _only_claim(lib).id
    lib.claims.set_span(
        auto_id, "content", _span('the ministry "will not negotiate under pressure"')
    )
    user_id = lib.claims.add(
        1, _span("the new tariff"), speaker_name="Officials", cue_text="said"
    ).id
    lib.claims.set_span(user_id, "content", _span("the new tariff would stand"))
    lib.reanalyze([1])
    claims = {c.id: c for c in lib.claims.list(1)}
    assert claims[auto_id].content.text == 'the ministry "will not negotiate under pressure"'
    assert claims[user_id].content.text == "the new tariff would stand"
    assert _claim_hits(lib, "tariff stand") == 1
    assert _claim_hits(lib, "negotiate") == 1


def test_claim_kind_needs_no_parse() -> None:
    text = 'He said "no" twice, then “never.” She said that it was over.'
    assert claim_kind(text, 3, 12) == "mixed"  # 'said "no"'
    assert claim_kind(text, 8, 12) == "direct"
    assert claim_kind(text, text.index("it was"), len(text) - 1) == "indirect"
