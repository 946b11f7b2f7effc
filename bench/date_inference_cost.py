"""What dating articles adds to an import with analysis (issue 15 target: under 5%).

Imports real news files (Monitor, BBC, Reuters) with analysis, one process, then times the
dating work alone on the same files: the file's own date or its dateline
(``document_date``), the citations' lower bound (``latest_cited``) and its write
(``apply_citation_date``), then the publication rules (a *Monitor* rule is set before the
import, as an analyst would have it), run over every article of the library just built. Prints the
dating time as a share of the import time.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from _common import CORPUS, report

from monitor_desk.core import article_dates, publication_rules
from monitor_desk.core.ingest import read_document
from monitor_desk.core.library import Library


def _files(n: int) -> list[Path]:
    news = CORPUS / "news"
    monitor = sorted((CORPUS / "monitor").glob("*.txt"))
    bbc = sorted((news / "bbc_politics").glob("*.txt"))[: n // 2]
    reuters = sorted((news / "reuters21578").glob("*.txt"))[: n - n // 2 - len(monitor)]
    return [*monitor, *bbc, *reuters]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=120)
    ap.add_argument("--rounds", type=int, default=5, help="rounds of the dating work alone")
    args = ap.parse_args()
    files = _files(args.n)
    with tempfile.TemporaryDirectory() as tmp, Library.open(Path(tmp) / "lib.sqlite") as lib:
        lib.pipeline  # noqa: B018  (the model loads before the clock starts)
        lib.rules.set("Monitor", 1, 1995, "daily")
        t0 = time.perf_counter()
        rep = lib.import_paths(files, analyze=True)
        import_s = time.perf_counter() - t0
        docs = [read_document(f) for f in files]
        db = lib.db
        rows = db.execute(
            """SELECT a.id, a.current_revision_id FROM articles a ORDER BY a.id"""
        ).fetchall()
        cited = {
            rev: db.execute(
                """SELECT ci.date_text, ci.date_end FROM citation_items ci
                   JOIN citations c ON c.id = ci.citation_id WHERE c.revision_id = ?""",
                [rev],
            ).fetchall()
            for _, rev in rows
        }
        best = float("inf")
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            for doc in docs:
                article_dates.document_date(
                    doc.date, doc.metadata.get("date"), doc.date_source, doc.text, doc.body_start
                )
            with db.conn:
                for article_id, rev in rows:
                    article_dates.apply_citation_date(db, article_id, rev, cited[rev])
                    publication_rules.apply_rules(db, [article_id])
            best = min(best, time.perf_counter() - t0)
        dated = db.execute("SELECT COUNT(*) FROM articles WHERE date IS NOT NULL").fetchone()[0]
        by_rule = db.execute(
            "SELECT COUNT(*) FROM articles WHERE date_rule IS NOT NULL"
        ).fetchone()[0]
    report(
        "date_inference_cost",
        files=len(files),
        imported=rep.count("imported"),
        dated=dated,
        dated_with_a_rule=by_rule,
        import_with_analysis_s=round(import_s, 3),
        dating_s=round(best, 4),
        share=round(best / import_s, 5),
        target_share=0.05,
        meets_target=best / import_s < 0.05,
    )


if __name__ == "__main__":
    main()
