"""One trial: the project with the trial's values, trained by our own engine.

Each finished epoch's objective value is reported to Optuna (``trial.report``); when the
pruner says the trial is hopeless (``trial.should_prune``) the engine stops after that
epoch and the trial ends as pruned. A value that makes an invalid model fails the trial
with the layer's own message; the search goes on.
"""
from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from playground.errors import PlaygroundError, TuningError
from playground.files.project import Project
from playground.i18n import _
from playground.training.events import EpochEnded, TrainingEvent
from playground.training.settings import TrainingSettings
from playground.tuning.space import SearchSpace


class TrialFailed(Exception):
    """The trial's values do not make a model that trains; ``str()`` says why."""


class TrialStopped(Exception):
    """The user stopped the search while this trial ran."""


@dataclass
class TrialRecord:
    """A finished (or running) trial as the table and the command line show it."""

    number: int
    state: str                         # complete | pruned | failed | running
    params: dict[str, Any]
    value: float | None = None
    duration_s: float = 0.0
    message: str = ""
    epochs_done: int = 0

    @classmethod
    def from_frozen(cls, frozen: Any) -> "TrialRecord":
        start, end = frozen.datetime_start, frozen.datetime_complete
        steps = frozen.intermediate_values
        return cls(number=frozen.number, state=_state_name(frozen.state),
                   params=dict(frozen.params), value=frozen.value,
                   duration_s=(end - start).total_seconds() if start and end else 0.0,
                   message=str(frozen.user_attrs.get("message", "")),
                   epochs_done=max(steps) if steps else 0)


def best_of(records: Iterable[TrialRecord], direction: str) -> TrialRecord | None:
    """The complete, scored trial with the best value (``direction``: "minimize" or
    "maximize"), or None when none has finished."""
    complete = [r for r in records if r.state == "complete" and r.value is not None]
    if not complete:
        return None
    pick = max if direction == "maximize" else min
    return pick(complete, key=lambda r: r.value)


def _state_name(state: Any) -> str:
    return {"COMPLETE": "complete", "PRUNED": "pruned", "FAIL": "failed"}.get(
        state.name, state.name.lower())


class TrialRunner:
    """Runs trials of one search: the dataset is loaded once and shared by all of them."""

    def __init__(self, project: Project, space: SearchSpace, objective: str, dataset: Any,
                 seed: int | None) -> None:
        self.project = project
        self.space = space
        self.objective = objective
        self.dataset = dataset
        self.seed = seed
        self._lock = threading.Lock()
        self._engine: Any = None
        self._stopped = False

    def stop(self) -> None:
        """Stop the running trial (any thread); it ends as stopped, not scored."""
        with self._lock:
            self._stopped = True
            if self._engine is not None:
                self._engine.stop()

    def trial_project(self, params: dict[str, Any], number: int
                      ) -> tuple[Project, TrainingSettings]:
        """A copy of the project with the trial's values and fresh weights."""
        node_updates, training_updates = self.space.split(params)
        graph = self.project.graph.copy()
        try:
            for node_id, updates in node_updates.items():
                graph.set_params(node_id, updates)
            settings = TrainingSettings.from_dict({**self.project.training,
                                                   **training_updates})
            if settings.seed is None and self.seed is not None:
                settings.seed = self.seed + number  # repeatable, different per trial
            settings.validate()
        except PlaygroundError as exc:
            raise TrialFailed(str(exc)) from None
        return Project(graph=graph, dataset=dict(self.project.dataset),
                       training=settings.to_dict()), settings

    def run(self, trial: Any, params: dict[str, Any],
            on_event: Callable[[TrainingEvent], None]) -> tuple[float, Any]:
        """Train with ``params``; (objective value, run result). Raises TrialFailed,
        TrialStopped, ``optuna.TrialPruned`` or TuningError (the search cannot go on)."""
        import optuna

        from playground.training.run import make_engine

        project, settings = self.trial_project(params, trial.number)
        pruned_at: list[int] = []
        missing: list[list[str]] = []

        def report(event: TrainingEvent) -> None:
            on_event(event)
            if not isinstance(event, EpochEnded):
                return
            value = event.logs.get(self.objective)
            if value is None:
                missing.append(sorted(event.logs))
                engine.stop()
                return
            if math.isfinite(value):
                trial.report(float(value), event.progress.epoch)
            # Pruning after the last epoch would save nothing: the trial has finished.
            if event.progress.epoch < event.progress.epochs and trial.should_prune():
                pruned_at.append(event.progress.epoch)
                engine.stop()

        try:
            engine = make_engine(project, settings, report, dataset=self.dataset)
        except PlaygroundError as exc:  # the model or settings this trial made
            raise TrialFailed(str(exc)) from None
        with self._lock:
            if self._stopped:
                raise TrialStopped()
            self._engine = engine
        try:
            result = engine.run()
        except PlaygroundError as exc:
            raise TrialFailed(str(exc)) from None
        finally:
            with self._lock:
                self._engine = None
        if missing:
            raise TuningError(_("The search scores trials by {objective}, but training "
                                "reports only {reported}. Choose one of those as the "
                                "objective (val_ values need validation data).")
                              .format(objective=self.objective,
                                      reported=", ".join(missing[0])))
        if pruned_at:
            raise optuna.TrialPruned(_("Pruned after epoch {epoch}: worse than the earlier "
                                       "trials at that point.").format(epoch=pruned_at[0]))
        if self._stopped:
            raise TrialStopped()
        if result.status == "diverged":
            raise TrialFailed(result.message)
        value = result.final_logs.get(self.objective)
        if value is None or not math.isfinite(value):
            raise TrialFailed(_("The run ended without a finite {objective} "
                                "({status}, {epochs_done} epochs).")
                              .format(objective=self.objective, status=result.status,
                                      epochs_done=result.epochs_done))

        return float(value), result
