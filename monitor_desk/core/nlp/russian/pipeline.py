"""natasha's news models, loaded once, on the first Russian paragraph.

``parse`` runs the whole chain the claims extractor and the entities need: segment
(razdel) → morphology → syntax → NER (slovnet, over the navec news embedding), then each
token lemmatised and each entity span normalised (``Медведева`` → ``Медведев``). Offsets
are those of ``doc.text``, the text given.
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from typing import Any

NAME = "natasha"
_lock = threading.Lock()


@dataclass(frozen=True)
class RussianPipeline:
    """The loaded natasha models.

    Attributes:
        segmenter, morph_vocab, morph_tagger, syntax_parser, ner_tagger: natasha's parts.
        version: natasha's version (stored beside the English model's name).
    """

    segmenter: Any
    morph_vocab: Any
    morph_tagger: Any
    syntax_parser: Any
    ner_tagger: Any
    version: str

    def parse(self, text: str) -> Any:
        """A natasha ``Doc`` of ``text``: segmented, tagged, parsed, NER-tagged, tokens
        lemmatised and entity spans normalised."""
        from natasha import Doc

        doc = Doc(text)
        doc.segment(self.segmenter)
        doc.tag_morph(self.morph_tagger)
        doc.parse_syntax(self.syntax_parser)
        doc.tag_ner(self.ner_tagger)
        for token in doc.tokens:
            token.lemmatize(self.morph_vocab)
        for span in doc.spans:
            span.normalize(self.morph_vocab)
        return doc


def natasha_version() -> str:
    try:
        return version("natasha")
    except PackageNotFoundError:  # a frozen app without the metadata
        return "0"


@functools.lru_cache(maxsize=1)
def _load() -> RussianPipeline:
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    from .morph import morph_vocab

    emb = NewsEmbedding()
    return RussianPipeline(
        Segmenter(),
        morph_vocab(),
        NewsMorphTagger(emb),
        NewsSyntaxParser(emb),
        NewsNERTagger(emb),
        natasha_version(),
    )


def load_russian() -> RussianPipeline:
    """The Russian pipeline, loaded on first use (thread-safe; about a second)."""
    with _lock:
        return _load()
