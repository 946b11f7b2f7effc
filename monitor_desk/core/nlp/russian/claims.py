"""Claims — who said what — in Russian text: ``extract_claims_ru`` over a natasha ``Doc``.

The contract the Russian pipeline calls: ``doc`` is segmented, morph-tagged,
syntax-parsed and NER-tagged, its tokens lemmatised and its spans normalised; offsets
count in ``doc.text``. The claims are the English extractor's ``Claim``: speaker, the
speaker's nominative name, cue, content, kind (direct / indirect / mixed, decided by
``claims.quote_kind`` on the quotation marks) and quotes.

Unlike English, a quotation no cue claims is not kept: Russian news quotes names
(«Газпром», «Известия») far more often than it quotes speech without a cue.
"""

from __future__ import annotations

from typing import Any

from ...models import Claim, Span
from ..claims import QuoteIndex, quote_kind
from .claims_cues import (
    RuParts,
    according_cues,
    colon_quotes,
    speaker_tokens,
    verb_cues,
)
from .claims_impersonal import institution_cues, statement_cues
from .claims_quotes import quote_index_ru
from .claims_speakers import RuSpeakers
from .claims_tree import Parse, parse_of

__all__ = ["extract_claims_ru"]

_EDGE = " \t\r\n\u00a0,;:—–-."


def extract_claims_ru(doc: Any) -> list[Claim]:
    """All claims of ``doc`` (a natasha ``Doc``), in text order of their cues."""
    p = parse_of(doc)
    quotes = quote_index_ru(p.text)
    speakers = RuSpeakers(p, list(doc.spans))
    names = [(n.start, n.end) for n in speakers.named if n.type in ("PER", "ORG")]
    spans = [(n.start, n.end, n.type, n.normal) for n in speakers.named]
    parts = verb_cues(p, quotes) + according_cues(p) + statement_cues(p)
    parts += institution_cues(p, quotes, spans)
    parts += colon_quotes(p, quotes, names)
    claims: list[Claim] = []
    seen: set[tuple[int, int]] = set()
    for part in sorted(parts, key=lambda x: x.cue):
        if _in_quotation(p.text, quotes, part):
            continue  # "я считаю" inside someone's quotation is part of what they said
        claim = _build(p, quotes, speakers, part)
        if claim is None or (claim.content.start, claim.content.end) in seen:
            continue
        seen.add((claim.content.start, claim.content.end))
        claims.append(claim)
    return claims


def _in_quotation(text: str, quotes: QuoteIndex, part: RuParts) -> bool:
    inside = quotes.containing(*part.cue)
    if inside is None or part.content == inside:
        return False
    return len(text[inside[0] : inside[1]].split()) > 3


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _build(p: Parse, quotes: QuoteIndex, speakers: RuSpeakers, part: RuParts) -> Claim | None:
    text = p.text
    # A title line without a full stop reads as one sentence with the next: what was said
    # stays on the cue's line.
    line_start = text.rfind("\n", 0, part.cue[0]) + 1
    line_end = text.find("\n", part.cue[1])
    line_end = len(text) if line_end < 0 else line_end
    start, end = part.content
    start, end = _trim(text, max(start, line_start), min(end, line_end))
    if end <= start:
        return None
    speaker: Span | None = None
    name: str | None = None
    if part.speaker is not None:
        if part.speaker_chars is not None:
            s_start, s_end = part.speaker_chars
        else:
            s_start, s_end = p.chars(*speaker_tokens(p, part.speaker))
        if start <= s_start < end and not start <= part.cue[0] < end:
            return None  # a tangled parse: the speaker inside what was said
        speaker = Span(s_start, s_end, text[s_start:s_end])
        name = speakers.name(s_start, s_end, part.speaker, part.cue[0])
    own = [part.cue] + ([(speaker.start, speaker.end)] if speaker else [])
    in_quotes = quotes.inside(start, end)
    kind = "direct" if part.direct else quote_kind(text, start, end, in_quotes, own)
    return Claim(
        speaker=speaker,
        speaker_name=name,
        cue=Span(part.cue[0], part.cue[1], text[part.cue[0] : part.cue[1]]),
        content=Span(start, end, text[start:end]),
        kind=kind,
        quotes=tuple(Span(s, e, text[s:e]) for s, e in in_quotes),
        frame=f"ru-{part.rule}",  # no confidence: the calibration is English (None: unscored)
    )
