"""Multi-worker training: two `train` processes on 127.0.0.1 (free ports) train one model
together, and a killed worker started again resumes from the last epoch checkpoint."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from playground.errors import TrainingError
from playground.files.project import load_project, save_project
from playground.training.cluster import cluster_from_env, parse_workers
from tests.conftest import ROOT
from tests.training.helpers import xor_project

START_TIMEOUT_S = 150   # two TensorFlow start-ups on a loaded 2-core machine


def free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def start_worker(project: Path, workers: str, index: int, log: Path, *extra: str
                 ) -> subprocess.Popen:
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", "CUDA_VISIBLE_DEVICES": "",
           "PLAYGROUND_WORKER_TIMEOUT": "20", "PYTHONPATH": str(ROOT)}
    env.pop("TF_CONFIG", None)
    return subprocess.Popen(
        [sys.executable, "-m", "playground", "train", str(project), "--workers", workers,
         "--index", str(index), *extra], cwd=project.parent, env=env,
        stdout=open(log.with_suffix(".out"), "w"), stderr=open(log, "w"))


def stop_all(procs: list[subprocess.Popen]) -> None:
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
        proc.wait(10)


def wait_for(condition, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def checkpoint_weights(folder: Path) -> dict[str, np.ndarray]:
    import tensorflow as tf

    reader = tf.train.load_checkpoint(str(folder))
    # Keras 3 weights are saved through the optimizer's reference to them
    # (optimizer/_trainable_variables/N), next to its own slots.
    return {name: reader.get_tensor(name) for name in reader.get_variable_to_shape_map()
            if name.startswith("optimizer/")}


@pytest.mark.slow
def test_two_workers_train_the_same_weights_and_the_loss_falls(tmp_path):
    project = tmp_path / "xor.kpg"
    save_project(xor_project(samples=200, epochs=4, batch_size=20), project)
    workers = ",".join(f"127.0.0.1:{p}" for p in free_ports(2))
    # Both get --save: only the chief writes the project (the other must not clash).
    procs = [start_worker(project, workers, i, tmp_path / f"w{i}.log", "--checkpoint-dir",
                          "ck", "--save") for i in (0, 1)]
    try:
        for proc in procs:
            proc.wait(START_TIMEOUT_S)
    finally:
        stop_all(procs)
    logs = [(tmp_path / f"w{i}.log").read_text() for i in (0, 1)]
    assert [p.returncode for p in procs] == [0, 0], logs
    assert "[worker 0] epoch 4/4" in logs[0] and "[worker 1] epoch 4/4" in logs[1]
    summary = json.loads((tmp_path / "w0.out").read_text().strip().splitlines()[-1])
    assert summary["status"] == "completed" and summary["epochs"] == 4
    assert (tmp_path / "w1.out").read_text() == ""   # only the chief prints the summary
    chief, other = checkpoint_weights(tmp_path / "ck"), \
        checkpoint_weights(tmp_path / "ck" / "worker-1")
    assert any("_trainable_variables" in name for name in chief)
    assert chief.keys() == other.keys()
    for name in chief:
        np.testing.assert_array_equal(chief[name], other[name])
    losses = load_project(project).history[-1]["history"]["loss"]
    assert len(losses) == 4 and losses[-1] < losses[0]


@pytest.mark.slow
def test_a_killed_worker_started_again_resumes_from_the_last_checkpoint(tmp_path):
    project = tmp_path / "xor.kpg"
    save_project(xor_project(samples=200, epochs=8, batch_size=20), project)
    workers = ",".join(f"127.0.0.1:{p}" for p in free_ports(2))
    extra = ("--checkpoint-dir", "ck", "--save")
    procs = [start_worker(project, workers, i, tmp_path / f"w{i}.log", *extra)
             for i in (0, 1)]
    try:
        wait_for(lambda: (tmp_path / "ck" / "worker-1" / "history-2.json").exists()
                 or procs[0].poll() is not None, START_TIMEOUT_S)
        procs[1].send_signal(signal.SIGKILL)
        procs[1].wait(10)
        # The chief notices, starts itself again and waits for worker 1 to come back.
        procs.append(start_worker(project, workers, 1, tmp_path / "w1b.log", *extra))
        procs[0].wait(START_TIMEOUT_S)
        procs[2].wait(30)
    finally:
        stop_all(procs)
    chief_log = (tmp_path / "w0.log").read_text()
    assert procs[0].returncode == 0 and procs[2].returncode == 0, chief_log
    assert "lost contact with the other workers" in chief_log
    resumed = [int(line.rsplit(" ", 1)[-1]) for line in chief_log.splitlines()
               if "Resuming from the checkpoint of epoch" in line]
    # Killed after it began epoch 3 (history-2 exists), so epoch 1 at least was saved by
    # both workers: the run goes on from there, not from the start.
    assert resumed and resumed[0] >= 1, chief_log
    summary = json.loads((tmp_path / "w0.out").read_text().strip().splitlines()[-1])
    assert summary["status"] == "completed" and summary["epochs"] == 8
    # The whole run's history survived the restart: 8 epochs, not 8 minus the resumed.
    assert len(load_project(project).history[-1]["history"]["loss"]) == 8


def test_worker_lists_and_tf_config_are_checked_with_plain_messages():
    cluster = parse_workers("10.0.0.1:2222, 10.0.0.2:2222", 1)
    assert cluster.addresses == ("10.0.0.1:2222", "10.0.0.2:2222") and not cluster.is_chief
    assert cluster.tf_config()["task"] == {"type": "worker", "index": 1}
    with pytest.raises(TrainingError, match="'10.0.0.1' is not a worker address"):
        parse_workers("10.0.0.1,10.0.0.2:1", 0)
    with pytest.raises(TrainingError, match="--index 2 is outside the 2 workers"):
        parse_workers("10.0.0.1:1,10.0.0.2:2", 2)
    with pytest.raises(TrainingError, match="needs --index"):
        parse_workers("10.0.0.1:1,10.0.0.2:2", None)
    env = {"TF_CONFIG": json.dumps({"cluster": {"chief": ["10.0.0.1:1"], "worker": ["10.0.0.2:2"]},
                                    "task": {"type": "worker", "index": 0}})}
    assert cluster_from_env(env) == parse_workers("10.0.0.1:1,10.0.0.2:2", 1)
    assert cluster_from_env({}) is None
    with pytest.raises(TrainingError, match="TF_CONFIG is not a valid"):
        cluster_from_env({"TF_CONFIG": "{not json"})


def test_a_worker_that_cannot_reach_the_others_names_them_and_exits_cleanly(tmp_path):
    from playground.training.cluster import WorkersUnreachable, wait_for_workers

    ours, silent = free_ports(2)
    cluster = parse_workers(f"127.0.0.1:{ours},127.0.0.1:{silent}", 0)
    started = time.monotonic()
    with pytest.raises(WorkersUnreachable, match=rf"waited 1 s but could not reach "
                                                 rf"127.0.0.1:{silent}\."):
        wait_for_workers(cluster, 1.0)
    assert time.monotonic() - started < 5


def test_launch_kit_has_the_project_one_command_per_worker_and_tf_config(tmp_path):
    from playground.training.launch_kit import write_launch_kit

    kit = write_launch_kit(xor_project(), tmp_path / "kit", "pc1:3000,pc2:3000", "XOR")
    names = sorted(p.name for p in kit.files)
    assert names == ["README.txt", "project.kpg", "run-worker-0.sh", "run-worker-1.sh",
                     "tf_config-worker-0.json", "tf_config-worker-1.json"]
    assert load_project(kit.folder / "project.kpg").dataset["name"] == "xor"
    assert kit.addresses == ("pc1:3000", "pc2:3000")
    assert "--index 0" in kit.commands[0] and "--out trained.keras" in kit.commands[0]
    assert "--index 1" in kit.commands[1] and "--out" not in kit.commands[1]
    assert kit.commands[1] in (kit.folder / "run-worker-1.sh").read_text()
    config = json.loads((kit.folder / "tf_config-worker-1.json").read_text())
    assert config["cluster"]["worker"] == ["pc1:3000", "pc2:3000"]
    assert config["task"] == {"type": "worker", "index": 1}
    assert "pc2:3000: sh run-worker-1.sh" in (kit.folder / "README.txt").read_text()
    with pytest.raises(TrainingError, match="at least two machines"):
        write_launch_kit(xor_project(), tmp_path / "one", "pc1:3000")
