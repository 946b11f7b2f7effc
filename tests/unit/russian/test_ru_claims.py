"""Russian claims: who said what in sentences of our own, read as an analyst would."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from monitor_desk.core.models import Claim
from monitor_desk.core.nlp.russian.claims import extract_claims_ru
from monitor_desk.core.nlp.russian.claims_quotes import find_quotes_ru

Parse = Callable[[str], Any]


def claims_of(ru_parse: Parse, text: str) -> list[Claim]:
    claims = extract_claims_ru(ru_parse(text))
    for c in claims:  # every span is the text at its offsets
        for span in (c.cue, c.content, c.speaker, *c.quotes):
            if span is not None:
                assert text[span.start : span.end] == span.text
    return claims


def test_quote_with_a_dash_introduced_pronoun_names_the_woman_before_it(ru_parse: Parse) -> None:
    text = (
        "Губернатор Олег Савельев и вице-мэр Анна Ковалева осмотрели новую больницу. "
        "«Мы откроем ее к зиме», — сказала она."
    )
    (claim,) = claims_of(ru_parse, text)
    assert claim.content.text == "«Мы откроем ее к зиме»"
    assert claim.cue.text == "сказала"
    assert claim.speaker is not None
    assert claim.speaker.text == "она"
    assert claim.speaker_name == "Анна Ковалева"
    assert claim.kind == "direct"


def test_both_aspects_of_a_reporting_verb(ru_parse: Parse) -> None:
    perfective = claims_of(ru_parse, "Профсоюз заявил, что забастовка продолжится.")
    imperfective = claims_of(ru_parse, "Профсоюз заявляет, что забастовка продолжится.")
    for claims in (perfective, imperfective):
        (claim,) = claims
        assert claim.content.text == "забастовка продолжится"
        assert claim.kind == "indirect"


def test_po_slovam_gives_the_speaker_in_the_nominative(ru_parse: Parse) -> None:
    text = "По словам Дмитрия Медведева, реформа судов будет завершена к осени."
    (claim,) = claims_of(ru_parse, text)
    assert claim.cue.text == "По словам"
    assert claim.speaker_name == "Дмитрий Медведев"
    assert claim.content.text == "реформа судов будет завершена к осени"


def test_a_surname_alone_takes_the_full_name(ru_parse: Parse) -> None:
    text = (
        "В Минск прилетел Дмитрий Медведев. "
        "По мнению Медведева, соглашение о союзном государстве пора обновить."
    )
    claims = claims_of(ru_parse, text)
    assert [c.speaker_name for c in claims] == ["Дмитрий Медведев"]


def test_kak_soobshchaet_with_an_outlet_in_elochki(ru_parse: Parse) -> None:
    (claim,) = claims_of(ru_parse, "Как сообщает «Коммерсант», сделка будет закрыта в марте.")
    assert claim.speaker is not None
    assert claim.speaker.text == "«Коммерсант»"
    assert claim.content.text == "сделка будет закрыта в марте"
    (passed_on,) = claims_of(ru_parse, "Как передает «Интерфакс», мост откроют в мае.")
    assert passed_on.speaker_name == "Интерфакс"
    assert claims_of(ru_parse, "Курьер передал документы в суд.") == []


def test_name_colon_quotation_and_lapki(ru_parse: Parse) -> None:
    (colon,) = claims_of(ru_parse, "Борис Грызлов: «Фракция проголосует против».")
    assert colon.speaker_name == "Борис Грызлов"
    assert (colon.content.text, colon.kind) == ("«Фракция проголосует против»", "direct")
    (lapki,) = claims_of(ru_parse, "„Решение уже принято“, — подчеркнул председатель комиссии.")
    assert lapki.content.text == "„Решение уже принято“"
    assert lapki.kind == "direct"


def test_paraphrase_with_a_quoted_fragment_is_mixed(ru_parse: Parse) -> None:
    text = "Посол отметил, что санкции стали «ударом по простым людям»."
    (claim,) = claims_of(ru_parse, text)
    assert claim.kind == "mixed"
    assert [q.text for q in claim.quotes] == ["«ударом по простым людям»"]


def test_a_quote_interrupted_by_its_speaker_is_one_direct_claim(ru_parse: Parse) -> None:
    text = "«Работы хватит всем, — пообещал мэр, — но не сразу»."
    (claim,) = claims_of(ru_parse, text)
    assert claim.cue.text == "пообещал"
    assert claim.content.text == "«Работы хватит всем, — пообещал мэр, — но не сразу»"
    assert claim.kind == "direct"


def test_statement_noun_and_dialogue_dash(ru_parse: Parse) -> None:
    (statement,) = claims_of(ru_parse, "В заявлении Госдепартамента говорится, что визит отложен.")
    assert statement.cue.text == "заявлении"
    assert statement.content.text == "визит отложен"
    (dialogue,) = claims_of(ru_parse, "— Поставки не прекратятся, — заверил министр энергетики.")
    assert dialogue.content.text == "Поставки не прекратятся"
    assert dialogue.kind == "direct"


def test_words_that_only_look_like_reporting_give_no_claims(ru_parse: Parse) -> None:
    text = (
        "Сообщение поезда с Москвой восстановлено. Бухгалтер считает деньги. "
        "Сотрудники отметили юбилей завода. Директор отказался сообщить подробности. "
        "Акции «Газпрома» выросли, а газета «Известия» сменила логотип."
    )
    assert claims_of(ru_parse, text) == []


def test_russian_quotes_nest_and_unclosed_quotes_are_dropped() -> None:
    text = "«Он назвал это „ошибкой“» и ушел.\n«Не закрыта"
    assert find_quotes_ru(text) == [(0, text.index("»") + 1)]


def test_a_parse_whose_heads_form_a_cycle_does_not_hang() -> None:
    def token(i: int, text: str, start: int, lemma: str, pos: str, head: int, rel: str) -> Any:
        return SimpleNamespace(
            id=f"1_{i}", head_id=f"1_{head}", text=text, start=start, stop=start + len(text),
            lemma=lemma, pos=pos, rel=rel, feats={},
        )  # fmt: skip

    tokens = [
        token(1, "Он", 0, "он", "PRON", 2, "nsubj"),
        token(2, "заявил", 3, "заявить", "VERB", 3, "ccomp"),
        token(3, "нет", 10, "нет", "VERB", 2, "ccomp"),
    ]
    doc = SimpleNamespace(text="Он заявил нет", sents=[SimpleNamespace(tokens=tokens)], spans=[])
    assert isinstance(extract_claims_ru(doc), list)


def test_a_pronoun_means_the_subject_before_it_not_the_last_name_said(ru_parse: Parse) -> None:
    text = (
        "Фермер Петр Сидоров подал иск к соседу, который ссылался на указ Ивана Грозного. "
        "Он утверждает, что земля принадлежит ему."
    )
    (claim,) = claims_of(ru_parse, text)
    assert claim.speaker_name == "Петр Сидоров"


def test_a_title_line_without_a_full_stop_is_not_what_was_said(ru_parse: Parse) -> None:
    text = "В Омске закрыли аэропорт\nПо данным диспетчеров, туман рассеется к вечеру."
    (claim,) = claims_of(ru_parse, text)
    assert claim.content.text == "туман рассеется к вечеру"


def test_a_cue_inside_the_sentence_attributes_the_whole_sentence(ru_parse: Parse) -> None:
    text = "Платить за ремонт должны, по мнению мэрии, владельцы квартир."
    (claim,) = claims_of(ru_parse, text)
    assert claim.content.text == "Платить за ремонт должны, по мнению мэрии, владельцы квартир"


def test_a_pronoun_far_from_any_person_names_nobody(ru_parse: Parse) -> None:
    text = (
        "Губернатор Олег Савельев открыл мост. Движение пустили в полдень. Пробки исчезли. "
        "Автобусы пошли по новому графику. Цены на проезд не изменились. "
        "Он сказал, что ремонт дороги начнется весной."
    )
    (claim,) = claims_of(ru_parse, text)
    assert claim.speaker_name is None
