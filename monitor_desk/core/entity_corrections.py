"""Entity corrections taught once, applied to every stored mention; library entities.

A stored mention keeps what the model found (``model_label``, ``model_cluster``) next to
what the library shows (``label``, ``cluster``), so a correction is applied — and revoked —
by rewriting rows, never by running the model again. Corrections are applied when an
analysis is stored (``apply_to_revision``: one place for import, re-analysis and JSON
import, and no correction table to ship to analysis worker processes) and, when the analyst
makes or revokes one, to the mentions it touches (``apply_names``), found through indexes.

Every mention then links to one library entity (``library_entities``: canonical name and
type): a surname alone joins the one full name with that surname already in the library, as
clustering does within an article, unless the analyst split the surname off.

A Russian name is matched in every case form: ``Медведев`` = "Dmitry Medvedev" reaches
``Медведева`` and ``Медведеву`` too (``entity_case_forms.py``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from .entity_case_forms import (
    form_spans,
    revisions_with_forms,
    rows_in_forms,
    same_name,
    stem_keys,
)
from .search_stems import name_stems

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "DATE", "TIME",
                 "PRODUCT", "WORK_OF_ART", "MONEY", "PERCENT", "QUANTITY", "CARDINAL",
                 "ORDINAL", "LANGUAGE")  # fmt: skip
KINDS = ("retype", "merge", "split", "ignore", "add")
Progress = Callable[[int, int], None]


def speaker_sql(claim: str) -> str:
    """SQL for the speaker name a claim shows: the corrected name of the entity the model
    named it after (same revision), else its stored name — read-time, so a revoked
    correction needs no claim rewritten."""
    return f"""COALESCE((SELECT e.cluster FROM entities e
                WHERE e.revision_id = {claim}.revision_id AND e.added = 0
                AND e.model_cluster = {claim}.speaker_name AND e.cluster != e.model_cluster
                LIMIT 1), {claim}.speaker_name)"""


_ROW = 'id, revision_id, start, "end", text, model_label, model_cluster'


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass
class Rules:
    """Every correction in force, as look-ups by lower-cased name (later ones win)."""

    ignored: set[str] = field(default_factory=set)
    merged: dict[str, str] = field(default_factory=dict)  # alias -> canonical
    split: set[str] = field(default_factory=set)
    retyped: dict[str, str] = field(default_factory=dict)  # name -> label
    added: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (text, label)
    stems: dict[str, str] = field(default_factory=dict)  # a Cyrillic key's stems -> the key

    @property
    def empty(self) -> bool:
        return not (self.ignored or self.merged or self.split or self.retyped or self.added)

    def resolve(self, text: str, label: str, cluster: str) -> tuple[str, str] | None:
        """(label, cluster) the library shows for a mention the model found; None: hidden."""
        t, c = self._known(_key(text)), self._known(_key(cluster))
        if t in self.ignored or c in self.ignored:
            return None
        if t in self.split and t != c:
            cluster, c = text, t  # the analyst keeps this name apart from its cluster
        elif c in self.merged and c not in self.split:
            cluster = self.merged[c]
            c = _key(cluster)
        elif t in self.merged and t not in self.split:
            cluster = self.merged[t]
            c = _key(cluster)
        new_label = self.retyped.get(c) or self.retyped.get(t)
        return (new_label or label), cluster

    def _known(self, k: str) -> str:
        """The key of a rule for ``k``: itself, or a Cyrillic name in another case form
        (``медведева`` for a rule on ``медведев``, entity_case_forms.py)."""
        exact = (self.merged, self.ignored, self.split, self.retyped)
        if not self.stems or any(k in rule for rule in exact):  # an exact rule wins
            return k
        key = self.stems.get(name_stems(k))
        return key if key is not None and same_name(k, key) else k


def load_rules(db: Database) -> Rules:
    rules = Rules()
    for kind, names_json, target in db.execute(
        "SELECT kind, names_json, target FROM corrections ORDER BY id"
    ):
        names = json.loads(names_json)
        for name in names:
            k = _key(name)
            if kind == "ignore":
                rules.ignored.add(k)
            elif kind == "merge":
                rules.split.discard(k)
                rules.merged[k] = target
            elif kind == "split":
                rules.split.add(k)
            elif kind == "retype":
                rules.retyped[k] = target
            elif kind == "add":
                rules.added[k] = (" ".join(name.split()), target)
                rules.retyped[k] = target
                rules.ignored.discard(k)
    every = rules.ignored | set(rules.merged) | rules.split | set(rules.retyped)
    rules.stems = stem_keys(every)
    return rules


def names_touched(kind: str, names: Iterable[str], target: str | None, rules: Rules) -> set[str]:
    """Lower-cased names whose mentions a correction (or its revocation) may change: its
    names, the canonical name of a merge, and every alias merged into any of them."""
    keys = {_key(n) for n in names}
    if kind == "merge" and target:
        keys.add(_key(target))
    for n in list(keys):
        if n in rules.merged:
            keys.add(_key(rules.merged[n]))
    keys |= {alias for alias, canon in rules.merged.items() if _key(canon) in keys}
    return keys


# -- applying -----------------------------------------------------------------------------


def _word_spans(text: str, needle: str) -> list[tuple[int, int]]:
    pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, needle.split())) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)]


def _rewrite(db: Database, rules: Rules, rows: list[tuple[Any, ...]], hidden: bool) -> set[int]:
    """Give each row (from ``entities`` or, if ``hidden``, ``entities_hidden``) what the
    rules say; returns the ids of the entities rows to (re)link."""
    updates: list[tuple[str, str, int]] = []
    to_hide: list[tuple[Any, ...]] = []
    to_show: list[tuple[Any, ...]] = []
    for row in rows:
        got = rules.resolve(row[4], row[5], row[6])
        if got is None:
            if not hidden:
                to_hide.append(row)
        elif hidden:
            to_show.append((*row, *got))
        else:
            updates.append((got[0], got[1], row[0]))
    db.conn.executemany("UPDATE entities SET label = ?, cluster = ? WHERE id = ?", updates)
    if to_hide:
        db.conn.executemany(
            f"INSERT INTO entities_hidden({_ROW}) VALUES (?, ?, ?, ?, ?, ?, ?)", to_hide
        )
        db.conn.executemany("DELETE FROM entities WHERE id = ?", [(r[0],) for r in to_hide])
    shown: set[int] = set()
    for r in to_show:
        cur = db.execute(
            """INSERT INTO entities(revision_id, start, "end", text, model_label, model_cluster,
                   label, cluster) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            list(r[1:]),
        )
        shown.add(int(cur.lastrowid or 0))
        db.execute("DELETE FROM entities_hidden WHERE id = ?", [r[0]])
    return {u[2] for u in updates} | shown


def _add_mentions(db: Database, revision_id: int, text: str, rules: Rules, keys: set[str]) -> None:
    """Mentions of names the analyst added, where the model found no mention there."""
    taken = {
        (s, e)
        for s, e in db.execute(
            'SELECT start, "end" FROM entities WHERE revision_id = ?', [revision_id]
        )  # fmt: skip
    }
    rows = []
    for k in keys:
        if k not in rules.added:
            continue
        name, label = rules.added[k]
        canon = rules.merged.get(k, name)
        for s, e in sorted(set(_word_spans(text, name)) | set(form_spans(text, name))):
            if (s, e) not in taken:
                rows.append((revision_id, s, e, text[s:e], label, canon))
    db.conn.executemany(
        """INSERT INTO entities(revision_id, start, "end", text, label, cluster, added)
           VALUES (?, ?, ?, ?, ?, ?, 1)""",
        rows,
    )


def apply_to_revision(db: Database, revision_id: int, rules: Rules | None = None) -> None:
    """After a revision's mentions were stored from the model: remember what the model
    found, apply every correction, link each mention to its library entity."""
    db.execute(
        """UPDATE entities SET model_label = label, model_cluster = cluster
           WHERE revision_id = ? AND model_label IS NULL AND added = 0""",
        [revision_id],
    )
    db.execute("DELETE FROM entities_hidden WHERE revision_id = ?", [revision_id])
    rules = load_rules(db) if rules is None else rules
    if not rules.empty:
        rows = db.execute(
            f"SELECT {_ROW} FROM entities WHERE revision_id = ? AND added = 0", [revision_id]
        ).fetchall()
        _rewrite(db, rules, rows, hidden=False)
        if rules.added:
            db.execute("DELETE FROM entities WHERE revision_id = ? AND added = 1", [revision_id])
            text = db.execute("SELECT text FROM revisions WHERE id = ?", [revision_id]).fetchone()
            _add_mentions(db, revision_id, text[0], rules, set(rules.added))
    link(db, "revision_id = ?", [revision_id], rules)


def _spellings(keys: set[str]) -> list[str]:
    """The keys as names are written: SQLite's NOCASE folds ASCII letters only, so a
    Cyrillic key ("дмитрий медведев") is also looked up as "Дмитрий Медведев", "Газпром"
    and "МВД"."""
    return sorted({v for k in keys for v in (k, k.title(), k.capitalize(), k.upper())})


def _in(column: str, keys: set[str]) -> tuple[str, list[str]]:
    values = _spellings(keys)
    return f"{column} COLLATE NOCASE IN ({', '.join('?' * len(values))})", values


def apply_names(
    db: Database, keys: set[str], rules: Rules, progress: Progress | None = None
) -> set[int]:
    """Re-apply the rules to every stored mention of these (lower-cased) names, in every
    revision, without the model; returns the ids of the articles whose mentions changed.
    Rows are found through the text and model-cluster indexes; ``progress(done, total)``."""
    if not keys:
        return set()
    by_cluster, p1 = _in("model_cluster", keys)
    by_text, p2 = _in("text", keys)
    where = f"({by_cluster} OR {by_text})"
    revisions: set[int] = set()
    visible = db.execute(
        f"SELECT {_ROW} FROM entities WHERE added = 0 AND {where}", [*p1, *p2]
    ).fetchall()
    hidden = db.execute(f"SELECT {_ROW} FROM entities_hidden WHERE {where}", [*p1, *p2]).fetchall()
    added = db.execute(
        f"SELECT id, revision_id FROM entities WHERE added = 1 AND {by_text}", p2
    ).fetchall()
    stems = stem_keys(keys)
    if stems:  # a Russian name in its other case forms (entity_case_forms.py)
        forms = revisions_with_forms(db, stems.values())
        seen = {r[0] for r in visible}, {r[0] for r in hidden}
        visible += [
            r for r in rows_in_forms(db, "entities", _ROW, forms, stems) if r[0] not in seen[0]
        ]
        hidden += [
            r
            for r in rows_in_forms(db, "entities_hidden", _ROW, forms, stems)
            if r[0] not in seen[1]
        ]
    revisions |= {r[1] for r in visible} | {r[1] for r in hidden} | {r[1] for r in added}
    db.conn.executemany("DELETE FROM entities WHERE id = ?", [(r[0],) for r in added])
    _rewrite(db, rules, visible, hidden=False)
    _rewrite(db, rules, hidden, hidden=True)
    adding = keys & set(rules.added)
    if adding:
        names = [rules.added[k][0] for k in adding]
        revisions |= _revisions_containing(db, names) | revisions_with_forms(db, names)
    ordered = sorted(revisions)
    for done, rev in enumerate(ordered, 1):
        if adding:
            (text,) = db.execute("SELECT text FROM revisions WHERE id = ?", [rev]).fetchone()
            _add_mentions(db, rev, text, rules, adding)
        if progress is not None and (done % 500 == 0 or done == len(ordered)):
            progress(done, len(ordered))
    by_cluster_now, p3 = _in("cluster", keys)
    link(db, f"({by_cluster_now} OR {by_text})", [*p3, *p2], rules)
    prune(db)
    if not ordered:
        return set()
    return {
        r[0]
        for r in db.execute(
            "SELECT DISTINCT article_id FROM revisions WHERE id IN "
            f"({', '.join('?' * len(ordered))})",
            ordered,
        )
    }


def _revisions_containing(db: Database, names: list[str]) -> set[int]:
    """Current revisions whose text holds one of these names, found through the full-text
    index (article rows: rowid = article id * 4) instead of reading every text."""
    found: set[int] = set()
    for name in names:
        phrase = '"' + " ".join(name.replace('"', " ").split()) + '"'
        found |= {
            r[0]
            for r in db.execute(
                """SELECT a.current_revision_id FROM search_fts f JOIN articles a
                   ON a.id = f.rowid / 4 WHERE search_fts MATCH ? AND f.rowid % 4 = 0
                   AND a.current_revision_id IS NOT NULL""",
                [phrase],
            )
        }
    return found


# -- library entities ---------------------------------------------------------------------


def _like_suffix(word: str) -> str:
    return "% " + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _entity_id(db: Database, name: str, label: str, rules: Rules) -> int:
    row = db.execute(
        "SELECT id FROM library_entities WHERE name = ? AND label = ?", [name, label]
    ).fetchone()
    if row:
        return int(row[0])
    words = name.split()
    if label == "PERSON" and len(words) == 1 and _key(name) not in rules.split:
        full = db.execute(
            """SELECT id FROM library_entities WHERE label = 'PERSON'
               AND name LIKE ? ESCAPE '\\' LIMIT 2""",
            [_like_suffix(name)],
        ).fetchall()
        if len(full) == 1:
            return int(full[0][0])
    new = int(
        db.execute(
            "INSERT INTO library_entities(name, label) VALUES (?, ?)", [name, label]
        ).lastrowid
        or 0
    )
    if label == "PERSON" and len(words) > 1 and _key(words[-1]) not in rules.split:
        # A surname seen before its full name joins it now, if this is its only full name.
        surname = db.execute(
            "SELECT id FROM library_entities WHERE name = ? AND label = 'PERSON'", [words[-1]]
        ).fetchone()
        others = db.execute(
            """SELECT COUNT(*) FROM library_entities WHERE label = 'PERSON'
               AND name LIKE ? ESCAPE '\\'""",
            [_like_suffix(words[-1])],
        ).fetchone()[0]
        if surname and others == 1:
            db.execute("UPDATE entities SET entity_id = ? WHERE entity_id = ?", [new, surname[0]])
            db.execute("DELETE FROM library_entities WHERE id = ?", [surname[0]])
    return new


def link(db: Database, where: str, params: list[Any], rules: Rules) -> None:
    """Link the mentions matching ``where`` to their library entities (created as needed);
    full names first, so that a surname finds the full name it joins."""
    pairs = db.execute(
        f"SELECT DISTINCT cluster, label FROM entities WHERE {where}", params
    ).fetchall()
    pairs.sort(key=lambda p: -len(p[0].split()))
    for cluster, label in pairs:
        eid = _entity_id(db, cluster, label, rules)
        db.execute(
            f"""UPDATE entities SET entity_id = ? WHERE {where} AND cluster = ? AND label = ?
                AND entity_id IS NOT ?""",
            [eid, *params, cluster, label, eid],
        )


def prune(db: Database) -> None:
    """Drop library entities no mention links to any more (after a correction): a full name
    left behind by a merge must not make its surname look ambiguous."""
    db.execute(
        """DELETE FROM library_entities WHERE NOT EXISTS
           (SELECT 1 FROM entities e WHERE e.entity_id = library_entities.id)"""
    )


def relink_all(db: Database) -> None:
    """Link every stored mention (a library made before library entities)."""
    rules = load_rules(db)
    db.execute("UPDATE entities SET entity_id = NULL")
    db.execute("DELETE FROM library_entities")
    link(db, "1", [], rules)
