"""Lossless JSON export and import of a library (backup; moving to another laptop).

The document holds no database ids: articles are known by ``source_path`` (else by the
hash of their first revision), revisions by their text's SHA-256, highlights by their
anchor and creation time, tags and outlets by name. That makes import into an empty library
reproduce everything, and import into a non-empty one merge without duplicates.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any, TextIO

from sqlite_utils import Database

from . import duplicates, near_duplicates, search
from .analysis_store import outlet_id
from .claims.carry import claim_key
from .entity_corrections import apply_to_revision as apply_corrections
from .entity_corrections import speaker_sql
from .errors import InvalidInputError
from .json_check import checked_export
from .json_corrections import export_corrections, merge_corrections, model_entities
from .json_cues import export_cues, merge_cues
from .json_details import merge_analyst_fields
from .json_highlights import merge_highlights
from .json_near import export_link, merge_links
from .json_rules import export_rules, merge_rules
from .outlet_links import merge_outlet_links, outlet_links
from .pages import encode_page_starts, page_starts
from .publication_rules import apply_publication, apply_rules

FORMAT = "monitor-desk-library"
FORMAT_VERSION = 1
Progress = Callable[[int, int], None]

_ARTICLE_COLS = ("source_path", "title", "publication", "volume", "issue", "date", "author",
                 "imported", "modified", "date_source", "date_precision",
                 "date_rule", "language", "language_override")  # fmt: skip
_REVISION_COLS = ("number", "text", "body_start", "text_sha256", "encoding", "created",
                  "pipeline_name", "pipeline_version", "analyzed")  # fmt: skip
_CLAIM_COLS = ("speaker_start", "speaker_end", "speaker_text", "speaker_name", "cue_start",
               "cue_end", "cue_text", "content_start", "content_end", "content_text", "kind",
               "quotes_json", "credibility", "origin", "status", "edited",
               "extracted_key", "confidence")  # fmt: skip
_CLAIM_DEFAULTS = {"status": "anchored", "edited": 0}
"""For exports made before claims had these columns."""
_HIGHLIGHT_COLS = ("start", "end", "exact", "prefix", "suffix", "text_sha256", "color", "note",
                   "status", "created", "modified")  # fmt: skip


def _q(cols: tuple[str, ...], prefix: str = "") -> str:
    return ", ".join(f'{prefix}"{c}"' for c in cols)


def _rows(db: Database, sql: str, params: list[Any], cols: tuple[str, ...]) -> list[dict[str, Any]]:
    return [dict(zip(cols, r, strict=True)) for r in db.execute(sql, params)]


def _revision_doc(db: Database, rev: dict[str, Any], rev_id: int) -> dict[str, Any]:
    if starts := page_starts(db, rev_id):
        rev["page_starts"] = starts  # a PDF's pages (core/pages.py)
    rev["entities"] = model_entities(db, rev_id)  # what the model found; corrections apart
    citations = []
    cit_idx: dict[int, int] = {}
    for cid, idx, start, end, text, covers in db.execute(
        'SELECT id, idx, start, "end", text, covers_json FROM citations WHERE revision_id = ? '
        "ORDER BY idx",
        [rev_id],
    ).fetchall():
        cit_idx[cid] = idx
        items = _rows(
            db,
            """SELECT o.name, ci.outlet_text, ci.date_text, ci.date_start, ci.date_end
               FROM citation_items ci JOIN outlets o ON o.id = ci.outlet_id
               WHERE ci.citation_id = ? ORDER BY ci.id""",
            [cid],
            ("outlet", "outlet_text", "date_text", "date_start", "date_end"),
        )
        citations.append(
            {"idx": idx, "start": start, "end": end, "text": text,
             "covers": json.loads(covers), "items": items}
        )  # fmt: skip
    rev["citations"] = citations
    claims = []
    for row in db.execute(
        f"SELECT {_q(_CLAIM_COLS)}, citation_id FROM claims WHERE revision_id = ? "
        "ORDER BY cue_start, content_start, id",
        [rev_id],
    ):
        claim = dict(zip(_CLAIM_COLS, row[:-1], strict=True))
        claim["quotes"] = json.loads(claim.pop("quotes_json"))
        claim["citation"] = cit_idx.get(row[-1]) if row[-1] is not None else None
        claims.append(claim)
    rev["claims"] = claims
    return rev


def _article_doc(db: Database, article_id: int) -> dict[str, Any]:
    (art,) = _rows(
        db,
        f"SELECT {_q(_ARTICLE_COLS)}, metadata_json, current_revision_id, analyst_fields "
        "FROM articles WHERE id = ?",
        [article_id],
        (*_ARTICLE_COLS, "metadata_json", "current_revision_id", "analyst_fields"),
    )
    art["metadata"] = json.loads(art.pop("metadata_json"))
    art["analyst_fields"] = json.loads(art["analyst_fields"])
    current = art.pop("current_revision_id")
    revisions = []
    number_of: dict[int, int] = {}
    for row in db.execute(
        f"SELECT id, {_q(_REVISION_COLS)} FROM revisions WHERE article_id = ? ORDER BY number",
        [article_id],
    ).fetchall():
        rev = dict(zip(_REVISION_COLS, row[1:], strict=True))
        number_of[row[0]] = rev["number"]
        revisions.append(_revision_doc(db, rev, row[0]))
    art["current_revision"] = number_of.get(current)
    art["revisions"] = revisions
    highlights = []
    for row in db.execute(
        f"SELECT id, revision_id, {_q(_HIGHLIGHT_COLS)} FROM highlights WHERE article_id = ? "
        "ORDER BY start, created, id",
        [article_id],
    ).fetchall():
        h = dict(zip(_HIGHLIGHT_COLS, row[2:], strict=True))
        h["revision"] = number_of[row[1]]
        h["tags"] = [
            r[0]
            for r in db.execute(
                "SELECT t.name FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id "
                "WHERE ht.highlight_id = ? ORDER BY t.name COLLATE NOCASE",
                [row[0]],
            )
        ]
        highlights.append(h)
    art["highlights"] = highlights
    art["near_duplicate_of"] = export_link(db, article_id)
    return art


def export_json(
    db: Database,
    stream: TextIO,
    article_ids: list[int] | None = None,
    progress: Progress | None = None,
    exported_at: str = "",
) -> int:
    """Write the library (or the given articles) as one JSON document; returns articles."""
    ids = article_ids if article_ids is not None else [
        r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")
    ]  # fmt: skip
    head = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported": exported_at,
        "tags": _rows(db, "SELECT name, color, created FROM tags ORDER BY name", [],
                      ("name", "color", "created")),
        "outlets": _rows(db, "SELECT name, reliability FROM outlets ORDER BY name", [],
                         ("name", "reliability")),
        "corrections": export_corrections(db),
        "publication_rules": export_rules(db),
        "taught_cues": export_cues(db),
        "outlet_links": outlet_links(db),
    }  # fmt: skip
    stream.write(json.dumps(head, ensure_ascii=False, indent=1)[:-2] + ',\n "articles": [\n')
    for n, article_id in enumerate(ids):
        if n:
            stream.write(",\n")
        stream.write(json.dumps(_article_doc(db, article_id), ensure_ascii=False))
        if progress is not None:
            progress(n + 1, len(ids))
    stream.write("\n ]\n}\n")
    return len(ids)


def _check(doc: Any) -> dict[str, Any]:
    return checked_export(doc, FORMAT, FORMAT_VERSION)


def read_export(stream: TextIO) -> Any:
    """The JSON document in ``stream`` (``import_json`` checks it), or one clear
    ``InvalidInputError``."""
    try:
        doc = json.load(stream)
    except json.JSONDecodeError as exc:
        raise InvalidInputError(f"The file is not valid JSON ({exc}).") from exc
    except UnicodeDecodeError as exc:
        raise InvalidInputError("The file is not a JSON export (it is not UTF-8 text).") from exc
    except RecursionError as exc:
        raise InvalidInputError("The file is not a JSON export (it is nested too deeply).") from exc
    except ValueError as exc:  # Python's limit on the digits of an integer (4300)
        raise InvalidInputError(
            "The file is not a JSON export (a number in it has too many digits)."
        ) from exc
    return doc


def _find_article(db: Database, art: dict[str, Any]) -> int | None:
    if art["source_path"] is not None:
        row = db.execute("SELECT id FROM articles WHERE source_path = ?", [art["source_path"]])
    else:
        first = art["revisions"][0]["text_sha256"] if art["revisions"] else ""
        row = db.execute(
            """SELECT a.id FROM articles a JOIN revisions r ON r.article_id = a.id
               WHERE a.source_path IS NULL AND r.number = 1 AND r.text_sha256 = ?""",
            [first],
        )
    found = row.fetchone()
    return int(found[0]) if found else None


def _insert_revision(db: Database, article_id: int, rev: dict[str, Any], number: int) -> int:
    values = {c: rev.get(c) for c in _REVISION_COLS} | {"number": number}
    rev_id = int(
        db.execute(
            f"INSERT INTO revisions(article_id, {_q(_REVISION_COLS)}) "
            f"VALUES (?, {', '.join('?' * len(_REVISION_COLS))})",
            [article_id, *values.values()],
        ).lastrowid
        or 0
    )
    duplicates.stamp_revision(db, rev_id, str(rev.get("text") or ""))
    near_duplicates.stamp_revision(db, rev_id, str(rev.get("text") or ""))
    if rev.get("page_starts"):
        db.execute(
            "UPDATE revisions SET page_starts = ? WHERE id = ?",
            [encode_page_starts(rev["page_starts"]), rev_id],
        )
    db.conn.executemany(
        'INSERT INTO entities(revision_id, start, "end", label, text, cluster) '
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(rev_id, *e) for e in rev.get("entities", [])],
    )
    apply_corrections(db, rev_id)
    cit_ids: dict[int, int] = {}
    for c in rev.get("citations", []):
        cid = int(
            db.execute(
                'INSERT INTO citations(revision_id, idx, start, "end", text, covers_json) '
                "VALUES (?, ?, ?, ?, ?, ?)",
                [rev_id, c["idx"], c["start"], c["end"], c["text"], json.dumps(c["covers"])],
            ).lastrowid
            or 0
        )
        cit_ids[c["idx"]] = cid
        for it in c["items"]:
            db.execute(
                """INSERT INTO citation_items(citation_id, outlet_id, outlet_text, date_text,
                       date_start, date_end) VALUES (?, ?, ?, ?, ?, ?)""",
                [cid, outlet_id(db, it["outlet"]), it["outlet_text"], it["date_text"],
                 it["date_start"], it["date_end"]],
            )  # fmt: skip
    for cl in rev.get("claims", []):
        _insert_claim(db, rev_id, cl, cit_ids)
    return rev_id


def _insert_claim(db: Database, rev_id: int, cl: dict[str, Any], cit_ids: dict[int, int]) -> None:
    values = {c: cl.get(c, _CLAIM_DEFAULTS.get(c)) for c in _CLAIM_COLS if c != "quotes_json"}
    if values["origin"] == "auto" and values["extracted_key"] is None:
        values["extracted_key"] = claim_key(str(values["cue_text"]), str(values["content_text"]))
    values["quotes_json"] = json.dumps(cl.get("quotes", []), ensure_ascii=False)
    values["citation_id"] = cit_ids.get(cl["citation"]) if cl.get("citation") is not None else None
    cols = tuple(values)
    db.execute(
        f"INSERT INTO claims(revision_id, {_q(cols)}) VALUES (?, {', '.join('?' * len(cols))})",
        [rev_id, *values.values()],
    )


def _index_article(db: Database, article_id: int) -> None:
    title, text, body_start, rev_id = db.execute(
        """SELECT a.title, r.text, r.body_start, r.id FROM articles a
           JOIN revisions r ON r.id = a.current_revision_id WHERE a.id = ?""",
        [article_id],
    ).fetchone()
    search.index_row(db, "article", article_id, article_id, title, text[body_start:])
    for cid, name, speaker, content in db.execute(
        f"SELECT id, {speaker_sql('claims')}, speaker_text, content_text FROM claims"
        " WHERE revision_id = ?",
        [rev_id],
    ).fetchall():
        body = f"{name or speaker or ''}: {content}"
        search.index_row(db, "claim", cid, article_id, title, body)


def _merge_article(
    db: Database, art: dict[str, Any], known_tags: dict[str, int]
) -> tuple[int, bool, int]:
    """Insert or merge one article; returns (its id, was new, highlights added)."""
    article_id = _find_article(db, art)
    is_new = article_id is None
    if article_id is None:
        values = {c: art.get(c) for c in _ARTICLE_COLS}
        values["analyst_fields"] = json.dumps(art["analyst_fields"])
        values["metadata_json"] = json.dumps(art.get("metadata", {}), ensure_ascii=False,
                                             sort_keys=True)  # fmt: skip
        cols = tuple(values)
        article_id = int(
            db.execute(
                f"INSERT INTO articles({_q(cols)}) VALUES ({', '.join('?' * len(cols))})",
                list(values.values()),
            ).lastrowid
            or 0
        )
    rev_ids: dict[int, int] = {}
    existing = {
        sha: (rid, num)
        for rid, num, sha in db.execute(
            "SELECT id, number, text_sha256 FROM revisions WHERE article_id = ?", [article_id]
        )
    }
    next_number = max((n for _, n in existing.values()), default=0) + 1
    for rev in art["revisions"]:
        if rev["text_sha256"] in existing:
            rev_ids[rev["number"]] = existing[rev["text_sha256"]][0]
            continue
        number = rev["number"] if is_new else next_number
        next_number = max(next_number, number) + 1
        rev_ids[rev["number"]] = _insert_revision(db, article_id, rev, number)
        existing[rev["text_sha256"]] = (rev_ids[rev["number"]], number)
    if is_new:
        # An article must always have a current text: the newest when the export names none.
        wanted = art["current_revision"]
        current = rev_ids[wanted] if wanted in rev_ids else rev_ids[max(rev_ids)]
        db.execute(
            "UPDATE articles SET current_revision_id = ? WHERE id = ?", [current, article_id]
        )
        _index_article(db, article_id)
    else:
        merge_analyst_fields(db, article_id, art)
    texts = {rev["number"]: rev["text"] for rev in art["revisions"]}
    added = merge_highlights(db, article_id, art["highlights"], rev_ids, texts, known_tags)
    return article_id, is_new, added


def _merge_vocabulary(db: Database, doc: dict[str, Any]) -> None:
    for t in doc["tags"]:
        db.execute(
            "INSERT INTO tags(name, color, created) VALUES (?, ?, ?) ON CONFLICT(name) "
            "DO UPDATE SET color = COALESCE(tags.color, excluded.color)",
            [t["name"], t["color"], t["created"]],
        )
    for o in doc["outlets"]:
        db.execute(
            "INSERT INTO outlets(name, reliability) VALUES (?, ?) ON CONFLICT(name) "
            "DO UPDATE SET reliability = COALESCE(outlets.reliability, excluded.reliability)",
            [o["name"], o["reliability"]],
        )


def import_json(
    db: Database, doc: dict[str, Any], progress: Progress | None = None
) -> dict[str, int]:
    """Merge an export into the library; returns counts.

    The whole document is checked first (a bad field is named and nothing is written), then
    merged in one transaction: the library gets all of it or, on a full disk, none of it."""
    doc = _check(doc)
    counts = {"articles_added": 0, "articles_merged": 0, "highlights_added": 0}
    articles = doc["articles"]
    known_tags: dict[str, int] = {}
    with db.atomic():
        _merge_vocabulary(db, doc)
        merge_corrections(db, doc["corrections"])
        new_rules = merge_rules(db, doc["publication_rules"])
        merge_cues(db, doc["taught_cues"])
        merge_outlet_links(db, doc["outlet_links"])
        merged: list[int] = []
        for n, art in enumerate(articles):
            article_id, is_new, added = _merge_article(db, art, known_tags)
            merged.append(article_id)
            counts["articles_added" if is_new else "articles_merged"] += 1
            counts["highlights_added"] += added
            if progress is not None:
                progress(n + 1, len(articles))
        merge_links(db, articles, _find_article)
        # The rules' years: for the articles merged in, and, for a rule new to this library,
        # over its publication's articles already here (not every rule over every article).
        apply_rules(db, merged)
        for publication in new_rules:
            apply_publication(db, publication)
    return counts


def iter_article_docs(doc: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield from doc.get("articles", [])
