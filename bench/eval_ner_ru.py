"""Score the Russian entities on factRuEval-2016 (``eval/factruEval/dev`` of the corpus).

The scoring rule of the corpus's README: a gold mention is the extent of an object's name
spans (name, surname, patronymic, nickname, org_name, loc_name); Person → PER, Org → ORG,
Location → LOC, LocOrg → LOC or ORG; a prediction matches when it overlaps a gold mention
of its class; descriptor-only objects are not scored. Predictions are what the product
stores (``analyze_text``: masking, language, natasha, our rules; PERSON → PER, ORG → ORG,
GPE/LOC/FAC → LOC; other labels are not scored), and natasha's bare spans as a baseline.

    python bench/eval_ner_ru.py [--data DIR] [--limit N] [--no-baseline]

Prints one JSON line: micro and per-type precision, recall and F1.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import CORPUS, report  # noqa: E402

NAME_SPANS = {"name", "surname", "patronymic", "nickname", "org_name", "loc_name"}
GOLD_CLASSES = {"Person": {"PER"}, "Org": {"ORG"}, "Location": {"LOC"}, "LocOrg": {"LOC", "ORG"}}
PREDICTED = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
Mention = tuple[int, int, str]


def read_gold(base: Path) -> list[Mention]:
    spans: dict[str, tuple[str, int, int]] = {}
    for line in base.with_suffix(".spans").read_text("utf-8").splitlines():
        parts = line.split("#", 1)[0].split()
        if len(parts) >= 4:
            spans[parts[0]] = (parts[1], int(parts[2]), int(parts[2]) + int(parts[3]))
    gold = []
    for line in base.with_suffix(".objects").read_text("utf-8").splitlines():
        parts = line.split("#", 1)[0].split()
        if len(parts) < 3 or parts[1] not in GOLD_CLASSES:
            continue
        names = [spans[i] for i in parts[2:] if i in spans and spans[i][0] in NAME_SPANS]
        if names:
            gold.append((min(s for _, s, _ in names), max(e for _, _, e in names), parts[1]))
    return gold


def score(pairs: list[tuple[list[Mention], list[Mention]]]) -> dict[str, object]:
    tp_pred: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    tp_gold: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for gold, predicted in pairs:
        for s, e, label in predicted:
            n_pred[label] += 1
            if any(s < ge and gs < e and label in GOLD_CLASSES[gc] for gs, ge, gc in gold):
                tp_pred[label] += 1
        for gs, ge, gc in gold:
            n_gold[gc] += 1
            if any(s < ge and gs < e and label in GOLD_CLASSES[gc] for s, e, label in predicted):
                tp_gold[gc] += 1

    def prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> dict[str, float | int]:
        p = tp_p / n_p if n_p else 0.0
        r = tp_g / n_g if n_g else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "pred": n_p, "gold": n_g}

    gold_of = {"PER": "Person", "ORG": "Org", "LOC": "Location"}
    per_type = {t: prf(tp_pred[t], n_pred[t], tp_gold[g], n_gold[g]) for t, g in gold_of.items()}
    per_type["LocOrg (recall only)"] = prf(0, 0, tp_gold["LocOrg"], n_gold["LocOrg"])
    micro = prf(
        sum(tp_pred.values()), sum(n_pred.values()), sum(tp_gold.values()), sum(n_gold.values())
    )
    return {"micro": micro, "per_type": per_type}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=CORPUS / "eval" / "factruEval" / "dev")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()
    texts = sorted(args.data.glob("*.txt"), key=lambda p: int(p.stem.split("_")[-1]))
    if args.limit:
        texts = texts[: args.limit]

    from monitor_desk.core.nlp.analysis import analyze_many
    from monitor_desk.core.nlp.pipeline import load_pipeline
    from monitor_desk.core.nlp.russian.pipeline import load_russian

    pipeline = load_pipeline()
    russian = load_russian()
    docs = [(p.read_text("utf-8"), read_gold(p.with_suffix(""))) for p in texts]
    started = time.perf_counter()
    analyses = list(analyze_many([(text, 0, {}) for text, _ in docs], pipeline))
    seconds = time.perf_counter() - started
    ours = []
    for (_, gold), analysis in zip(docs, analyses, strict=True):
        predicted = [
            (m.start, m.end, PREDICTED[m.label]) for m in analysis.entities if m.label in PREDICTED
        ]
        ours.append((gold, predicted))
    figures: dict[str, object] = {
        "texts": len(docs),
        "ours": score(ours),
        "languages": dict(Counter(a.language for a in analyses)),
        "seconds": round(seconds, 2),
    }
    if not args.no_baseline:
        bare = []
        for text, gold in docs:
            doc = russian.parse(text)
            bare.append((gold, [(s.start, s.stop, PREDICTED[s.type]) for s in doc.spans]))
        figures["natasha_alone"] = score(bare)
    report("eval_ner_ru", **figures)


if __name__ == "__main__":
    main()
