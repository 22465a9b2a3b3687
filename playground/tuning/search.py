"""The search: Optuna proposes values (``study.ask``), our engine trains, Optuna is told
the score (``study.tell``), until the study holds the wanted number of trials, the time
limit passes or someone stops it.

``TuneSettings.trials`` counts the trials of the whole study, so processes that share one
study (and a search resumed later) together finish that many: before each trial the study
is asked how many it already has. The time limit, like Optuna's own ``timeout``, starts no
new trial after it has passed.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from playground.errors import TuningError
from playground.files.project import Project
from playground.i18n import _
from playground.training.events import TrainingEvent
from playground.tuning.space import SearchSpace
from playground.tuning.study import TuneSettings
from playground.tuning.trial import TrialFailed, TrialRecord, TrialRunner, TrialStopped

# Trials of these states are finished or under way: they count towards ``trials``.
COUNTED_STATES = ("COMPLETE", "PRUNED", "FAIL", "RUNNING")


@dataclass
class SearchEvent:
    """What a search reports: a trial starts (``trial_start``), a training event of the
    current trial (``training``), a trial ends (``trial_end``, with its record)."""

    kind: str
    number: int
    params: dict[str, Any] = field(default_factory=dict)
    training: TrainingEvent | None = None
    record: TrialRecord | None = None


@dataclass
class SearchSummary:
    """How a search (this process's part of it) ended, and the study's best trial."""

    study: str
    objective: str
    direction: str
    records: list[TrialRecord]
    best: TrialRecord | None
    stopped: bool = False

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for record in self.records:
            counts[record.state] = counts.get(record.state, 0) + 1
        return counts


def counted_trials(study: Any) -> int:
    return sum(t.state.name in COUNTED_STATES for t in study.get_trials(deepcopy=False))


def best_record(study: Any) -> TrialRecord | None:
    """The best complete trial of the whole study (any process), or None."""
    complete = [t for t in study.get_trials(deepcopy=False) if t.state.name == "COMPLETE"]
    if not complete:
        return None
    return TrialRecord.from_frozen(study.best_trial)


def study_records(study: Any) -> list[TrialRecord]:
    return [TrialRecord.from_frozen(t) for t in study.get_trials(deepcopy=False)]


class Search:
    """Runs trials one after another on the calling thread; ``stop()`` from any thread."""

    def __init__(self, project: Project, space: SearchSpace, settings: TuneSettings,
                 study: Any, on_event: Callable[[SearchEvent], None] | None = None,
                 dataset: Any = None) -> None:
        settings.validate()
        space.validate(project.graph)
        self.project = project
        self.space = space
        self.settings = settings
        self.study = study
        self.on_event = on_event or (lambda event: None)
        self.dataset = dataset
        self._stop = threading.Event()
        self._runner: TrialRunner | None = None

    def stop(self) -> None:
        """End the search: the running trial stops (recorded as failed: stopped by you);
        finished trials stay in the study."""
        self._stop.set()
        runner = self._runner
        if runner is not None:
            runner.stop()

    def run(self) -> SearchSummary:
        import optuna

        from playground.training.run import load_project_dataset

        dataset = self.dataset if self.dataset is not None else \
            load_project_dataset(self.project)
        self._runner = TrialRunner(self.project, self.space, self.settings.objective,
                                   dataset, self.settings.seed)
        if self._stop.is_set():
            self._runner.stop()
        started = time.monotonic()
        records: list[TrialRecord] = []
        timeout = self.settings.timeout_s
        while not self._stop.is_set():
            if timeout is not None and time.monotonic() - started >= timeout:
                break
            if counted_trials(self.study) >= self.settings.trials:
                break
            trial = self.study.ask()
            if trial.number >= self.settings.trials:  # another process took the last one
                trial.set_user_attr("message", _("Not run: the study already had "
                                                 "{trials} trials.")
                                    .format(trials=self.settings.trials))
                self.study.tell(trial, state=optuna.trial.TrialState.FAIL)
                break
            records.append(self._run_trial(trial))
        return SearchSummary(self.study.study_name, self.settings.objective,
                             self.settings.direction, records, best_record(self.study),
                             stopped=self._stop.is_set())

    def _run_trial(self, trial: Any) -> TrialRecord:
        import optuna

        assert self._runner is not None
        params = {dim.key: dim.suggest(trial) for dim in self.space.dimensions}
        number = trial.number
        self.on_event(SearchEvent("trial_start", number, dict(params)))
        state, value, message = optuna.trial.TrialState.FAIL, None, ""
        try:
            value, _result = self._runner.run(
                trial, params, lambda e: self.on_event(SearchEvent("training", number,
                                                                   training=e)))
            state = optuna.trial.TrialState.COMPLETE
        except optuna.TrialPruned as pruned:
            state, message = optuna.trial.TrialState.PRUNED, str(pruned)
        except TrialFailed as failed:
            message = str(failed)
        except TrialStopped:
            message = _("Stopped by you before it finished.")

        except BaseException as error:  # the search cannot go on: record why, then stop
            trial.set_user_attr("message", str(error) or type(error).__name__)
            self.study.tell(trial, state=optuna.trial.TrialState.FAIL)
            if isinstance(error, TuningError):
                self._report_end(number)
            raise
        if message:
            trial.set_user_attr("message", message)
        self.study.tell(trial, value if state == optuna.trial.TrialState.COMPLETE else None,
                        state=state)
        return self._report_end(number)

    def _report_end(self, number: int) -> TrialRecord:
        frozen = self.study.get_trials(deepcopy=False)
        record = TrialRecord.from_frozen(next(t for t in frozen if t.number == number))
        self.on_event(SearchEvent("trial_end", number, dict(record.params), record=record))
        return record


def param_importances(study: Any, minimum_trials: int = 4) -> dict[str, float]:
    """How much each parameter mattered for the score (Optuna's fANOVA), once the study
    has ``minimum_trials`` complete trials and more than one parameter; else empty."""
    import optuna

    complete = [t for t in study.get_trials(deepcopy=False) if t.state.name == "COMPLETE"]
    names = {name for t in complete for name in t.params}
    if len(complete) < minimum_trials or len(names) < 2:
        return {}
    try:
        return dict(optuna.importance.get_param_importances(study))
    except (ValueError, RuntimeError, ZeroDivisionError):  # e.g. every score the same
        return {}
