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


@functools.lru_cache(maxsize=1)
def natasha_version() -> str:
    """Read once: an upgrade takes a restart, and ``reanalyze --stale`` asks per article."""
    try:
        return version("natasha")
    except PackageNotFoundError:  # a frozen app without the metadata
        return "0"


@functools.lru_cache(maxsize=1)
def _load() -> RussianPipeline:
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    from .morph import morph_vocab

    emb = NewsEmbedding()
    models = NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)
    _share_vocabulary(emb, models)
    return RussianPipeline(Segmenter(), morph_vocab(), *models, natasha_version())


def _share_vocabulary(emb: Any, models: tuple[Any, ...]) -> None:
    """Each slovnet model loads its own copy of the embedding's 250,000-word vocabulary
    (~45 MB of Python strings and dict each); they are the embedding's words in its order,
    so all three are given the embedding's own (RSS of the loaded pipeline 190 → ~135 MB).
    A model whose vocabulary differs keeps its own."""
    import gc

    from slovnet.vocab import Vocab

    words = emb.vocab
    shared = Vocab.__new__(Vocab)
    shared.items, shared.item_ids = words.words, words.word_ids
    shared.unk_id, shared.pad_id = words.unk_id, words.pad_id
    for model in models:
        encoder = model.infer.encoder
        own = encoder.words_vocab
        same_ids = (own.unk_id, own.pad_id) == (shared.unk_id, shared.pad_id)
        if type(own) is Vocab and same_ids and own.items == shared.items:
            encoder.words_vocab = shared
    gc.collect()


def load_russian() -> RussianPipeline:
    """The Russian pipeline, loaded on first use (thread-safe; about a second)."""
    with _lock:
        return _load()
