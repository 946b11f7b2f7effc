"""The edges of a claim's spans, on sentences written for these tests: what a reader would
mark as the cue, the speaker and what was said."""

from __future__ import annotations

from typing import Any

import pytest
from claim_sentences import by_cue, claims_of

pytestmark = pytest.mark.model


def test_the_preposition_of_an_object_cue_belongs_to_the_cue(nlp: Any) -> None:
    text = "The harbour master complained about the new dredging fees."
    claim = by_cue(claims_of(nlp, text), "complained")
    assert claim.cue.text == "complained about"
    assert claim.content.text == "the new dredging fees"


def test_the_preposition_of_a_nominal_cue_belongs_to_the_cue(nlp: Any) -> None:
    text = "Her support for the ferry subsidy surprised the council."
    claim = by_cue(claims_of(nlp, text), "support")
    assert claim.cue.text == "support for"
    assert claim.content.text == "the ferry subsidy"


def test_an_infinitive_stays_in_the_content(nlp: Any) -> None:
    text = "The union vowed to strike again in the spring."
    claim = by_cue(claims_of(nlp, text), "vowed")
    assert claim.cue.text == "vowed"
    assert claim.content.text.startswith("to strike")


def test_a_quotation_continued_after_the_attribution_sentence_is_the_speakers(
    nlp: Any,
) -> None:
    text = (
        "“The tolls will pay for the bridge,” Ines Carvalho said at the town hall on "
        "Friday. “Nobody will pay twice.”\n\nThe vote is next week."
    )
    claims = claims_of(nlp, text)
    claim = by_cue(claims, "said")
    assert claim.kind == "direct"
    assert claim.content.text.startswith("“The tolls")
    assert claim.content.text.endswith("“Nobody will pay twice.”")
    assert [q.text for q in claim.quotes][-1] == "“Nobody will pay twice.”"
    assert not any(c.speaker is None and "Nobody" in c.content.text for c in claims)


def test_a_quotation_after_someone_else_takes_over_is_not_continued(nlp: Any) -> None:
    text = (
        "“The tolls will pay for the bridge,” Ines Carvalho said, and her deputy interrupted. "
        "“We have not agreed on that.”"
    )
    claim = by_cue(claims_of(nlp, text), "said")
    assert claim.content.text == "“The tolls will pay for the bridge,”"


def test_a_quotation_inside_the_attribution_sentence_does_not_continue_it(nlp: Any) -> None:
    text = (
        "“The tolls will pay for the bridge,” Ines Carvalho said, calling the plan "
        "“fair to everyone.”"
    )
    claim = by_cue(claims_of(nlp, text), "said")
    assert claim.content.text == "“The tolls will pay for the bridge,”"


def test_a_quotation_that_is_the_next_paragraph_continues_the_speaker(nlp: Any) -> None:
    text = (
        "“The tolls will pay for the bridge,” Ines Carvalho said.\n\n"
        "“Nobody will pay twice for the same crossing.”\n\n"
        "The vote is next week."
    )
    claims = claims_of(nlp, text)
    claim = by_cue(claims, "said")
    assert claim.content.text.endswith("“Nobody will pay twice for the same crossing.”")
    assert "vote" not in claim.content.text
    assert [c.speaker for c in claims if "Nobody" in c.content.text] == [claim.speaker]


def test_a_paraphrase_with_a_quotation_continues_like_a_quotation(nlp: Any) -> None:
    text = (
        "Still, the new fees are “far too high” for small boats, Ines Carvalho said. "
        "“Nobody can pay them.”"
    )
    claim = by_cue(claims_of(nlp, text), "said")
    assert claim.kind == "mixed"
    assert claim.content.text.startswith("Still, the new fees")
    assert claim.content.text.endswith("“Nobody can pay them.”")


def test_who_is_urged_is_part_of_what_was_urged(nlp: Any) -> None:
    text = "The mayor urged the harbour board to delay the vote."
    claim = by_cue(claims_of(nlp, text), "urged")
    assert claim.content.text == "the harbour board to delay the vote"


def test_who_is_told_is_not_part_of_what_was_said(nlp: Any) -> None:
    text = "The mayor told reporters that the vote would be delayed."
    claim = by_cue(claims_of(nlp, text), "told")
    assert claim.content.text == "that the vote would be delayed"


def test_a_cue_set_inside_a_statement_takes_both_sides(nlp: Any) -> None:
    text = "It is too late, she says, to rescue the old shipyard."
    claim = by_cue(claims_of(nlp, text), "says")
    assert claim.content.text == "It is too late, she says, to rescue the old shipyard"


def test_a_never_rule_for_an_object_still_drops_a_cue_that_took_its_preposition(
    nlp: Any,
) -> None:
    from monitor_desk.core.nlp.claims import extract_claims
    from monitor_desk.core.nlp.claims.taught import TaughtCues

    text = "The harbour master complained about the new dredging fees."
    never = TaughtCues.of(never=[("complain", True)])
    assert [c.cue.text for c in extract_claims(nlp(text))] == ["complained about"]
    assert extract_claims(nlp(text), never) == []
