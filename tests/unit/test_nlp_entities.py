"""Entity repairs that need no model: organisation shapes, results lines, datelines and
one label per name across the article."""

from __future__ import annotations

from monitor_desk.core.nlp.consistency import add_datelines, propagate_labels
from monitor_desk.core.nlp.shape_rules import add_org_phrases, add_score_lines, add_titled_persons


def labelled(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    return [(text[s:e], label) for s, e, label in spans]


def span(text: str, part: str, label: str, nth: int = 0) -> tuple[int, int, str]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return (start, start + len(part), label)


def test_institution_shaped_phrase_is_an_org_and_swallows_inner_places() -> None:
    text = "Oil rose on the Baltimore Commodity Exchange while the Lviv District Court sat."
    spans = [span(text, "Baltimore", "GPE"), span(text, "Lviv", "GPE")]
    assert labelled(text, add_org_phrases(text, 0, spans)) == [
        ("Baltimore Commodity Exchange", "ORG"),
        ("Lviv District Court", "ORG"),
    ]


def test_lone_capitalised_head_noun_is_not_an_org() -> None:
    text = "The Court adjourned. Union leaders met."
    assert add_org_phrases(text, 0, []) == []


def test_results_line_names_two_teams() -> None:
    text = "Results on Saturday:\nRiverton Rovers 2 Hillcrest 1\nNorth End 0 Dunmore 0\n"
    assert labelled(text, add_score_lines(text, 0, [])) == [
        ("Riverton Rovers", "ORG"),
        ("Hillcrest", "ORG"),
        ("North End", "ORG"),
        ("Dunmore", "ORG"),
    ]


def test_dateline_place_is_a_gpe_but_weekdays_are_not() -> None:
    text = "Header\n\nKHERSON, Ukraine - Grain exports resumed.\nFRIDAY, MAY 3 - Nothing.\n"
    assert labelled(text, add_datelines(text, 8, [])) == [("KHERSON", "GPE")]


def test_name_gets_its_majority_label_and_untagged_repeats() -> None:
    text = "Olga Petrenko met Bravik. Petrenko said Bravik would sign. Bravik agreed."
    spans = [
        span(text, "Olga Petrenko", "PERSON"),
        span(text, "Bravik", "ORG"),
        span(text, "Bravik", "ORG", 1),
        span(text, "Bravik", "GPE", 2),
    ]
    result = labelled(text, propagate_labels(text, 0, spans, []))
    assert ("Petrenko", "PERSON") in result
    assert [label for name, label in result if name == "Bravik"] == ["ORG"] * 3


def test_propagation_stays_out_of_blocked_spans() -> None:
    text = "Interfax said so (Interfax, May 2). Interfax again."
    spans = [span(text, "Interfax", "ORG")]
    blocked = [(text.index("("), text.index(")") + 1)]
    result = propagate_labels(text, 0, spans, blocked)
    assert all(not (blocked[0][0] <= s < blocked[0][1]) for s, _, _ in result)
    assert len(result) == 2


def test_untagged_name_after_a_title_is_a_person() -> None:
    text = "Talks with President Oleh Marchuk’s envoy and Mr. Dubko ended; the President left."
    spans = [span(text, "Dubko", "ORG")]
    assert labelled(text, add_titled_persons(text, 0, spans)) == [
        ("Oleh Marchuk", "PERSON"),
        ("Dubko", "ORG"),
    ]


def test_an_organisation_shape_does_not_run_over_a_sentence_end_or_a_blank_line() -> None:
    text = (
        "The party met in Leeds.\n\nThe UK Independence Party said it would stand. Acme Corp. Board"
    )
    found = labelled(text, add_org_phrases(text, 0, []))
    assert ("UK Independence Party", "ORG") in found
    assert not any("Leeds" in t for t, _ in found)


def test_model_names_lose_leading_lower_case_words_but_not_particles() -> None:
    from monitor_desk.core.nlp.entities import _trim

    text = "He rang Lucy. Charles de Gaulle spoke. The minister for Culture came."
    start = text.index("rang")
    assert text[slice(*_trim(text, start, start + len("rang Lucy"), "PERSON"))] == "Lucy"
    start = text.index("de Gaulle")
    assert text[slice(*_trim(text, start, start + len("de Gaulle"), "PERSON"))] == "de Gaulle"
    start = text.index("for Culture")
    assert text[slice(*_trim(text, start, start + len("for Culture"), "ORG"))] == "Culture"


def test_a_model_name_stops_at_a_paragraph_break() -> None:
    from monitor_desk.core.nlp.entities import _trim

    text = "Talks in Leeds.\n\nThe UK Independence Party met. Bank of\nEngland staff"
    start = text.index("Leeds")
    end = start + len("Leeds.\n\nThe UK Independence Party")
    assert text[slice(*_trim(text, start, end, "ORG"))] == "UK Independence Party"
    start = text.index("Bank")  # a hard-wrapped line is not a break
    assert text[slice(*_trim(text, start, text.index(" staff"), "ORG"))] == "Bank of\nEngland"


def test_person_names_lose_titles_and_post_nominals() -> None:
    from monitor_desk.core.nlp.entities import _trim

    text = "Lib Dem MP Lembit Opik met Philippe Sands QC and Rabbi Marvin Hier."
    for written, name in [
        ("Lib Dem MP Lembit Opik", "Lembit Opik"),
        ("Philippe Sands QC", "Philippe Sands"),
        ("Rabbi Marvin Hier", "Marvin Hier"),
    ]:
        start = text.index(written)
        assert text[slice(*_trim(text, start, start + len(written), "PERSON"))] == name


def test_strip_titles_leaves_the_name() -> None:
    from monitor_desk.core.nlp.entities import strip_titles

    assert strip_titles("Prime Minister Tony Blair") == "Tony Blair"
    assert strip_titles("Philippe Sands QC") == "Philippe Sands"
    assert strip_titles("President") == "President"  # nothing left would be no name
