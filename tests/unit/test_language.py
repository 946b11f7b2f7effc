"""Language per paragraph and per article (core/nlp/language.py), on sentences written for
these tests."""

from __future__ import annotations

import pytest

from monitor_desk.core.nlp.language import (
    article_language,
    detect,
    no_analysis_message,
    only_language,
    paragraph_languages,
)

SENTENCES = {
    "ru": "Глава ведомства сообщил журналистам, что новые правила вступят в силу уже этой осенью.",
    "uk": "Голова відомства повідомив журналістам, що нові правила набудуть чинності вже цієї осені.",
    "be": "Кіраўнік ведамства паведаміў журналістам, што новыя правілы пачнуць дзейнічаць увосень.",
    "bg": "Ръководителят на ведомството съобщи на журналистите, че новите правила влизат в сила.",
    "sr": "Шеф агенције је рекао новинарима да ће нова правила ступити на снагу већ ове јесени.",
    "en": "The head of the agency told reporters that the new rules would take effect this autumn.",
    "de": "Der Leiter der Behörde sagte den Journalisten, dass die neuen Regeln im Herbst gelten.",
    "fr": "Le chef de l'agence a dit aux journalistes que les nouvelles règles entreront en vigueur.",
}


@pytest.mark.parametrize(("code", "sentence"), sorted(SENTENCES.items()))
def test_each_language_is_told_apart(code: str, sentence: str) -> None:
    assert detect(sentence) == code


def test_russian_with_a_ukrainian_name_is_still_russian() -> None:
    text = "В Киеве Віталій Кличко заявил, что городские власти готовы к переговорам с профсоюзами."
    assert detect(text) == "ru"


def test_english_with_russian_names_in_brackets_is_english() -> None:
    text = "Foreign Minister Pavel Sorokin (Павел Сорокин) told reporters in Geneva that talks went well."
    assert detect(text) == "en"


def test_too_few_letters_to_tell() -> None:
    assert detect("25.09.1999 — 12:00") is None


def test_a_mixed_article_has_runs_and_the_dominant_language() -> None:
    text = "\n\n".join(
        [SENTENCES["en"], "MOSCOW", SENTENCES["ru"], SENTENCES["ru"], SENTENCES["de"]]
    )
    runs = paragraph_languages(text)
    assert [lang for _, _, lang in runs] == ["en", "ru", "de"]
    assert text[runs[0][0] : runs[0][1]].endswith(
        "MOSCOW"
    )  # an undecided line joins the one before
    assert article_language(text) == "ru"
    russian = only_language(text, runs, "ru")
    assert russian is not None
    assert len(russian) == len(text)
    assert russian.strip().startswith(SENTENCES["ru"][:20])
    assert SENTENCES["en"][:20] not in russian
    assert only_language(text, runs, "fr") is None


def test_an_override_is_every_paragraph_s_language() -> None:
    text = SENTENCES["en"] + "\n\n" + SENTENCES["ru"]
    assert {lang for _, _, lang in paragraph_languages(text, override="ru")} == {"ru"}


def test_the_reader_says_plainly_what_is_not_analysed() -> None:
    assert no_analysis_message("uk") == "No analysis for Ukrainian yet."
