"""Trials per minute of the hyper-parameter search, and the overhead of the tuning loop
(Optuna sampling, the SQLite study, per-epoch reports, building each trial's project) over
the same number of plain training runs with the same values.

    .venv/bin/python benchmarks/bench_tuning.py [TRIALS] [--smoke]

Both sides train the XOR MLP (200 samples, 5 epochs, batch 20) with the values the search
picked, so only the loop around training differs. Pruning is off (it would make the
search cheaper, not the loop dearer). ``--smoke``: 2 trials of 1 epoch, one plain pass.

Prints one JSON line: benchmark, trials, trials_per_minute, plain_runs_per_minute,
overhead_ratio.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from harness import add_smoke, report  # noqa: E402
from playground.training.run import load_project_dataset, make_engine  # noqa: E402
from playground.tuning.search import Search  # noqa: E402
from playground.tuning.space import Dimension, SearchSpace, training_dimension  # noqa: E402
from playground.tuning.study import TuneSettings, open_study  # noqa: E402
from playground.tuning.trial import TrialRunner  # noqa: E402
from tests.training.helpers import xor_project  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trials", nargs="?", type=int, default=8)
    args = add_smoke(parser).parse_args()
    trials, epochs, passes_wanted = (2, 1, 1) if args.smoke else (args.trials, 5, 2)
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
        summary = Search(project, space, settings, study, dataset=dataset,
                         try_current_first=False).run()
        tuning_s = time.perf_counter() - t0
    # The same values, trained plainly: one engine run each, no study around it. Two
    # passes (the machine is shared: the mean of both, and each shown).
    runner = TrialRunner(project, space, settings.objective, dataset, settings.seed)
    passes = []
    for _ in range(passes_wanted):
        t0 = time.perf_counter()
        for record in summary.records:
            trial_project, trial_settings = runner.trial_project(record.params, record.number)
            make_engine(trial_project, trial_settings, dataset=dataset).run()
        passes.append(time.perf_counter() - t0)
    plain_s = sum(passes) / len(passes)
    print(f"plain passes: {', '.join(f'{p:.2f} s' for p in passes)}")
    n = len(summary.records)
    print(f"trials: {n} (XOR MLP, {epochs} epochs each, SQLite study)")
    print(f"search: {tuning_s:.2f} s = {60 * n / tuning_s:.1f} trials per minute")
    print(f"plain runs with the same values: {plain_s:.2f} s "
          f"({60 * n / plain_s:.1f} runs per minute)")
    print(f"tuning loop overhead: {tuning_s / plain_s:.3f}x the plain runs "
          f"(+{(tuning_s - plain_s) / n * 1000:.0f} ms per trial)")
    report("tuning", trials=n, trials_per_minute=60 * n / tuning_s,
           plain_runs_per_minute=60 * n / plain_s, overhead_ratio=tuning_s / plain_s)


if __name__ == "__main__":
    main()
