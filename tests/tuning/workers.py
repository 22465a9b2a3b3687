"""Shared by the multi-process tuning tests: a saved XOR project with a continuous search
space, ``tune`` commands run as real processes, and what the study holds afterwards."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import optuna

from playground.files.project import save_project
from playground.tuning import tuning_data
from playground.tuning.space import SearchSpace, training_dimension
from playground.tuning.study import TuneSettings
from tests.conftest import ROOT
from tests.training.helpers import xor_project

PROCESS_TIMEOUT_S = 300
PROJECT_LEARNING_RATE = 0.01


def saved_search_project(folder: Path, seed: int | None = 3) -> Path:
    """XOR (1 epoch) whose search space is one continuous value: the learning rate."""
    project = xor_project(samples=100, epochs=1, batch_size=20)
    project.training["learning_rate"] = PROJECT_LEARNING_RATE
    space = SearchSpace([training_dimension("learning_rate", PROJECT_LEARNING_RATE)])
    project.tuning = tuning_data(space, TuneSettings(pruner="none", seed=seed))
    path = folder / "xor.kpg"
    save_project(project, path)
    return path


def tune_env() -> dict[str, str]:
    return {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "CUDA_VISIBLE_DEVICES": ""}


def run_tune_processes(commands: list[list[str]]) -> list[tuple[str, str]]:
    """Start every command at once (real processes), wait for all; (stdout, stderr) each.
    Processes still running when the test ends are killed."""
    procs = [subprocess.Popen([sys.executable, "-m", "playground", "tune", *command],
                              cwd=ROOT, env=tune_env(), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for command in commands]
    outputs = []
    try:
        for proc in procs:
            out, err = proc.communicate(timeout=PROCESS_TIMEOUT_S)
            assert proc.returncode == 0, err[-2000:]
            outputs.append((out, err))
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    return outputs


def last_json(out: str) -> dict:
    return json.loads(out.strip().splitlines()[-1])


def study_learning_rates(url: str, study: str) -> list[tuple[int, float]]:
    """(trial number, learning rate) of every trial of the study, by number."""
    trials = optuna.load_study(study_name=study, storage=url).get_trials()
    assert all(t.state == optuna.trial.TrialState.COMPLETE for t in trials), \
        [(t.number, t.state, t.user_attrs) for t in trials]
    return sorted((t.number, t.params["training.learning_rate"]) for t in trials)
