"""How likely an extracted claim is right: a small logistic model over its features.

Every claim gets ``confidence`` in 0–1 at extraction. The features are the rule that found
it (``frame``), its cue lemma (the frequent ones by name, the rest as ``other``), what
kind of words its speaker is, whether it carries quotation marks, its kind, whether the
parse gives the cue a clausal complement, and how long its content is; then how the cue
sits in the parse and among the document's other claims (``confidence_features``). The
model only scores: no claim is dropped, however low. The weights in
``confidence_table`` were fitted on PolNeAR's train split by ``bench/calibrate_claims.py``
(a claim is right when its cue matches an annotated cue); no corpus text is shipped, only
the weights. How it was fitted and how well it is calibrated: docs/CLAIMS.md, Confidence.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from ...models import Claim
from .confidence_features import DocClaims, parse_features
from .confidence_table import TABLE
from .quotes import QuoteIndex

__all__ = [
    "ORPHAN_FRAME",
    "DocClaims",
    "claim_features",
    "frame_of",
    "score",
    "with_confidence",
]

ORPHAN_FRAME = "orphan-quote"
"""The frame of a quotation no cue claims (speaker unknown)."""

# ClaimParts.rule is "<path>:<lemma>" for verbs, "<finder>" for the other shapes.
_VERB_PATHS = {
    "clause": "verb-clause",
    "object": "verb-object",
    "passive": "verb-passive",
    "as_mark": "as-verb",
    "parataxis": "verb-parataxis",
    "bare": "verb-bare",
    "": "quoted-as-saying",
}
_PRONOUNS = frozenset(["i", "we", "you", "he", "she", "they", "it", "who", "someone"])
_SPEAKER_ENTITIES = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "NORP": "group",
    "LOC": "place",
}
_LENGTHS = ((3, "1-3"), (8, "4-8"), (20, "9-20"), (40, "21-40"))


def frame_of(rule: str) -> str:
    """The stable short name of the rule that produced a claim ("clause:say" →
    ``verb-clause``, "according" → ``according``, "light:make" → ``light``)."""
    if rule.startswith("taught:"):  # "taught:clause:trumpet:trumpet": read as its path
        rule = rule.removeprefix("taught:")
    head = rule.split(":", 1)[0]
    if head in _VERB_PATHS and (":" in rule or head):
        return _VERB_PATHS[head]
    return head.replace("_", "-") or "other"


def _cue_token(doc: Any, claim: Claim) -> Any | None:
    if claim.cue.end <= claim.cue.start:
        return None
    span = doc.char_span(claim.cue.start, claim.cue.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    # "according to", "took aim at", "'s decision": the word that carries the cue
    return next((t for t in span if t.pos_ in ("VERB", "NOUN", "ADJ", "ADV")), span[0])


def _speaker_span(doc: Any, claim: Claim) -> Any | None:
    if claim.speaker is None:
        return None
    span = doc.char_span(claim.speaker.start, claim.speaker.end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _speaker_type(span: Any | None) -> str:
    if span is None:
        return "none"
    root = span.root
    if root.pos_ == "PRON" or (len(span) == 1 and root.lower_ in _PRONOUNS):
        return "pronoun"
    if root.ent_type_ in _SPEAKER_ENTITIES:
        return _SPEAKER_ENTITIES[root.ent_type_]
    if root.pos_ == "PROPN":
        return "name"
    if root.pos_ in ("DET", "NUM") or not any(t.is_alpha and t.pos_ != "DET" for t in span):
        return "bare"  # "The", "One": a determiner or numeral left as the speaker
    return "common"


def claim_features(doc: Any, claim: Claim, context: DocClaims | None = None) -> list[str]:
    """The features of ``claim`` (found in ``doc``), as ``name=value`` strings; the cue
    lemma comes by name (``score`` folds the ones the table lacks into ``other``).
    ``context``: the document's quotations and claims (by default: this claim alone)."""
    frame = claim.frame or "other"
    cue = _cue_token(doc, claim)
    lemma = cue.lemma_.lower() if cue is not None else "none"
    if cue is None:
        parse = "no-cue"
    elif cue.pos_ == "VERB":
        clausal = any(c.dep_ == "ccomp" for c in cue.children)
        parse = "verb-ccomp" if clausal else "verb-no-ccomp"
    else:
        parse = "not-verb"
    speaker_span = _speaker_span(doc, claim)
    speaker = _speaker_type(speaker_span)
    quoted = "yes" if claim.quotes else "no"
    words = len(claim.content.text.split())
    length = next((name for limit, name in _LENGTHS if words <= limit), "41+")
    features = [
        f"frame={frame}",
        f"lemma={lemma}",
        f"speaker={speaker}",
        f"quotes={quoted}",
        f"kind={claim.kind}",
        f"parse={parse}",
        f"length={length}",
    ]
    if cue is not None:  # a quotation no cue claims has no parse features
        context = context if context is not None else DocClaims(doc, [claim])
        features += parse_features(claim, cue, speaker_span, frame, context)
    return features


def known(features: list[str], weights: Mapping[str, float]) -> list[str]:
    """``features`` with a cue lemma the table lacks read as ``lemma=other``."""
    return [f if f in weights or not f.startswith("lemma=") else "lemma=other" for f in features]


def score(features: list[str], table: Mapping[str, Any] = TABLE) -> float:
    """The logistic model's probability that a claim with ``features`` is right."""
    weights: Mapping[str, float] = table["weights"]
    z = float(table["bias"]) + sum(weights.get(f, 0.0) for f in known(features, weights))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def with_confidence(
    doc: Any, claims: Sequence[Claim], quotes: QuoteIndex | None = None
) -> list[Claim]:
    """``claims`` (all those of ``doc``) with their ``confidence`` set, rounded to three
    places; ``quotes``: the document's quotations, if already found."""
    context = DocClaims(doc, claims, quotes)
    return [replace(c, confidence=round(score(claim_features(doc, c, context)), 3)) for c in claims]
