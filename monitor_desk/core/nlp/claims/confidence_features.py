"""The parse features of the claim confidence model: how the cue sits in its sentence.

``confidence.claim_features`` gives each claim a few features of its own (frame, lemma,
speaker, quotes, kind, length); these add what the parse and the document's other claims
say about the cue: the cue lemma within its frame, the cue's dependency label, its head's
part of speech and its tag, a negation or a modal on it, whether it sits in a relative
clause, a question, a conditional or a quotation, an ``it``/``there`` subject or none, the
article's first sentence, the word the content opens with, the speaker's entity label, how
many claims the sentence has, and whether another claim's cue lies inside this claim's
content. Never whether this claim lies inside another's content: a nested attribution is
right for the analyst even where the training corpus leaves it unlabelled. Plain Python,
a few token lookups per claim.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

from ...models import Claim
from .quotes import QuoteIndex

__all__ = ["DocClaims", "parse_features"]

_IT_SUBJECTS = frozenset(["it", "there"])
_SUBJECT_DEPS = frozenset(["nsubj", "nsubjpass", "expl"])
_RELATIVE_DEPS = frozenset(["relcl", "acl"])
_CONDITIONAL_MARKS = frozenset(["if", "unless"])
_OPENERS = frozenset(["that", "to", "if", "whether"])
_QUOTE_EDGES = "\"“‘'"
_CLOSING = "\"”’'"
_MOST_IN_SENTENCE = 3


class DocClaims:
    """What the features of one claim need from the rest of its document: the quotations
    and where the cues of all its claims start.

    Attributes:
        quotes: the document's quotations.
    """

    def __init__(self, doc: Any, claims: Sequence[Claim], quotes: QuoteIndex | None = None):
        self.quotes = quotes if quotes is not None else QuoteIndex(doc.text)
        self._cue_starts = sorted(c.cue.start for c in claims if c.cue.end > c.cue.start)

    def cues_within(self, start: int, end: int) -> int:
        """How many claims have their cue starting in ``[start, end)``."""
        return bisect.bisect_left(self._cue_starts, end) - bisect.bisect_left(
            self._cue_starts, start
        )


def parse_features(
    claim: Claim, cue: Any, speaker: Any | None, frame: str, context: DocClaims
) -> list[str]:
    """The parse features of ``claim`` whose cue word is the token ``cue`` and whose
    speaker is the span ``speaker`` (or ``None``), as ``name=value`` strings."""
    lemma = cue.lemma_.lower()
    out = [
        f"lemma_frame={lemma}|{frame}",
        f"dep={cue.dep_}",
        f"head={'ROOT' if cue.head is cue else cue.head.pos_}",
        f"tag={cue.tag_}",
    ]
    children = list(cue.children)
    if any(c.dep_ == "neg" for c in children):
        out.append("negated=yes")
    if any(c.tag_ == "MD" for c in children):
        out.append("modal=yes")
    if context.quotes.containing(claim.cue.start, claim.cue.end) is not None:
        out.append("in_quote=yes")
    sent = cue.sent
    if sent.text.rstrip().rstrip(_CLOSING).endswith("?"):
        out.append("question=yes")
    line = [cue, *cue.ancestors]
    if any(t.dep_ in _RELATIVE_DEPS for t in line):
        out.append("relative=yes")
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for t in line for c in t.children):
        out.append("conditional=yes")
    subjects = [c for c in children if c.dep_ in _SUBJECT_DEPS]
    if any(c.lower_ in _IT_SUBJECTS for c in subjects):
        out.append("it_subject=yes")
    if not subjects:
        out.append("no_subject=yes")
    if sent.start == 0:
        out.append("first_sentence=yes")
    words = claim.content.text.split(maxsplit=1)
    opener = words[0].lower().strip(_QUOTE_EDGES) if words else ""
    if opener in _OPENERS:
        out.append(f"opens={opener}")
    in_sentence = context.cues_within(sent.start_char, sent.end_char)
    out.append(f"claims_in_sentence={min(in_sentence, _MOST_IN_SENTENCE)}")
    # another claim's cue inside this one's content ("said that X denied ..."); the claim's
    # own cue is not another's
    inside = context.cues_within(claim.content.start, claim.content.end)
    if claim.content.start <= claim.cue.start < claim.content.end:
        inside -= 1
    if inside > 0:
        out.append("cue_in_content=yes")
    if speaker is not None:
        out.append(f"speaker_entity={speaker.root.ent_type_ or 'none'}")
    return out
