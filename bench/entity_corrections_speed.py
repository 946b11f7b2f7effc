"""Entity corrections: what the look-up costs an import with analysis, and how long one
correction takes on a large library (targets: under 5 % of import time; seconds for 100k).

1. ``import_share``: briefs imported with analysis (one process) while 100 corrections are in
   force; the time spent inside ``apply_to_revision`` (the look-up and rewrite when an analysis
   is stored) as a share of the whole import.
2. ``one_correction``: a library of ``--articles`` stored articles with 20 mentions each
   (written directly, no model), 1 % of them mentioning "Lib Dems" as a person; the time of
   ``corrections.add("retype", …)``, of its revocation, and of an "add" correction found
   through the full-text index.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from _common import make_briefs, report

from monitor_desk.core import analysis_store, entity_corrections
from monitor_desk.core.library import Library


def import_share(n: int) -> dict[str, float]:
    spent = [0.0]
    real = entity_corrections.apply_to_revision

    def timed(*args: object, **kwargs: object) -> None:
        t0 = time.perf_counter()
        real(*args, **kwargs)  # type: ignore[arg-type]
        spent[0] += time.perf_counter() - t0

    analysis_store.apply_corrections = timed  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for i, text in enumerate(make_briefs(n, seed=5)):
            (folder / f"b{i:04}.txt").write_text(text, encoding="utf-8")
        with Library.open(Path(tmp) / "lib.sqlite") as lib:
            for i in range(100):
                lib.corrections.add("retype", [f"Nobody {i}"], "ORG")
            lib.corrections.add("merge", ["Ivanov"], "Igor Ivanov")
            lib.corrections.add("add", ["Kremlin"], "ORG")
            t0 = time.perf_counter()
            lib.import_paths([folder], processes=1)
            total = time.perf_counter() - t0
    analysis_store.apply_corrections = real
    return {"articles": n, "import_s": round(total, 2), "corrections_s": round(spent[0], 3),
            "share": round(spent[0] / total, 4)}  # fmt: skip


def one_correction(articles: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp, Library.open(Path(tmp) / "lib.sqlite") as lib:
        db = lib.db
        with db.atomic():
            db.conn.executemany(
                """INSERT INTO articles(id, title, imported, modified, current_revision_id)
                   VALUES (?, ?, 'x', 'x', ?)""",
                [(i, f"Brief {i}", i) for i in range(1, articles + 1)],
            )
            db.conn.executemany(
                """INSERT INTO revisions(id, article_id, number, text, text_sha256, created)
                   VALUES (?, ?, 1, ?, ?, 'x')""",
                [(i, i, f"Body {i} the Kremlin said", str(i)) for i in range(1, articles + 1)],
            )
            db.conn.executemany(
                "INSERT INTO search_fts(rowid, article_id, title, body) VALUES (?, ?, '', ?)",
                [(i * 4, i, "the Kremlin said" if i % 100 == 0 else "nothing")
                 for i in range(1, articles + 1)],
            )  # fmt: skip
            rows = []
            for i in range(1, articles + 1):
                for k in range(20):
                    name = "Lib Dems" if i % 100 == 0 and k == 0 else f"Name {(i * 7 + k) % 5000}"
                    rows.append((i, k * 10, k * 10 + 5, "PERSON", name, name))
            db.conn.executemany(
                """INSERT INTO entities(revision_id, start, "end", label, text, cluster,
                       model_label, model_cluster) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                [(*r, r[3], r[5]) for r in rows],
            )
        t0 = time.perf_counter()
        created = lib.corrections.add("retype", ["Lib Dems"], "ORG")
        retype = time.perf_counter() - t0
        t0 = time.perf_counter()
        lib.corrections.revoke(created.id)
        revoke = time.perf_counter() - t0
        t0 = time.perf_counter()
        added = lib.corrections.add("add", ["Kremlin"], "ORG")
        add = time.perf_counter() - t0
        t0 = time.perf_counter()
        listed = lib.entities.list(search="Kremlin")
        listing = time.perf_counter() - t0
        assert len(created.changes.articles) == articles // 100
        assert len(added.changes.articles) == articles // 100
        assert listed[0].articles == articles // 100
        return {"articles": articles, "mentions": len(rows), "retype_s": round(retype, 3),
                "revoke_s": round(revoke, 3), "add_s": round(add, 3),
                "entities_search_s": round(listing, 3)}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--briefs", type=int, default=100)
    ap.add_argument("--articles", type=int, default=100_000)
    args = ap.parse_args()
    share = import_share(args.briefs)
    big = one_correction(args.articles)
    report(
        "entity_corrections",
        **{f"import_{k}": v for k, v in share.items()},
        **{f"stored_{k}": v for k, v in big.items()},
        meets_target=share["share"] < 0.05 and big["retype_s"] < 10,
    )


if __name__ == "__main__":
    main()
