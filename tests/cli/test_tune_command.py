"""The `tune` command: a line per trial, JSON last; processes share one SQLite study."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import optuna

from playground.cli.main import main
from playground.files.project import save_project
from playground.tuning import tuning_data
from playground.tuning.space import SearchSpace, training_dimension
from playground.tuning.study import TuneSettings
from tests.conftest import ROOT
from tests.training.helpers import xor_project


def _saved_project(tmp_path):
    project = xor_project(samples=100, epochs=1, batch_size=20)
    space = SearchSpace([training_dimension("learning_rate", 0.01),
                         training_dimension("batch_size", 20)])
    project.tuning = tuning_data(space, TuneSettings(pruner="none", seed=3))
    path = tmp_path / "xor.kpg"
    save_project(project, path)
    return path


def test_tune_prints_a_line_per_trial_and_json_last(tmp_path, capsys):
    path = _saved_project(tmp_path)
    assert main(["tune", str(path), "--trials", "2"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("trial   0  complete") and "learning_rate=" in lines[0]
    assert lines[1].startswith("trial   1  complete")
    summary = json.loads(lines[-1])
    assert summary["trials_run"] == 2 and summary["study"] == "search"
    assert set(summary["best_params"]) == {"learning_rate", "batch_size"}
    assert (tmp_path / "xor.optuna.db").exists()


def test_tune_bad_input_is_one_plain_message(tmp_path, capsys):
    path = _saved_project(tmp_path)
    assert main(["tune", str(path), "--trials", "2", "--storage", "nowhere.db"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: The study storage 'nowhere.db' is not a database URL")
    assert "Traceback" not in err
    plain = tmp_path / "plain.kpg"
    save_project(xor_project(), plain)
    assert main(["tune", str(plain), "--trials", "2"]) == 2
    assert "Nothing is searched" in capsys.readouterr().err


def test_two_processes_on_one_sqlite_study_finish_n_trials_together_without_repeats(
        tmp_path):
    """Both processes have the study's seed (3): each trial still gets values of its own,
    and the project's current values are tried once, not once per process."""
    path = _saved_project(tmp_path)
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    command = [sys.executable, "-m", "playground", "tune", str(path), "--trials", "4",
               "--storage", url, "--study", "shared"]
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "CUDA_VISIBLE_DEVICES": ""}
    procs = [subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = []
    try:
        for proc in procs:
            out, err = proc.communicate(timeout=240)
            assert proc.returncode == 0, err
            outputs.append(out)
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    run = [json.loads(out.strip().splitlines()[-1])["trials_run"] for out in outputs]
    trials = optuna.load_study(study_name="shared", storage=url).get_trials()
    numbers = sorted(t.number for t in trials)
    assert numbers == list(range(4))           # no duplicates, no gaps, no extras
    assert all(t.state == optuna.trial.TrialState.COMPLETE for t in trials)
    assert sum(run) == 4 and min(run) >= 1     # both processes did some of the work
    params = [tuple(sorted(t.params.items())) for t in trials]
    assert len(set(params)) == 4, params       # no parameter set tried twice
    rates = [t.params["training.learning_rate"] for t in trials]
    assert rates.count(0.03) == 1              # the project's own learning rate: once
