"""Russian words in the full-text index in any case form: the ``stems`` column.

FTS5's tokenizer knows no Russian morphology, so ``Медведев`` would not find ``Медведева``.
Each search row carries the Snowball stems of its Cyrillic words (title and body) in a
column of their own; a Cyrillic query word is looked up there by its stem (core/search.py),
and the words of the text stay as they are for snippets. Snowball (pure Python, BSD) needs
no model at index time; natasha's lemmas would (measured on 60 factRuEval dev texts,
12k words: natasha segment + morph + lemmatise 3.4k words/s after a 0.5 s load, Snowball
64k words/s).

Snowball cuts the ``-ов``/``-ев`` of a surname in the nominative only ("медведев" →
"медвед", "медведева" → "медведев"), so a capitalised word's stem loses that ending too,
and a query word is looked up with and without it.
"""

from __future__ import annotations

import functools
import re
import threading

_CYRILLIC_WORD = re.compile(r"[\u0400-\u04FF][\w\u0300-\u036f]*")
_SURNAME_ENDINGS = ("ов", "ев", "ёв")
_local = threading.local()


def has_cyrillic(word: str) -> bool:
    return _CYRILLIC_WORD.search(word) is not None


def _stemmer() -> object:
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:  # a Snowball stemmer keeps state while it works: one per thread
        import snowballstemmer

        stemmer = _local.stemmer = snowballstemmer.stemmer("russian")
    return stemmer


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_stemmer().stemWord(word.lower().replace("ё", "е")))  # type: ignore[attr-defined]


def _cut(stem: str) -> str:
    return stem[:-2] if stem.endswith(_SURNAME_ENDINGS) and len(stem) > 4 else stem


def stems(*texts: str) -> str:
    """The stems of the Cyrillic words of ``texts``, in order, one space apart ("" if none)."""
    out: list[str] = []
    for text in texts:
        for m in _CYRILLIC_WORD.finditer(text):
            word = m.group()
            stem = _stem(word)
            out.append(_cut(stem) if word[:1].isupper() else stem)
    return " ".join(out)


def name_stems(name: str) -> str:
    """A name's words as the index stems them when capitalised, as a name's words are:
    ``Медведева``, ``Медведеву`` and ``Медведев`` are all "медвед". "" unless every word
    is Cyrillic (a Latin or hyphenated name is matched as written)."""
    words = name.split()
    if not words or not all(_CYRILLIC_WORD.fullmatch(w) for w in words):
        return ""
    return " ".join(_cut(_stem(w)) for w in words)


def query_stems(word: str) -> list[str]:
    """What a Cyrillic query word is looked up as in the ``stems`` column."""
    stem = _stem(word)
    return sorted({stem, _cut(stem)})
