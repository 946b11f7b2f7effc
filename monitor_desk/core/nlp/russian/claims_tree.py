"""A natasha ``Doc`` as flat token arrays with heads and children, and the word lists of
the Russian claim finders.

natasha numbers tokens per sentence (``"3_7"``, head ``"3_0"`` for the root); here every
token gets one index into the document, so finders walk the tree without string ids.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Reporting verbs by lemma, both aspects (pymorphy2 lemmas spell ё as е).
SPEECH_VERBS = _words(
    """заявить заявлять сообщить сообщать сказать говорить подчеркнуть подчеркивать
    отметить отмечать предупредить предупреждать считать опровергнуть опровергать
    заверить заверять пояснить пояснять добавить добавлять признать признавать
    утверждать объявить объявлять назвать называть заметить замечать уточнить уточнять
    указать указывать напомнить напоминать подтвердить подтверждать рассказать
    рассказывать ответить отвечать пообещать обещать полагать настаивать отрицать
    констатировать возразить возражать признаться передать передавать
    писать написать сообщить"""
)
# Verbs whose "о …" object is what was said ("сообщил о своей отставке"); "говорил о
# проблемах" names a topic, not a statement.
ABOUT_VERBS = _words(
    """заявить заявлять сообщить сообщать объявить объявлять предупредить предупреждать
    заверить заверять"""
)
NAMING_VERBS = frozenset({"назвать", "называть"})
# "по словам X", "по мнению X", "по данным X": the noun after "по".
ACCORDING_NOUNS = _words(
    """слово мнение данные информация сведение сведения оценка утверждение заявление"""
)
# "в заявлении X говорится, что …": the document noun and the impersonal verb.
STATEMENT_NOUNS = _words("""заявление сообщение коммюнике документ письмо обращение резолюция""")
IMPERSONAL_VERBS = _words(
    """говориться сказать отмечаться подчеркиваться указываться сообщаться
    утверждаться"""
)
COMPLEMENTIZERS = frozenset({"что", "будто", "якобы", "чтобы"})
# "В Кремле заявили, что …": the nouns of the bodies that speak without a subject, by
# lemma; any ORG span speaks too. A city or a country ("В Москве заявили") does not: it
# names where something was said, not who said it.
INSTITUTION_NOUNS = _words(
    """министерство ведомство мид минобороны минфин минздрав минюст минэнерго минтранс
    минэкономразвития минпромторг минсельхоз минобрнауки мвд мчс фсб свр генштаб
    правительство кабмин администрация мэрия правление полиция милиция прокуратура
    генпрокуратура суд штаб пресс-служба служба аппарат канцелярия секретариат
    посольство консульство представительство компания корпорация концерн холдинг банк
    центробанк цб партия фракция кремль госдума дума совфед парламент сенат конгресс
    комитет комиссия избирком центризбирком цик департамент управление руководство
    окружение пентагон госдеп госдепартамент профсоюз больница дирекция пресс-центр
    смольный ес евросоюз еврокомиссия нато оон"""
)
# Institutions named by a place of several words, as natasha normalises their LOC spans.
INSTITUTION_PLACES = frozenset({"белый дом", "елисейский дворец"})


@dataclass(slots=True)
class Parse:
    """Tokens of one document with document-wide indexes."""

    text: str
    starts: list[int] = field(default_factory=list)
    stops: list[int] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    pos: list[str] = field(default_factory=list)
    feats: list[dict[str, str]] = field(default_factory=list)
    rels: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    """The head's index, -1 for a sentence root."""
    sents: list[tuple[int, int]] = field(default_factory=list)
    """(first, last) token of each sentence, inclusive."""
    sent_of: list[int] = field(default_factory=list)
    children: list[list[int]] = field(default_factory=list)

    def subtree(self, i: int) -> tuple[int, int]:
        """(first, last) token of ``i``'s subtree (projective enough for spans)."""
        first = last = i
        stack, seen = [i], {i}
        while stack:
            for c in self.children[stack.pop()]:
                if c not in seen:  # the parser's heads can form a cycle
                    seen.add(c)
                    first, last = min(first, c), max(last, c)
                    stack.append(c)
        return first, last

    def child(self, i: int, *rels: str) -> int | None:
        return next((c for c in self.children[i] if self.rels[c] in rels), None)

    def bounds(self, i: int) -> tuple[int, int]:
        """(first, last) token of ``i``'s sentence on ``i``'s line: a title line without a
        full stop is not part of the sentence under it."""
        first, last = self.sents[self.sent_of[i]]
        while first < i and "\n" in self.text[self.starts[first] : self.starts[i]]:
            first += 1
        while last > i and "\n" in self.text[self.stops[i] : self.stops[last]]:
            last -= 1
        return first, last

    def tokens_in(self, start: int, end: int) -> range:
        """The tokens that start inside ``[start, end)`` (characters)."""
        return range(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end))

    def chars(self, first: int, last: int) -> tuple[int, int]:
        return self.starts[first], self.stops[last]


def parse_of(doc: Any) -> Parse:
    """The flat ``Parse`` of a natasha ``Doc`` (segmented, tagged, parsed, lemmatised)."""
    p = Parse(doc.text)
    for s, sent in enumerate(doc.sents):
        base = len(p.starts)
        ids = {tok.id: base + k for k, tok in enumerate(sent.tokens)}
        for tok in sent.tokens:
            p.starts.append(tok.start)
            p.stops.append(tok.stop)
            p.words.append(tok.text)
            p.lemmas.append((tok.lemma or tok.text.lower()).replace("ё", "е"))
            p.pos.append(tok.pos or "")
            p.feats.append(dict(tok.feats or {}))
            p.rels.append(tok.rel or "")
            p.heads.append(ids.get(tok.head_id, -1))
            p.sent_of.append(s)
        p.sents.append((base, len(p.starts) - 1))
    p.children = [[] for _ in p.starts]
    for i, h in enumerate(p.heads):
        if h >= 0 and h != i:
            p.children[h].append(i)
    return p
