"""Pick the right Cyrillic code page for bytes that are not UTF-8.

General detectors confuse cp1251, KOI8-R, IBM866, ISO-8859-5 and MacCyrillic because all
of them decode any byte string "cleanly"; the wrong one yields Cyrillic-looking garbage.
Decoding with the wrong code page permutes letters and breaks case, so we score each
candidate by how much of its text looks like real Russian (or Ukrainian/Belarusian): words
made only of Cyrillic letters with a sane case pattern, common short words and common
letter pairs, minus stray symbols and mixed-script words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CYRILLIC_CODECS: tuple[str, ...] = ("cp1251", "koi8-r", "cp866", "iso8859-5", "mac-cyrillic")


def _words(text: str) -> list[str]:
    return text.split()


_LOWER = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў"
_LETTERS = frozenset(_LOWER + _LOWER.upper())
# Non-ASCII characters that are ordinary in Russian text and say nothing either way.
_NEUTRAL = frozenset("«»—–…№„“”‘’•·\u00a0\u00ad°±×")
# Whitespace-separated word lists, kept as text so they stay readable.
_COMMON_WORDS = frozenset(
    _words(
        "и в не на что с по к он я это как из за от о для а так но то все его же при был было "
        "до у мы вы они она их ли бы уже или если только еще ещё год года также после может "
        "ее её который которые которая были будет сегодня время между мне нет да есть чтобы "
        "когда где там тут этот эта эти того этого всех более очень лет со во об под над "
    )
)
_COMMON_BIGRAMS = frozenset(
    _words(
        "ст но то на ен ов ни ра во ко ро ал пр ре по ос ан ол ли ер ор го ет ка не ел ть та "
        "ва ле ом ло ве от ла ат ит де ри ак ой ны ль ми ес ар ий ин ие ма мо од ог ск ия им "
        "ем ти да се ам ед ас ве ез ич ся тр ав ди ду ее зн ил ир ис лу ме мы ну об ом оп оч "
        "ры са сл сп те ту уж чт че эт ют яв "
    )
)
_WORD = re.compile(r"[^\W\d_]+")
_SYMBOL = re.compile(r"[^\x00-\x7f\w]")
_SAMPLE_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class CyrillicGuess:
    """The best Cyrillic decoding of some bytes and how convincing it is.

    Attributes:
        codec: Python codec name (one of CYRILLIC_CODECS).
        score: higher is better; comparable between codecs for the same bytes.
        plausible: the decoding looks like real Cyrillic text.
    """

    codec: str
    score: float
    plausible: bool


def _score(text: str) -> tuple[float, int, int]:
    """Return (score, good letters, bad characters) for one candidate decoding."""
    good = bad = common = pairs = pair_hits = 0
    for match in _WORD.finditer(text):
        word = match.group()
        if word.isascii():
            continue
        n = len(word)
        sane_case = word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())
        if sane_case and all(c in _LETTERS for c in word):
            good += n
            lower = word.lower()
            if lower in _COMMON_WORDS:
                common += n + 1
            for i in range(n - 1):
                pairs += 1
                pair_hits += lower[i : i + 2] in _COMMON_BIGRAMS
        else:
            bad += n
    # Symbols outside words: the usual sign of a wrong code page (e.g. "Ђ", "€", "ѓ").
    bad += sum(1 for char in _SYMBOL.findall(text) if char not in _NEUTRAL)
    bigram_share = pair_hits / pairs if pairs else 0.0
    score = good + common - 3 * bad + good * bigram_share
    return score, good, bad


def guess_cyrillic(data: bytes) -> CyrillicGuess | None:
    """Score every Cyrillic code page on (a sample of) ``data``; None if none decodes."""
    sample = data[:_SAMPLE_BYTES]
    best: tuple[float, int, int, str] | None = None
    for codec in CYRILLIC_CODECS:
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue  # cp1251 leaves 0x98 undefined: such bytes are not cp1251
        score, good, bad = _score(text)
        if best is None or score > best[0]:
            best = (score, good, bad, codec)
    if best is None:
        return None
    score, good, bad, codec = best
    plausible = good >= 3 and good >= 4 * bad and score > 0
    return CyrillicGuess(codec=codec, score=score, plausible=plausible)


def cyrillic_quality(text: str) -> float:
    """Score of one already-decoded text (same scale as CyrillicGuess.score)."""
    return _score(text[:_SAMPLE_BYTES])[0]
