"""Russian claims of institutions that speak without a subject ("В Кремле заявили, что …")
and of documents that speak through an impersonal verb, in sentences of our own."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from monitor_desk.core.models import Claim
from monitor_desk.core.nlp.russian.claims import extract_claims_ru

Parse = Callable[[str], Any]


def claims_of(ru_parse: Parse, text: str) -> list[Claim]:
    claims = extract_claims_ru(ru_parse(text))
    for c in claims:  # every span is the text at its offsets
        for span in (c.cue, c.content, c.speaker):
            if span is not None:
                assert text[span.start : span.end] == span.text
    return claims


def said(claim: Claim) -> tuple[str | None, str, str]:
    return (claim.speaker.text if claim.speaker else None, claim.cue.text, claim.content.text)


def test_an_institution_in_the_locative_is_the_speaker(ru_parse: Parse) -> None:
    (claim,) = claims_of(ru_parse, "В Кремле сообщили, что визит премьера перенесен на осень.")
    assert said(claim) == ("Кремле", "сообщили", "визит премьера перенесен на осень")
    assert claim.speaker_name == "Кремль"
    assert claim.kind == "indirect"


def test_the_institution_before_or_after_the_cue(ru_parse: Parse) -> None:
    (as_said,) = claims_of(
        ru_parse, "Как сообщили в пресс-службе губернатора, дорогу откроют к выходным."
    )
    assert said(as_said) == ("пресс-службе губернатора", "сообщили", "дорогу откроют к выходным")
    (after,) = claims_of(ru_parse, "Цены на хлеб не вырастут, заверили в правительстве.")
    assert said(after) == ("правительстве", "заверили", "Цены на хлеб не вырастут")
    (quoted,) = claims_of(ru_parse, "«Сроки не сорвутся», — подчеркнули в дирекции стройки.")
    assert said(quoted) == ("дирекции стройки", "подчеркнули", "«Сроки не сорвутся»")
    assert quoted.kind == "direct"


def test_a_refusal_an_event_and_a_report_to_the_police_are_no_claims(ru_parse: Parse) -> None:
    text = (
        "В «Роснефти» отказались от комментариев. В Кремле прошло совещание. "
        "О находке сообщили в полицию."
    )
    assert claims_of(ru_parse, text) == []


def test_a_city_is_not_a_speaker_but_its_ministry_is(ru_parse: Parse) -> None:
    assert claims_of(ru_parse, "В Берлине заявили, что переговоры продолжатся.") == []
    (claim,) = claims_of(ru_parse, "В МИД Германии заявили, что переговоры продолжатся.")
    assert said(claim) == ("МИД Германии", "заявили", "переговоры продолжатся")


def test_no_institution_and_no_document_named_give_no_claim(ru_parse: Parse) -> None:
    text = (
        "Вчера объявили, что рынок закроют. Сообщается, что рост экономики замедлится. "
        "Цены вырастут, говорится в сообщении."
    )
    assert claims_of(ru_parse, text) == []


def test_a_subject_speaks_rather_than_the_place_it_spoke_in(ru_parse: Parse) -> None:
    text = "Губернаторы заявили в Кремле, что бюджеты регионов сбалансированы."
    (claim,) = claims_of(ru_parse, text)
    assert claim.speaker is not None
    assert claim.speaker.text == "Губернаторы"


def test_a_named_document_before_what_it_says(ru_parse: Parse) -> None:
    text = "Как говорится в заявлении Минэкономразвития, рост экономики замедлится."
    (claim,) = claims_of(ru_parse, text)
    assert said(claim) == ("Минэкономразвития", "заявлении", "рост экономики замедлится")
