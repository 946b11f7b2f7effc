"""Group mentions of the same entity: "Ivanov" and "Ivanov’s" join "Igor Ivanov".

A person's canonical name is the longest full form in the article (for Russian, of the
normal forms: the nominative); a surname alone joins
the most recent full name with that surname, else the only one. Other entities cluster on
their normalised text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..models import EntityMention

_POSSESSIVE_RE = re.compile(r"['’]s?$")


def normalize_name(text: str) -> str:
    return _POSSESSIVE_RE.sub("", " ".join(text.split()))


def cluster_mentions(
    text: str,
    spans: Sequence[tuple[int, int, str]],
    normal: Mapping[tuple[int, int], str] | None = None,
) -> list[EntityMention]:
    """Mentions with their clusters; ``normal`` gives a span's normal form where the text's
    form is inflected (Russian: ``Медведеву`` → ``Медведев``), so every case is one name."""
    normal = normal or {}

    def name_of(start: int, end: int) -> str:
        return normal.get((start, end)) or normalize_name(text[start:end])

    persons = [name_of(s, e) for s, e, label in spans if label == "PERSON"]
    # Each name once (a long text repeats them thousands of times: the loop below is
    # quadratic in them); first-seen order keeps the choice of canonical form unchanged.
    full_names = list(dict.fromkeys(p for p in persons if len(p.split()) > 1))
    # Canonical full form: the longest full name whose words include this one's words.
    canonical: dict[str, str] = {}
    for name in full_names:
        words = set(name.split())
        best = name
        for other in full_names:
            longer = len(other) > len(best) and words <= set(other.split())
            if longer and other.split()[-1] == name.split()[-1]:
                best = other
        canonical[name] = best
    by_surname: dict[str, set[str]] = {}
    for name, canon in canonical.items():
        by_surname.setdefault(name.split()[-1], set()).add(canon)
    mentions: list[EntityMention] = []
    last_full: dict[str, str] = {}
    for start, end, label in spans:
        surface = text[start:end]
        name = name_of(start, end)
        if label != "PERSON":
            mentions.append(EntityMention(start, end, label, surface, name))
            continue
        parts = name.split()
        if len(parts) > 1:
            cluster = canonical.get(name, name)
            last_full[parts[-1]] = cluster
        else:
            options = by_surname.get(name, set())
            if name in last_full:
                cluster = last_full[name]
            elif len(options) == 1:
                cluster = next(iter(options))
            else:
                cluster = name
        mentions.append(EntityMention(start, end, label, surface, cluster))
    return mentions
