"""Cues the analyst taught for one library, applied to the cues found in one parse.

``TaughtCues`` is a plain frozen value: the library reads it from its table
(core/taught_cues.py) and passes it into the analysis, which hands it to
``extract_claims``; the extractor reads no database and no global, so any process that
extracts claims extracts them with the set it was given.

- ``cues``: verb lemmas read as reporting verbs, the way "say" is read — with a clause
  ("trumpeted that ..."), a quotation beside the cue ("“...,” he trumpeted"), "as X
  trumpeted, ...", "..., X trumpeted", a passive with an agent, or an object. A lemma the
  lexicon already has is left to the lexicon's rules.
- ``never``: (lemma, object_only) pairs: a cue of that lemma makes no claim; with
  ``object_only`` only where its content is the cue's bare object ("made the proposal"),
  so "made clear that ..." still does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .lexicon import COMPLEMENT_VERB_CUES, OBJECT_DEPS, SPEECH_VERBS, VERB_CUES
from .quotes import QuoteIndex
from .tree import ClaimParts
from .verbs import verb_parts

__all__ = [
    "NO_TAUGHT",
    "TaughtCues",
    "apply_taught",
    "cue_reading",
    "is_object_frame",
    "known_verb",
    "rule_lemma",
]

READ_AS = "say"
"""A taught verb is read with the rules of this lexicon verb."""


@dataclass(frozen=True, slots=True)
class TaughtCues:
    """Attributes:
    cues: lower-cased verb lemmas to treat as reporting verbs.
    never: (lemma, object_only) pairs that never make a claim.
    """

    cues: frozenset[str] = frozenset()
    never: frozenset[tuple[str, bool]] = frozenset()

    @classmethod
    def of(cls, cues: Iterable[str] = (), never: Iterable[tuple[str, bool]] = ()) -> TaughtCues:
        return cls(
            frozenset(c.lower() for c in cues),
            frozenset((lemma.lower(), bool(only)) for lemma, only in never),
        )

    def __bool__(self) -> bool:
        return bool(self.cues or self.never)


NO_TAUGHT = TaughtCues()


def known_verb(lemma: str) -> bool:
    """The lexicon already reads ``lemma`` as a reporting verb (with or without a clause)."""
    lemma = lemma.lower()
    return lemma in VERB_CUES or lemma in COMPLEMENT_VERB_CUES or lemma in SPEECH_VERBS


def apply_taught(
    doc: Any, quotes: QuoteIndex, parts: list[ClaimParts], taught: TaughtCues
) -> list[ClaimParts]:
    """``parts`` (the lexicon's finds, in token order) with the taught verbs' added and
    the ``never`` rules' removed."""
    if not taught:
        return parts
    found = list(parts)
    if taught.cues:
        starts = {p.cue[0] for p in parts}
        for tok in doc:
            if tok.pos_ != "VERB":
                continue
            lemma = tok.lemma_.lower()
            if lemma in taught.cues and tok.idx not in starts and not known_verb(lemma):
                part = verb_parts(tok, READ_AS, quotes)
                if part is not None:
                    part.rule = f"taught:{part.rule}:{lemma}"
                    found.append(part)
        found.sort(key=lambda p: p.cue[0])
    if taught.never:
        found = [p for p in found if not _never(doc, p, taught.never)]
    return found


def _never(doc: Any, part: ClaimParts, never: frozenset[tuple[str, bool]]) -> bool:
    cue = doc.char_span(part.cue[0], part.cue[1], alignment_mode="expand")
    if cue is None or not len(cue):
        return False
    head = cue[0]
    lemma = head.lemma_.lower()
    if (lemma, False) in never:
        return True
    return (lemma, True) in never and is_object_frame(doc, head, part.content)


def is_object_frame(doc: Any, cue: Any, content: tuple[int, int]) -> bool:
    """The content is the cue verb's bare object ("made | the proposal", "hints | to the
    contrary"), not a clause or a quotation."""
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    head = root.head
    if head.dep_ == "prep" and head.head.i == cue.i and head.i < root.i and head.i != cue.i:
        return True  # "hints to | the contrary": the cue took its preposition (``spans``)
    if head.i != cue.i or root.i == cue.i:
        return False
    return root.dep_ in OBJECT_DEPS or root.dep_ in ("prep", "advmod")


def cue_reading(
    nlp: Any | None, text: str, cue: tuple[int, int], content: tuple[int, int]
) -> tuple[str, bool]:
    """(lemma, object frame) of the cue of a claim over ``text``: what a taught cue or a
    never rule would be made of. With ``nlp`` (a loaded pipeline) the cue's paragraph is
    parsed and spaCy's lemmatizer and parse say; without one a small rule does (``-ed``,
    ``-ing``, ``-s`` and the common irregular pasts), and the frame is "object" when the
    content follows the cue directly and is neither a clause nor a quotation."""
    word = text[cue[0] : cue[1]].strip()
    if nlp is not None and word:
        start = text.rfind("\n\n", 0, cue[0]) + 1
        start = max(start, cue[0] - 1500, 0)
        ends = [e for e in (text.find("\n\n", cue[1]), cue[1] + 1500) if e >= 0]
        end = min([*ends, len(text)])
        doc = nlp(text[start:end])
        span = doc.char_span(cue[0] - start, cue[1] - start, alignment_mode="expand")
        if span is not None and len(span):
            head = span[0]
            frame = is_object_frame(doc, head, (content[0] - start, content[1] - start))
            return head.lemma_.lower(), frame
    first = word.split()[0] if word else ""
    gap = text[cue[1] : content[0]] if content[0] >= cue[1] else "x"
    body = text[content[0] : content[1]].lstrip()
    opens_clause = body[:1] in "\"“‘'" or body.split(" ", 1)[0].lower() in _CLAUSE_WORDS
    return rule_lemma(first), not gap.strip() and not opens_clause


_CLAUSE_WORDS = frozenset({"that", "whether", "if", "to", "how", "why", "what", "when"})
_PASTS = {
    "said": "say", "told": "tell", "wrote": "write", "made": "make", "spoke": "speak",
    "thought": "think", "found": "find", "took": "take", "gave": "give", "saw": "see",
    "knew": "know", "held": "hold", "put": "put", "read": "read", "swore": "swear",
}  # fmt: skip
_DOUBLED = frozenset("bdgklmnprt")


def rule_lemma(word: str) -> str:
    """A verb's lemma without a model: "trumpeted" → "trumpet", "lamenting" → "lament",
    "made" → "make". Regular forms only beyond a few common irregular pasts."""
    w = word.lower().strip(".,;:!?\"'“”‘’")
    if w in _PASTS:
        return _PASTS[w]
    for suffix in ("ied", "ies"):
        if w.endswith(suffix) and len(w) > 4:
            return w[:-3] + "y"
    for suffix in ("ed", "ing"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)]
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] in _DOUBLED:
                return stem[:-1]  # "planned" → "plan"
            if stem.endswith(
                ("at", "iz", "is", "ut", "ak", "ov", "ag", "ir", "rg", "rv", "nc", "dg", "ot")
            ):
                return stem + "e"  # "stated" → "state", "urged" → "urge"
            return stem
    if w.endswith("es") and w[-3:-2] in ("s", "x", "z", "h"):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w
