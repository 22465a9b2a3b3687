"""``train`` command: run the training engine headless on a project file.

Progress goes to stderr as a text bar; the last line on stdout is one JSON object with the
final metrics (``loss``, each metric, ``val_*`` and ``test_*``), for scripts to parse.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import signal
import sys
import threading
import time
from typing import Any, TextIO

from playground.i18n import _
from playground.training.events import (EpochEnded, ProbeFailed, RunDiverged, RunEnded,
                                        RunStarted, StepsDone, TrainingEvent,
                                        format_seconds)

from playground.errors import TrainingError
from playground.training.cluster import JOIN_TIMEOUT_S, LOST_EXIT_CODE, worker_timeout_s

BAR_WIDTH = 28
# A worker that lost the others while saving checkpoints starts itself again (at most this
# many times) and waits for them, so restarting the worker that stopped resumes the run.
MAX_RESTARTS = 3
RESTARTS_ENV = "PLAYGROUND_WORKER_RESTARTS"


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("train", help=_("train a project's model headless"))
    p.add_argument("project", help=_("project file (.kpg)"))
    p.add_argument("--epochs", type=int, help=_("number of epochs (default: the project's)"))
    p.add_argument("--batch-size", type=int, help=_("batch size (default: the project's)"))
    p.add_argument("--device", help=_("auto, cpu, gpu:N or gpus (default: the project's)"))
    p.add_argument("--out", metavar="MODEL.keras", help=_("write the trained model here"))
    p.add_argument("--tensorboard", metavar="DIR",
                   help=_("write TensorBoard logs of this run into a new folder under DIR "
                          "(see them with: tensorboard --logdir DIR)"))
    p.add_argument("--save", action="store_true",
                   help=_("store the trained weights and this run's history in the project"))
    p.add_argument("--workers", metavar="HOST:PORT,...",
                   help=_("train on several machines: every worker's address, the same list "
                          "on each (TF_CONFIG, when set, is used instead)"))
    p.add_argument("--index", type=int,
                   help=_("this machine's place in --workers (0 = chief)"))
    p.add_argument("--allow-public-network", action="store_true",
                   help=_("let workers use public addresses (TensorFlow's workers accept "
                          "unauthenticated requests that can read and write files: prefer "
                          "a private network, a VPN or SSH tunnels)"))
    p.add_argument("--checkpoint-dir", metavar="DIR",
                   help=_("save a checkpoint after every epoch; started again with the same "
                          "folder, the run resumes from the last one"))
    p.set_defaults(func=run_train_command)


class TextProgress:
    """A progress bar plus a line per epoch. On a terminal the bar is redrawn in place
    ~10 times a second; into a file or pipe it is written as a new line every 5 seconds.
    ``prefix`` starts every line (``[worker 1] `` in a multi-worker run)."""

    def __init__(self, stream: TextIO, prefix: str = ""):
        self.stream = stream
        self.prefix = prefix
        self._last_draw = time.perf_counter()
        self._is_tty = bool(getattr(stream, "isatty", lambda: False)())
        self._interval = 0.1 if self._is_tty else 5.0

    def _print(self, text: str) -> None:
        print(f"{self.prefix}{text}", file=self.stream)

    def __call__(self, event: TrainingEvent) -> None:
        if isinstance(event, RunStarted):
            self._print(_("Training on {device}: {train_samples} examples, {epochs} epochs, "
                          "loss {loss}").format(device=event.device,
                                                train_samples=event.train_samples,
                                                epochs=event.epochs, loss=event.loss))
            if event.first_epoch > 1:
                self._print(_("Resuming from the checkpoint of epoch {epoch}").format(
                    epoch=event.first_epoch - 1))
        elif isinstance(event, StepsDone):
            now = time.perf_counter()
            if now - self._last_draw >= self._interval:
                self._last_draw = now
                self._draw(event)
        elif isinstance(event, EpochEnded):
            logs = "  ".join(f"{k} {v:.4g}" for k, v in event.logs.items())
            end = "\r\x1b[K" if self._is_tty else ""
            p = event.progress
            print(_("{end}{prefix}epoch {epoch}/{epochs}  {logs}  ({samples_per_s} samples/s)")
                  .format(end=end, prefix=self.prefix, epoch=p.epoch, epochs=p.epochs,
                          logs=logs, samples_per_s=f"{p.samples_per_s:,.0f}"),
                  file=self.stream)
        elif isinstance(event, (RunDiverged, ProbeFailed)) \
                or isinstance(event, RunEnded) and event.message:
            self._print(event.message)
        self.stream.flush()

    def _draw(self, event: StepsDone) -> None:
        p = event.progress
        done = p.step / max(p.steps_per_epoch, 1)
        filled = int(done * BAR_WIDTH)
        loss = event.logs.get("loss", float("nan"))
        line = self.prefix + _("epoch {epoch}/{epochs} [{done}{left}] {step}/{steps_per_epoch}  "
                               "loss {loss}  ETA {eta_s}").format(
            epoch=p.epoch, epochs=p.epochs, done="#" * filled, left="." * (BAR_WIDTH - filled),
            step=p.step, steps_per_epoch=p.steps_per_epoch, loss=f"{loss:.4f}",
            eta_s=format_seconds(p.eta_s))
        self.stream.write(f"\r{line}\x1b[K" if self._is_tty else line + "\n")


def final_metrics(result: Any) -> dict[str, Any]:
    """The JSON summary: final train/val logs, test logs, plus how the run ended."""
    summary: dict[str, Any] = {k: _json_number(v) for k, v in result.final_logs.items()}
    summary.update({k: _json_number(v) for k, v in result.test_logs.items()})
    summary["epochs"] = result.epochs_done
    summary["status"] = result.status
    return summary


def _json_number(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None


def run_until_interrupted(engine: Any) -> Any:
    """Run the engine; a first Ctrl+C stops it after the current step (what was learned is
    kept and reported), a second one interrupts at once."""
    def stop_gently(signum: int, frame: Any) -> None:
        print(_("\nstopping after this step (Ctrl+C again to abort)"), file=sys.stderr)
        engine.stop()
        signal.signal(signal.SIGINT, previous)

    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.getsignal(signal.SIGINT)
    if in_main_thread:
        signal.signal(signal.SIGINT, stop_gently)
    try:
        return engine.run()
    finally:
        if in_main_thread:
            signal.signal(signal.SIGINT, previous)


def run_train_command(args: argparse.Namespace) -> int:
    from playground.training.cluster import cluster_from_env, parse_workers
    from playground.training.device import enable_memory_growth

    # Multi-worker: the strategy must be TensorFlow's first work in this process.
    public = bool(getattr(args, "allow_public_network", False))
    cluster = (parse_workers(args.workers, args.index, public) if args.workers
               else cluster_from_env(allow_public_network=public))
    if args.index is not None and cluster is None:
        raise TrainingError(_("--index is only for multi-worker runs: give --workers too."))

    enable_memory_growth()
    if cluster is None:
        return _train(args, None)
    from playground.training.cluster import WorkerSetup, connect

    workers = WorkerSetup(connect(cluster), cluster)
    print(_("[worker {index}] joined {size} workers").format(index=cluster.index,
                                                              size=cluster.size),
          file=sys.stderr)
    try:
        return _train(args, workers)
    except Exception as error:  # noqa: BLE001 - only TensorFlow's own errors are explained
        if not type(error).__module__.startswith("tensorflow"):
            raise
        lost = _("[worker {index}] lost contact with the other workers ({error}).").format(
            index=cluster.index, error=type(error).__name__)
        if args.checkpoint_dir and _may_restart():
            print(lost + _(" Starting again: this worker waits for the others (up to "
                           "{seconds} s) and resumes from the last finished epoch. Start the "
                           "worker that stopped again.").format(
                      seconds=f"{worker_timeout_s(JOIN_TIMEOUT_S):.0f}"),
                  file=sys.stderr, flush=True)
            _restart_process()
        print(lost + (
            _(" Start every worker again with the same --checkpoint-dir to resume from the "
              "last finished epoch.") if args.checkpoint_dir else
            _(" Start every worker again; add --checkpoint-dir DIR to be able to resume "
              "after such a failure.")), file=sys.stderr, flush=True)
        # TensorFlow's collective threads may still wait on the lost worker: do not join them.
        os._exit(LOST_EXIT_CODE)


def _may_restart() -> bool:
    """Whether this process was started as the ``train`` command (so it can start itself
    again with the same arguments) and has restarts left."""
    restarts = int(os.environ.get(RESTARTS_ENV, "0") or 0)
    return sys.argv[1:2] == ["train"] and restarts < MAX_RESTARTS


def _restart_process() -> None:
    """Replace this process by a fresh one with the same command line: TensorFlow's
    multi-worker setup cannot be made again inside a process."""
    os.environ[RESTARTS_ENV] = str(int(os.environ.get(RESTARTS_ENV, "0") or 0) + 1)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, "-m", "playground", *sys.argv[1:]])


def _train(args: argparse.Namespace, workers: Any) -> int:
    from playground.session import Session
    from playground.training.run import trained_weights

    session = Session.open(args.project)
    project = session.project
    settings = session.training_settings()
    if args.epochs is not None:
        settings.epochs = args.epochs
    if args.batch_size is not None:
        settings.batch_size = args.batch_size
    if args.device is not None:
        settings.device = args.device
    chief = workers is None or workers.cluster.is_chief
    prefix = "" if workers is None else f"[worker {workers.cluster.index}] "
    if workers is not None and settings.seed is None:
        # Same starting weights, validation split and shuffling on every worker.
        settings.seed = workers.cluster.shared_seed()
    if args.tensorboard:
        settings.tensorboard = True
    if not chief:  # the chief alone writes logs: several writers would clash
        settings.tensorboard = False
    engine = session.make_engine(settings, TextProgress(sys.stderr, prefix),
                                 log_root=args.tensorboard, workers=workers,
                                 checkpoint_dir=args.checkpoint_dir)
    result = run_until_interrupted(engine)
    if not chief:  # the chief alone writes files and the summary: nothing to clash
        print(_("{prefix}finished ({status}, {epochs_done} epochs); worker 0 writes the "
                "results").format(prefix=prefix, status=result.status,
                                  epochs_done=result.epochs_done), file=sys.stderr)

        return 0 if result.status != "diverged" else 3
    # weights + history into the in-memory project
    session.record_run(result.history_entry(), trained_weights(session.graph, result))
    if args.out:
        from playground.export.keras_file import export_keras

        export_keras(project, args.out)
        print(_("Wrote {out}").format(out=args.out), file=sys.stderr)
    if settings.tensorboard:
        from playground.training.tensorboard import default_log_root, open_command

        root = args.tensorboard or default_log_root(args.project)
        print(_("TensorBoard logs in {root}: see them with {command}").format(
            root=root, command=open_command(root)), file=sys.stderr)
    if args.save:
        session.save()
        print(_("Saved weights and history into {project}").format(project=args.project), file=sys.stderr)
    print(json.dumps(final_metrics(result)))
    return 0 if result.status != "diverged" else 3
