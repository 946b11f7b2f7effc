"""Fit the claim confidence model on PolNeAR train, or report its calibration on a split.

Usage::

    python bench/calibrate_claims.py --fit          # parse train (cached), fit, write the table
    python bench/calibrate_claims.py --report dev   # reliability curve and Brier score on dev
    python bench/calibrate_claims.py --cv           # 5-fold CV by document on train: Brier,
                                                    # reliability, before/after the parse features

A claim is right when its cue matches an annotated cue (``eval_claims.score_doc``: the
characters overlap, one-to-one, largest overlap first). A quotation no cue claims
(``orphan-quote``, no cue to match) is right when at least half of its words lie in an
annotated Content. The model is an L2-regularised logistic regression over
``confidence.claim_features`` fitted with Newton's method (numpy, here only); the weights go
to ``monitor_desk/core/nlp/claims/confidence_table.py`` — numbers and feature names, no
corpus text. Parsed documents are cached outside the repository as a spaCy DocBin
(``$MONITOR_DESK_BENCH_CACHE/polnear-<split>.spacy``, default ``/work/benchcache``), so a
refit after a change of the rules does not parse again. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import CORPUS, REPO, report  # noqa: E402
from eval_claims import _words, load_brat, score_doc  # noqa: E402

CACHE = Path(os.environ.get("MONITOR_DESK_BENCH_CACHE", "/work/benchcache"))
TABLE_FILE = REPO / "monitor_desk" / "core" / "nlp" / "claims" / "confidence_table.py"
MIN_COUNT = 100
"""A feature value seen on fewer train claims gets no weight (a rare cue lemma is ``other``)."""
L2 = 5.0
"""The penalty on the weights (the bias is free); 5-fold CV on train: see docs/CLAIMS.md."""
BASE_FEATURES = frozenset(["frame", "lemma", "speaker", "quotes", "kind", "parse", "length"])
"""The claim's own features (the model before the parse features), compared by ``--cv``."""
HIGH = 0.8


def parsed(split: str) -> list[tuple[str, Any, list[Any]]]:
    """``(text, doc, golds)`` of a PolNeAR split, parsed once and cached as a DocBin."""
    from spacy.tokens import DocBin

    from monitor_desk.core.nlp.pipeline import load_pipeline

    data = load_brat(CORPUS / "eval" / "polnear" / split)
    if not data:  # never replace the shared cache with an empty one
        raise SystemExit(f"no PolNeAR {split} documents under {CORPUS} (MONITOR_DESK_CORPUS)")
    pipeline = load_pipeline()
    path = CACHE / f"polnear-{split}.spacy"
    docs: list[Any] = []
    if path.exists():  # ours, or another script's in another order: found by their texts
        by_text = {d.text: d for d in DocBin().from_disk(path).get_docs(pipeline.nlp.vocab)}
        found = [by_text.get(text) for _, text, _ in data]
        docs = [d for d in found if d is not None]
        if len(docs) != len(data):
            docs = []  # another corpus: parse again
    if not docs:
        docs = list(pipeline.nlp.pipe((text for _, text, _ in data), batch_size=32))
        bin_ = DocBin(store_user_data=True)
        for (name, _, _), doc in zip(data, docs, strict=True):
            doc.user_data["name"] = name
            bin_.add(doc)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.tmp{os.getpid()}")
        bin_.to_disk(tmp)
        os.replace(tmp, path)
    return [(text, doc, golds) for (_, text, golds), doc in zip(data, docs, strict=True)]


class Row(NamedTuple):
    """One extracted claim: its features, whether it is right, and its document's index."""

    claim: Any
    features: list[str]
    right: int
    doc: int


def labelled(split: str) -> list[Row]:
    """A ``Row`` for every claim extracted from ``split``."""
    from monitor_desk.core.nlp.claims import extract_claims
    from monitor_desk.core.nlp.claims.confidence import DocClaims, claim_features

    out = []
    for index, (text, doc, golds) in enumerate(parsed(split)):
        claims = extract_claims(doc)
        result = score_doc(text, claims, golds)
        wrong = {id(c) for c in result["false"]}
        contents = _words(text, [span for _, _, content in golds for span in content])
        context = DocClaims(doc, claims)
        for c in claims:
            if c.cue.end > c.cue.start:
                right = id(c) not in wrong
            else:
                words = _words(text, [(c.content.start, c.content.end)])
                right = bool(words) and len(words & contents) >= len(words) / 2
            out.append(Row(c, claim_features(doc, c, context), int(right), index))
    return out


def fit(rows: Sequence[Row], l2: float = L2) -> dict[str, Any]:
    """L2-regularised logistic regression (Newton's method) over the frequent features."""
    import numpy as np

    from monitor_desk.core.nlp.claims.confidence import known

    counts = Counter(f for row in rows for f in row.features)
    kept = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    if "lemma=other" not in kept:
        kept.append("lemma=other")
    index = {f: i for i, f in enumerate(kept)}
    x = np.zeros((len(rows), len(kept) + 1))
    x[:, -1] = 1.0  # the bias, not regularised
    y = np.array([row.right for row in rows], dtype=float)
    weights_known = {f: 0.0 for f in kept}
    for i, row in enumerate(rows):
        for f in known(row.features, weights_known):
            if f in index:
                x[i, index[f]] = 1.0
    reg = np.full(x.shape[1], l2)
    reg[-1] = 0.0
    w = np.zeros(x.shape[1])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + reg * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {
        "fitted_on": "polnear/train",
        "claims": len(rows),
        "bias": round(float(w[-1]), 4),
        "weights": {f: round(float(w[index[f]]), 4) for f in kept},
    }


def cross_validate(rows: Sequence[Row], l2: float = L2, folds: int = 5) -> dict[str, Any]:
    """``folds``-fold cross-validation by document on ``rows`` (train): the model fitted
    on the other folds scores each fold; the calibration of those held-out scores, for
    the seven claim features alone (``base``) and with the parse features (``full``)."""
    from monitor_desk.core.nlp.claims.confidence import score

    out: dict[str, Any] = {"folds": folds, "l2": l2, "min_count": MIN_COUNT}
    for name in ("base", "full"):
        if name == "base":
            used = [r._replace(features=[f for f in r.features if _is_base(f)]) for r in rows]
        else:
            used = list(rows)
        held: list[tuple[float, Row]] = []
        weights = 0
        for fold in range(folds):
            table = fit([r for r in used if r.doc % folds != fold], l2)
            weights = max(weights, len(table["weights"]))
            held += [(score(r.features, table), r) for r in used if r.doc % folds == fold]
        cues = [(p, r.right) for p, r in held if r.claim.cue.end > r.claim.cue.start]
        out[name] = {
            "weights": weights,
            "cue_claims": calibration(cues),
            "all_claims_brier": calibration([(p, r.right) for p, r in held])["brier"],
        }
    return out


def _is_base(feature: str) -> bool:
    return feature.partition("=")[0] in BASE_FEATURES


def write_table(table: dict[str, Any]) -> None:
    lines = [
        '"""Weights of the claim confidence model (core/nlp/claims/confidence.py).',
        "",
        "Written by ``python bench/calibrate_claims.py --fit``; do not edit by hand.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Any",
        "",
        "TABLE: dict[str, Any] = {",
        f'    "fitted_on": "{table["fitted_on"]}",',
        f'    "claims": {table["claims"]},',
        f'    "bias": {table["bias"]!r},',
        '    "weights": {',
        *(f"        {json.dumps(f)}: {v!r}," for f, v in table["weights"].items()),
        "    },",
        "}",
        "",
    ]
    tmp = TABLE_FILE.with_name(TABLE_FILE.name + ".tmp")
    tmp.write_text("\n".join(lines), encoding="utf-8")
    os.replace(tmp, TABLE_FILE)


def calibration(pairs: list[tuple[float, int]]) -> dict[str, Any]:
    """Brier score, a 10-bin reliability curve and the share right at confidence ≥ 0.8."""
    bins: list[list[tuple[float, int]]] = [[] for _ in range(10)]
    for conf, right in pairs:
        bins[min(9, int(conf * 10))].append((conf, right))
    curve = [
        {
            "bin": f"{i / 10:.1f}-{(i + 1) / 10:.1f}",
            "claims": len(b),
            "mean_confidence": round(sum(c for c, _ in b) / len(b), 3),
            "share_right": round(sum(r for _, r in b) / len(b), 3),
        }
        for i, b in enumerate(bins)
        if b
    ]
    high = [r for c, r in pairs if c >= HIGH]
    n = len(pairs) or 1
    return {
        "claims": len(pairs),
        "share_right": round(sum(r for _, r in pairs) / n, 4),
        "brier": round(sum((c - r) ** 2 for c, r in pairs) / n, 4),
        "brier_of_base_rate": round(
            sum((sum(r for _, r in pairs) / n - r) ** 2 for _, r in pairs) / n, 4
        ),
        "high_confidence_claims": len(high),
        "high_confidence_share_right": round(sum(high) / len(high), 4) if high else None,
        "reliability": curve,
    }


def cost(split: str) -> dict[str, float]:
    """What scoring adds to extraction, per 1000 words of ``split`` (parses cached): the
    extraction (scoring included) timed whole, and the scoring alone on its claims."""
    from monitor_desk.core.nlp.claims import extract_claims
    from monitor_desk.core.nlp.claims.confidence import with_confidence
    from monitor_desk.core.nlp.claims.quotes import QuoteIndex

    docs = [doc for _, doc, _ in parsed(split)]
    quotes = [QuoteIndex(doc.text) for doc in docs]  # found by the extraction, passed on
    words = sum(1 for doc in docs for t in doc if not t.is_punct and not t.is_space)
    best_extract = best_score = float("inf")
    for _ in range(2):
        extracting = scoring = 0.0
        for doc, doc_quotes in zip(docs, quotes, strict=True):
            t0 = time.perf_counter()
            claims = extract_claims(doc)
            t1 = time.perf_counter()
            with_confidence(doc, claims, doc_quotes)
            extracting += t1 - t0
            scoring += time.perf_counter() - t1
        best_extract, best_score = min(best_extract, extracting), min(best_score, scoring)
    per_k = 1000 * 1000 / max(words, 1)
    return {
        "claims_ms_per_1000_words": round(best_extract * per_k, 3),
        "confidence_ms_per_1000_words": round(best_score * per_k, 3),
        "confidence_share_of_claims": round(best_score / best_extract, 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--fit", action="store_true", help="fit on train, write the table")
    group.add_argument("--report", metavar="SPLIT", help="calibration on a split (dev)")
    group.add_argument(
        "--cv", action="store_true", help="5-fold CV by document on train (never dev)"
    )
    parser.add_argument("--l2", type=float, default=L2, help="L2 penalty (--fit, --cv)")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    if args.cv:
        report(
            "calibrate_claims",
            mode="cv",
            split="train",
            **cross_validate(labelled("train"), args.l2),
            seconds=round(time.perf_counter() - t0, 1),
        )
        return 0
    if args.fit:
        table = fit(labelled("train"), args.l2)
        write_table(table)
        report(
            "calibrate_claims",
            mode="fit",
            table=str(TABLE_FILE.relative_to(REPO)),
            claims=table["claims"],
            features=len(table["weights"]),
            seconds=round(time.perf_counter() - t0, 1),
        )
        return 0
    rows = labelled(args.report)
    cues = [
        (float(r.claim.confidence), r.right) for r in rows if r.claim.cue.end > r.claim.cue.start
    ]
    orphans = [
        (float(r.claim.confidence), r.right) for r in rows if r.claim.cue.end <= r.claim.cue.start
    ]
    report(
        "calibrate_claims",
        mode="report",
        split=args.report,
        cue_claims=calibration(cues),
        orphan_quotes=calibration(orphans),
        all_claims=calibration(cues + orphans),
        cost=cost(args.report),
        seconds=round(time.perf_counter() - t0, 1),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
