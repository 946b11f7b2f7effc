"""Entities of a natasha ``Doc``: PER/ORG/LOC mapped to the English labels (PERSON, ORG,
GPE — or LOC for a street, river or sea), each with its normal form (nominative:
``Медведеву`` → ``Медведев``) for clustering, in ``doc.text`` offsets.

Three general rules add organisations the news model misses: a name in «ёлочки» after an
organisation word (``компания «Норильский никель»``, ``партии «Единая Россия»``); an
all-capitals abbreviation of three to six letters (``МВД``, ``ФСБ``, ``НАТО``) that is not
a Roman numeral and not already inside an entity (``США``, ``КНР`` and the like are places);
and a governing body before a place, which together name one organisation (``мэрии
Москвы`` → ORG ``мэрия Москвы``, ``правительства России``, ``посольство США``).
"""

from __future__ import annotations

import re
from typing import Any

LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
# A LOC whose words include one of these is a place, not a country or city.
_PLACE_NOUNS = frozenset(
    str.split(
        "улица площадь проспект переулок шоссе набережная бульвар река море озеро океан гора "
        "горы залив пролив остров полуостров район область край округ регион мост вокзал "
        "аэропорт"
    )
)
_ORG_WORDS = (
    "компани[яиюей]|корпораци[яиюей]|концерн[аеуом]?|холдинг[аеуом]?|банк[аеуом]?|"
    "парти[яиюей]|движени[еяюем]|фонд[аеуом]?|агентств[оаеуом]|издательств[оаеуом]|"
    "газет[аыеуой]|журнал[аеуом]?|телеканал[аеуом]?|радиостанци[яиюей]|"
    "организаци[яиюей]|обществ[оаеуом]|обществ[ао]м|обьединени[еяюем]|объединени[еяюем]|"
    "обществ|ассоциаци[яиюей]|союз[аеуом]?|клуб[аеуом]?|группы|групп[аеуой]|завод[аеуом]?|"
    "комбинат[аеуом]?|предприяти[еяюем]|театр[аеуом]?|музе[йяюем]|университет[аеуом]?|"
    "институт[аеуом]?|центр[аеуом]?|ОАО|ЗАО|ООО|ПАО|АО|НКО|ФГУП|ГУП|МУП"
)
_QUOTED_ORG_RE = re.compile(rf"(?<![\w-])(?:{_ORG_WORDS})\s+(«[^«»\n]{{2,60}}»)", re.IGNORECASE)
_ABBREVIATION_RE = re.compile(r"(?<![\w-])[А-ЯЁA-Z]{3,6}(?![\w-])")
_ROMAN_RE = re.compile(r"[IVXLCDM]+")
# Abbreviations of countries, not organisations.
_COUNTRY_ABBREVIATIONS = frozenset(str.split("США ФРГ ГДР КНР КНДР ОАЭ ЮАР СССР РСФСР УССР БССР"))


def _label(span: Any) -> str:
    label = LABELS.get(span.type, span.type)
    if label == "GPE" and any((t.lemma or "").lower() in _PLACE_NOUNS for t in span.tokens):
        return "LOC"
    return label


_OPENING, _CLOSING = '«„“"', '»“”"'


def _balanced(text: str, start: int, end: int) -> tuple[int, int]:
    """A span whose «ёлочки» pair up: the model often stops before the closing » of
    ``ОАО «Северный порт»`` (taken in) or starts after the opening « of
    ``«Российские железные дороги»`` (the stray » left out)."""
    inside = text[start:end]
    opened = inside.count("«") - inside.count("»")
    if opened > 0 and text[end : end + 1] == "»":
        end += 1
    elif opened < 0 and start > 0 and text[start - 1] == "«":
        start -= 1
    while (
        start < end
        and text[end - 1] in _CLOSING
        and not any(c in _OPENING for c in text[start : end - 1])
    ):
        end -= 1
    while (
        start < end
        and text[start] in _OPENING
        and not any(c in _CLOSING for c in text[start + 1 : end])
    ):
        start += 1
    return start, end


def _strip_quotes(normal: str) -> str:
    """The normal form with its «ёлочки» paired as the span's are."""
    opened = normal.count("«") - normal.count("»")
    if opened > 0:
        return normal + "»" * opened
    if opened < 0:
        return normal.replace("»", "", -opened) if "«" not in normal else "«" + normal
    return normal


# Bodies that govern a place: with the place after them (in the genitive) they name one
# organisation ("правительство России", "мэрия Москвы", "администрация Курской области").
_GOVERNING_BODIES = frozenset(
    str.split(
        "правительство мэрия администрация парламент посольство генконсульство консульство "
        "полиция прокуратура минобороны мид"
    )
)


def _governing_body(text: str, before: dict[int, Any], start: int) -> tuple[int, str] | None:
    """(start, nominative) of a governing body's noun right before a place, if any."""
    gap = start - 1
    if gap < 0 or text[gap] != " ":
        return None
    token = before.get(gap)
    if token is None or (token.lemma or "").lower() not in _GOVERNING_BODIES:
        return None
    lemma = token.lemma.lower()
    return token.start, lemma if token.text.islower() else lemma.capitalize()


def doc_entities(doc: Any) -> list[tuple[int, int, str, str]]:
    """(start, end, label, normal form) of the model's spans and the rules' additions."""
    text = doc.text
    found = []
    before = {b.stop: b for b in doc.tokens}
    for span in doc.spans:
        start, end = _balanced(text, span.start, span.stop)
        if end <= start:
            continue
        label, normal = _label(span), _strip_quotes(span.normal or text[start:end])
        body = _governing_body(text, before, start) if label in ("GPE", "LOC") else None
        if body is not None:  # "мэрии Москвы": the city's government, an organisation
            start, label, normal = body[0], "ORG", f"{body[1]} {text[span.start : end]}"
        found.append((start, end, label, normal))
    taken = [(s, e) for s, e, _, _ in found]

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    added: list[tuple[int, int, str, str]] = []
    for m in _QUOTED_ORG_RE.finditer(text):
        start, end = m.span(1)
        inner = text[start + 1 : end - 1]
        if inner[:1].isupper() and free(start, end):
            added.append((start, end, "ORG", inner))
            taken.append((start, end))
    for m in _ABBREVIATION_RE.finditer(text):
        word = m.group(0)
        if _ROMAN_RE.fullmatch(word) or not free(*m.span()):
            continue
        label = "GPE" if word in _COUNTRY_ABBREVIATIONS else "ORG"
        added.append((m.start(), m.end(), label, word))
        taken.append(m.span())
    return sorted(found + added)
