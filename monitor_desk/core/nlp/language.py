"""The language of each paragraph, and of an article: ``en``, ``ru``, another ISO 639-1
code, or ``und``.

Script first: a line whose letters are mostly Cyrillic is Russian unless the letters
and short words of Ukrainian, Belarusian, Bulgarian, Serbian or Macedonian say otherwise
(``і ї є ґ``, ``ў``, ``ђ ћ ј``, ``ѓ ќ ѕ``, Bulgarian's ``ъ`` as a vowel and no ``ы``/``э``);
Latin-script lines are English unless the stop words of a few other languages clearly
outnumber English ones. Lines with too few letters to tell take their neighbours'
language. The article's language is the one with the most letters; an analyst's override
applies to every paragraph. Only ``ANALYSED`` languages get entities and claims.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping

ENGLISH, RUSSIAN, UNDETERMINED = "en", "ru", "und"
ANALYSED = frozenset({ENGLISH, RUSSIAN})
OVERRIDES = frozenset({ENGLISH, RUSSIAN})
"""What an analyst may set an article's language to (``auto`` clears it)."""
AUTO = "auto"

NAMES = {
    "en": "English", "ru": "Russian", "uk": "Ukrainian", "be": "Belarusian",
    "bg": "Bulgarian", "sr": "Serbian", "mk": "Macedonian", "de": "German", "fr": "French",
    "es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch", "pl": "Polish",
    "cs": "Czech", "tr": "Turkish", "el": "Greek", "ar": "Arabic", "he": "Hebrew",
    "ka": "Georgian", "hy": "Armenian", "zh": "Chinese", "ja": "Japanese", "ko": "Korean",
    "und": "an undetermined language",
}  # fmt: skip

_MIN_LETTERS = 20
_WORD_RE = re.compile(r"[^\W\d_]+")
_LINE_RE = re.compile(r"[^\n]+")

# Short words frequent in one language and rare in the others of its script.
_CYRILLIC_WORDS = {
    "ru": "и в не что это как он она они на по из его но от для так был была было уже же ещё",
    "uk": "і й та що це як він вона вони від для але був була було вже ще який які з у",
    "be": "і й ці што гэта як ён яна яны ад для але быў была было ўжо яшчэ які якія з у",
    "bg": "и в не че това как той тя те на по от за но се са е който която които със във",
    "sr": "и у не да је што као он она они на по од за али се су био била било који",
}
_LATIN_WORDS = {
    "en": "the and of to in is that for on with was as by at from are this be it have has",
    "de": "der die und das ist nicht mit den von zu sich auf ein eine dem des für im auch",
    "fr": "le la les des et est une que dans pour du au sur pas ne qui il elle avec sont",
    "es": "el la los las y que de en por una con es del al se no para como su más",
    "it": "il di che e la per un non è della del sono una con si le nel alla gli",
    "pt": "o a de que não com uma os da do em para no na se por mais as dos",
    "nl": "de het een en van ik niet dat is op te zijn met voor hij aan er",
    "pl": "i w z się na nie jest że do to jak przez od po ale dla czy jego",
    "cs": "a v se na je že to s z do jako ale by jsou pro od po jeho",
    "tr": "ve bir bu da de için ile çok daha olarak gibi ama olan değil",
}
_CYR_SETS = {k: frozenset(v.split()) for k, v in _CYRILLIC_WORDS.items()}
_LAT_SETS = {k: frozenset(v.split()) for k, v in _LATIN_WORDS.items()}

_SCRIPTS = (  # (first, last code point, language) for scripts of one language here
    ("\u0370", "\u03ff", "el"), ("\u0590", "\u05ff", "he"), ("\u0600", "\u06ff", "ar"),
    ("\u10a0", "\u10ff", "ka"), ("\u0530", "\u058f", "hy"), ("\u3040", "\u30ff", "ja"),
    ("\uac00", "\ud7af", "ko"), ("\u4e00", "\u9fff", "zh"),
)  # fmt: skip


def _is_cyrillic(c: str) -> bool:
    return "\u0400" <= c <= "\u04ff"


def _cyrillic_language(text: str, letters: int) -> str:
    low = text.lower()
    counts = Counter(c for c in low if c in "іїєґўђћјѓќѕыэъ")
    share = {c: n / letters for c, n in counts.items()}

    def has(chars: str, at_least: float = 0.004) -> bool:
        return (
            sum(share.get(c, 0.0) for c in chars) >= at_least and sum(counts[c] for c in chars) >= 2
        )

    words = Counter(w for w in _WORD_RE.findall(low))
    votes = {lang: sum(words[w] for w in vocab) for lang, vocab in _CYR_SETS.items()}

    def unless_russian(lang: str) -> str:  # a Ukrainian name in a Russian sentence
        return lang if votes[lang] >= votes[RUSSIAN] else RUSSIAN

    if has("ѓќѕ"):
        return "mk"
    if has("ђћ") or (has("ј") and not has("ы")):
        return "sr"
    if has("ў"):
        return "be"
    if has("їєґ") or (has("і", 0.01) and not has("ы")):
        return unless_russian("uk")
    if has("і", 0.01) and has("ы"):
        return unless_russian("be")
    if not has("ыэ", 0.002) and (has("ъ", 0.01) or votes["bg"] > votes[RUSSIAN]):
        return "bg"
    best = max(votes, key=lambda k: votes[k])
    return best if votes[best] > votes["ru"] + 1 and best != "ru" else RUSSIAN


def _latin_language(text: str) -> str:
    words = Counter(w for w in _WORD_RE.findall(text.lower()))
    votes = {lang: sum(words[w] for w in vocab) for lang, vocab in _LAT_SETS.items()}
    best = max(votes, key=lambda k: votes[k])
    # English unless another language clearly wins: headlines and name lists stay English.
    if best != ENGLISH and votes[best] >= 3 and votes[best] > 2 * votes[ENGLISH]:
        return best
    return ENGLISH


def detect(text: str) -> str | None:
    """The language of one paragraph, or None when it has too few letters to tell."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < _MIN_LETTERS:
        return None
    cyrillic = sum(1 for c in letters if _is_cyrillic(c))
    latin = sum(1 for c in letters if c < "\u0250")
    if cyrillic >= latin and cyrillic >= 0.4 * len(letters):
        return _cyrillic_language(text, len(letters))
    if latin >= 0.5 * len(letters):
        return _latin_language(text)
    script = Counter(
        lang for c in letters for first, last, lang in _SCRIPTS if first <= c <= last
    ).most_common(1)
    return script[0][0] if script else UNDETERMINED


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for m in _LINE_RE.finditer(text, start, end):
        if m.group(0).strip():
            yield m.start(), m.end()


def paragraph_languages(
    text: str, start: int = 0, end: int | None = None, override: str | None = None
) -> list[tuple[int, int, str]]:
    """(start, end, language) runs covering the non-blank lines of ``text[start:end]``,
    neighbouring lines of one language joined; an ``override`` is every line's language."""
    end = len(text) if end is None else end
    lines = list(_lines(text, start, end))
    if override:
        return [(lines[0][0], lines[-1][1], override)] if lines else []
    found = [detect(text[s:e]) for s, e in lines]
    known = [lang for lang in found if lang]
    fallback = Counter(known).most_common(1)[0][0] if known else ENGLISH
    runs: list[tuple[int, int, str]] = []
    previous: str | None = None
    for (s, e), lang in zip(lines, found, strict=True):
        # An undecided line (a dateline, a name) belongs with the line before it, else
        # with the next decided one.
        lang = lang or previous or next((x for x in found if x), fallback)
        if runs and runs[-1][2] == lang:
            runs[-1] = (runs[-1][0], e, lang)
        else:
            runs.append((s, e, lang))
        previous = lang
    return runs


def dominant(text: str, runs: list[tuple[int, int, str]]) -> str:
    """The language with the most letters in ``runs`` (English for a text without any)."""
    letters: Counter[str] = Counter()
    for s, e, lang in runs:
        letters[lang] += sum(1 for c in text[s:e] if c.isalpha())
    return letters.most_common(1)[0][0] if letters else ENGLISH


def article_language(text: str, body_start: int = 0) -> str:
    return dominant(text, paragraph_languages(text, body_start))


def language_name(code: str) -> str:
    return NAMES.get(code, code)


def no_analysis_message(code: str) -> str:
    """What the reader says about a language that gets no entities or claims."""
    return f"No analysis for {language_name(code)} yet."


OVERRIDE_KEY = "monitor-desk:language"
"""The metadata key under which the library hands an article's language override to the
analysis (no header can make it: header keys are words)."""


def with_override(metadata: Mapping[str, str], override: str | None) -> Mapping[str, str]:
    """The metadata handed to the analysis of an article whose language the analyst set."""
    return {**metadata, OVERRIDE_KEY: override} if override else metadata


def override_of(metadata: Mapping[str, str]) -> str | None:
    value = metadata.get(OVERRIDE_KEY)
    return value if value in OVERRIDES else None


def only_language(text: str, runs: list[tuple[int, int, str]], language: str) -> str | None:
    """``text`` with every line not in ``language`` blanked (spaces; line breaks kept, so
    offsets and paragraphs hold), or None when no line is in it."""
    mine = [(s, e) for s, e, lang in runs if lang == language]
    if not mine:
        return None
    if len(mine) == len(runs):
        return text
    out = [c if c == "\n" else " " for c in text]
    for s, e in mine:
        out[s:e] = text[s:e]
    return "".join(out)
