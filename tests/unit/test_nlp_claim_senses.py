"""Fewer wrong claims, and the frames the rules now read (issue 19, item 2).

Sentences written for these tests. Each wrong reading is one an analyst would have seen in
the Claims panel: a cue word used in a sense that reports nothing, a speaker that names no
one, a content that stops on ", and".
"""

from __future__ import annotations

from typing import Any

import pytest
from claim_sentences import by_cue, claims_of, cues

pytestmark = pytest.mark.model


# --- non-reporting senses: no claim ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a light verb with a statement reported elsewhere: only its making is told here
        "Mayor Lindqvist made the proposal at the harbour meeting last spring.",
        "The minister delivered his remarks from a balcony over the square.",
        # an owned noun with no content: the hint is reported, not what was hinted
        "Despite Lindqvist's hints to the contrary, the pier stayed closed all winter.",
        # an owned noun with a place, not a topic
        "Kowalczyk made her announcement in Gdansk before a small crowd.",
        # an intent with an infinitive is an act, not a statement
        "Lindqvist's decision to close the pier angered the fishermen.",
        # set phrases built on speech verbs
        "That said, the ferry will keep running through the storm season.",
        "Only time will tell whether the new pier survives the winter storms.",
        # a thing as the subject of a verb that reports only with someone speaking
        "The new harbour figures underscore the risk of a long strike.",
        "The ferry company posted a loss of four million crowns last year.",
        # nothing was said
        "The ferry company did not respond to repeated requests for comment.",
        # the object is the one who worries
        "The long strike worries the fishermen of the northern harbour.",
        # an order to the reader, with nobody speaking
        "Email the harbour council at the address below.",
        # backing not yet given
        "Senator Ruiz will support the ferry tax next week.",
        # an activity, or what something is about
        "Talking about the ferry tax is easy in the harbour bars.",
        "The mayor ran a campaign focused on the ferry tax.",
    ],
)
def test_no_claim_in_a_sense_that_reports_nothing(nlp: Any, text: str) -> None:
    assert cues(claims_of(nlp, text)) == []


def test_asking_not_to_be_named_is_no_claim(nlp: Any) -> None:
    text = "One harbour official, who asked not to be named, said the ferry would not sail."
    assert cues(claims_of(nlp, text)) == ["said"]


def test_a_person_still_underscores_and_makes_comments(nlp: Any) -> None:
    text = "Mayor Lindqvist underscored the risk of a long strike."
    claim = by_cue(claims_of(nlp, text), "underscored")
    assert claim.speaker is not None
    assert claim.speaker.text == "Mayor Lindqvist"
    assert claim.content.text == "the risk of a long strike"
    text = "The port authorities signalled a small fall in harbour wages."
    claim = by_cue(claims_of(nlp, text), "signalled")
    assert claim.speaker is not None
    assert claim.speaker.text == "The port authorities"
    claim = by_cue(claims_of(nlp, "The harbour master made similar comments."), "made")
    assert claim.content.text == "similar comments"


def test_a_time_is_not_what_was_announced(nlp: Any) -> None:
    text = "The fare cut, which the mayor announced on Monday, will start in May."
    assert all(c.content.text != "on Monday" for c in claims_of(nlp, text))


def test_hearsay_hung_on_a_noun_names_no_speaker(nlp: Any) -> None:
    text = "A shipyard said to be seeking a buyer laid off forty welders."
    for claim in claims_of(nlp, text):
        assert claim.speaker is None or "shipyard" not in claim.speaker.text


# --- frames the rules now read ---------------------------------------------------------


def test_a_phrase_between_the_cue_and_its_clause(nlp: Any) -> None:
    # the clause hung on "meetings", its subject on the auxiliary "remained"
    text = (
        "Harbour pilots and ferry captains have met several times over the past month, but "
        "have indicated after those meetings that talks remained deadlocked because of the toll."
    )
    claim = by_cue(claims_of(nlp, text), "indicated")
    assert claim.content.text == "that talks remained deadlocked because of the toll"
    assert claim.speaker is not None
    assert claim.speaker.text == "Harbour pilots and ferry captains"


def test_arriving_at_a_conclusion(nlp: Any) -> None:
    text = "The inspectors came to the conclusion that the old bridge was unsafe."
    claim = by_cue(claims_of(nlp, text), "came to the conclusion")
    assert claim.speaker is not None
    assert claim.speaker.text == "The inspectors"
    assert claim.content.text == "that the old bridge was unsafe"


def test_a_condemnation_made(nlp: Any) -> None:
    text = "The harbour council made a strong condemnation of the new toll."
    claim = by_cue(claims_of(nlp, text), "made")
    assert claim.speaker is not None
    assert claim.speaker.text == "The harbour council"
    assert claim.content.text == "the new toll"


def test_viewing_something_as_something(nlp: Any) -> None:
    # "as" hung on the object, not on the verb
    text = "Many voters view the ferry tax as a mistake."
    claim = by_cue(claims_of(nlp, text), "view")
    assert claim.speaker is not None
    assert claim.speaker.text == "Many voters"
    assert claim.content.text == "the ferry tax as a mistake"


def test_as_someone_pointed_out(nlp: Any) -> None:
    text = "As the harbour master pointed out, the pier needs repairs before winter."
    claim = by_cue(claims_of(nlp, text), "pointed out")
    assert claim.speaker is not None
    assert claim.speaker.text == "the harbour master"
    assert claim.content.text == "the pier needs repairs before winter"


def test_one_of_the_speakers_just_described(nlp: Any) -> None:
    text = (
        "Coffee dealers said prices would rise. One said the frost had cut the crop, and "
        "another said buyers were nervous."
    )
    names = [c.speaker_name for c in claims_of(nlp, text) if c.cue.text == "said"]
    assert names == ["Coffee dealers", "one of coffee dealers", "one of coffee dealers"]


def test_a_lone_one_with_nobody_described_stays_unnamed(nlp: Any) -> None:
    text = "The harbour was quiet on Monday. One said the ferry would not sail."
    claim = by_cue(claims_of(nlp, text), "said")
    assert claim.speaker_name is None
