"""A Russian name in every case form, for the entity corrections (``entity_corrections``).

A correction names a mention as the analyst saw it, ``Медведев``; the text has it
inflected — ``Медведева``, ``Медведеву``, ``Медведевым`` — and the mentions the model found
keep the inflected text. So a Cyrillic name is also known by its stems
(``search_stems.name_stems``: "медвед" for all of those): a rule applies to a mention whose
text or cluster has the same stems; the revisions a correction may touch are found through
the ``stems`` column of the full-text index (current revisions; older revisions by their
mentions' own text, as before); and an added name is found in a text in any case form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from .search_stems import name_stems

_WORD = re.compile(r"\w+")


_SURNAME = ("ов", "ев", "ёв", "ин", "ын")


def same_name(words: str, name: str) -> bool:
    """``words`` are ``name`` in some case form: the same stems, and a surname's
    inflections begin with its nominative (``Медведева`` is ``Медведев``; ``Медведи``,
    the bears, has its stems but is not)."""
    if name_stems(words) != name_stems(name) or not name_stems(name):
        return False
    for word, part in zip(words.casefold().split(), name.casefold().split(), strict=False):
        word, part = word.replace("ё", "е"), part.replace("ё", "е")
        if part.endswith(_SURNAME) and not word.startswith(part):
            return False
    return True


def stem_keys(keys: Iterable[str]) -> dict[str, str]:
    """Each Cyrillic name's stems → its key (names that are not Cyrillic are left out)."""
    return {stems: key for key in keys if (stems := name_stems(key))}


def revisions_with_forms(db: Database, names: Iterable[str]) -> set[int]:
    """Current revisions whose text holds one of these Cyrillic names in any case form,
    through the index's ``stems`` column (article rows: rowid = article id * 4)."""
    found: set[int] = set()
    for name in names:
        stems = name_stems(name)
        if not stems:
            continue
        found |= {
            r[0]
            for r in db.execute(
                """SELECT a.current_revision_id FROM search_fts f JOIN articles a
                   ON a.id = f.rowid / 4 WHERE search_fts MATCH ? AND f.rowid % 4 = 0
                   AND a.current_revision_id IS NOT NULL""",
                [f'stems : "{stems}"'],
            )
        }
    return found


def rows_in_forms(
    db: Database, table: str, columns: str, revisions: set[int], stems: dict[str, str]
) -> list[tuple[Any, ...]]:
    """Rows of ``table`` (``entities`` or ``entities_hidden``) in these revisions whose
    text or model cluster (the last two of ``columns``) is one of the names by its stems."""
    if not revisions or not stems:
        return []
    ordered = sorted(revisions)
    rows: list[tuple[Any, ...]] = []
    for i in range(0, len(ordered), 500):
        part = ordered[i : i + 500]
        marks = ", ".join("?" * len(part))
        extra = " AND added = 0" if table == "entities" else ""
        rows += [
            row
            for row in db.execute(
                f"SELECT {columns} FROM {table} WHERE revision_id IN ({marks}){extra}", part
            )
            if _named(str(row[4]), stems) or _named(str(row[6] or ""), stems)
        ]
    return rows


def _named(words: str, stems: dict[str, str]) -> bool:
    key = stems.get(name_stems(words))
    return key is not None and same_name(words, key)


def form_spans(text: str, name: str) -> list[tuple[int, int]]:
    """Where ``name`` stands in ``text`` in any case form: runs of as many words whose
    stems are the name's (nothing for a name that is not Cyrillic)."""
    wanted = name_stems(name)
    if not wanted:
        return []
    size = len(name.split())
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    spans = []
    for i in range(len(words) - size + 1):
        run = words[i : i + size]
        if not run[0][2][:1].isupper():
            continue  # a name's first word is capitalised
        gaps = (text[a[1] : b[0]] for a, b in zip(run, run[1:], strict=False))
        if all(g.isspace() for g in gaps) and same_name(" ".join(w for *_, w in run), name):
            spans.append((run[0][0], run[-1][1]))
    return spans
