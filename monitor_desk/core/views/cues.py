"""A reporting verb's inflections ("say" -> said, says, saying), so that the claims view
filters by the lemma of a cue without a language model at query time."""

from __future__ import annotations

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written"),
    "speak": ("spoke", "spoken"),
    "think": ("thought",),
    "find": ("found",),
    "swear": ("swore", "sworn"),
    "know": ("knew", "known"),
    "understand": ("understood",),
    "seek": ("sought",),
    "hear": ("heard",),
    "feel": ("felt",),
    "mean": ("meant",),
    "hold": ("held",),
    "teach": ("taught",),
    "forget": ("forgot", "forgotten"),
    "foresee": ("foresaw", "foreseen"),
    "see": ("saw", "seen"),
    "give": ("gave", "given"),
    "make": ("made",),
    "take": ("took", "taken"),
    "show": ("shown",),
    "bet": ("bet",),
    "forecast": ("forecast",),
    "read": ("read",),
    "put": ("put",),
    "lead": ("led",),
    "bring": ("brought",),
    "get": ("got", "gotten"),
}
_VOWELS = "aeiou"


def inflections(lemma: str) -> list[str]:
    """The forms of a (lower-cased) verb or noun cue: itself, -s/-es, -ed/-d, -ing, the
    doubled-consonant and y/ie spellings, and the irregular past forms."""
    word = " ".join(lemma.split()).casefold()
    if not word:
        return []
    if " " in word:
        return [word]
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        forms.add(word[:-1] + "ing")
    if word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if word.endswith("ie"):
        forms.add(word[:-2] + "ying")
    if len(word) > 2 and word[-1] not in _VOWELS + "wxy" and word[-2] in _VOWELS:
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    forms.update(_IRREGULAR.get(word, ()))
    return sorted(forms)
