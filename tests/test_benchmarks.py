"""Benchmarks that cannot rot: every script in benchmarks/ runs in its ``--smoke`` mode (tiny
sizes, seconds), exits 0 and prints the JSON line(s) its docstring promises, with every
promised key. The figures themselves are not judged here (timings belong to benchmarks)."""
from __future__ import annotations

from playground.datasets.mnist import ENV_VAR as MNIST_ENV_VAR
import ast
import json
import os
import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT

BENCHMARKS = ROOT / "benchmarks"
SCRIPTS = sorted(p for p in BENCHMARKS.glob("*.py") if p.name not in ("harness.py", "run.py"))
PROMISE = re.compile(r"Prints one JSON line(?: per (\w+))?:\s*((?:\w+,\s*)*\w+)\.")
SMOKE_TIMEOUT_S = 240


def promised_keys(script) -> tuple[str | None, list[str]]:
    """(what each line is per, or None for a single line; the keys) from the docstring."""
    doc = ast.get_docstring(ast.parse(script.read_text(encoding="utf-8"))) or ""
    match = PROMISE.search(doc)
    assert match, f"{script.name}: its docstring does not say which JSON line it prints"
    return match.group(1), [key.strip() for key in match.group(2).split(",")]


def json_lines(output: str, name: str) -> list[dict]:
    lines = []
    for line in output.splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                data = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(data, dict) and data.get("benchmark") == name:
                lines.append(data)
    return lines


def test_every_benchmark_is_checked():
    names = {p.stem for p in SCRIPTS}
    assert {"bench_live_views", "bench_core", "fuzz_long"} <= names
    for script in SCRIPTS:
        promised_keys(script)


@pytest.mark.slow
@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_benchmark_smoke_run_prints_its_promised_json(script, tmp_path):
    per, keys = promised_keys(script)
    assert keys[0] == "benchmark"
    name = script.stem.removeprefix("bench_")
    env = {k: v for k, v in os.environ.items() if k != MNIST_ENV_VAR}
    env.update(QT_QPA_PLATFORM="offscreen", TF_CPP_MIN_LOG_LEVEL="3", HOME=str(tmp_path),
               PLAYGROUND_CONFIG_DIR=str(tmp_path / "config"), KERAS_HOME=str(tmp_path / "keras"))
    done = subprocess.run([sys.executable, str(script), "--smoke"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=SMOKE_TIMEOUT_S)
    assert done.returncode == 0, f"{script.name} --smoke failed:\n{done.stderr[-3000:]}"
    lines = json_lines(done.stdout, name)
    assert lines, f"{script.name} printed no JSON line:\n{done.stdout[-2000:]}"
    if per is None:
        assert len(lines) == 1, lines
    for line in lines:
        missing = [key for key in keys if key not in line]
        assert not missing, f"{script.name}: JSON line lacks {missing}: {line}"
        if per in keys:  # e.g. "per scenario": each line names its scenario
            assert line[per] is not None


def test_readme_measured_section_is_what_run_py_wrote():
    """The README's figures are benchmarks/run.py's rendering of benchmarks/results.json
    (run.py rewrites both together), not numbers typed in by hand."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("benchmarks_run", BENCHMARKS / "run.py")
    runner = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(runner)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = readme.index(runner.BEGIN), readme.index(runner.END) + len(runner.END)
    results = json.loads(runner.RESULTS.read_text(encoding="utf-8"))
    assert readme[start:end] == runner.measured_section(results)
    assert results, "benchmarks/results.json holds no run"
    for name, entry in results.items():
        assert entry["date"] and entry["machine"] and entry["lines"], name
