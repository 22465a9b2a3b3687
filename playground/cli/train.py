"""``train`` command: run the training engine headless on a project file.

Progress goes to stderr as a text bar; the last line on stdout is one JSON object with the
final metrics (``loss``, each metric, ``val_*`` and ``test_*``), for scripts to parse.
"""
from __future__ import annotations

import argparse
import json
import math
import signal
import sys
import threading
import time
from typing import Any, TextIO

from playground.i18n import _
from playground.training.events import TrainingEvent, format_seconds

BAR_WIDTH = 28


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("train", help=_("train a project's model headless"))
    p.add_argument("project", help=_("project file (.kpg)"))
    p.add_argument("--epochs", type=int, help=_("number of epochs (default: the project's)"))
    p.add_argument("--batch-size", type=int, help=_("batch size (default: the project's)"))
    p.add_argument("--device", help=_("auto, cpu, gpu:N or gpus (default: the project's)"))
    p.add_argument("--out", metavar="MODEL.keras", help=_("write the trained model here"))
    p.add_argument("--save", action="store_true",
                   help=_("store the trained weights and this run's history in the project"))
    p.set_defaults(func=run_train_command)


class TextProgress:
    """A progress bar plus a line per epoch. On a terminal the bar is redrawn in place
    ~10 times a second; into a file or pipe it is written as a new line every 5 seconds."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self._last_draw = time.perf_counter()
        self._is_tty = bool(getattr(stream, "isatty", lambda: False)())
        self._interval = 0.1 if self._is_tty else 5.0

    def __call__(self, event: TrainingEvent) -> None:
        if event.kind == "start":
            info = event.info
            print((_("Training on {device}: {train_samples} examples, {epochs} epochs, loss "
                     "{loss}")
                     .format(device=info['device'], train_samples=info['train_samples'], epochs=event.epochs, loss=info['loss'])), file=self.stream)
        elif event.kind == "batch":
            now = time.perf_counter()
            if now - self._last_draw >= self._interval:
                self._last_draw = now
                self._draw(event)
        elif event.kind == "epoch":
            logs = "  ".join(f"{k} {v:.4g}" for k, v in event.logs.items())
            end = "\r\x1b[K" if self._is_tty else ""
            print((_("{end}epoch {epoch}/{epochs}  {logs}  ({samples_per_s:,.0f} samples/s)")
                     .format(end=end, epoch=event.epoch, epochs=event.epochs, logs=logs, samples_per_s=event.samples_per_s)), file=self.stream)
        elif event.kind in ("error", "probe") and event.message:
            print(event.message, file=self.stream)
        elif event.kind == "end" and event.message:
            print(event.message, file=self.stream)
        self.stream.flush()

    def _draw(self, event: TrainingEvent) -> None:
        done = event.step / max(event.steps_per_epoch, 1)
        filled = int(done * BAR_WIDTH)
        loss = event.logs.get("loss", float("nan"))
        line = ((_("epoch {epoch}/{epochs} [{value}{value2}] {step}/{steps_per_epoch}  loss "
                   "{loss:.4f}  ETA {eta_s}")
                   .format(epoch=event.epoch, epochs=event.epochs, value='#' * filled, value2='.' * (BAR_WIDTH - filled), step=event.step, steps_per_epoch=event.steps_per_epoch, loss=loss, eta_s=format_seconds(event.eta_s))))
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
    from playground.session import Session
    from playground.training.device import enable_memory_growth
    from playground.training.run import trained_weights

    enable_memory_growth()
    session = Session.open(args.project)
    project = session.project
    settings = session.training_settings()
    if args.epochs is not None:
        settings.epochs = args.epochs
    if args.batch_size is not None:
        settings.batch_size = args.batch_size
    if args.device is not None:
        settings.device = args.device
    engine = session.make_engine(settings, TextProgress(sys.stderr))
    result = run_until_interrupted(engine)
    # weights + history into the in-memory project
    session.record_run(result.history_entry(), trained_weights(session.graph, result))
    if args.out:
        from playground.export.keras_file import export_keras

        export_keras(project, args.out)
        print(_("Wrote {out}").format(out=args.out), file=sys.stderr)
    if args.save:
        session.save()
        print(_("Saved weights and history into {project}").format(project=args.project), file=sys.stderr)
    print(json.dumps(final_metrics(result)))
    return 0 if result.status != "diverged" else 3
