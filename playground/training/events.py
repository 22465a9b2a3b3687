"""What the engine reports: progress events, probes and the result of a run."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable, Literal

EventKind = Literal["start", "batch", "epoch", "probe", "end", "error"]


@dataclass
class TrainingEvent:
    """One progress report, handed to the engine's callback on the training thread.

    A ``"batch"`` event covers one or more consecutive training steps run in one go
    (``batch_losses`` holds the raw loss of each of them, oldest first); ``logs`` are the
    running averages of the epoch so far, as Keras reports them. An ``"epoch"`` event
    carries the epoch's final logs including ``val_*`` ones. ``step`` counts steps within
    the epoch (1-based, the last step covered), ``iteration`` steps over the whole run.
    """

    kind: EventKind
    epoch: int = 0                      # 1-based epoch number within this run
    epochs: int = 0                     # planned epochs of the run
    step: int = 0
    steps_per_epoch: int = 0
    iteration: int = 0
    samples_seen: int = 0
    samples_per_s: float = 0.0
    elapsed_s: float = 0.0
    eta_s: float | None = None
    logs: dict[str, float] = field(default_factory=dict)
    batch_losses: list[float] = field(default_factory=list)
    probe_name: str = ""
    probe_result: Any = None
    message: str = ""
    info: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict (probe result excluded) for signals and JSON."""
        return {
            "kind": self.kind, "epoch": self.epoch, "epochs": self.epochs, "step": self.step,
            "steps_per_epoch": self.steps_per_epoch, "iteration": self.iteration,
            "samples_seen": self.samples_seen, "samples_per_s": self.samples_per_s,
            "elapsed_s": self.elapsed_s, "eta_s": self.eta_s, "logs": dict(self.logs),
            "batch_losses": list(self.batch_losses), "message": self.message,
            "info": dict(self.info),
        }


@dataclass
class Probe:
    """A function run on the training thread: once at the start and after epochs.

    ``every`` is ``"epoch"`` (after each epoch), ``"end"`` (only at the start and the end of
    the run) or a number of seconds: at most one run per that interval, after epochs and
    also between the compiled calls inside an epoch (so slow epochs still get live views),
    plus the last epoch; a costly probe does not slow a fast run down.
    """

    fn: Callable[[Any, Any], Any]
    every: str | float = "epoch"


@dataclass
class RunResult:
    """Outcome of one run. ``status``: completed | stopped | early_stopped | diverged."""

    status: str
    epochs_done: int
    final_logs: dict[str, float]
    history: dict[str, list[float]]
    settings: dict[str, Any]
    message: str = ""
    test_logs: dict[str, float] = field(default_factory=dict)
    elapsed_s: float = 0.0
    samples_per_s: float = 0.0
    device: str = ""
    model: Any = None                   # the trained keras model (may be a device clone)

    def history_entry(self) -> dict[str, Any]:
        """The JSON dict appended to ``project.history`` for this run."""
        return {
            "status": self.status,
            "epochs_done": self.epochs_done,
            "settings": dict(self.settings),
            "final": dict(self.final_logs),
            "test": dict(self.test_logs),
            "history": {k: list(v) for k, v in self.history.items()},
            "elapsed_s": round(self.elapsed_s, 3),
            "samples_per_s": round(self.samples_per_s, 1),
            "device": self.device,
            "message": self.message,
        }


def format_seconds(seconds: float | None) -> str:
    """``mm:ss`` (or ``h:mm:ss``); ``--:--`` when unknown."""
    if seconds is None or not math.isfinite(seconds):
        return "--:--"
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    return (f"{hours}:" if hours else "") + f"{rest // 60:02d}:{rest % 60:02d}"
