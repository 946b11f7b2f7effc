"""Resolve a speaker span to a name: pronouns and surnames to the full person name.

"Ivanov" becomes "Igor Ivanov" when the article named him in full earlier; "he" becomes
the most recent person mentioned before the cue ("she" prefers a person whose first name
is a common female one); organisations and groups keep their text ("the Kremlin").
"""

from __future__ import annotations

import bisect
from typing import Any

from ..entities import strip_titles
from .lexicon import PERSON_NOUNS

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
_FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
_UNRESOLVED_PRONOUNS = frozenset(
    {
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "you",
        "your",
        "they",
        "them",
        "their",
        "it",
        "its",
        "this",
        "that",
        "who",
        "which",
        "one",
        "someone",
        "anyone",
        "everyone",
        "some",
        "many",
    }
)
# Enough to route "she" past a male name in Monitor and US politics copy; unknown names
# count as compatible with either pronoun.
_FEMALE_FIRST_NAMES = frozenset(
    str.split(
        """
    madeleine hillary nancy condoleezza angela theresa margaret elizabeth mary anna anne ann
    olga irina natalya natalia tatyana tatiana yelena elena svetlana galina lyudmila valentina
    yulia yuliya maria marie sarah susan karen linda barbara patricia jennifer michelle laura
    kamala sarah nikki carly elizabeth kellyanne huma donna debbie dianne diane hope ivanka
    melania chelsea janet samantha susan catherine kate emily jane julia victoria helen
    """
    )
)


class SpeakerResolver:
    """Person mentions of one document, searchable by position.

    Attributes:
        persons: ``(start_char, full_name)`` of each PERSON mention, in text order, with
            short mentions already expanded to the full name introduced before them.
    """

    def __init__(self, doc: Any) -> None:
        self.persons: list[tuple[int, str]] = []
        self._subjects: list[bool] = []
        self._person_at: dict[int, int] = {}
        """Token index -> index into ``persons`` (``Span.ents`` rescans the doc)."""
        full_by_surname: dict[str, str] = {}
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            words = strip_titles(ent.text).split()
            words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]
            if not words:
                continue
            name = " ".join(words)
            if len(words) == 1:
                name = full_by_surname.get(words[0].lower(), name)
            else:
                full_by_surname[words[-1].lower()] = name
            self.persons.append((ent.start_char, name))
            for i in range(ent.start, ent.end):
                self._person_at[i] = len(self.persons) - 1
            root = ent.root
            self._subjects.append(
                root.dep_ in _SUBJECT_DEPS
                or (root.dep_ == "poss" and root.head.dep_ in _SUBJECT_DEPS)
            )
        self._starts = [s for s, _ in self.persons]
        self._full_by_surname = full_by_surname

    def person_before(self, offset: int, pronoun: str) -> str | None:
        """The person before ``offset`` that ``pronoun`` most likely refers to.

        The most recent compatible person who was a subject wins ("Ivanov applauded
        what he said" is Ivanov even when "Clinton administration" comes between);
        otherwise the most recent compatible person.
        """
        found = self.mention_before(offset, pronoun)
        return found[1] if found is not None else None

    def mention_before(self, offset: int, pronoun: str) -> tuple[int, str] | None:
        """``(start, name)`` of the mention ``person_before`` chooses."""
        i = bisect.bisect_left(self._starts, offset) - 1
        want_female = pronoun in _FEMALE_PRONOUNS
        nearest: tuple[int, str] | None = None
        for j in range(i, max(i - 12, -1), -1):
            start, name = self.persons[j]
            is_female = name.split()[0].lower() in _FEMALE_FIRST_NAMES
            if is_female != want_female and not (not want_female and len(name.split()) == 1):
                continue
            if self._subjects[j]:
                return start, name
            if nearest is None:
                nearest = start, name
        return nearest

    def resolve(self, span: Any) -> str | None:
        """Name for a speaker span (a spaCy Span), or None for an unresolved pronoun."""
        words = [t for t in span if not t.is_space and not t.is_punct]
        if not words:
            return None
        if len(words) == 1 or (len(words) == 2 and words[1].tag_ == "POS"):
            low = words[0].lower_
            if low in _MALE_PRONOUNS or low in _FEMALE_PRONOUNS:
                return self.person_before(span.start_char, low)
            if low in _UNRESOLVED_PRONOUNS:
                return None
        root = span.root
        if root.i in self._person_at:  # "Clinton adviser Sidney Blumenthal": Blumenthal
            return self.persons[self._person_at[root.i]][1]
        for tok in words:
            if tok.i in self._person_at and _names_the_speaker(tok, root):
                return self.persons[self._person_at[tok.i]][1]
        if root.pos_ == "PROPN" and root.lower_ in self._full_by_surname:
            return self._full_by_surname[root.lower_]  # "Mr Balls, who stepped down ..."
        appos = next((c for c in root.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if appos is not None and appos.ent_type_ not in _GROUP_LABELS:
            return proper_name(appos)  # "The Shadow Secretary …, Theresa May,": her name
        if root.pos_ == "PROPN" and root.ent_type_ not in _GROUP_LABELS:
            name = proper_name(root)
            if span.text.startswith(name.split()[0]) and any(
                c.dep_ in ("appos", "relcl", "acl", "prep") for c in root.children
            ):
                return name  # "Theresa May, shadow secretary ...": the name only
        if root.pos_ != "NOUN":
            # a span the parser tangled (a list of prices ending in "…, Comissaria Smith"):
            # the person in it is the best guess
            person = next((t for t in words if t.i in self._person_at), None)
            if person is not None:
                return self.persons[self._person_at[person.i]][1]
        end = span.end
        for c in root.children:  # the name leaves out ", who asked not to be named,"
            if c.dep_ in ("relcl", "acl", "advcl") and c.i > root.i:
                end = min(end, max(c.left_edge.i, span.start + 1))
        words_left = span.doc[span.start : end]
        if len(words_left) > 1 and words_left[-1].lower_ in ("who", "which", "that", "whom"):
            words_left = words_left[:-1]  # "Employers who" (cut at its cue): "Employers"
        text = words_left.text.strip().rstrip(",;:—–-").strip()
        if text.endswith(("'s", "’s")):
            text = text[:-2]
        return self._full_by_surname.get(text.lower(), text) if text else None


_GROUP_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})


def proper_name(root: Any) -> str:
    """The name a proper-noun head spells with its compounds, titles dropped."""
    first = root.i
    while (
        first > 0
        and root.doc[first - 1].dep_ in ("compound", "flat")
        and (root.doc[first - 1].head.i in range(first, root.i + 1))
    ):
        first -= 1
    return strip_titles(root.doc[first : root.i + 1].text)


# A name reached through these edges qualifies someone else: "Yeltsin's spokesman",
# "a lawyer for Mills", "an aide who worked for Clinton".
_QUALIFIER_DEPS = frozenset({"poss", "prep", "pobj", "relcl", "acl", "advcl", "agent"})


# People who speak for someone else: "Yeltsin's spokesman" is not Yeltsin, while
# "Putin's statement" or "the Kremlin's website" speak for their owner.
_PROXY_NOUNS = frozenset(
    str.split(
        """
    spokesman spokeswoman spokesperson aide adviser advisor lawyer attorney counsel wife
    husband son daughter brother sister father mother deputy assistant secretary envoy
    ambassador representative official staffer manager strategist supporter critic
    opponent ally friend rival successor predecessor associate colleague
    """
    )
)


def _names_the_speaker(tok: Any, root: Any) -> bool:
    """Whether the person token ``tok`` names the speaker ``root``: its name, a title
    ("President Putin"), an apposition, or the owner of what speaks ("Putin's statement")
    — not a person qualifying someone else ("Yeltsin's spokesman", "a lawyer for Mills")."""
    node = tok
    for _ in range(8):
        if node.i == root.i:
            return True
        if node.dep_ == "poss" and node.head.i == root.i:
            return root.lemma_.lower() not in _PROXY_NOUNS
        if node.dep_ in _QUALIFIER_DEPS or node.head.i == node.i:
            return False
        node = node.head
    return False


class DescribedSpeakers:
    """Speakers described rather than named ("One trust bank official", "fund managers"),
    so that a later "he" or "they" reporting speech resolves to them when no named person
    came in between ("One bank official said ... He added ...")."""

    _WINDOW = 600
    """How far back (characters) a described speaker is still the one meant."""

    def __init__(self, resolver: SpeakerResolver) -> None:
        self._resolver = resolver
        self._last: dict[bool, tuple[int, str, bool]] = {}
        """plural? -> (offset, text, names a person?) of the latest described speaker."""

    def name(self, speaker: Any, resolved: str | None, record: bool = True) -> str | None:
        """The name to show for ``speaker`` (a spaCy Span) given the resolver's answer;
        ``record``: whether a described speaker here is the one a later pronoun means."""
        words = [t for t in speaker if not t.is_punct and not t.is_space]
        if len(words) == 1 and (words[0].lower_ in ("one", "another") or words[0].like_num):
            # "Dealers said ... One said ...": one of those just described, not "One"
            group = self._last.get(True)
            if group is None or speaker.start_char - group[0] > self._WINDOW:
                return resolved
            count = "one" if words[0].lower_ == "another" else words[0].lower_
            name = group[1]
            if len(name) > 1 and name[1].islower():
                name = name[0].lower() + name[1:]
            return f"{count} of {name}"
        if len(words) == 1 and words[0].lower_ in ("he", "she", "they"):
            low = words[0].lower_
            last = self._last.get(low == "they")
            if last is None or speaker.start_char - last[0] > self._WINDOW:
                return resolved
            if low == "they":
                return last[1]
            if not last[2]:
                return resolved  # "she" is not "the latest footage"
            mention = self._resolver.mention_before(speaker.start_char, low)
            return last[1] if mention is None or mention[0] < last[0] else resolved
        root = speaker.root
        if not record:
            return resolved
        if root.pos_ == "NOUN" and not any(t.ent_type_ == "PERSON" for t in speaker):
            text = resolved or speaker.text.strip()
            human = root.lemma_.lower() in PERSON_NOUNS or text != speaker.text.strip()
            self._last[root.tag_ in ("NNS", "NNPS")] = (speaker.start_char, text, human)
        elif (
            root.pos_ == "PROPN"
            and root.ent_type_ not in _GROUP_LABELS
            and resolved
            and not any(t.ent_type_ == "PERSON" for t in speaker)
        ):
            # a name the model did not tag as a person ("Theresa May", read as a date):
            # the "he" or "she" from now on
            self._last[False] = (speaker.start_char, resolved, True)
        elif root.pos_ == "PROPN" or any(t.ent_type_ == "PERSON" for t in speaker):
            self._last.pop(False, None)  # a named person is the "he" from now on
        return resolved
