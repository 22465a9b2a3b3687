"""A launch kit for training a project on several machines (Training ▸ Run on several
machines…): the project file, one command per worker, a ``TF_CONFIG`` example per worker and
a short README, written into one folder the user copies to every machine.

The app itself stays a desktop program: the kit runs the same ``train`` command
(``python -m playground train``) that works from any terminal.
"""
from __future__ import annotations

import json
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from playground.training.cluster import parse_workers

if TYPE_CHECKING:
    from playground.files.project import Project

PROJECT_FILE = "project.kpg"
CHECKPOINT_DIR = "checkpoints"
MODEL_FILE = "trained.keras"


@dataclass(frozen=True)
class LaunchKit:
    folder: Path
    commands: tuple[str, ...]          # one shell command per worker, chief first
    files: tuple[Path, ...]            # everything written


def worker_command(addresses: tuple[str, ...], index: int) -> str:
    args = ["python", "-m", "playground", "train", PROJECT_FILE,
            "--workers", ",".join(addresses), "--index", str(index),
            "--checkpoint-dir", CHECKPOINT_DIR]
    if index == 0:  # the chief writes the results
        args += ["--out", MODEL_FILE, "--save"]
    return " ".join(shlex.quote(a) for a in args)


def readme_text(project_name: str, addresses: tuple[str, ...]) -> str:
    lines = [
        f"Training '{project_name}' on {len(addresses)} machines",
        "",
        "1. Copy this folder to every machine, each with Keras Playground installed",
        "   (scripts/setup.sh), and open a terminal in it.",
        "2. On each machine run its own script (any order; each waits up to a minute",
        "   for the others):",
    ]
    for i, address in enumerate(addresses):
        role = " (the chief: writes the results)" if i == 0 else ""
        lines.append(f"     {address}: sh run-worker-{i}.sh{role}")
    lines += [
        "",
        "The project's batch size is the global batch: each step, every machine trains on",
        "its own share of it, and all machines end with the same weights. Every worker",
        "prints its progress. When the run ends the chief writes",
        f"{MODEL_FILE} and stores the weights and history in {PROJECT_FILE}.",
        "",
        f"After every epoch each worker saves a checkpoint in {CHECKPOINT_DIR}/. If a",
        "machine stops, start its script again: the others wait for it and the run",
        "resumes from the last finished epoch.",
        "",
        "The ports must be free and reachable between the machines (open them in the",
        "firewall). Launchers that set TF_CONFIG themselves (Kubeflow's TFJob, Vertex AI)",
        "need no --workers/--index: see tf_config-worker-N.json for what each worker gets,",
        f"and run: python -m playground train {PROJECT_FILE} --checkpoint-dir {CHECKPOINT_DIR}",
    ]
    return "\n".join(lines) + "\n"


def write_launch_kit(project: "Project", folder: str | Path, workers: str,
                     project_name: str = "project") -> LaunchKit:
    """Write the kit for ``project`` on the workers ``host:port,host:port,...`` (at least
    two); raises TrainingError naming a bad address."""
    from playground.errors import TrainingError
    from playground.files.project import save_project

    cluster = parse_workers(workers, 0)
    if cluster.size < 2:
        raise TrainingError("Name at least two machines (host:port, separated by commas): "
                            "one machine trains with the Train button.")
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    files = [root / PROJECT_FILE]
    save_project(project, files[0])
    commands = tuple(worker_command(cluster.addresses, i) for i in range(cluster.size))
    for i, command in enumerate(commands):
        script = root / f"run-worker-{i}.sh"
        script.write_text(f"#!/bin/sh\n# Worker {i} of {cluster.size}: run on "
                          f"{cluster.addresses[i]}, in this folder.\n"
                          f'cd "$(dirname "$0")" && exec {command}\n')
        script.chmod(0o755)
        config = root / f"tf_config-worker-{i}.json"
        config.write_text(json.dumps({"cluster": {"worker": list(cluster.addresses)},
                                      "task": {"type": "worker", "index": i}}, indent=2)
                          + "\n")
        files += [script, config]
    readme = root / "README.txt"
    readme.write_text(readme_text(project_name, cluster.addresses))
    files.append(readme)
    return LaunchKit(root, commands, tuple(files))
