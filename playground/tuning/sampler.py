"""The sampler of a search: TPE whose random stream is the study's seed combined with the
trial's number.

Several processes (on one machine or many) may work on one study. Seeding each process's
sampler with the study's seed made them all draw the same values in step — trials 1 and 2
the same, 3 and 4 the same: half the search wasted. The trial number is an identity the
storage hands out without gaps or repeats, to whichever process asks, so a stream per
trial number spreads any number of workers with nothing to configure, while one process
with a seed still draws the same sequence every time. ``constant_liar`` is Optuna's advice
for distributed TPE: a running trial counts as a poor result, so workers do not all crowd
around the current best.
"""
from __future__ import annotations

import threading
from typing import Any, Sequence

import numpy as np
import optuna
from optuna.samplers import BaseSampler, TPESampler


def trial_seed(seed: int, number: int) -> int:
    """A well-mixed 32-bit seed for trial ``number`` of a study seeded with ``seed``."""
    return int(np.random.SeedSequence([seed, number]).generate_state(1)[0])


def _tpe(seed: int | None) -> TPESampler:
    return TPESampler(seed=seed, constant_liar=True)


class TrialSeededSampler(BaseSampler):
    """TPE with its own random stream for each trial number (see the module's note)."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self._lock = threading.Lock()
        self._per_trial: dict[int, TPESampler] = {}

    def _for(self, trial: Any) -> TPESampler:
        with self._lock:
            sampler = self._per_trial.get(trial.number)
            if sampler is None:
                sampler = self._per_trial[trial.number] = _tpe(trial_seed(self.seed,
                                                                          trial.number))
            return sampler

    def infer_relative_search_space(self, study: optuna.Study, trial: Any
                                    ) -> dict[str, Any]:
        return self._for(trial).infer_relative_search_space(study, trial)

    def sample_relative(self, study: optuna.Study, trial: Any,
                        search_space: dict[str, Any]) -> dict[str, Any]:
        return self._for(trial).sample_relative(study, trial, search_space)

    def sample_independent(self, study: optuna.Study, trial: Any, param_name: str,
                           param_distribution: Any) -> Any:
        return self._for(trial).sample_independent(study, trial, param_name,
                                                   param_distribution)

    def before_trial(self, study: optuna.Study, trial: Any) -> None:
        self._for(trial).before_trial(study, trial)

    def after_trial(self, study: optuna.Study, trial: Any, state: Any,
                    values: Sequence[float] | None) -> None:
        sampler = self._for(trial)
        with self._lock:
            self._per_trial.pop(trial.number, None)
        sampler.after_trial(study, trial, state, values)

    def reseed_rng(self) -> None:  # Optuna calls it for n_jobs > 1; streams are per trial
        pass


def make_sampler(seed: int | None) -> BaseSampler:
    """The search's sampler: per-trial streams with a seed, fresh randomness without."""
    return _tpe(None) if seed is None else TrialSeededSampler(seed)
