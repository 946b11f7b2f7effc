"""Claims (who said what) on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from claim_sentences import by_cue, claims_of

pytestmark = pytest.mark.model


def test_inverted_cue_after_a_direct_quote(nlp: Any) -> None:
    text = (
        "Marta Kowalczyk chairs the harbour board. "
        "“We will reopen the northern pier before the winter storms,” said Kowalczyk."
    )
    claim = by_cue(claims_of(nlp, text), "said")
    assert claim.kind == "direct"
    assert claim.content.text.startswith("“We will reopen")
    assert claim.content.text.endswith("storms,”")
    assert claim.speaker is not None
    assert claim.speaker.text == "Kowalczyk"
    assert claim.speaker_name == "Marta Kowalczyk"
    assert [q.text for q in claim.quotes] == [claim.content.text]


def test_pronoun_after_quote_resolves_to_the_last_subject(nlp: Any) -> None:
    text = (
        "Oskar Lindqvist met the mayor of Tallinn on Monday. "
        "“The ferry deal is finished and signed,” he said."
    )
    claim = by_cue(claims_of(nlp, text), "said")
    assert claim.kind == "direct"
    assert claim.speaker is not None
    assert claim.speaker.text == "he"
    assert claim.speaker_name == "Oskar Lindqvist"


def test_mixed_quote_inside_a_that_clause(nlp: Any) -> None:
    text = (
        "Foreign Minister Pavel Dorin told reporters that the talks had produced "
        "a “real breakthrough” on border questions."
    )
    claim = by_cue(claims_of(nlp, text), "told")
    assert claim.kind == "mixed"
    assert claim.content.text.startswith("that the talks")
    assert [q.text for q in claim.quotes] == ["“real breakthrough”"]
    assert claim.speaker_name == "Pavel Dorin"


def test_indirect_that_clause_and_surname_resolution(nlp: Any) -> None:
    text = (
        "Trade Minister Lena Okafor visited the port. Later, Okafor insisted that the "
        "new tariffs would not hurt small farmers."
    )
    claim = by_cue(claims_of(nlp, text), "insisted")
    assert claim.kind == "indirect"
    assert claim.quotes == ()
    assert claim.content.text.startswith("that the new tariffs")
    assert claim.speaker is not None
    assert claim.speaker.text == "Okafor"
    assert claim.speaker_name == "Lena Okafor"


def test_according_to_names_the_source(nlp: Any) -> None:
    text = "The bridge will close for three months, according to the city transport office."
    claim = by_cue(claims_of(nlp, text), "according to")
    assert claim.speaker is not None
    assert claim.speaker.text == "the city transport office"
    assert claim.content.text.startswith("The bridge will close")


def test_organisation_speaker_keeps_its_text(nlp: Any) -> None:
    text = "The Kremlin warned Kyiv to withdraw its troops from the border region."
    claim = by_cue(claims_of(nlp, text), "warned")
    assert claim.speaker_name == "The Kremlin"
    assert "withdraw its troops" in claim.content.text


def test_nominal_cue_with_a_that_clause(nlp: Any) -> None:
    text = (
        "Dmitri Sokolov spoke in Geneva. His repeated assertions that the treaty "
        "remains binding surprised the delegates."
    )
    claim = by_cue(claims_of(nlp, text), "assertions")
    assert claim.content.text.startswith("that the treaty remains binding")
    assert claim.speaker is not None
    assert claim.speaker.text == "His"
    assert claim.speaker_name == "Dmitri Sokolov"


def test_expletive_hedge_is_not_a_claim(nlp: Any) -> None:
    text = "It appeared that the two sides remain far apart on the pipeline route."
    assert claims_of(nlp, text) == []


def test_orphan_direct_quote_is_kept_without_speaker(nlp: Any) -> None:
    text = (
        "The hall fell silent.\n\n"
        "“Nobody here will accept a ceasefire that leaves the villages occupied.”\n\n"
        "The meeting ended an hour later."
    )
    claims = claims_of(nlp, text)
    assert len(claims) == 1
    claim = claims[0]
    assert claim.kind == "direct"
    assert claim.speaker is None
    assert claim.speaker_name is None
    assert claim.cue.start == claim.cue.end == claim.content.start
    assert claim.cue.text == ""
    assert claim.content.text.startswith("“Nobody")
    assert claim.content.text.endswith("”")


def test_quote_over_several_sentences_stays_whole(nlp: Any) -> None:
    text = (
        "“The grain corridor is open. The ships are moving. Nobody should doubt it,” "
        "the minister said."
    )
    claim = by_cue(claims_of(nlp, text), "said")
    assert claim.kind == "direct"
    assert claim.content.text.startswith("“The grain corridor")
    assert "Nobody should doubt it" in claim.content.text


def test_straight_quotes_work_like_curly_ones(nlp: Any) -> None:
    text = '"We will not sign this agreement," the governor said on Tuesday.'
    claim = by_cue(claims_of(nlp, text), "said")
    assert claim.kind == "direct"
    assert claim.content.text.startswith('"We will not sign')


def test_offsets_survive_cyrillic_emoji_and_blanked_text(nlp: Any) -> None:
    prefix = "Заголовок 🚀 статьи\n\n" + " " * 12
    text = prefix + "Anna Petrova said that the vote would be delayed until March."
    claim = by_cue(claims_of(nlp, text), "said")
    assert claim.cue.start == text.index("said")
    assert claim.content.text == "that the vote would be delayed until March"
    assert claim.speaker_name == "Anna Petrova"


def test_quote_continued_after_the_cue_belongs_to_the_same_speaker(nlp: Any) -> None:
    text = (
        "“The harbour stays closed,” the port director said. “Nobody sails until the "
        "storm has passed.” The captains protested. “We are losing money,” one captain said."
    )
    claims = claims_of(nlp, text)
    director = by_cue(claims, "said")
    assert director.kind == "direct"
    assert director.content.text.endswith("the storm has passed.”")
    assert len(director.quotes) == 2
    last = [c for c in claims if c.cue.text == "said"][-1]
    assert last.content.text == "“We are losing money,”"


def test_quoted_as_saying_attributes_to_the_person_quoted(nlp: Any) -> None:
    text = (
        "Interfax quoted Energy Minister Timur Aliev as saying that gas deliveries would "
        "resume on Friday."
    )
    claims = claims_of(nlp, text)
    assert len(claims) == 1
    assert claims[0].speaker_name == "Timur Aliev"
    assert claims[0].content.text == "that gas deliveries would resume on Friday"


def test_view_with_as_is_attributed_to_the_viewer(nlp: Any) -> None:
    text = "Many farmers in the valley see the new canal as a threat to their wells."
    claim = by_cue(claims_of(nlp, text), "see")
    assert claim.speaker is not None
    assert claim.speaker.text == "Many farmers in the valley"
    assert claim.content.text.startswith("the new canal as a threat")


def test_proposal_by_a_named_person_is_a_claim(nlp: Any) -> None:
    text = "Governor Ilse Maren laid out a plan to rebuild the coastal railway by 2030."
    claim = by_cue(claims_of(nlp, text), "laid out")
    assert claim.speaker_name == "Ilse Maren"
    assert claim.content.text.startswith("a plan to rebuild")


def test_object_of_an_event_subject_is_not_a_claim(nlp: Any) -> None:
    text = "The new bridge offered drivers a shorter route to the harbour."
    assert not [c for c in claims_of(nlp, text) if c.cue.text.lower().startswith("offered")]


def test_naming_with_called_is_not_a_claim(nlp: Any) -> None:
    text = "Volunteers founded a small charity called Open Harbour in the spring."
    assert not [c for c in claims_of(nlp, text) if c.cue.text.lower() == "called"]


def test_person_backing_a_measure_is_a_stance(nlp: Any) -> None:
    text = "Senator Ana Ruiz strongly supports the new water tax."
    claim = by_cue(claims_of(nlp, text), "supports")
    assert claim.speaker_name == "Ana Ruiz"
    assert claim.content.text == "the new water tax"


def test_thing_supporting_a_thing_is_not_a_claim(nlp: Any) -> None:
    text = "Steel columns support the roof of the old market hall."
    assert claims_of(nlp, text) == []


def test_colon_after_a_label_is_not_a_speaker(nlp: Any) -> None:
    text = "Breaking: Storm floods the old harbour district overnight\n\nThe water rose fast."
    assert not [c for c in claims_of(nlp, text) if c.cue.text == ":"]


def test_colon_after_a_name_of_the_article_is_a_speaker(nlp: Any) -> None:
    text = (
        "Senator Edda Holm spoke to farmers on Monday.\n\n"
        "Holm: The subsidies will stay in place until the drought is over.\n"
    )
    claim = by_cue(claims_of(nlp, text), ":")
    assert claim.speaker is not None
    assert claim.speaker.text == "Holm"
    assert claim.content.text.startswith("The subsidies will stay")


def test_nested_single_quote_before_the_closing_mark(nlp: Any) -> None:
    text = '"We told them, \'Go home,\' " said Mayor Rita Olsen. "Nobody listened to us."'
    claim = by_cue(claims_of(nlp, text), "said")
    assert claim.speaker_name == "Rita Olsen"
    assert claim.content.text.startswith('"We told them')


def test_object_cue_inside_a_that_clause_is_one_claim(nlp: Any) -> None:
    text = "The mayor said that the council had praised the new tram line last week."
    claims = claims_of(nlp, text)
    assert [c.cue.text for c in claims] == ["said"]
    assert "praised the new tram line" in claims[0].content.text


def test_reported_speech_inside_according_to_belongs_to_the_source(nlp: Any) -> None:
    text = "According to two officials, the minister told aides that the talks had failed."
    claims = claims_of(nlp, text)
    assert [c.cue.text for c in claims] == ["According to"]
    assert claims[0].speaker is not None
    assert claims[0].speaker.text == "two officials"


def test_copular_stance_names_the_holder(nlp: Any) -> None:
    text = "Her argument is that the harbour fees hurt small fishing crews."
    claim = by_cue(claims_of(nlp, text), "argument")
    assert claim.speaker is not None
    assert claim.speaker.text == "Her"
    assert claim.content.text.startswith("that the harbour fees")


def test_copula_with_an_ordinary_subject_is_not_a_claim(nlp: Any) -> None:
    text = "The problem is that the harbour fees are too high."
    assert claims_of(nlp, text) == []


def test_prepositional_stance_verbs(nlp: Any) -> None:
    text = "Voters in the north still believe in the old party."
    claim = by_cue(claims_of(nlp, text), "believe in")
    assert claim.speaker is not None
    assert claim.speaker.text == "Voters in the north"
    assert claim.content.text == "the old party"


def test_reportedly_attributes_the_clause_to_an_unnamed_source(nlp: Any) -> None:
    text = "The two ministers reportedly agreed on a new fishing quota in Bergen."
    claim = by_cue(claims_of(nlp, text), "reportedly")
    assert claim.speaker is None
    assert claim.content.text.startswith("The two ministers")
    assert "new fishing quota" in claim.content.text


def test_speaker_of_a_cue_after_a_preposition(nlp: Any) -> None:
    text = "The harbour master answered by saying that the pier would reopen in May."
    claim = by_cue(claims_of(nlp, text), "answered by saying")
    assert claim.speaker is not None
    assert claim.speaker.text == "The harbour master"


def test_speaker_of_a_participle_on_a_noun(nlp: Any) -> None:
    text = "Officials at the port read a letter from a union urging the board to resign."
    claim = by_cue(claims_of(nlp, text), "urging")
    assert claim.speaker is not None
    assert claim.speaker.text == "a union"


def test_as_someone_put_it(nlp: Any) -> None:
    text = "As one ferry captain put it, the new timetable leaves the islands stranded."
    claim = by_cue(claims_of(nlp, text), "put it")
    assert claim.speaker is not None
    assert claim.speaker.text == "one ferry captain"
    assert claim.content.text.startswith("the new timetable")


def test_commented_that(nlp: Any) -> None:
    text = "Later the harbour master commented that the pier was safe for small boats."
    claim = by_cue(claims_of(nlp, text), "commented")
    assert claim.speaker is not None
    assert claim.speaker.text == "the harbour master"
    assert claim.content.text.startswith("that the pier was safe")


def test_a_quoted_phrase_is_never_a_speaker() -> None:
    from monitor_desk.core.nlp.claims import QuoteIndex
    from monitor_desk.core.nlp.claims.extract import _only_quoted

    text = "His view of the “cornerstone of peace” raised doubts, and the minister “agreed”."
    quotes = QuoteIndex(text)
    phrase = text.index("the “cornerstone")
    assert _only_quoted(text, phrase, text.index(" raised"), quotes)
    minister = text.index("the minister")
    assert not _only_quoted(text, minister, minister + len("the minister"), quotes)
    assert not _only_quoted(text, 0, len("His view"), quotes)


def test_a_spokesman_is_not_the_person_he_speaks_for(nlp: Any) -> None:
    text = "Yeltsin's spokesman said the president was working at his residence outside Moscow."
    claim = by_cue(claims_of(nlp, text), "said")
    assert claim.speaker is not None
    assert claim.speaker.text == "Yeltsin's spokesman"
    assert claim.speaker_name == "Yeltsin's spokesman"


def test_the_owner_of_a_statement_and_a_named_adviser_are_named(nlp: Any) -> None:
    statement = by_cue(claims_of(nlp, "Putin's statement said the war was over."), "said")
    assert statement.speaker_name == "Putin"
    adviser = by_cue(
        claims_of(nlp, "Clinton adviser Sidney Blumenthal said he had no idea."), "said"
    )
    assert adviser.speaker_name == "Sidney Blumenthal"


def test_cited_as_saying_attributes_to_the_sources_cited(nlp: Any) -> None:
    text = (
        "The paper cited unnamed sources in the General Staff as saying that a new "
        "offensive was being prepared."
    )
    claim = by_cue(claims_of(nlp, text), "cited")
    assert claim.speaker is not None
    assert claim.speaker.text == "unnamed sources in the General Staff"
    assert claim.content.text == "that a new offensive was being prepared"


def test_a_capital_set_off_by_commas_is_still_the_speaker(nlp: Any) -> None:
    claim = by_cue(
        claims_of(nlp, "Washington, for its part, expressed concern over the reports."),
        "expressed",
    )
    assert claim.speaker_name == "Washington"


def test_a_reported_verb_does_not_claim_its_reporter(nlp: Any) -> None:
    claims = claims_of(nlp, "Moscow, meanwhile, warned that it would respond.")
    assert [c.cue.text for c in claims] == ["warned"]
    assert claims[0].speaker_name == "Moscow"


def test_he_after_a_described_speaker_is_that_speaker(nlp: Any) -> None:
    text = (
        "Prime Minister Sergei Kiriyenko met bankers on Monday. A senior official at the "
        "ministry said the talks were useful. He added that a deal could come within weeks."
    )
    added = by_cue(claims_of(nlp, text), "added")
    assert added.speaker_name == "A senior official at the ministry"


def test_they_after_described_speakers_is_them(nlp: Any) -> None:
    text = "Analysts said the ruble would fall. They added that the central bank had few reserves."
    assert by_cue(claims_of(nlp, text), "added").speaker_name == "Analysts"


def test_a_named_person_in_between_takes_he_back(nlp: Any) -> None:
    text = (
        "A senior official said the talks were useful. Kiriyenko told reporters the deal was "
        "close. He said it would be signed soon."
    )
    claims = claims_of(nlp, text)
    assert [c.speaker_name for c in claims if c.cue.text == "said"] == [
        "A senior official",
        "Kiriyenko",
    ]


def test_a_title_line_does_not_run_into_what_was_said(nlp: Any) -> None:
    text = (
        "JAPAN EYES FOREIGN STOCKS\n\nTOKYO, March 3 - Japanese insurers are now eyeing "
        "stock markets abroad, fund managers said."
    )
    claim = by_cue(claims_of(nlp, text), "said")
    assert "JAPAN EYES" not in claim.content.text
    assert claim.content.text.startswith("Japanese insurers")  # the dateline left out too


def test_according_to_ones_interest_is_a_manner_not_a_source(nlp: Any) -> None:
    claims = claims_of(
        nlp, "Each country will act according to its own interest, the minister said."
    )
    assert [c.cue.text for c in claims] == ["said"]


def test_a_later_mention_with_a_title_and_a_clause_gets_the_full_name(nlp: Any) -> None:
    text = (
        "Ed Balls said there would be no spending spree. Mr Balls, who stepped down from his "
        "post last year, suggested that the chancellor would meet his rules."
    )
    assert by_cue(claims_of(nlp, text), "suggested").speaker_name == "Ed Balls"


def test_refused_to_say_is_one_claim(nlp: Any) -> None:
    text = "Mr Balls refused to say whether Mr Brown would remain as chancellor."
    claims = claims_of(nlp, text)
    assert [c.cue.text for c in claims] == ["refused"]


def test_speaking_on_a_day_is_not_speaking_about_it(nlp: Any) -> None:
    claims = claims_of(nlp, "Speaking in London on Saturday, he denied the report.")
    assert [c.cue.text for c in claims] == ["denied"]


def test_a_name_the_model_misses_is_named_and_is_the_next_she(nlp: Any) -> None:
    # the small model reads "May" as a date here, so no PERSON names the speaker
    text = (
        "Margaret Hodge said there was no time. Theresa May, the opposition spokeswoman, "
        "told Today programme the scheme was flawed. She said voters would reject it."
    )
    claims = claims_of(nlp, text)
    assert [c.speaker_name for c in claims] == ["Margaret Hodge", "Theresa May", "Theresa May"]


def test_the_one_asked_is_not_the_asker(nlp: Any) -> None:
    claims = claims_of(nlp, "Asked about the new book, Brown replied that he trusted Blair.")
    asked = by_cue(claims, "asked")
    assert asked.speaker is None
    assert by_cue(claims, "replied").speaker_name == "Brown"


def test_a_speaker_does_not_reach_back_into_the_title(nlp: Any) -> None:
    text = (
        "Visa rules shake-up planned\n\nEmployers who refuse to check the papers of their "
        "workers could face fines."
    )
    refuse = by_cue(claims_of(nlp, text), "refuse")
    assert refuse.speaker is not None
    assert refuse.speaker.text == "Employers who"  # the relative pronoun, as annotators mark it
    assert refuse.speaker_name == "Employers"


def test_a_message_to_someone_is_addressed_not_about_them(nlp: Any) -> None:
    text = "Her message to the chancellor was clear. His hints to the contrary were ignored."
    claims = claims_of(nlp, text)
    assert not any(c.content.text == "the chancellor" for c in claims)
    # "to the contrary" says nothing of what was hinted: no claim (issue 19)
    assert not any(c.content.text == "to the contrary" for c in claims)


def test_speaker_names_leave_out_appositions_and_relative_clauses(nlp: Any) -> None:
    text = (
        "The Shadow Secretary of State for the Family, Theresa May, said the plans were old. "
        "A senior official, who asked not to be named, said the talks failed."
    )
    names = [c.speaker_name for c in claims_of(nlp, text) if c.cue.text == "said"]
    assert names == ["Theresa May", "A senior official"]


def test_a_speaker_inside_someone_elses_claim_is_not_the_next_he(nlp: Any) -> None:
    text = (
        "Conservative spokesman Glyn Davies said that for the minister to claim that taxes "
        "would fall was spin. He added that voters would see through it."
    )
    assert by_cue(claims_of(nlp, text), "added").speaker_name == "Glyn Davies"


def test_speaking_on_condition_of_anonymity_is_not_what_was_said(nlp: Any) -> None:
    text = (
        "A senior official, speaking on condition of anonymity, said the talks had failed. "
        "The mayor spoke on behalf of the council."
    )
    cues = [c.cue.text for c in claims_of(nlp, text)]
    assert cues == ["said"]


def test_more_stance_frames(nlp: Any) -> None:
    text = (
        "The two candidates sparred over pension reform. The union agreed to a new wage "
        "system. Orlova delivered a sharp retort to the minister."
    )
    cues = [c.cue.text for c in claims_of(nlp, text)]
    assert any(c.startswith("sparred") for c in cues)
    assert any(c.startswith("agreed") for c in cues)
    assert any(c.startswith("delivered") for c in cues)


def test_taking_aim_or_issue_is_a_stance(nlp: Any) -> None:
    text = "Sorokin took aim at the new tariffs. Marsh takes issue with the plan."
    claims = claims_of(nlp, text)
    assert [c.speaker_name for c in claims] == ["Sorokin", "Marsh"]
    assert by_cue(claims, "took").content.text == "the new tariffs"


def test_wire_copy_dateline_is_neither_speaker_nor_content(nlp: Any) -> None:
    text = (
        "DENVER, March 2 - Acme Corp said it received and accepted 1.2 mln shares of Brix Inc."
        "\n    Acme said it is borrowing the funds from its banks."
    )
    claims = claims_of(nlp, text)
    first = by_cue(claims, "said")
    assert first.speaker_name == "Acme Corp"
    assert first.content.text == "it received and accepted 1.2 mln shares of Brix Inc"
    assert "borrowing" not in first.content.text  # an indented line starts a paragraph


def test_a_dateline_opening_the_content_is_left_out(nlp: Any) -> None:
    text = (
        "BOSTON, March 2 - Directors of the exchange will meet on Tuesday to consider a "
        "petition, an exchange executive said."
    )
    claim = by_cue(claims_of(nlp, text), "said")
    assert claim.content.text.startswith("Directors of the exchange will meet")


def test_a_dash_aside_does_not_cut_the_content(nlp: Any) -> None:
    text = (
        "Lukashenka agreed for the first time that Minsk would study–but no more than "
        "study–proposed Russian changes to the union treaty."
    )
    claim = by_cue(claims_of(nlp, text), "agreed")
    assert claim.content.text.endswith("changes to the union treaty")
