"""Storing and loading what the analysis found in one revision: entities, citations with
their outlets, and the extracted claims (the analyst's own claims are kept). Callers hold
the transaction."""

from __future__ import annotations

import json

from sqlite_utils import Database

from . import search
from .article_dates import apply_citation_date
from .claims import carry as claim_carry
from .db import utc_now
from .entity_corrections import apply_to_revision as apply_corrections
from .entity_corrections import speaker_sql
from .models import Analysis, Citation, CitationItem, Claim, EntityMention, Span
from .publication_rules import apply_rules


def outlet_id(db: Database, name: str) -> int:
    """The outlet's id (made when new); an outlet the analyst linked to another is that
    other (``Sources.link``)."""
    alias = db.execute("SELECT outlet FROM outlet_aliases WHERE name = ?", [name]).fetchone()
    if alias:
        name = alias[0]
    row = db.execute("SELECT id FROM outlets WHERE name = ?", [name]).fetchone()
    if row:
        return int(row[0])
    return int(db.execute("INSERT INTO outlets(name) VALUES (?)", [name]).lastrowid or 0)


def store_analysis(db: Database, revision_id: int, analysis: Analysis) -> None:
    """Replace the stored analysis of one revision (the analyst's claims are kept).

    A failed analysis (``analysis.error``) replaces nothing: the error is recorded, and a
    revision never analysed is stamped as analysed so that it is not retried at every
    start (``reanalyze`` of the article tries again).
    """
    article_id, title, analysed = db.execute(
        """SELECT a.id, a.title, r.pipeline_name FROM revisions r
           JOIN articles a ON a.id = r.article_id WHERE r.id = ?""",
        [revision_id],
    ).fetchone()
    if analysis.language is not None:  # the article's language is its current text's
        db.execute(
            "UPDATE articles SET language = ? WHERE id = ? AND current_revision_id = ?",
            [analysis.language, article_id, revision_id],
        )
    if analysis.error is not None:
        stamp = analysed is None
        db.execute(
            """UPDATE revisions SET analysis_error = ?,
                   pipeline_name = CASE WHEN ? THEN ? ELSE pipeline_name END,
                   pipeline_version = CASE WHEN ? THEN ? ELSE pipeline_version END,
                   analyzed = CASE WHEN ? THEN ? ELSE analyzed END
               WHERE id = ?""",
            [
                analysis.error,
                stamp,
                analysis.pipeline_name,
                stamp,
                analysis.pipeline_version,
                stamp,
                utc_now(),
                revision_id,
            ],
        )
        return
    # Extracted claims are found afresh; those the analyst graded or edited are kept for
    # the new analysis to match (claim_carry.AnalystClaims), the others replaced.
    analyst = claim_carry.AnalystClaims(db, revision_id)
    kept = set(analyst.ids)
    old_claims = [
        r[0]
        for r in db.execute(
            "SELECT id FROM claims WHERE revision_id = ? AND origin = 'auto'", [revision_id]
        )
        if r[0] not in kept
    ]
    search.unindex_rows(db, "claim", old_claims)
    db.conn.executemany("DELETE FROM claims WHERE id = ?", [(c,) for c in old_claims])
    db.execute("DELETE FROM entities WHERE revision_id = ?", [revision_id])
    db.execute("DELETE FROM citations WHERE revision_id = ?", [revision_id])
    db.conn.executemany(
        """INSERT INTO entities(revision_id, start, "end", label, text, cluster)
           VALUES (?, ?, ?, ?, ?, ?)""",
        [(revision_id, e.start, e.end, e.label, e.text, e.cluster) for e in analysis.entities],
    )
    apply_corrections(db, revision_id)
    citation_ids: list[int] = []
    for idx, c in enumerate(analysis.citations):
        cid = int(
            db.execute(
                """INSERT INTO citations(revision_id, idx, start, "end", text, covers_json)
                   VALUES (?, ?, ?, ?, ?, ?)""",
                [revision_id, idx, c.start, c.end, c.text, json.dumps([list(s) for s in c.covers])],
            ).lastrowid
            or 0
        )
        citation_ids.append(cid)
        db.conn.executemany(
            """INSERT INTO citation_items(citation_id, outlet_id, outlet_text, date_text,
                                          date_start, date_end) VALUES (?, ?, ?, ?, ?, ?)""",
            [
                (
                    cid,
                    outlet_id(db, it.outlet),
                    it.outlet_text,
                    it.date_text,
                    it.date_start,
                    it.date_end,
                )
                for it in c.items
            ],
        )
    for cl in analysis.claims:
        if analyst.owned(cl):
            continue
        citation_id = citation_ids[cl.citation] if cl.citation is not None else None
        claim_id = analyst.take(cl, citation_id)
        if claim_id is None:
            values = {
                **claim_carry.extracted_columns(cl),
                "revision_id": revision_id,
                "citation_id": citation_id,
            }
            names = ", ".join(f'"{k}"' for k in values)
            marks = ", ".join(f":{k}" for k in values)
            cur = db.execute(f"INSERT INTO claims({names}) VALUES ({marks})", values)
            claim_id = int(cur.lastrowid or 0)
        name, speaker, content = db.execute(  # the name as corrected: search finds it so
            f"SELECT {speaker_sql('claims')}, speaker_text, content_text FROM claims WHERE id = ?",
            [claim_id],
        ).fetchone()
        body = claim_carry.claim_search_body(name, speaker, content)
        search.index_row(db, "claim", claim_id, article_id, title, body)
    db.execute(
        """UPDATE revisions SET pipeline_name = ?, pipeline_version = ?, analyzed = ?,
                  analysis_error = NULL WHERE id = ?""",
        [analysis.pipeline_name, analysis.pipeline_version, utc_now(), revision_id],
    )
    cited = [(it.date_text, it.date_end) for c in analysis.citations for it in c.items]
    apply_citation_date(db, article_id, revision_id, cited)
    apply_rules(db, [article_id])


def load_analysis(db: Database, revision_id: int) -> Analysis | None:
    row = db.execute(
        """SELECT r.pipeline_name, r.pipeline_version,
                  CASE WHEN a.current_revision_id = r.id THEN a.language END
           FROM revisions r JOIN articles a ON a.id = r.article_id WHERE r.id = ?""",
        [revision_id],
    ).fetchone()
    if row is None or row[0] is None:
        return None
    analysis = Analysis(pipeline_name=row[0], pipeline_version=row[1], language=row[2])
    analysis.entities = [
        EntityMention(*r)
        for r in db.execute(
            """SELECT start, "end", label, text, cluster FROM entities WHERE revision_id = ?
               ORDER BY start""",
            [revision_id],
        )
    ]
    cit_index: dict[int, int] = {}
    for cid, start, end, text, covers in db.execute(
        """SELECT id, start, "end", text, covers_json FROM citations WHERE revision_id = ?
           ORDER BY idx""",
        [revision_id],
    ).fetchall():
        items = tuple(
            CitationItem(*r)
            for r in db.execute(
                """SELECT o.name, ci.date_text, ci.date_start, ci.date_end, ci.outlet_text
                   FROM citation_items ci JOIN outlets o ON o.id = ci.outlet_id
                   WHERE ci.citation_id = ? ORDER BY ci.id""",
                [cid],
            )
        )
        cit_index[cid] = len(analysis.citations)
        analysis.citations.append(
            Citation(
                start, end, text, items, tuple((int(a), int(b)) for a, b in json.loads(covers))
            )
        )
    for r in db.execute(
        """SELECT speaker_start, speaker_end, speaker_text, speaker_name, cue_start, cue_end,
                  cue_text, content_start, content_end, content_text, kind, quotes_json,
                  citation_id, confidence FROM claims WHERE revision_id = ?
           ORDER BY cue_start, id""",
        [revision_id],
    ):
        speaker = Span(r[0], r[1], r[2]) if r[0] is not None else None
        analysis.claims.append(
            Claim(
                speaker=speaker,
                speaker_name=r[3],
                cue=Span(r[4], r[5], r[6]),
                content=Span(r[7], r[8], r[9]),
                kind=r[10],
                quotes=tuple(Span(*q) for q in json.loads(r[11])),
                citation=cit_index.get(r[12]) if r[12] is not None else None,
                confidence=r[13],
            )
        )
    return analysis
