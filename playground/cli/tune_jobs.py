"""``tune --jobs N``: N worker processes on one study, their trial lines as they come, then
one combined summary (the study's best, the trials every worker ran).

The parent creates the study first (queueing the project's current values once), then
starts the workers (``playground.tuning.jobs``) and relays their lines. Ctrl+C is passed
on to every worker: the first stops them after their current step, a second aborts.
"""
from __future__ import annotations

import argparse
import json
import signal
import subprocess
import sys
import threading
from typing import Any

from playground.files.project import Project
from playground.i18n import _
from playground.tuning.space import SearchSpace
from playground.tuning.study import TuneSettings


def _relay(worker: Any, finals: dict[int, dict[str, Any]], lock: threading.Lock) -> None:
    """Print a worker's trial lines as they come; keep its last line (its JSON summary)."""
    for line in worker.process.stdout:
        text = line.rstrip("\n")
        if text.startswith("{"):
            try:
                finals[worker.index] = json.loads(text)
                continue
            except ValueError:
                pass
        with lock:
            print(text, flush=True)


def combined_summary(study: Any, settings: TuneSettings, space: SearchSpace, graph: Any,
                     finals: dict[int, dict[str, Any]], jobs: int) -> dict[str, Any]:
    from playground.cli.tune_summary import summary_json
    from playground.tuning.search import SearchSummary, best_record

    summary = summary_json(SearchSummary(settings.study, settings.objective,
                                         settings.direction, [], best_record(study)),
                           space, graph)
    summary["trials_run"] = sum(int(f.get("trials_run", 0)) for f in finals.values())
    for final in finals.values():
        for key, value in final.items():
            if key.startswith("trials_") and key != "trials_run":
                summary[key] = summary.get(key, 0) + int(value)
    summary["jobs"] = jobs
    return summary


def run_jobs(args: argparse.Namespace, project: Project, space: SearchSpace,
             settings: TuneSettings, url: str) -> int:
    from playground.tuning.jobs import (check_jobs, kill_workers, max_jobs, start_workers,
                                        stop_workers)
    from playground.tuning.study import open_study

    jobs = args.jobs
    check_jobs(jobs, url)
    if jobs > max_jobs():
        print(_("warning: {jobs} processes on {cores} cores: they take turns, each trial "
                "runs slower.").format(jobs=jobs, cores=max_jobs()), file=sys.stderr)
    first = space.current_values(project.graph, project.training)
    study = open_study(settings, url, first_trial=first)   # made (and seeded) once, here
    workers = start_workers(args.project, settings, url, list(range(jobs)), jobs,
                            stdout=subprocess.PIPE)
    finals: dict[int, dict[str, Any]] = {}
    lock = threading.Lock()
    relays = [threading.Thread(target=_relay, args=(w, finals, lock), daemon=True)
              for w in workers]
    for relay in relays:
        relay.start()
    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.getsignal(signal.SIGINT)
    interrupts: list[int] = []

    def pass_on(signum: int, frame: Any) -> None:
        interrupts.append(signum)
        if len(interrupts) == 1:
            print(_("\nstopping every worker after its current step (Ctrl+C again to "
                    "abort)"), file=sys.stderr)
        stop_workers(workers)

    if in_main:
        signal.signal(signal.SIGINT, pass_on)
    try:
        for worker in workers:
            worker.process.wait()
        for relay in relays:
            relay.join()
    finally:
        if in_main:
            signal.signal(signal.SIGINT, previous)
        failures = [(w.index, w.process.returncode, w.last_error()) for w in workers
                    if w.process.returncode not in (0, 1)]
        kill_workers(workers, grace_s=5)
    for index, code, message in failures:
        print(_("error: worker {index} ended with code {code}: {message}")
              .format(index=index, code=code, message=message), file=sys.stderr)
    summary = combined_summary(study, settings, space, project.graph, finals, jobs)
    print(json.dumps(summary))
    if failures:
        return 2
    return 0 if summary["best_trial"] is not None else 1
