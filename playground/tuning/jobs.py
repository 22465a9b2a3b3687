"""Local worker processes on one study: ``tune --jobs N`` and the Tune panel's "use N
processes".

Each worker is the ``tune`` command itself in a process of its own (TensorFlow does not
share a process well between concurrent trainings), given the study by name. The storage
URL travels in the environment, not on the command line, where other users could read its
password in the process list. The workers get a share of the cores each, so N of them do
not fight over every core.
"""
from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from playground.errors import TuningError
from playground.i18n import _
from playground.tuning.storage import masked_url, shared_url
from playground.tuning.study import TuneSettings

STORAGE_ENV = "PLAYGROUND_TUNE_STORAGE"
STOP_GRACE_S = 30           # how long a stopped worker may take to finish its current step


def max_jobs() -> int:
    """How many local worker processes make sense: one per core."""
    return max(1, os.cpu_count() or 1)


def check_jobs(jobs: int, url: str) -> None:
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise TuningError(_("The number of processes must be a whole number of at least 1. "
                            "Received: jobs={jobs}.").format(jobs=repr(jobs)))
    if jobs > 1 and not shared_url(url):
        raise TuningError(_("Several processes cannot share the in-memory study {url}: "
                            "give a sqlite:///FILE or database URL.")
                          .format(url=masked_url(url)))


@dataclass
class WorkerProcess:
    """One worker; ``errors`` holds what it wrote to stderr (a file: TensorFlow's logs
    can fill a pipe nobody reads)."""

    index: int
    process: subprocess.Popen
    errors: IO[str] = field(repr=False)

    def last_error(self) -> str:
        """The worker's last message line ("error: ..." when it failed on bad input)."""
        self.errors.seek(0)
        lines = [line.strip() for line in self.errors.read().splitlines() if line.strip()]
        for line in reversed(lines):
            if line.startswith("error: "):
                return line[len("error: "):]
        return lines[-1] if lines else ""


def worker_command(project_path: str | Path, settings: TuneSettings, index: int
                   ) -> list[str]:
    command = [sys.executable, "-m", "playground", "tune", str(project_path),
               "--trials", str(settings.trials), "--study", settings.study,
               "--objective", settings.objective, "--direction", settings.direction,
               "--pruner", settings.pruner, "--worker", str(index)]
    if settings.seed is not None:
        command += ["--seed", str(settings.seed)]
    if settings.timeout_s is not None:
        command += ["--timeout", repr(float(settings.timeout_s))]
    return command


def worker_env(url: str, jobs: int) -> dict[str, str]:
    env = dict(os.environ)
    env[STORAGE_ENV] = url
    # The package as this process found it, wherever the worker starts.
    root = str(Path(__file__).resolve().parent.parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    env.setdefault("TF_NUM_INTRAOP_THREADS", str(max(1, max_jobs() // jobs)))
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    return env


def start_workers(project_path: str | Path, settings: TuneSettings, url: str,
                  indices: list[int], jobs: int, stdout: Any = subprocess.DEVNULL
                  ) -> list[WorkerProcess]:
    """Start ``tune`` workers ``indices`` on the study (which must exist already, so that
    the project's current values were queued once, by its creator)."""
    workers: list[WorkerProcess] = []
    env = worker_env(url, jobs)
    try:
        for index in indices:
            errors = tempfile.TemporaryFile("w+", encoding="utf-8")
            # A session of its own: Ctrl+C in a terminal reaches the parent, which passes
            # it on once (a worker stops gently on the first, aborts on the second).
            process = subprocess.Popen(worker_command(project_path, settings, index),
                                       env=env, stdout=stdout, stderr=errors,
                                       stdin=subprocess.DEVNULL, text=True,
                                       start_new_session=True)
            workers.append(WorkerProcess(index, process, errors))
    except OSError as exc:
        kill_workers(workers)
        raise TuningError(_("A worker process could not be started: {reason}.")
                          .format(reason=exc)) from None
    return workers


def stop_workers(workers: list[WorkerProcess]) -> None:
    """Ask every worker to stop after its current step (as Ctrl+C does)."""
    for worker in workers:
        if worker.process.poll() is None:
            with contextlib.suppress(OSError):  # it has just ended
                worker.process.send_signal(signal.SIGINT)


def kill_workers(workers: list[WorkerProcess], grace_s: float = STOP_GRACE_S) -> None:
    """Stop the workers, wait up to ``grace_s`` for them, then kill the rest; close files."""
    stop_workers(workers)
    for worker in workers:
        try:
            worker.process.wait(timeout=grace_s)
        except subprocess.TimeoutExpired:
            worker.process.kill()
            worker.process.wait()
    for worker in workers:
        worker.errors.close()


class HelperProcesses:
    """Workers beside a search that runs in this process (the app's "use N processes"):
    the project as it is now goes to them in a private temporary file, since the one on
    disk may be older or missing. ``stop`` may come from any thread."""

    def __init__(self, project: Any, settings: TuneSettings, url: str, jobs: int) -> None:
        from playground.files.project import save_project

        check_jobs(jobs, url)
        self._folder = tempfile.TemporaryDirectory(prefix="keras-playground-tune-")
        path = Path(self._folder.name) / "search.kpg"
        save_project(project, path)
        try:
            self.workers = start_workers(path, settings, url, list(range(1, jobs)), jobs)
        except BaseException:
            self._folder.cleanup()
            raise

    def stop(self) -> None:
        stop_workers(self.workers)

    def wait(self) -> list[str]:
        """Wait for every helper to end; what each that failed said (empty: none)."""
        for worker in self.workers:
            worker.process.wait()
        return [_("Process {index}: {message}").format(index=w.index + 1,
                                                       message=w.last_error())
                for w in self.workers if w.process.returncode not in (0, 1)]

    def close(self) -> None:
        """Stop what still runs (waiting up to the grace time), then remove the files."""
        kill_workers(self.workers)
        self._folder.cleanup()
