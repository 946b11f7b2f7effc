"""A natasha parser for the Russian tests, loaded once per session.

pymorphy2 0.9.1 (natasha's ``MorphVocab``) imports ``pkg_resources`` and calls
``inspect.getargspec``, both gone from our Python: the shims below stand in until the
product's Russian pipeline loader (core/nlp/russian, engineer F) replaces this helper.
"""

from __future__ import annotations

import inspect
import os
import sys
import types
import warnings
from collections.abc import Callable
from typing import Any

import pytest


def _shim() -> None:
    import pymorphy2_dicts_ru

    os.environ.setdefault("PYMORPHY2_DICT_PATH", pymorphy2_dicts_ru.get_path())
    sys.modules.setdefault("pkg_resources", types.ModuleType("pkg_resources"))
    if not hasattr(inspect, "getargspec"):

        def getargspec(func: Any) -> tuple[Any, ...]:
            spec = inspect.getfullargspec(func)
            return spec.args, spec.varargs, spec.varkw, spec.defaults

        inspect.getargspec = getargspec  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def ru_parse() -> Callable[[str], Any]:
    """``parse(text)``: a natasha ``Doc`` as the Russian pipeline hands it to the claims
    extractor (segmented, morph-tagged, parsed, NER-tagged, lemmatised, normalised)."""
    natasha = pytest.importorskip("natasha")
    _shim()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        morph_vocab = natasha.MorphVocab()
        segmenter = natasha.Segmenter()
        emb = natasha.NewsEmbedding()
        morph = natasha.NewsMorphTagger(emb)
        syntax = natasha.NewsSyntaxParser(emb)
        ner = natasha.NewsNERTagger(emb)

    def parse(text: str) -> Any:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            doc = natasha.Doc(text)
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
