"""What the engine reports: typed progress events, probes and the result of a run.

Every event is a frozen dataclass handed to the engine's callback on the training thread
(the app's worker forwards them as they are through Qt signals; the ``train`` command
prints them). Whatever strategy trains (one device, several GPUs, several machines), a run
reports the same events in the same order::

    RunStarted, ProbeResult*, (StepsDone+, EpochEnded, ProbeResult*)*, [RunDiverged], RunEnded

``ProbeFailed`` may come wherever a ``ProbeResult`` could.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Union


@dataclass(frozen=True)
class Progress:
    """Where a run stands. ``step`` counts steps within the epoch (1-based, the last step
    done), ``iteration`` steps over the whole run; ``eta_s`` is None until known."""

    epoch: int = 0                      # 1-based epoch number
    epochs: int = 0                     # planned epochs of the run
    step: int = 0
    steps_per_epoch: int = 0
    iteration: int = 0
    samples_seen: int = 0
    samples_per_s: float = 0.0
    elapsed_s: float = 0.0
    eta_s: float | None = None


@dataclass(frozen=True)
class RunStarted:
    """The run is set up: where it trains, on how much data, with which loss."""

    device: str
    train_samples: int
    val_samples: int
    validation: str                     # "dataset" | "split" | "none"
    loss: str
    metrics: tuple[str, ...]
    from_logits: bool
    settings: dict[str, Any]
    epochs: int
    steps_per_epoch: int
    total_steps: int
    replicas: int = 1                   # model copies training in step (GPUs x workers)
    workers: int = 1                    # machines (processes) taking part
    first_epoch: int = 1                # > 1 when resumed from a checkpoint


@dataclass(frozen=True)
class StepsDone:
    """One or more consecutive training steps. ``batch_losses`` holds the raw loss of each
    step, oldest first; ``logs`` are the epoch's running averages so far (as Keras reports
    them). ``pieces`` says which steps the losses belong to: (epoch, last step, count) per
    run of steps, so merged events (see :meth:`merged`) still place every loss."""

    progress: Progress
    logs: dict[str, float]
    batch_losses: tuple[float, ...]
    pieces: tuple[tuple[int, int, int], ...] = ()

    def __post_init__(self) -> None:
        if not self.pieces:
            object.__setattr__(self, "pieces", (
                (self.progress.epoch, self.progress.step, len(self.batch_losses)),))

    def merged(self, later: "StepsDone") -> "StepsDone":
        """This event followed by ``later`` as one: every loss kept, the latest counters."""
        return replace(later, batch_losses=self.batch_losses + later.batch_losses,
                       pieces=self.pieces + later.pieces)


@dataclass(frozen=True)
class EpochEnded:
    """An epoch finished: its final logs, ``val_*`` ones included."""

    progress: Progress
    logs: dict[str, float]


@dataclass(frozen=True)
class ProbeResult:
    """What a probe (a live view's function) computed."""

    name: str
    result: Any


@dataclass(frozen=True)
class ProbeFailed:
    """A probe raised: it is turned off for the rest of the run, training goes on."""

    name: str
    message: str


@dataclass(frozen=True)
class RunDiverged:
    """The loss became NaN or infinite; the weights were put back (``message`` says how)."""

    progress: Progress
    message: str


@dataclass(frozen=True)
class RunEnded:
    """The run is over. ``status``: completed | stopped | early_stopped | diverged;
    ``logs`` are the last epoch's plus the ``test_*`` ones."""

    progress: Progress
    status: str
    logs: dict[str, float]
    message: str = ""


TrainingEvent = Union[RunStarted, StepsDone, EpochEnded, ProbeResult, ProbeFailed,
                      RunDiverged, RunEnded]


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
