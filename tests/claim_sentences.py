"""What the English claims tests share: the claims of a sentence written for a test, every
span checked against the text (the model is the ``nlp`` fixture of ``conftest.py``)."""

from __future__ import annotations

from typing import Any

from monitor_desk.core.models import Claim


def claims_of(nlp: Any, text: str) -> list[Claim]:
    """The claims of ``text``; each of their spans is the text at its offsets."""
    from monitor_desk.core.nlp.claims import extract_claims

    claims = extract_claims(nlp(text))
    for claim in claims:
        spans = [claim.cue, claim.content, *claim.quotes]
        if claim.speaker is not None:
            spans.append(claim.speaker)
        for span in spans:
            assert span.text == text[span.start : span.end]
    return claims


def cues(claims: list[Claim]) -> list[str]:
    return [c.cue.text for c in claims]


def by_cue(claims: list[Claim], cue: str) -> Claim:
    """The first claim whose cue starts with ``cue`` (any case)."""
    found = [c for c in claims if c.cue.text.lower().startswith(cue)]
    assert found, f"no claim with cue {cue!r} in {cues(claims)}"
    return found[0]
