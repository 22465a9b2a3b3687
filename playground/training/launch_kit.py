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

from playground.i18n import _
from playground.training.cluster import parse_workers

if TYPE_CHECKING:
    from playground.files.project import Project

PROJECT_FILE = "project.kpg"
CHECKPOINT_DIR = "checkpoints"
MODEL_FILE = "trained.keras"


@dataclass(frozen=True)
class LaunchKit:
    folder: Path
    addresses: tuple[str, ...]         # the workers as parsed (host:port), chief first
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
    # One message per paragraph (line breaks inside), so a translation wraps its own lines.
    lines = [
        _("Training '{project}' on {count} machines").format(project=project_name,
                                                               count=len(addresses)),
        "",
        _("1. Copy this folder to every machine, each with Keras Playground installed\n"
          "   (scripts/setup.sh), and open a terminal in it.\n"
          "2. On each machine run its own script (any order; each waits up to a minute\n"
          "   for the others):"),
    ]
    for i, address in enumerate(addresses):
        role = _(" (the chief: writes the results)") if i == 0 else ""
        lines.append(f"     {address}: sh run-worker-{i}.sh{role}")
    lines += [
        "",
        _("The project's batch size is the global batch: each step, every machine trains on\n"
          "its own share of it, and all machines end with the same weights. Every worker\n"
          "prints its progress. When the run ends the chief writes\n"
          "{model_file} and stores the weights and history in {project_file}.").format(
            model_file=MODEL_FILE, project_file=PROJECT_FILE),
        "",
        _("After every epoch each worker saves a checkpoint in {checkpoint_dir}/. If a\n"
          "machine stops, start its script again: the others wait for it and the run\n"
          "resumes from the last finished epoch.").format(checkpoint_dir=CHECKPOINT_DIR),
        "",
        _("The ports must be free and reachable between the machines (open them in the\n"
          "firewall). Launchers that set TF_CONFIG themselves (Kubeflow's TFJob, Vertex AI)\n"
          "need no --workers/--index: see tf_config-worker-N.json for what each worker gets,\n"
          "and run: {command}").format(
            command=f"python -m playground train {PROJECT_FILE} "
                    f"--checkpoint-dir {CHECKPOINT_DIR}"),
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
        raise TrainingError(_("Name at least two machines (host:port, separated by commas): "
                              "one machine trains with the Train button."))
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    files = [root / PROJECT_FILE]
    save_project(project, files[0])
    commands = tuple(worker_command(cluster.addresses, i) for i in range(cluster.size))
    for i, command in enumerate(commands):
        script = root / f"run-worker-{i}.sh"
        comment = _("Worker {index} of {size}: run on {address}, in this folder.").format(
            index=i, size=cluster.size, address=cluster.addresses[i])
        # UTF-8 whatever the locale: the comment and README may be in Chinese.
        script.write_text(f"#!/bin/sh\n# {comment}\n"
                          f'cd "$(dirname "$0")" && exec {command}\n', encoding="utf-8")
        script.chmod(0o755)
        config = root / f"tf_config-worker-{i}.json"
        config.write_text(json.dumps({"cluster": {"worker": list(cluster.addresses)},
                                      "task": {"type": "worker", "index": i}}, indent=2)
                          + "\n")
        files += [script, config]
    readme = root / "README.txt"
    readme.write_text(readme_text(project_name, cluster.addresses), encoding="utf-8")

    files.append(readme)
    return LaunchKit(root, cluster.addresses, commands, tuple(files))
