"""A natasha ``Doc`` ready for ``extract_claims_ru`` (segmented, tagged, parsed, NER,
lemmatised, normalised), for the Russian benchmarks.

pymorphy2 0.9.1 (natasha's ``MorphVocab``) imports ``pkg_resources`` and calls
``inspect.getargspec``, both gone from our Python; the shims below stand in until the
product's Russian pipeline loader (core/nlp/russian, engineer F) replaces them.
"""

from __future__ import annotations

import functools
import inspect
import os
import sys
import types
import warnings
from collections.abc import Callable
from typing import Any


def _shim() -> None:
    import pymorphy2_dicts_ru

    os.environ.setdefault("PYMORPHY2_DICT_PATH", pymorphy2_dicts_ru.get_path())
    sys.modules.setdefault("pkg_resources", types.ModuleType("pkg_resources"))
    if not hasattr(inspect, "getargspec"):

        def getargspec(func: Any) -> tuple[Any, ...]:
            spec = inspect.getfullargspec(func)
            return spec.args, spec.varargs, spec.varkw, spec.defaults

        inspect.getargspec = getargspec  # type: ignore[attr-defined]


@functools.lru_cache(maxsize=1)
def russian_parser() -> Callable[[str], Any]:
    """``parse(text) -> natasha.Doc``; the models load once."""
    _shim()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from natasha import (
            Doc,
            MorphVocab,
            NewsEmbedding,
            NewsMorphTagger,
            NewsNERTagger,
            NewsSyntaxParser,
            Segmenter,
        )

        morph_vocab = MorphVocab()
        segmenter = Segmenter()
        emb = NewsEmbedding()
        morph, syntax, ner = NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)

    def parse(text: str) -> Any:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        doc.tag_ner(ner)
        for token in doc.tokens:
            token.lemmatize(morph_vocab)
        for span in doc.spans:
            span.normalize(morph_vocab)
        return doc

    return parse
