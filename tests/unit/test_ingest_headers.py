"""Header blocks, titles and dates: the metadata a reader sees in the library list."""

from __future__ import annotations

import pytest

from monitor_desk.core.dates import parse_header_date
from monitor_desk.core.ingest import parse_document, parse_header


def test_several_pairs_on_one_line() -> None:
    text = "Publication: Monitor Volume: 5 Issue: 177\n\nThe envoy returned."
    metadata, body_start = parse_header(text)
    assert metadata == {"publication": "Monitor", "volume": "5", "issue": "177"}
    assert text[body_start:] == "The envoy returned."


def test_values_with_spaces_parentheses_and_colons() -> None:
    text = (
        "Publication: Desk Wire (archive-7.sgm) NEWID: 42 Date: 3-MAR-1988 09:15:02.11 "
        "Places: usa ussr Topics: grain\n\nBODY"
    )
    metadata, body_start = parse_header(text)
    assert metadata == {
        "publication": "Desk Wire (archive-7.sgm)",
        "newid": "42",
        "date": "3-MAR-1988 09:15:02.11",
        "places": "usa ussr",
        "topics": "grain",
    }
    assert text[body_start:] == "BODY"


def test_empty_values_are_dropped() -> None:
    metadata, _ = parse_header("Publication: Wire NEWID: 7 Places:  Topics: \n\nBody")
    assert metadata == {"publication": "Wire", "newid": "7"}


def test_title_runs_to_end_of_line_and_keeps_colons() -> None:
    text = "Title: Russia: the week ahead Date: soon\nAuthor: Anna Writer\n\nBody."
    metadata, body_start = parse_header(text)
    assert metadata["title"] == "Russia: the week ahead Date: soon"
    assert metadata["author"] == "Anna Writer"
    assert "date" not in metadata
    assert text[body_start:] == "Body."


@pytest.mark.parametrize(
    ("key", "field"),
    [
        ("Source", "publication"),
        ("Publisher", "publication"),
        ("Vol", "volume"),
        ("No", "issue"),
        ("Number", "issue"),
        ("Published", "date"),
        ("Headline", "title"),
        ("By", "author"),
        ("Byline", "author"),
    ],
)
def test_key_aliases(key: str, field: str) -> None:
    metadata, _ = parse_header(f"{key}: some value\n\nBody text.")
    assert metadata == {field: "some value"}


def test_unknown_keys_are_kept_lower_cased() -> None:
    metadata, _ = parse_header("Publication: Monitor\nSection: Politics\nDESK-ID: a7\n\nBody")
    assert metadata == {"publication": "Monitor", "section": "Politics", "desk-id": "a7"}


@pytest.mark.parametrize(
    "text",
    [
        "Russia: the week ahead\nThe Duma meets on Monday.",
        "Moscow: prices rose sharply today as the central bank said it would not step in.",
        "Note: this is prose.\n\nMore prose.",
        "The envoy said: nothing.\n",
        "",
    ],
)
def test_prose_first_line_is_not_a_header(text: str) -> None:
    assert parse_header(text) == ({}, 0)


def test_two_unknown_pairs_make_a_header() -> None:
    metadata, body_start = parse_header("Desk: Europe Shift: night\nBody")
    assert metadata == {"desk": "Europe", "shift": "night"}
    assert body_start == len("Desk: Europe Shift: night\n")


def test_block_stops_at_first_non_header_line() -> None:
    text = "Publication: Monitor\nDate: 1999-09-27\nThe Duma met: briefly, as usual, for a vote.\n"
    metadata, body_start = parse_header(text)
    assert metadata == {"publication": "Monitor", "date": "1999-09-27"}
    assert text[body_start:].startswith("The Duma met")


def test_leading_blank_lines_and_blank_lines_after_block() -> None:
    text = "\n\n  \nPublication: Monitor\n\n\n \nBody"
    metadata, body_start = parse_header(text)
    assert metadata == {"publication": "Monitor"}
    assert text[body_start:] == "Body"


def test_yaml_front_matter() -> None:
    text = '---\ntitle: "Talks: day two"\ndate: 1999-09-28\ntags:\n  - arms\n---\n\n# Talks\n'
    metadata, body_start = parse_header(text)
    assert metadata == {"title": "Talks: day two", "date": "1999-09-28"}
    assert text[body_start:] == "# Talks\n"


def test_unclosed_front_matter_is_not_a_header() -> None:
    assert parse_header("---\ntitle: x\nno closing line\n") == ({}, 0)


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("26-FEB-1987 15:01:01.79", "1987-02-26"),
        ("September 25, 1999", "1999-09-25"),
        ("Sept. 3, 2001", "2001-09-03"),
        ("1999-09-25", "1999-09-25"),
        ("1999-09-25T10:00:00Z", "1999-09-25"),
        ("25 September 1999", "1999-09-25"),
        ("Tue, 3 Jan 2006 19:57:00 +0300", "2006-01-03"),
        ("25.09.1999", "1999-09-25"),
        ("25 сентября 1999 г.", "1999-09-25"),
        ("sometime in autumn", None),
        ("31-FEB-1987", None),
    ],
)
def test_parse_header_date(value: str, iso: str | None) -> None:
    assert parse_header_date(value) == iso


def _title(text: str) -> str:
    return parse_document(text.encode(), "brief.txt").title


def test_title_from_header_wins() -> None:
    assert _title("Title: Header title\n\nFIRST LINE CAPS\n\nBody.") == "Header title"


def test_all_caps_first_body_line() -> None:
    text = (
        "Publication: Wire Date: 1-MAR-1987\n\nGRAIN TALKS <GRN> RESUME\nCHICAGO - Talks resumed."
    )
    assert _title(text) == "GRAIN TALKS <GRN> RESUME"


def test_cyrillic_all_caps_line() -> None:
    assert (
        _title("ПЕРЕГОВОРЫ ЗАШЛИ В ТУПИК\nМинистры не договорились.") == "ПЕРЕГОВОРЫ ЗАШЛИ В ТУПИК"
    )


def test_short_standalone_first_line_is_a_headline() -> None:
    assert _title("Labour plans a new budget\n\nThe party said on Monday.") == (
        "Labour plans a new budget"
    )


def test_first_line_ending_with_period_is_a_sentence_not_a_headline() -> None:
    assert _title("The envoy left.\n\nHe said more.") == "The envoy left."


def test_first_sentence_of_wrapped_paragraph() -> None:
    text = "Mr. Ivanov met Gen. Smith in the\nU.S. capital on Monday. They talked."
    assert _title(text) == "Mr. Ivanov met Gen. Smith in the U.S. capital on Monday."


def test_long_first_sentence_is_cut_at_a_word_boundary() -> None:
    sentence = "The minister " + "said the talks were going well " * 10 + "today."
    title = _title(sentence + " Then he left.")
    assert title.endswith("…")
    assert len(title) <= 100
    assert sentence.startswith(title[:-1])
    assert sentence[len(title) - 1] == " "


def test_header_only_document_gets_a_title() -> None:
    doc = parse_document(b"Publication: Monitor Volume: 5 Issue: 1\n", "x.txt")
    assert doc.title == "Untitled"
    assert doc.body_start == len(doc.text)


def test_a_long_first_sentence_loses_its_aside_rather_than_being_cut() -> None:
    text = (
        "Publication: Monitor Volume: 2 Issue: 14\n\n"
        "The envoy's visit to Vilnius—which included talks with the prime minister, the "
        "speaker of parliament and the heads of the three largest parties—ended without "
        "agreement on the border. He left on Friday."
    )
    assert _title(text) == "The envoy's visit to Vilnius ended without agreement on the border"


def test_when_the_main_clause_is_still_long_the_title_is_its_subject() -> None:
    text = (
        "A three-day visit to the Baltic capitals by the Polish defence minister–which "
        "included talks in Riga–appears to have done little to settle the long dispute over "
        "the transit of military cargo through the corridor between the two countries. "
        "Officials said so."
    )
    assert _title(text) == "A three-day visit to the Baltic capitals by the Polish defence minister"


def test_an_aside_between_double_hyphens_leaves_the_words_apart() -> None:
    text = (
        "Foreign Minister Ivanov of the Russian Federation -- whose talks in Washington and New "
        "York went well by all accounts -- appears ready to sign the new treaty this year. "
        "More followed."
    )
    assert (
        _title(text)
        == "Foreign Minister Ivanov of the Russian Federation appears ready to sign the new treaty this year"
    )
