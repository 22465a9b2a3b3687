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


def NETWORK_WARNING() -> str:  # noqa: N802 - a translated constant
    """What the kit, its dialog and the README say about the network."""
    return _("Keep the workers off the internet. TensorFlow's workers accept requests from\n"
             "anyone who reaches their ports, without a password, and those requests can\n"
             "read and write files on the machine. Do not open the ports in a firewall to\n"
             "the outside: use machines on one private network (10.x, 172.16-31.x,\n"
             "192.168.x), a VPN (WireGuard, Tailscale), or SSH tunnels (ssh -L to\n"
             "127.0.0.1). Public addresses are refused unless --allow-public-network is\n"
             "given. Each worker listens only on the address given for it.")


@dataclass(frozen=True)
class LaunchKit:
    folder: Path
    addresses: tuple[str, ...]         # the workers as parsed (host:port), chief first
    commands: tuple[str, ...]          # one shell command per worker, chief first
    files: tuple[Path, ...]            # everything written


def worker_command(addresses: tuple[str, ...], index: int,
                   allow_public_network: bool = False) -> str:
    args = ["python", "-m", "playground", "train", PROJECT_FILE,
            "--workers", ",".join(addresses), "--index", str(index),
            "--checkpoint-dir", CHECKPOINT_DIR]
    if allow_public_network:
        args.append("--allow-public-network")
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
        NETWORK_WARNING(),
        "",
        _("Launchers that set TF_CONFIG themselves (Kubeflow's TFJob, Vertex AI) need no\n"
          "--workers/--index: see tf_config-worker-N.json for what each worker gets,\n"
          "and run: {command}").format(
            command=" ".join(shlex.quote(a) for a in (
                "python", "-m", "playground", "train", PROJECT_FILE,
                "--checkpoint-dir", CHECKPOINT_DIR))),
    ]
    return "\n".join(lines) + "\n"


def write_launch_kit(project: "Project", folder: str | Path, workers: str,
                     project_name: str = "project",
                     allow_public_network: bool = False) -> LaunchKit:
    """Write the kit for ``project`` on the workers ``host:port,host:port,...`` (at least
    two); raises TrainingError naming a bad or public address."""
    from playground.errors import TrainingError
    from playground.files.project import save_project

    # Names of other machines may not resolve here; each worker checks them when it starts.
    cluster = parse_workers(workers, 0, allow_public_network, unresolved_ok=True)
    if cluster.size < 2:
        raise TrainingError(_("Name at least two machines (host:port, separated by commas): "
                              "one machine trains with the Train button."))
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    files = [root / PROJECT_FILE]
    save_project(project, files[0])
    commands = tuple(worker_command(cluster.addresses, i, allow_public_network)
                     for i in range(cluster.size))
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
