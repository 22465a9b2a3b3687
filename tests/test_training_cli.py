"""The headless `train` command: progress on stderr, JSON summary as the last stdout line."""
from __future__ import annotations

import json
import subprocess
import sys

from playground.cli import main
from playground.project import load_project, save_project
from tests.conftest import ROOT
from tests.training_helpers import xor_project


def test_train_command_prints_json_last_and_saves(tmp_path, capsys):
    path = tmp_path / "xor.kpg"
    save_project(xor_project(epochs=5), path)
    out = tmp_path / "trained.keras"
    code = main(["train", str(path), "--epochs", "2", "--batch-size", "20", "--out", str(out),
                 "--save"])
    captured = capsys.readouterr()
    assert code == 0
    summary = json.loads(captured.out.strip().splitlines()[-1])
    assert set(summary) == {"loss", "accuracy", "val_loss", "val_accuracy", "test_loss",
                            "test_accuracy", "epochs", "status"}
    assert summary["epochs"] == 2 and summary["status"] == "completed"
    assert "epoch 2/2" in captured.err
    project = load_project(path)
    assert len(project.history) == 1 and project.history[0]["settings"]["batch_size"] == 20
    assert project.weights
    from playground.kerasenv import keras

    model = keras().saving.load_model(out, safe_mode=True)
    assert model.count_params() == 33


def test_train_command_as_a_process_reports_errors_plainly(tmp_path):
    path = tmp_path / "bad.kpg"
    project = xor_project()
    project.dataset = {"name": "celsius", "params": {}}
    save_project(project, path)
    run = subprocess.run([sys.executable, "-m", "playground", "train", str(path)],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 2
    assert "error:" in run.stderr and "Input layer" in run.stderr
