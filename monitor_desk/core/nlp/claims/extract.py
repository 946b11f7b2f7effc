"""Claims — who said what — from one parsed document.

A claim is an attribution: a cue (a reporting verb such as "said", a noun such as
"assertion", or "according to"), its speaker (the cue's subject, resolved to a name) and
its content (the clause, object or quotation attributed). ``kind`` tells whether the
content is a quotation (``direct``), a paraphrase (``indirect``) or a paraphrase with a
quoted fragment (``mixed``).

One pass over the tokens finds the cues (set lookups on lemmas); the dependency parse
gives speaker and content; quotation marks are found on the characters, so a quote that
runs over several sentences stays whole. Quotations that no cue claims are kept as
claims without a speaker and with an empty cue at the opening mark.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from ...models import Claim, Span
from ..paragraphs import PARAGRAPH_BREAK
from .confidence import ORPHAN_FRAME, frame_of, with_confidence
from .parts import ClaimParts, find_parts
from .quotes import EDGE_PUNCT, QuoteIndex, blank_spans, quote_kind
from .senses import introduces_speaker
from .spans import both_sides_of_aside, object_before_clause
from .speakers import DescribedSpeakers, SpeakerResolver
from .taught import NO_TAUGHT, TaughtCues, apply_taught

__all__ = ["extract_claims", "quote_kind"]

_CLAUSE_POS = frozenset({"VERB", "AUX"})
_FULL_STOPS = frozenset({".", "!", "?"})
_PARAGRAPH_QUOTE_WORDS = 5


def extract_claims(doc: Any, taught: TaughtCues = NO_TAUGHT) -> list[Claim]:
    """All claims of ``doc`` (a spaCy ``Doc``), in text order of their cues; ``taught``:
    the cues the analyst taught for the library (``taught``)."""
    text: str = doc.text
    quotes = QuoteIndex(text)
    resolver = SpeakerResolver(doc)
    described = DescribedSpeakers(resolver)
    parts = apply_taught(doc, quotes, find_parts(doc, quotes), taught)
    claims: list[Claim] = []
    taken: list[tuple[int, int]] = []
    cue_starts = sorted(p.cue[0] for p in parts)
    seen_contents: set[tuple[int, int]] = set()
    # "I think" inside a quotation belongs to the quoted speech: no claim of its own, and
    # no outer claim that would swallow the cue reporting the quotation.
    parts = [p for p in parts if not _in_quotation(text, quotes, p)]
    # "said Ana Ruiz, a delegate who backs Lund": the backing names the speaker
    parts = [p for p in parts if not introduces_speaker(p, parts)]
    for part in _drop_nested(parts):
        if part.content in seen_contents:
            continue  # "quoted X as saying that ...": one claim, not two
        seen_contents.add(part.content)
        # after nesting: an object or the far side of an aside is what the claim is about,
        # not a frame that would hold the cues in it
        object_before_clause(doc, part)
        both_sides_of_aside(doc, part)
        # a speaker named inside someone else's claim ("Davies said that for the minister
        # to claim ...") is not who a later "he" means
        nested = any(s <= part.cue[0] < e for s, e in taken)
        claim = _build(
            part, text, quotes, resolver, cue_starts, described, nested, _sentence_end(doc, part)
        )
        if claim is not None:
            claims.append(claim)
            taken.append((claim.content.start, claim.content.end))
    claims.extend(_orphan_quotes(doc, text, quotes, taken, claims))
    claims.sort(key=lambda c: (c.cue.start, c.content.start))
    return with_confidence(doc, claims, quotes)


def _in_quotation(text: str, quotes: QuoteIndex, part: ClaimParts) -> bool:
    inside = quotes.containing(*part.cue)
    return inside is not None and len(text[inside[0] : inside[1]].split()) > 3


def _drop_nested(parts: list[ClaimParts]) -> list[ClaimParts]:
    """Keep the outermost attribution when one cue sits inside another's content."""
    kept = []
    for part in parts:
        nested = any(
            other is not part
            and (not part.strong or other.absorbs)
            and other.content[0] <= part.cue[0]
            and part.cue[1] <= other.content[1]
            and not (part.content[0] <= other.cue[0] < part.content[1])
            for other in parts
        )
        if not nested:
            kept.append(part)
    return kept


def _build(
    part: ClaimParts,
    text: str,
    quotes: QuoteIndex,
    resolver: SpeakerResolver,
    cue_starts: list[int],
    described: DescribedSpeakers,
    nested: bool = False,
    sentence_end: int | None = None,
) -> Claim | None:
    start, end = _trim(text, *_within_paragraph(text, quotes, part.cue, part.content))
    start = _after_dateline(text, start, end)
    if end <= start:
        return None
    # Content inside a quotation (or reaching into one) takes the whole quotation.
    for q_start, q_end in quotes.inside(start, end):
        if q_start < start < q_end or q_start < end < q_end:
            if part.cue[0] >= q_start and part.cue[1] <= q_end:
                continue  # the cue is inside this quote: do not swallow it
            start, end = min(start, q_start), max(end, q_end)
    # A citation or aside cut in half ("... there (Reuters,"): end before its bracket.
    bracket = text.rfind("(", start, end)
    if bracket > start and text.find(")", bracket, end) < 0:
        start, end = _trim(text, start, bracket)
    speaker: Span | None = None
    speaker_name: str | None = None
    if part.speaker is not None:
        s_start, s_end = _trim(
            text, *_within_paragraph(text, quotes, part.cue, _chars(part.speaker))
        )
        if s_start <= part.cue[0] < s_end:  # a tangled parse: who speaks comes before
            s_start, s_end = _trim(text, s_start, part.cue[0])
        if s_end > s_start and not _only_quoted(text, s_start, s_end, quotes):
            speaker = Span(s_start, s_end, text[s_start:s_end])
            said_by = part.speaker
            if s_start > said_by.start_char or s_end < said_by.end_char - 1:
                # cut at a paragraph or at the cue: name what is left
                said_by = said_by.doc.char_span(s_start, s_end, alignment_mode="expand")
            speaker_name = described.name(said_by, resolver.resolve(said_by), record=not nested)
    if speaker is None and part.rule.startswith("light"):
        return None  # "… raised some question": an event, unless someone raised it
    # Text of the attribution itself ("he said") between quotations is not paraphrase.
    own = [part.cue] + ([(speaker.start, speaker.end)] if speaker is not None else [])
    in_quotes = quotes.inside(start, end)
    kind = quote_kind(text, start, end, in_quotes, own)
    # "Still, the fees are ''too high'' for boats, she said. ''Nobody can pay them.''": a
    # paraphrase with a quotation, before its cue, goes on like a direct quotation
    mixed_before = kind == "mixed" and end <= part.cue[0]
    if kind == "direct" or mixed_before:
        start, end = min(start, in_quotes[0][0]), max(end, in_quotes[-1][1])
        # "“We won,” she said after the count. “And we will again.”": the rest of the
        # attribution's sentence does not end her quotation (a quotation inside it does:
        # "…, calling the plan ''brilliant.''")
        said = (end, sentence_end) if sentence_end and end <= part.cue[0] < sentence_end else None
        end = _continued_quotes(text, quotes, end, own, cue_starts, said)
        in_quotes = quotes.inside(start, end)
    cue = Span(part.cue[0], part.cue[1], text[part.cue[0] : part.cue[1]])
    return Claim(
        speaker=speaker,
        speaker_name=speaker_name,
        cue=cue,
        content=Span(start, end, text[start:end]),
        kind=kind,
        quotes=tuple(Span(s, e, text[s:e]) for s, e in in_quotes),
        frame=frame_of(part.rule),
    )


_DETERMINERS = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our"]
)


def _only_quoted(text: str, start: int, end: int, quotes: QuoteIndex) -> bool:
    """A "speaker" that is a quoted phrase ('the “cornerstone of stability”') is a misparse:
    quoted words do not speak, and no speaker beats a wrong one."""
    inside = quotes.inside(start, end)
    if not inside:
        return False
    rest, pos = [], start
    for q0, q1 in inside:
        rest.append(text[pos : max(pos, q0)])
        pos = max(pos, q1)
    rest.append(text[pos:end])
    words = "".join(rest).lower().split()
    return all(w.strip(".,;:'\"“”‘’") in _DETERMINERS for w in words)


def _continued_quotes(
    text: str,
    quotes: QuoteIndex,
    end: int,
    own: list[tuple[int, int]],
    cue_starts: list[int],
    said: tuple[int, int] | None = None,
) -> int:
    """Extend a direct quotation over the quotations that continue it in its paragraph.

    "“We won,” she said. “And we will win again.”": the second quotation is hers too,
    unless another cue follows it ("“Yes,” he said. “No,” she replied."). ``said``: the
    rest of the attribution's sentence, passed over by a quotation that starts after it.
    """
    for q_start, q_end in quotes.inside(end, len(text)):
        if q_start < end:
            continue
        cut = [*own, said] if said is not None and q_start >= said[1] else own
        gap = blank_spans(text, end, q_start, cut)
        line_end = text.find("\n", q_end)
        if gap.strip(EDGE_PUNCT) or (
            "\n" in gap and not _whole_paragraph(text, gap, (q_start, q_end), line_end)
        ):
            break
        limit = min(q_end + 60, line_end if line_end >= 0 else len(text))
        i = bisect.bisect_left(cue_starts, q_end)
        if i < len(cue_starts) and cue_starts[i] < limit:
            break
        end = q_end
    return end


def _whole_paragraph(text: str, gap: str, quote: tuple[int, int], line_end: int) -> bool:
    """A quotation after one paragraph break that is a whole paragraph of sentences: what
    the speaker of the paragraph before went on to say (not a shout from the crowd)."""
    rest = text[quote[1] : line_end if line_end >= 0 else len(text)]
    return (
        gap.count("\n") <= 2
        and not gap.rsplit("\n", 1)[-1].strip()
        and not rest.strip(EDGE_PUNCT)
        and len(text[quote[0] : quote[1]].split()) >= _PARAGRAPH_QUOTE_WORDS
    )


def _sentence_end(doc: Any, part: ClaimParts) -> int | None:
    """Where the sentence of ``part``'s cue ends: its first full stop after the cue (the
    parser often puts the opening mark of the next quotation in the sentence); None when
    someone else is the subject of a clause in the rest of it."""
    cue = doc.char_span(*part.cue, alignment_mode="expand")
    if cue is None or not len(cue):
        return None
    sent = cue.sent
    stop = next((t for t in doc[cue.end : sent.end] if t.text in _FULL_STOPS), None)
    last = stop.i if stop is not None else sent.end - 1
    speaker = range(part.speaker.start, part.speaker.end) if part.speaker is not None else ()
    if any(
        t.dep_ in ("nsubj", "nsubjpass") and t.i not in speaker for t in doc[cue.end : last + 1]
    ):
        return None  # "…,” she said, and her husband cut in.": someone else speaks next
    return doc[last].idx + len(doc[last].text)


def _chars(span: Any) -> tuple[int, int]:
    return span.start_char, span.end_char


# A dateline opening a paragraph: "DENVER, March 2 - ", "FULLERTON, Calif., March 2 - ",
# "WASHINGTON (Reuters) - ", "TALLAHASSEE — ".
_DATELINE = re.compile(
    r"[A-Z][A-Z.'\- ]{2,30}(?:,\s*[A-Z][A-Za-z.'\- ]{1,30})?"
    r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([A-Za-z ]+\))?\s*[-–—]+\s+"
)


def _after_dateline(text: str, start: int, end: int) -> int:
    """Where the content starts once a dateline opening its paragraph is left out."""
    if start > 0 and text[start - 1] not in "\n":
        return start
    m = _DATELINE.match(text, start, end)
    return m.end() if m else start


def _within_paragraph(
    text: str, quotes: QuoteIndex, cue: tuple[int, int], content: tuple[int, int]
) -> tuple[int, int]:
    """Cut a parsed content at the blank lines around its cue's paragraph.

    A title or dateline without a full stop runs into the first sentence for the
    sentencizer ("JAPAN EYEING STOCKS\n\nTOKYO, Feb 27 - ... fund managers said"); what
    someone said stays in the cue's paragraph, unless a quotation carries it over.
    """
    start, end = content
    before = [m.end() for m in PARAGRAPH_BREAK.finditer(text, start, cue[0])]
    if before and not quotes.inside(start, before[-1]):
        start = max(start, before[-1])
    after = PARAGRAPH_BREAK.search(text, cue[1], end)
    if after is not None and not quotes.inside(after.start(), end):
        end = min(end, after.start())
    if not any(ch.isalnum() for ch in text[start:end]):
        # all of it beyond the paragraph: "Wallnau wrote:⏎⏎I think ...", or a cue opening
        # a paragraph that reports the one before
        return content
    return start, end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past whitespace and edge punctuation (blanked text included)."""
    while start < end and text[start] in EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCT:
        # keep a sentence's final stop when it sits inside a closing quote: «.”»
        if text[end - 1] in ".?!" and end < len(text) and text[end] in '”"':
            break
        end -= 1
    return start, end


def _orphan_quotes(
    doc: Any, text: str, quotes: QuoteIndex, taken: list[tuple[int, int]], claims: list[Claim]
) -> list[Claim]:
    """Quotations of a sentence or more that no cue attributed: speaker unknown."""
    orphans = []
    for q_start, q_end in quotes.spans:
        span = doc.char_span(q_start, q_end, alignment_mode="contract")
        if span is None or len(span) < 5 or not any(t.pos_ in _CLAUSE_POS for t in span):
            continue  # a scare-quoted phrase or a title, not a statement
        if any(s <= q_start and q_end <= e for s, e in taken):
            continue
        if any(c.cue.start >= q_start and c.cue.end <= q_end for c in claims):
            continue
        quote = Span(q_start, q_end, text[q_start:q_end])
        orphans.append(
            Claim(
                speaker=None,
                speaker_name=None,
                cue=Span(q_start, q_start, ""),
                content=quote,
                kind="direct",
                quotes=(quote,),
                frame=ORPHAN_FRAME,
            )
        )
    return orphans
