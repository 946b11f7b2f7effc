"""Helpers shared by the benchmarks: where the corpus is, brief texts, JSON output."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("MONITOR_DESK_CORPUS", REPO.parent / "shared" / "corpus"))


def paragraphs() -> list[str]:
    """Body paragraphs of real news (the corpus), else of our own samples."""
    sources = sorted((CORPUS / "news").rglob("*.txt")) if (CORPUS / "news").is_dir() else []
    if not sources:
        sources = sorted((REPO / "resources" / "samples").glob("*.txt"))
    out: list[str] = []
    for path in sources:
        text = path.read_text("utf-8", errors="replace").replace("\r\n", "\n")
        for para in text.split("\n\n")[1:]:
            para = " ".join(para.split())
            if len(para) > 80 and ":" not in para[:30]:
                out.append(para)
    return out


def make_briefs(n: int, seed: int = 7) -> list[str]:
    """``n`` Monitor-style briefs: a header line and 3-6 paragraphs recombined."""
    rng = random.Random(seed)
    paras = paragraphs()
    briefs = []
    for i in range(n):
        body = "\n\n".join(rng.sample(paras, k=min(len(paras), rng.randint(3, 6))))
        briefs.append(
            f"Publication: Monitor Volume: {1 + i // 250} Issue: {1 + i % 250} "
            f"Date: 1999-{1 + i % 12:02d}-{1 + i % 28:02d}\n\n{body}\n"
        )
    return briefs


def report(name: str, **figures: Any) -> None:
    print(json.dumps({"benchmark": name, "cores": os.cpu_count(), **figures}))
