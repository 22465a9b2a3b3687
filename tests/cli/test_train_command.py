"""The headless `train` command: progress on stderr, JSON summary as the last stdout line."""
from __future__ import annotations

import json
import subprocess
import sys

from playground.cli.main import main
from playground.files.project import load_project, save_project
from tests.conftest import ROOT
from tests.training.helpers import xor_project


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


def test_train_command_reports_errors_plainly(tmp_path, capsys):
    path = tmp_path / "bad.kpg"
    project = xor_project()
    project.dataset = {"name": "celsius", "params": {}}
    save_project(project, path)
    assert main(["train", str(path)]) == 2
    err = capsys.readouterr().err
    assert "error:" in err and "Input layer" in err


def test_first_ctrl_c_stops_gently_and_keeps_the_result(tmp_path):
    """SIGINT during a long run: the run ends as 'stopped' and the JSON line still comes."""
    import signal
    import time

    path = tmp_path / "long.kpg"
    save_project(xor_project(samples=400, epochs=100000, batch_size=1), path)
    proc = subprocess.Popen([sys.executable, "-m", "playground", "train", str(path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=ROOT)
    deadline = time.time() + 90
    lines = []
    # Wait for the line of the finished first epoch. Not merely "epoch 1/": into a pipe the
    # progress bar is also a line starting so ("epoch 1/100000 [##...] 3/160 ..."), drawn
    # mid-epoch when starting took over 5 s (a loaded machine), and a Ctrl+C then stops
    # before any epoch is done.
    while time.time() < deadline:
        line = proc.stderr.readline()
        lines.append(line)
        if line.startswith("epoch 1/") and "samples/s" in line:
            break
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, "".join(lines) + err
    summary = json.loads(out.strip().splitlines()[-1])
    assert summary["status"] == "stopped" and summary["epochs"] >= 1
