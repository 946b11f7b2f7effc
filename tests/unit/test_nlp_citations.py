"""Source citations: which parentheses are citations, how items and dates are read, and
which sentences each one supports. No model needed."""

from __future__ import annotations

import pytest

from monitor_desk.core.dates import reference_date
from monitor_desk.core.nlp.citations import find_citations, normalize_outlet

META = {"date": "1999-09-27"}


def items_of(text: str, metadata: dict[str, str] | None = None) -> list[tuple[str, str | None]]:
    cits = find_citations(text, 0, META if metadata is None else metadata)
    return [(i.outlet, i.date_text) for c in cits for i in c.items]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Talks stalled (Reuters, September 25).", [("Reuters", "September 25")]),
        (
            "Talks stalled (International and Russian agencies, September 22-26; "
            "Izvestia, September 25).",
            [
                ("International and Russian agencies", "September 22-26"),
                ("Izvestia", "September 25"),
            ],
        ),
        (
            "Both denied it (Interfax, March 3; NTV, March 4).",
            [("Interfax", "March 3"), ("NTV", "March 4")],
        ),
        (
            "A deal was signed (RIA Novosti – December 15, 2015).",
            [("RIA Novosti", "December 15, 2015")],
        ),
        ("He had said so before (see the Monitor, September 20).", [("Monitor", "September 20")]),
        (
            "Shelling went on (Itar-Tass, September 30-October 1).",
            [("Itar-Tass", "September 30-October 1")],
        ),
        ("Shelling went on (ITAR-TASS, 25 September).", [("Itar-Tass", "25 September")]),
        ("A vote is due (AP, Sept. 3).", [("AP", "Sept. 3")]),
        ("The bank fell (Kommersant, January 12, 2000).", [("Kommersant", "January 12, 2000")]),
        (
            "Both agreed (Itar-Tass, Interfax, October 3).",
            [("Itar-Tass", "October 3"), ("Interfax", "October 3")],
        ),
        (
            "Fighting resumed (Itar-Tass, September 30; October 1).",
            [("Itar-Tass", "September 30"), ("Itar-Tass", "October 1")],
        ),
        ("Then it rained (Izvestia, September 25, 28).", [("Izvestia", "September 25, 28")]),
        ("So it goes (Reuters).", [("Reuters", None)]),
    ],
)
def test_citation_forms_are_parsed(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert items_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "They will not ratify the treaty (START II) this year.",
        "Officers of the agency (the Federal Security Service, FSB) were there.",
        "The figures are given later (see below).",
        "The law was passed long ago (1999).",
        "The site was in one language (in Russian).",
        "Talks were held in both capitals (Washington, Moscow, May 3).",
        "The ministers met twice (Kyiv, May 3; Warsaw, May 5).",
    ],
)
def test_other_parentheses_are_not_citations(sentence: str) -> None:
    assert find_citations(sentence, 0, META) == []


def test_a_place_beside_an_outlet_is_not_an_outlet() -> None:
    assert items_of("The vote was delayed (Interfax, Moscow, May 4).") == [("Interfax", "May 4")]


def test_citation_offsets_point_at_the_parenthesis() -> None:
    text = "Header line\n\nIt rained (Reuters, September 25)."
    (cit,) = find_citations(text, 13, META)
    assert text[cit.start : cit.end] == cit.text == "(Reuters, September 25)"


def test_dates_resolve_with_the_issue_year() -> None:
    (item,) = find_citations("Shelling (Itar-Tass, September 30-October 1).", 0, META)[0].items
    assert (item.date_start, item.date_end) == ("1999-09-30", "1999-10-01")


def test_day_month_range_resolves() -> None:
    (item,) = find_citations("Rain (Interfax, 22-26 September).", 0, META)[0].items
    assert (item.date_start, item.date_end) == ("1999-09-22", "1999-09-26")


def test_extra_days_extend_the_range() -> None:
    (item,) = find_citations("Rain (Izvestia, September 25, 28).", 0, META)[0].items
    assert (item.date_start, item.date_end) == ("1999-09-25", "1999-09-28")


def test_year_in_the_citation_wins() -> None:
    (item,) = find_citations("Rain (Kommersant, January 12, 2000).", 0, META)[0].items
    assert item.date_start == "2000-01-12"


def test_no_year_known_means_no_iso_date() -> None:
    (item,) = find_citations("Rain (Reuters, September 25).", 0, {})[0].items
    assert item.date_text == "September 25"
    assert item.date_start is None
    assert item.date_end is None


def test_december_cited_in_a_january_issue_is_last_year() -> None:
    (item,) = find_citations("Rain (Reuters, December 28).", 0, {"date": "January 5, 2000"})[
        0
    ].items
    assert item.date_start == "1999-12-28"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1999-09-27", (1999, 9)),
        ("September 27, 1999", (1999, 9)),
        ("27 Sep 1999", (1999, 9)),
        ("26-FEB-1987 15:01:01.79", (1987, 2)),
        ("27.09.1999", (1999, 9)),
        ("sometime", None),
    ],
)
def test_issue_date_formats(raw: str, expected: tuple[int, int] | None) -> None:
    assert reference_date({"Date": raw}) == expected


def test_outlet_names_are_normalised() -> None:
    assert normalize_outlet("ITAR-TASS") == normalize_outlet("Itar-Tass") == "Itar-Tass"
    assert normalize_outlet("the Moscow Times") == "Moscow Times"
    assert normalize_outlet("International and Russian Agencies") == (
        "International and Russian agencies"
    )


def test_each_citation_covers_its_paragraph_since_the_previous_one() -> None:
    text = (
        "One. Two (Reuters, September 25). Three. Four (AP, Sept. 26).\n\n"
        "Five. Six (Interfax, September 27)."
    )
    first, second, third = find_citations(text, 0, META)
    assert [text[s:e] for s, e in first.covers] == ["One.", "Two (Reuters, September 25)."]
    assert [text[s:e] for s, e in second.covers] == ["Three.", "Four (AP, Sept. 26)."]
    assert [text[s:e] for s, e in third.covers] == ["Five.", "Six (Interfax, September 27)."]


def test_coverage_uses_given_sentence_spans() -> None:
    text = "Alpha beta; gamma delta (Reuters, September 25). Epsilon."
    sentences = [(0, 11), (12, 49), (50, len(text))]
    (cit,) = find_citations(text, 0, META, sentences)
    assert cit.covers == ((0, 11), (12, 49))


def test_regex_sentences_ignore_abbreviations() -> None:
    text = "U.S. officials met Gen. Petrov on Sept. 3 in Kyiv. Talks failed (Reuters, Sept. 4)."
    (cit,) = find_citations(text, 0, META)
    assert [text[s:e] for s, e in cit.covers] == [
        "U.S. officials met Gen. Petrov on Sept. 3 in Kyiv.",
        "Talks failed (Reuters, Sept. 4).",
    ]


def test_proper_outlet_names_keep_their_capitals() -> None:
    assert normalize_outlet("Baltic News Service") == "Baltic News Service"
    assert normalize_outlet("Russian Agencies") == "Russian agencies"


def test_outlets_with_digits_and_web_addresses_are_sources() -> None:
    from monitor_desk.core.nlp.citations import scan_citations

    text = (
        "He said so (Civil Georgia, March 10; Rustavi-2, March 11). Then (gazeta.ru, March 3)"
        " but not (in Russian, March 4) nor (1999, March 5)."
    )
    found = {
        c.text: [(i.outlet, i.date_start) for i in c.items]
        for c in scan_citations(text, 0, {"date": "2006-03-13"})
    }
    assert found == {
        "(Civil Georgia, March 10; Rustavi-2, March 11)": [
            ("Civil Georgia", "2006-03-10"),
            ("Rustavi-2", "2006-03-11"),
        ],
        "(gazeta.ru, March 3)": [("Gazeta.ru", "2006-03-03")],
    }
