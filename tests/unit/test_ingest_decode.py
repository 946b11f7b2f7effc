"""Decoding bytes of every common encoding into the text the author wrote."""

from __future__ import annotations

import codecs

import pytest

from monitor_desk.core.ingest import RejectedFile, decode_bytes

RUSSIAN = (
    "Министр иностранных дел провёл переговоры в Вашингтоне. По словам источников, стороны "
    "не смогли договориться о контроле над вооружениями, но пообещали продолжить диалог.\n"
    '"Это был полезный разговор", - сказал он журналистам. Следующая встреча пройдёт в '
    "Москве в октябре, и на ней обсудят кредиты и борьбу с терроризмом.\n"
)
SHORT_RUSSIAN = "Привет, как дела?"
ALL_CAPS_RUSSIAN = "МИНИСТР ПРОВЁЛ ПЕРЕГОВОРЫ В ВАШИНГТОНЕ И ВЕРНУЛСЯ В МОСКВУ\n"
UKRAINIAN = "Міністр закордонних справ України провів переговори з колегами у Києві.\n"
ENGLISH = "The envoy returned on Sunday and said the talks had been useful.\n"
FRENCH = (
    "Le ministre a déclaré à la presse que les négociations étaient « très difficiles », "
    "mais qu'un accord était encore possible avant la fin de l'été. Les délégués se sont "
    "réunis à Genève pendant trois jours et ont échangé leurs propositions écrites.\n"
)
GERMAN = (
    "Der Außenminister erklärte am Dienstag, die Gespräche über die Rüstungskontrolle seien "
    "schwierig gewesen. Für die nächste Woche ist ein weiteres Treffen in München geplant, "
    "bei dem auch über Kredite gesprochen werden soll.\n"
)

CYRILLIC_CODECS = ["cp1251", "koi8-r", "cp866", "iso8859-5", "mac-cyrillic"]


@pytest.mark.parametrize("codec", CYRILLIC_CODECS)
@pytest.mark.parametrize("text", [RUSSIAN, SHORT_RUSSIAN, ALL_CAPS_RUSSIAN, RUSSIAN + ENGLISH])
def test_cyrillic_code_pages_round_trip(codec: str, text: str) -> None:
    decoded, used = decode_bytes(text.encode(codec))
    assert decoded == text
    assert used == codecs.lookup(codec).name


def test_ukrainian_in_cp1251_round_trips() -> None:
    assert decode_bytes(UKRAINIAN.encode("cp1251")) == (UKRAINIAN, "cp1251")


def test_cp1251_typography_round_trips() -> None:
    text = "«Это был полезный разговор», — сказал министр. Встреча № 2 пройдёт в Москве…"
    assert decode_bytes(text.encode("cp1251")) == (text, "cp1251")


@pytest.mark.parametrize("text", [RUSSIAN, ENGLISH, "emoji 🙂 and zero\u200bwidth \u200fmark"])
def test_utf8_without_bom(text: str) -> None:
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")


def test_utf8_bom_is_stripped() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + RUSSIAN.encode()) == (RUSSIAN, "utf-8-sig")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [RUSSIAN, ENGLISH])
def test_utf16_with_bom(codec: str, text: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    decoded, used = decode_bytes(bom + text.encode(codec))
    assert decoded == text
    assert used == "utf-16"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [RUSSIAN, ENGLISH])
def test_utf16_without_bom_is_detected_from_its_byte_pattern(codec: str, text: str) -> None:
    assert decode_bytes(text.encode(codec)) == (text, codec)


def test_utf32_with_bom() -> None:
    assert decode_bytes(RUSSIAN.encode("utf-32")) == (RUSSIAN, "utf-32")


@pytest.mark.parametrize(("text", "codec"), [(FRENCH, "cp1252"), (GERMAN, "latin-1")])
def test_western_text_is_not_turned_into_cyrillic(text: str, codec: str) -> None:
    decoded, _ = decode_bytes(text.encode(codec))
    assert decoded == text


def test_repetitive_french_is_read_as_western_european() -> None:
    text = "Le ministre a déclaré à la presse qu'il était prêt. " * 200
    assert decode_bytes(text.encode("cp1252"))[0] == text


def test_declared_encoding_is_honoured() -> None:
    # Greek bytes would be read as Cyrillic-ish garbage without the declaration.
    greek = "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία."
    assert decode_bytes(greek.encode("iso8859-7"), "ISO-8859-7") == (greek, "iso8859-7")


def test_wrong_latin_declaration_does_not_hide_cyrillic() -> None:
    decoded, used = decode_bytes(RUSSIAN.encode("koi8-r"), "iso-8859-1")
    assert (decoded, used) == (RUSSIAN, "koi8-r")


def test_declaration_contradicted_by_the_bytes_loses() -> None:
    decoded, used = decode_bytes(RUSSIAN.encode("koi8-r"), "windows-1251")
    assert (decoded, used) == (RUSSIAN, "koi8-r")


def test_utf8_bytes_win_over_a_stale_declaration() -> None:
    assert decode_bytes(RUSSIAN.encode(), "windows-1251") == (RUSSIAN, "utf-8")


def test_unknown_declaration_is_ignored() -> None:
    assert decode_bytes(RUSSIAN.encode("cp1251"), "no-such-charset")[0] == RUSSIAN


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\t\r\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF8 + b"  \n"],
)
def test_empty_content_is_rejected(data: bytes) -> None:
    with pytest.raises(RejectedFile, match="empty file"):
        decode_bytes(data)


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"abc" * 20,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 40,
        b"plain start then a NUL\x00 byte in the middle of the text",
        bytes(range(1, 9)) * 50 + b"some letters",
    ],
    ids=["pdf", "zip", "png", "elf", "nul", "controls"],
)
def test_binary_content_is_rejected(data: bytes) -> None:
    with pytest.raises(RejectedFile) as caught:
        decode_bytes(data)
    assert str(caught.value) == "binary file (not text)"
    assert caught.value.reason == str(caught.value)


def test_tabs_form_feeds_and_escape_are_text() -> None:
    text = "col1\tcol2\fpage two \x1b[1mbold\x1b[0m\n"
    assert decode_bytes(text.encode()) == (text, "utf-8")


def test_invisible_characters_are_left_alone() -> None:
    text = "\u200fשלום\u200e and a zero\u200bwidth space"
    assert decode_bytes(text.encode("utf-8"))[0] == text
