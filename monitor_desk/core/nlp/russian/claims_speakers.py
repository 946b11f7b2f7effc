"""Speakers' names in Russian text: the nominative normal form of a PER, ORG or LOC span,
a surname alone joined to the full name said elsewhere in the text, and "он"/"она" to the
nearest person before the cue of the matching gender."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .claims_tree import Parse

_NAMED = frozenset({"PER", "ORG", "LOC"})
_APPOSITION = frozenset({"appos", "flat", "flat:name", "flat:foreign"})
_PRONOUN_REACH = 3
_PRONOUN_GENDER = {"он": "Masc", "она": "Fem"}


@dataclass(frozen=True, slots=True)
class Named:
    start: int
    end: int
    type: str
    normal: str
    gender: str | None
    subject: bool = False
    """A subject of its clause ("Житель … Василий Середонин ходатайствовал")."""


class RuSpeakers:
    """Names a speaker from the document's NER spans (natasha ``DocSpan``s)."""

    def __init__(self, p: Parse, spans: list[Any]) -> None:
        self.p = p
        self.named: list[Named] = []
        for span in spans:
            if span.type not in _NAMED:
                continue
            tokens = p.tokens_in(span.start, span.stop)
            first = tokens[0] if tokens else None
            gender = p.feats[first].get("Gender") if first is not None else None
            normal = span.normal or span.text
            subject = first is not None and _is_subject(p, first)
            self.named.append(Named(span.start, span.stop, span.type, normal, gender, subject))
        self.named.sort(key=lambda n: n.start)

    def name(self, start: int, end: int, head: int, cue_start: int) -> str | None:
        """The speaker's name for the speaker span ``[start, end)`` with head ``head``."""
        inside = [n for n in self.named if start <= n.start and n.end <= end]
        if inside:
            # "министр Сергей Лавров": the person; "агентство «Интерфакс»": the agency; but
            # "директор представительства в Киеве" is not Kiev, nor "представитель МИД" МИД
            at_head = [n for n in inside if n.start <= self.p.starts[head] < n.end]
            people = [n for n in inside if n.type == "PER"]
            named_head = [n for n in inside if n.type == "ORG" and self._names_head(n, head)]
            chosen = at_head or people or named_head
            if chosen:
                return self.full_name(chosen[-1])
        proper = [i for i in self.p.tokens_in(start, end) if self.p.pos[i] == "PROPN"]
        if proper:  # a name the NER missed: its lemmas, capitalised ("Лавров")
            normal = " ".join(_name_word(self.p, i) for i in proper)
            return self.full_name(Named(start, end, "PER", normal, None))
        gender = _PRONOUN_GENDER.get(self.p.lemmas[head])
        if gender is None or self.p.pos[head] != "PRON":
            return None
        # the nearest person before of that gender, a subject first ("Житель Василий
        # Середонин … произошли от Адама и Евы. Он считает": Середонин, not Адам)
        # … said in this sentence or the three before it
        sentence = self.p.sent_of[head]
        since = self.p.starts[self.p.sents[max(sentence - _PRONOUN_REACH, 0)][0]]
        people = [
            n
            for n in self.named
            if since <= n.start
            and n.end <= min(start, cue_start)
            and n.type == "PER"
            and n.gender in (gender, None)
        ]
        subjects = [n for n in people if n.subject]
        chosen = (subjects or people)[-1:]
        return self.full_name(chosen[0]) if chosen else None

    def _names_head(self, n: Named, head: int) -> bool:
        """Whether the name is the head noun's apposition ("агентство «Интерфакс»")."""
        p = self.p
        return any(
            p.heads[i] == head and p.rels[i] in _APPOSITION for i in p.tokens_in(n.start, n.end)
        )

    def full_name(self, n: Named) -> str:
        """A surname alone takes the full name the text gives it ("Медведев" → "Дмитрий
        Медведев"), the nearest before it first."""
        if n.type != "PER" or " " in n.normal:
            return n.normal
        key = n.normal.casefold()
        fuller = [m for m in self.named if m.type == "PER" and " " in m.normal]
        fuller = [m for m in fuller if m.normal.split()[-1].casefold() == key]
        if not fuller:
            return n.normal
        before = [m for m in fuller if m.start < n.start]
        return (before or fuller)[-1 if before else 0].normal


def _name_word(p: Parse, i: int) -> str:
    word = p.words[i]
    return word if word.isupper() else p.lemmas[i][:1].upper() + p.lemmas[i][1:]


def _is_subject(p: Parse, i: int) -> bool:
    """Whether token ``i`` is, or names by apposition, a subject."""
    for _ in range(4):
        if p.rels[i].startswith("nsubj"):
            return True
        if p.rels[i] not in _APPOSITION or p.heads[i] < 0:
            return False
        i = p.heads[i]
    return False
