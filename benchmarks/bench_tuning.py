"""Trials per minute of the hyper-parameter search with 1 and 2 local processes on one study
(`tune --jobs N`), the share of repeated parameter sets (must be 0), and the overhead of the
tuning loop over plain training runs with the same values.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_tuning.py [--trials N] [--smoke]

Every search trains the XOR MLP (200 samples, 5 epochs, batch 20; 1 epoch with --smoke)
on a continuous learning-rate range and a units range, with the same seed in every
process: before each trial had a random stream of its own, two processes drew the same
values in step. Trials per minute are counted two ways: over the command's whole wall
time (process start and TensorFlow's import included) and between the first trial's start
and the last trial's end (the search's own pace). On a machine with 2 cores shared with
others, 2 processes cannot reach 2x: each trial's training already uses several threads.

Prints one JSON line: benchmark, trials, one_process_trials_per_minute,
two_processes_trials_per_minute, two_over_one_pace, repeated_sets.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playground.files.project import save_project  # noqa: E402
from playground.tuning import tuning_data  # noqa: E402
from playground.tuning.space import Dimension, SearchSpace, training_dimension  # noqa: E402
from playground.tuning.study import TuneSettings  # noqa: E402
from tests.training.helpers import xor_project  # noqa: E402


def _project(folder: Path, epochs: int) -> Path:
    project = xor_project(samples=200, epochs=epochs, batch_size=20)
    hidden = project.graph.nodes[1].id
    space = SearchSpace([training_dimension("learning_rate", 0.03),
                         Dimension("units", "int", hidden, 4, 16, True)])
    project.tuning = tuning_data(space, TuneSettings(pruner="none", seed=0))
    path = folder / "bench.kpg"
    save_project(project, path)
    return path


def search(path: Path, trials: int, jobs: int, url: str) -> dict:
    """Run `tune --jobs` as a user would; what it took and what the study holds."""
    import optuna

    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "CUDA_VISIBLE_DEVICES": ""}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "playground", "tune", str(path),
                           "--trials", str(trials), "--jobs", str(jobs), "--storage", url,
                           "--study", f"jobs{jobs}"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=3600)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"tune --jobs {jobs} failed:\n{done.stderr[-2000:]}")
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    trials_done = optuna.load_study(study_name=f"jobs{jobs}", storage=url).get_trials()
    first = min(t.datetime_start for t in trials_done)
    last = max(t.datetime_complete for t in trials_done)
    sets = [tuple(sorted(t.params.items())) for t in trials_done]
    return {"jobs": jobs, "trials": len(trials_done), "wall_s": wall,
            "search_s": (last - first).total_seconds(), "repeats": len(sets) - len(set(sets)),
            "trials_run": summary["trials_run"]}


def overhead(trials: int, epochs: int) -> None:
    """The tuning loop in one process against plain runs of the same values."""
    from playground.training.run import load_project_dataset, make_engine
    from playground.tuning.search import Search
    from playground.tuning.study import open_study
    from playground.tuning.trial import TrialRunner

    project = xor_project(samples=200, epochs=epochs, batch_size=20)
    hidden = project.graph.nodes[1].id
    space = SearchSpace([training_dimension("learning_rate", 0.03),
                         Dimension("units", "int", hidden, 4, 16, True)])
    dataset = load_project_dataset(project)
    make_engine(project, dataset=dataset).run()          # warm up TensorFlow
    settings = TuneSettings(trials=trials, seed=0, pruner="none")
    with tempfile.TemporaryDirectory() as folder:
        study = open_study(settings, f"sqlite:///{folder}/bench.db")
        t0 = time.perf_counter()
        summary = Search(project, space, settings, study, dataset=dataset).run()
        tuning_s = time.perf_counter() - t0
    runner = TrialRunner(project, space, settings.objective, dataset, settings.seed)
    t0 = time.perf_counter()
    for record in summary.records:
        trial_project, trial_settings = runner.trial_project(record.params, record.number)
        make_engine(trial_project, trial_settings, dataset=dataset).run()
    plain_s = time.perf_counter() - t0
    n = len(summary.records)
    print(f"in one process: search {tuning_s:.2f} s, plain runs with the same values "
          f"{plain_s:.2f} s: loop overhead {tuning_s / plain_s:.3f}x "
          f"(+{(tuning_s - plain_s) / n * 1000:.0f} ms per trial)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=12)
    parser.add_argument("--smoke", action="store_true",
                        help="a few 1-epoch trials: checks the benchmark runs, measures little")
    args = parser.parse_args()
    trials, epochs = (4, 1) if args.smoke else (args.trials, 5)
    print(f"XOR MLP, {epochs} epoch(s) per trial, {trials} trials per search, "
          f"{os.cpu_count()} cores")
    results = []
    with tempfile.TemporaryDirectory() as folder:
        path = _project(Path(folder), epochs)
        url = f"sqlite:///{folder}/bench.db"
        for jobs in (1, 2):
            r = search(path, trials, jobs, url)
            results.append(r)
            print(f"--jobs {jobs}: {r['trials']} trials in {r['wall_s']:.1f} s wall = "
                  f"{60 * r['trials'] / r['wall_s']:.1f} trials/min; "
                  f"{60 * r['trials'] / r['search_s']:.1f} trials/min between the first "
                  f"start and the last end; repeated parameter sets "
                  f"{r['repeats']}/{r['trials']} = {r['repeats'] / r['trials']:.0%}")
    one, two = results
    print(f"2 processes vs 1: {one['search_s'] / two['search_s']:.2f}x the search's pace, "
          f"{one['wall_s'] / two['wall_s']:.2f}x wall")
    repeats = sum(r["repeats"] for r in results)
    print(f"TARGET repeated parameter sets = 0: {'ok' if repeats == 0 else 'MISSED'}")
    print(json.dumps({"benchmark": "tuning", "trials": trials,
                      "one_process_trials_per_minute": 60 * one["trials"] / one["search_s"],
                      "two_processes_trials_per_minute": 60 * two["trials"] / two["search_s"],
                      "two_over_one_pace": one["search_s"] / two["search_s"],
                      "repeated_sets": repeats}), flush=True)
    if not args.smoke:
        overhead(min(trials, 8), epochs)
    return 0 if repeats == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
