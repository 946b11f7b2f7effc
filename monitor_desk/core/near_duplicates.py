"""Near-duplicates at import: the same wire story with another headline or a trailing line.

A new article is imported but linked (``articles.near_duplicate_of``) to the earliest article
whose current text is very similar. Similarity is rapidfuzz's ``fuzz.ratio`` (an edit-distance
ratio, 0-100) on the whitespace-normalised text, at ``THRESHOLD``: on synthetic pairs (see
tests/unit/test_near_duplicates.py and bench/near_duplicates.py) the same story with another
headline or one added line scores 93-99, two different stories on the same topic 40-65.

Comparing against every article would cost a library scan per file. Each revision instead
stores two keys, hashes of its first and last ``KEY_WORDS`` normalised words
(``revisions.near_head``, ``near_tail``, indexed): another headline leaves the tail alone, an
added trailing line the head, so a near-duplicate shares one of them. Only those candidates
of a length a ``THRESHOLD`` ratio allows are scored. (A story changed at both ends is missed:
the price of a lookup that stays one index probe at 100k articles.)
"""

from __future__ import annotations

import hashlib

from rapidfuzz import fuzz
from sqlite_utils import Database

from .duplicates import normalize

THRESHOLD = 90.0
KEY_WORDS = 12
MIN_WORDS = 2 * KEY_WORDS  # shorter texts share their keys by chance: never linked
MAX_CANDIDATES = 50

# Two index probes, then the articles whose current text they are, by primary key. (Written
# with OR and a join on current_revision_id, SQLite scanned every article: 13 ms per file at
# 10k articles.)
CANDIDATES_SQL = """SELECT a.id, r.text FROM (
        SELECT id FROM revisions WHERE near_head = :head
        UNION SELECT id FROM revisions WHERE near_tail = :tail
    ) k CROSS JOIN revisions r ON r.id = k.id
    CROSS JOIN articles a ON a.id = r.article_id AND a.current_revision_id = r.id
    WHERE a.id != :id ORDER BY a.id LIMIT :limit"""


def _hash(words: list[str]) -> str:
    return hashlib.sha256(" ".join(words).lower().encode("utf-8")).hexdigest()[:32]


def keys(text: str) -> tuple[str | None, str | None]:
    """(head, tail) keys of a text, or (None, None) for a text too short to be linked."""
    words = normalize(text).split(" ")
    if len(words) < MIN_WORDS:
        return None, None
    return _hash(words[:KEY_WORDS]), _hash(words[-KEY_WORDS:])


def stamp_revision(db: Database, revision_id: int, text: str) -> None:
    """Store a revision's keys (inside the caller's transaction)."""
    head, tail = keys(text)
    db.execute(
        "UPDATE revisions SET near_head = ?, near_tail = ? WHERE id = ?", [head, tail, revision_id]
    )


def similarity(a: str, b: str) -> float:
    return float(fuzz.ratio(normalize(a), normalize(b)))


def find_near_duplicate(
    db: Database, article_id: int, text: str, before: int | None = None
) -> tuple[int, str] | None:
    """(id, title) of the original of an article whose current text is ``text``: the article
    it is most similar to at ``THRESHOLD`` or above (lowest id on a tie), followed to its own
    original when that one is linked too. None when there is none. ``before``: only
    articles with a lower id are candidates (a scan links the later copy to the earlier)."""
    head, tail = keys(text)
    if head is None:
        return None
    norm = normalize(text)
    # fuzz.ratio = 2*matches/(len1+len2) <= 2*min/(len1+len2): a length outside these bounds
    # cannot reach THRESHOLD.
    low = len(norm) * THRESHOLD / (200 - THRESHOLD)
    high = len(norm) * (200 - THRESHOLD) / THRESHOLD
    rows = db.execute(
        CANDIDATES_SQL,
        {"head": head, "tail": tail, "id": article_id, "limit": MAX_CANDIDATES},
    ).fetchall()
    best: tuple[float, int] | None = None
    for cand_id, cand_text in rows:
        if before is not None and cand_id >= before:
            continue
        cand = normalize(cand_text)
        if not low <= len(cand) <= high:
            continue
        score = fuzz.ratio(norm, cand, score_cutoff=THRESHOLD)
        if score and (best is None or score > best[0]):
            best = (score, int(cand_id))
    if best is None:
        return None
    row = db.execute(
        """SELECT o.id, o.title FROM articles a
           JOIN articles o ON o.id = COALESCE(a.near_duplicate_of, a.id) WHERE a.id = ?""",
        [best[1]],
    ).fetchone()
    return int(row[0]), str(row[1])


def link(db: Database, article_id: int, text: str) -> tuple[int, str] | None:
    """Link a just-written article to its original, if any (inside the caller's
    transaction); returns the original's (id, title)."""
    found = find_near_duplicate(db, article_id, text)
    if found is not None:
        db.execute("UPDATE articles SET near_duplicate_of = ? WHERE id = ?", [found[0], article_id])
    return found


def near_duplicate_reason(article_id: int, title: str) -> str:
    return f"near-duplicate of article {article_id} ({title})"


def unlinked_ids(db: Database) -> list[int]:
    """Articles a scan compares: not linked, with a text long enough to have keys."""
    return [
        r[0]
        for r in db.execute(
            """SELECT a.id FROM articles a JOIN revisions r ON r.id = a.current_revision_id
               WHERE a.near_duplicate_of IS NULL AND r.near_head IS NOT NULL ORDER BY a.id"""
        )
    ]


def link_to_earlier(db: Database, article_id: int) -> tuple[int, str] | None:
    """Link an article already in the library to an earlier one it nearly duplicates (inside
    the caller's transaction); its own near-duplicates follow it to that original. Returns
    the original's (id, title)."""
    row = db.execute(
        """SELECT r.text FROM articles a JOIN revisions r ON r.id = a.current_revision_id
           WHERE a.id = ? AND a.near_duplicate_of IS NULL""",
        [article_id],
    ).fetchone()
    if row is None:
        return None
    found = find_near_duplicate(db, article_id, row[0], before=article_id)
    if found is None or found[0] == article_id:
        return None
    db.execute(
        "UPDATE articles SET near_duplicate_of = ? WHERE id = ? OR near_duplicate_of = ?",
        [found[0], article_id, article_id],
    )
    return found
