"""``tune`` command: the hyper-parameter search headless, on the project's search space.

One line per finished trial on stdout; the last line is one JSON object with the best
parameters and score. Processes (on one machine or many) given the same ``--storage`` and
``--study`` share one study: together they finish ``--trials`` trials; ``--jobs N`` starts
N of them here (``playground.cli.tune_jobs``). The storage in use is printed on stderr,
its password masked.
"""
from __future__ import annotations

import argparse
import json
import os
import shlex
import signal
import sys
import threading
from typing import Any

from playground.i18n import _
from playground.tuning.search import SearchEvent
from playground.cli.tune_summary import summary_json, trial_line


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("tune", help=_("search for good settings (Optuna) headless"))
    p.add_argument("project", help=_("project file (.kpg) with a search space"))
    p.add_argument("--trials", type=int, required=True,
                   help=_("trials the study should hold in all (earlier runs and other "
                          "processes on the same study count)"))
    p.add_argument("--timeout", type=float, metavar="S",
                   help=_("start no new trial after S seconds"))
    p.add_argument("--storage", metavar="URL",
                   help=_("study database URL (default: sqlite:///PROJECT.optuna.db next to "
                          "the project; PostgreSQL/MySQL URLs share it between machines)"))
    p.add_argument("--study", metavar="NAME", help=_("study name (default: the project's)"))
    p.add_argument("--objective", help=_("value to improve, e.g. val_loss or val_accuracy"))
    p.add_argument("--direction", choices=("minimize", "maximize"))
    p.add_argument("--pruner", choices=("median", "halving", "none"))
    p.add_argument("--seed", type=int, help=_("seed of the sampler"))
    p.add_argument("--jobs", type=int, default=1, metavar="N",
                   help=_("run N worker processes on this machine, on one study (default 1)"))
    p.add_argument("--worker", type=int, help=argparse.SUPPRESS)  # a --jobs worker's index
    p.set_defaults(func=run_tune_command)


def choose_storage(args: argparse.Namespace, named: str) -> str:
    """The study storage: ``--storage``; else the one the project names when it is a file
    in the project's own folder; else the file next to the project. A project cannot point
    the search elsewhere silently (at another application's database, say): it is named,
    and ``--storage`` uses it. The choice is printed (password masked)."""
    from playground.tuning.jobs import STORAGE_ENV
    from playground.tuning.storage import check_storage_url, is_project_local, masked_url
    from playground.tuning.study import default_storage_url

    if args.worker is not None and os.environ.get(STORAGE_ENV):
        return os.environ[STORAGE_ENV]           # a --jobs worker: its parent chose
    if args.storage:
        url = args.storage
    elif named and is_project_local(named, args.project):
        url = named
    else:
        url = default_storage_url(args.project)
        if named:
            print(_("note: the project names the study storage {named}, outside its folder; "
                    "it is not used unless you say so with --storage {named}.")
                  .format(named=shlex.quote(masked_url(named))), file=sys.stderr)
    check_storage_url(url)                       # a bad URL is said before it is shown
    print(_("study storage: {url}").format(url=masked_url(url)), file=sys.stderr, flush=True)
    return url


def run_tune_command(args: argparse.Namespace) -> int:
    from playground.files.project import load_project
    from playground.training.device import enable_memory_growth
    from playground.tuning import project_space, project_tune_settings
    from playground.tuning.search import Search
    from playground.tuning.study import default_direction, open_study

    project = load_project(args.project)
    settings = project_tune_settings(project)
    settings.trials = args.trials
    settings.timeout_s = args.timeout
    if args.objective:
        settings.objective = args.objective
        settings.direction = default_direction(args.objective)
    for name in ("direction", "pruner", "seed", "study"):
        if getattr(args, name) is not None:
            setattr(settings, name, getattr(args, name))
    space, notes = project_space(project).without_missing_nodes(project.graph)
    for note in notes:
        print(_("warning: {problem}").format(problem=note), file=sys.stderr)
    settings.validate()
    space.validate(project.graph)
    url = choose_storage(args, settings.storage)
    if args.jobs != 1 and args.worker is None:
        from playground.cli.tune_jobs import run_jobs

        return run_jobs(args, project, space, settings, url)
    enable_memory_growth()
    first = space.current_values(project.graph, project.training)
    study = open_study(settings, url, first_trial=first)
    graph = project.graph
    prefix = "" if args.worker is None else f"[worker {args.worker}] "

    def on_event(event: SearchEvent) -> None:
        if event.kind == "trial_end":
            print(prefix + trial_line(event, settings.objective, space, graph), flush=True)

    search = Search(project, space, settings, study, on_event)
    previous = signal.getsignal(signal.SIGINT)
    in_main = threading.current_thread() is threading.main_thread()

    def stop_gently(signum: int, frame: Any) -> None:
        print(_("\nstopping after this trial's current step (Ctrl+C again to abort)"),
              file=sys.stderr)

        search.stop()
        signal.signal(signal.SIGINT, previous)

    if in_main:
        signal.signal(signal.SIGINT, stop_gently)
    try:
        summary = search.run()
    finally:
        if in_main:
            signal.signal(signal.SIGINT, previous)
    print(json.dumps(summary_json(summary, space, graph)))
    return 0 if summary.best is not None else 1
