"""Trials per minute of the hyper-parameter search, and the overhead of the tuning loop
(Optuna sampling, the SQLite study, per-epoch reports, building each trial's project) over
the same number of plain training runs with the same values.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_tuning.py [TRIALS]

Both sides train the XOR MLP (200 samples, 5 epochs, batch 20) with the values the search
picked, so only the loop around training differs. Pruning is off (it would make the
search cheaper, not the loop dearer).
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playground.training.run import load_project_dataset, make_engine  # noqa: E402
from playground.tuning.search import Search  # noqa: E402
from playground.tuning.space import Dimension, SearchSpace, training_dimension  # noqa: E402
from playground.tuning.study import TuneSettings, open_study  # noqa: E402
from playground.tuning.trial import TrialRunner  # noqa: E402
from tests.training.helpers import xor_project  # noqa: E402


def main(trials: int = 8) -> None:
    project = xor_project(samples=200, epochs=5, batch_size=20)
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
    for _ in range(2):
        t0 = time.perf_counter()
        for record in summary.records:
            trial_project, trial_settings = runner.trial_project(record.params, record.number)
            make_engine(trial_project, trial_settings, dataset=dataset).run()
        passes.append(time.perf_counter() - t0)
    plain_s = sum(passes) / len(passes)
    print(f"plain passes: {', '.join(f'{p:.2f} s' for p in passes)}")
    n = len(summary.records)
    print(f"trials: {n} (XOR MLP, 5 epochs each, SQLite study)")
    print(f"search: {tuning_s:.2f} s = {60 * n / tuning_s:.1f} trials per minute")
    print(f"plain runs with the same values: {plain_s:.2f} s "
          f"({60 * n / plain_s:.1f} runs per minute)")
    print(f"tuning loop overhead: {tuning_s / plain_s:.3f}x the plain runs "
          f"(+{(tuning_s - plain_s) / n * 1000:.0f} ms per trial)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 8)
