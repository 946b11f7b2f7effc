"""Score ``extract_claims_ru`` on our own hand-annotated Russian news paragraphs.

Usage: ``python bench/eval_claims_ru.py [--data FILE] [--show]``
       ``python bench/eval_claims_ru.py --corpus [--limit N] [--texts DIR]`` (claims of the
       corpus's Russian feeds — or of every ``*.txt`` in DIR, e.g. the corpus's
       ``eval/factruEval/dev`` — printed one a line with their frame for reading by eye; no
       score)

``FILE`` (default ``bench/data/ru_claims.jsonl``, 38 paragraphs written while the
extractor was built; ``bench/data/ru_claims_heldout.jsonl``, 15 written after it and
scored once before any change; ``bench/data/ru_claims_impersonal.jsonl``, 28 of
institutions speaking without a subject and their look-alikes, and
``ru_claims_impersonal_heldout.jsonl``, 12 written after those cues) holds one paragraph a
line: ``text`` and its ``claims``, each with the ``speaker``, ``cue`` and ``content``
strings as written in the text (the first occurrence). The paragraphs were written for
this benchmark (no outside text); the frames cover reporting verbs in both aspects, "по
словам / по мнению / по данным X", "как сообщает X", "X: «…»", quotations in «ёлочки»,
„лапки“ and "…" with a dash-introduced speaker, a dialogue dash, nominal cues, "в Кремле
заявили", and negative sentences. Conventions: content leaves out "что" and the comma
before it; a direct quotation keeps its marks; the speaker is the whole noun phrase
("министр … Сергей Лавров"), a pronoun as written, an institution in "в …" without the
preposition ("Кремле"). Scoring is ``eval_claims.score_doc``'s: cues match on
overlapping characters (precision first), speaker and content by word-overlap F1. Prints
one JSON object.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CORPUS  # noqa: E402
from _natasha_doc import russian_parser  # noqa: E402
from eval_claims import Gold, score_doc  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parent / "data" / "ru_claims.jsonl"


def _span(text: str, part: str) -> list[tuple[int, int]]:
    at = text.find(part)
    if at < 0:
        raise ValueError(f"{part!r} is not in {text[:60]!r}…")
    return [(at, at + len(part))]


def load(path: Path) -> list[tuple[str, str, list[Gold], list[dict[str, Any]]]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text = row["text"]
        golds = [
            (_span(text, c["cue"]), _span(text, c["speaker"]), _span(text, c["content"]))
            for c in row["claims"]
        ]
        out.append((row["id"], text, golds, row["claims"]))
    return out


def evaluate(path: Path, show: bool = False) -> dict[str, Any]:
    from monitor_desk.core.nlp.russian.claims import extract_claims_ru

    parse = russian_parser()
    tp = pred = gold = kinds_right = names_right = names_total = words = 0
    speaker: list[float] = []
    content: list[float] = []
    seconds = 0.0
    data = load(path)
    for ident, text, golds, rows in data:
        doc = parse(text)
        t0 = time.perf_counter()
        claims = extract_claims_ru(doc)
        seconds += time.perf_counter() - t0
        words += sum(1 for t in doc.tokens if t.pos != "PUNCT")
        r = score_doc(text, claims, golds)
        tp, pred, gold = tp + r["tp"], pred + r["pred"], gold + r["gold"]
        speaker += r["speaker"]
        content += r["content"]
        for c in claims:
            for g, row in zip(golds, rows, strict=True):
                if c.cue.start < g[0][0][1] and g[0][0][0] < c.cue.end:
                    kinds_right += c.kind == row["kind"]
                    if "speaker_name" in row:
                        names_total += 1
                        names_right += c.speaker_name == row["speaker_name"]
        if show:
            for c in r["false"]:
                print(f"FALSE {ident}: {c.cue.text!r} {c.content.text!r}", file=sys.stderr)
            for g in r["missed"]:
                cue = text[g[0][0][0] : g[0][0][1]]
                print(f"MISSED {ident}: {cue!r}", file=sys.stderr)
    p = tp / pred if pred else 0.0
    rc = tp / gold if gold else 0.0
    return {
        "benchmark": "eval_claims_ru",
        "cue_precision": round(p, 4),
        "cue_recall": round(rc, 4),
        "cue_f1": round(2 * p * rc / (p + rc), 4) if p + rc else 0.0,
        "speaker_overlap": round(sum(speaker) / len(speaker), 4) if speaker else 0.0,
        "content_overlap": round(sum(content) / len(content), 4) if content else 0.0,
        "kind_accuracy": round(kinds_right / tp, 4) if tp else 0.0,
        "pronoun_names_right": f"{names_right}/{names_total}",
        "paragraphs": len(data),
        "gold_cues": gold,
        "predicted_cues": pred,
        "matched_cues": tp,
        "claims_ms_per_1000_words": round(1000 * seconds / max(words, 1) * 1000, 3),
        "data": str(path),
    }


def corpus_claims(limit: int | None, texts: Path | None = None) -> None:
    """Every claim of the windows-1251 copies of the Russian feeds (or of the ``*.txt``
    files in ``texts``), one JSON line each."""
    from monitor_desk.core.ingest.documents import read_document
    from monitor_desk.core.nlp.russian.claims import extract_claims_ru

    parse = russian_parser()
    encodings = CORPUS / "encodings"
    if texts is not None:
        paths = sorted(texts.glob("*.txt"))
    else:
        paths = sorted((encodings / "chardet" / "windows-1251-russian").glob("*.xml"))
        paths += sorted((encodings / "derived").glob("*.cp1251.txt"))
    shown = 0
    for path in paths:
        text = read_document(path).text
        for para in re.split(r"\n\s*\n", text):
            if len(para) < 40:
                continue
            for c in extract_claims_ru(parse(para)):
                row = {
                    "file": path.name,
                    "kind": c.kind,
                    "frame": c.frame,
                    "speaker": c.speaker.text if c.speaker else None,
                    "name": c.speaker_name,
                    "cue": c.cue.text,
                    "content": c.content.text,
                }
                print(json.dumps(row, ensure_ascii=False))
                shown += 1
                if limit is not None and shown >= limit:
                    return


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", action="store_true", help="false and missed cues to stderr")
    parser.add_argument("--corpus", action="store_true")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--texts", type=Path, default=None, help="with --corpus: a folder")
    args = parser.parse_args(argv)
    if args.corpus:
        corpus_claims(args.limit, args.texts)
        return 0
    print(json.dumps(evaluate(args.data, args.show), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
