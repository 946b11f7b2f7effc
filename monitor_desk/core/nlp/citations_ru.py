"""Russian outlets in citations: their names in every case, one normal name each, and
in-text references (``по данным «Коммерсанта»``, ``как сообщает «Интерфакс»``).

A Russian outlet the English citations also name normalises to that name: ``Интерфакс``,
``Интерфакса`` and ``Interfax`` are one outlet ("Interfax") with one reliability grade,
and ``outlet_text`` keeps the name as written. Outlets not in the table keep their words.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


RUSSIAN_PLACES = _words(
    """москва санкт петербург киев минск тбилиси баку ереван кишинев алма ата алматы
    ташкент душанбе бишкек ашхабад рига таллин вильнюс грозный вашингтон лондон париж
    берлин пекин токио нью йорк брюссель женева вена"""
)
"""Places (as ``citations._key`` spells them): "(Интерфакс, Москва, 25 сентября)" cites
Interfax, not Moscow."""

# Latin name → Russian spellings (nominative); a "=" word does not decline ("РИА=").
_OUTLETS: dict[str, tuple[str, ...]] = {
    "Interfax": ("Интерфакс",),
    "Itar-Tass": ("ИТАР-ТАСС=",),
    "TASS": ("ТАСС=",),
    "RIA Novosti": ("РИА= Новости", "РИА= Новости=", "РИА-Новости="),
    "Izvestia": ("Известия",),
    "Kommersant": ("Коммерсант", "Коммерсантъ"),
    "Vedomosti": ("Ведомости",),
    "NTV": ("НТВ=",),
    "ORT": ("ОРТ=",),
    "RTR": ("РТР=",),
    "Ekho Moskvy": ("Эхо= Москвы=", "Эха= Москвы="),
    "Nezavisimaya Gazeta": ("Независимая газета",),
    "Rossiiskaya Gazeta": ("Российская газета",),
    "Novaya Gazeta": ("Новая газета",),
    "Obshchaya Gazeta": ("Общая газета",),
    "Komsomolskaya Pravda": ("Комсомольская правда",),
    "Moskovsky Komsomolets": ("Московский= комсомолец=", "Московского= комсомольца="),
    "Pravda": ("Правда",),
    "Segodnya": ("Сегодня=",),
    "Trud": ("Труд",),
    "Itogi": ("Итоги=", "Итогов="),
    "Ekspert": ("Эксперт",),
    "Mayak": ("Маяк",),
    "Prime-Tass": ("Прайм-ТАСС=",),
    "Interfax-Ukraine": ("Интерфакс-Украина=",),
    "UNIAN": ("УНИАН=",),
    "Gazeta.ru": ("Газета.ру=", "Газета.Ru=", "Газета ру="),
    "Radio Liberty": ("Радио= Свобода", "Радио= Свобода="),
    "BBC": ("Би-би-си=", "BBC="),
    "Reuters": ("Рейтер", "Рейтерс="),
    "AP": ("Ассошиэйтед= Пресс=",),
    "AFP": ("Франс= Пресс=", "Франс-Пресс="),
    "Xinhua": ("Синьхуа=",),
    "Russky Telegraf": ("Русский= телеграф",),
}
# nominative ending → the same word in genitive, dative, accusative, instrumental, prepositional
_PARADIGMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ая", ("ой", "ую")),  # Независимая, Российская
    ("ий", ("ого", "ому", "им", "ом")),  # Московский
    ("ия", ("ий", "иям", "иями", "иях")),  # Известия
    ("ти", ("тей", "тям", "тями", "тях")),  # Ведомости, Новости
    ("а", ("ы", "и", "е", "у", "ой")),  # газета, правда, Свобода
    ("ъ", ("а", "у", "ом", "е")),  # Коммерсантъ
    ("", ("а", "у", "ом", "е")),  # Интерфакс, Коммерсант, Рейтер
)


def _forms(word: str) -> set[str]:
    if word.endswith("="):
        return {word[:-1]}
    for ending, others in _PARADIGMS:
        if word.endswith(ending) and (ending or word[-1:].isalpha()):
            stem = word[: len(word) - len(ending)] if ending else word
            return {word} | {stem + other for other in others}
    return {word}


def key(name: str) -> str:
    """The lookup key of an outlet's name: lower case, ё as е, no quotation marks."""
    name = name.strip().strip('«»„“”"').replace("ё", "е").replace("Ё", "Е")
    return re.sub(r"[\s\-.]+", " ", name.lower()).strip()


def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for latin, spellings in _OUTLETS.items():
        for spelling in spellings:
            words: list[set[str]] = [_forms(w) for w in spelling.split()]
            phrases = [""]
            for forms in words:
                phrases = [f"{p} {f}".strip() for p in phrases for f in forms]
            for phrase in phrases:
                table[key(phrase)] = latin
    return table


RUSSIAN_OUTLETS = _table()
"""Every spelling's ``key`` → the outlet's normal (Latin) name."""

# "по данным «Коммерсанта»", "как сообщает агентство «Интерфакс»", "со ссылкой на ТАСС"
_CUE = (
    r"(?:[Пп]о\s+(?:данным|сообщению|сообщениям|информации|сведениям)"
    r"|[Кк]ак\s+(?:сообщает|сообщают|сообщил[аио]?|передает|передаёт|передал[аио]?|пишет|"
    r"писал[аио]?)"
    r"|со\s+ссылкой\s+на)"
)
_KIND = (
    r"(?:(?:информационного\s+|информационное\s+)?агентств[оау]м?|газет[аыеу]|"
    r"издани[яею]|телеканал[аеу]?|радиостанци[яиюей]|сайт[ау]?|еженедельник[ау]?)\s+"
)
IN_TEXT_RE = re.compile(
    rf"{_CUE}\s+(?:{_KIND})?(?P<name>«[^«»\n]{{2,60}}»|[А-ЯЁA-Z][\w.\-]*(?:[ ][А-ЯЁ][\w\-]*)?)"
)
