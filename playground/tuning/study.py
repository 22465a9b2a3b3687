"""Where a search is kept: an Optuna study in a SQLite file next to the project (or any
database URL Optuna accepts), opened with the sampler and pruner the search asks for.

Several processes may work on one study: each asks the storage for its next trial, and
the storage numbers trials without gaps or duplicates. SQLite allows one writer at a time,
so connections wait (``timeout``) instead of failing with "database is locked".
"""
from __future__ import annotations

import contextlib
import math
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from playground.errors import TuningError
from playground.i18n import _
from playground.tuning.storage import (check_storage_url, masked_url, open_storage,
                                       without_password)

__all__ = ["TuneSettings", "check_storage_url", "default_direction", "default_storage_url",
           "make_pruner", "open_storage", "open_study"]

PRUNERS = ("median", "halving", "none")
DIRECTIONS = ("minimize", "maximize")
OBJECTIVES = ("val_loss", "loss", "val_accuracy", "accuracy", "val_mae", "mae")
STUDY_SUFFIX = ".optuna.db"


@dataclass
class TuneSettings:
    """How to search, stored in ``project.tuning["settings"]``.

    ``trials`` is the number of finished trials the study should hold in all: counting
    earlier sessions and every process working on the same study.
    """

    trials: int = 20
    timeout_s: float | None = None
    objective: str = "val_loss"
    direction: str = "minimize"
    pruner: str = "median"
    seed: int | None = 0
    storage: str = ""            # empty: the SQLite file next to the project
    study: str = "search"

    def validate(self) -> None:
        if isinstance(self.trials, bool) or not isinstance(self.trials, int) \
                or self.trials < 1:
            raise TuningError(_("The number of trials must be a whole number of at least 1. "
                                "Received: trials={trials}.").format(trials=repr(self.trials)))
        if self.timeout_s is not None and (
                isinstance(self.timeout_s, bool) or not isinstance(self.timeout_s, (int, float))
                or not math.isfinite(self.timeout_s) or self.timeout_s <= 0):
            raise TuningError(_("The time limit must be a positive number of seconds, or "
                                "empty for none. Received: timeout={timeout}.")
                              .format(timeout=repr(self.timeout_s)))
        if not isinstance(self.objective, str) or not self.objective.strip():
            raise TuningError(_("Say which value the search should improve, e.g. "
                                "'val_loss'."))
        if self.direction not in DIRECTIONS:
            raise TuningError(_("The direction must be 'minimize' or 'maximize'. "
                                "Received: {direction}.").format(direction=repr(self.direction)))
        if self.pruner not in PRUNERS:
            raise TuningError(_("The pruner must be one of {pruners}. Received: {pruner}.")
                              .format(pruners=", ".join(PRUNERS), pruner=repr(self.pruner)))
        if self.seed is not None and (isinstance(self.seed, bool)
                                      or not isinstance(self.seed, int) or self.seed < 0):
            raise TuningError(_("The seed must be empty or a whole number of 0 or more. "
                                "Received: seed={seed}.").format(seed=repr(self.seed)))
        if not isinstance(self.study, str) or not self.study.strip():
            raise TuningError(_("The study needs a name, e.g. 'search'."))

    def to_dict(self) -> dict[str, Any]:
        """What the project keeps: a storage URL loses its password (never saved)."""
        data = asdict(self)
        data["storage"] = without_password(self.storage)
        return data

    @classmethod
    def from_dict(cls, data: Any) -> "TuneSettings":
        if data is not None and not isinstance(data, dict):
            raise TuningError(_("The search settings saved in the project are damaged; set "
                                "them again in the Tune panel."))
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (data or {}).items() if k in known})


def default_direction(objective: str) -> str:
    """Accuracy-like values grow when the model gets better; losses and errors shrink."""
    return "maximize" if "acc" in objective else "minimize"


def default_storage_url(project_path: str | Path | None) -> str:
    """``sqlite:///<project>.optuna.db`` next to the project file."""
    if project_path is None:
        raise TuningError(_("Save the project first: the search is kept in a file next to "
                            "it (or give a database URL)."))
    path = Path(project_path).resolve()
    return f"sqlite:///{path.with_name(path.stem + STUDY_SUFFIX)}"


def make_pruner(name: str) -> Any:
    import optuna

    if name == "median":  # a trial worse than the median of earlier ones at the same epoch
        return optuna.pruners.MedianPruner(n_startup_trials=2, n_warmup_steps=0)
    if name == "halving":
        return optuna.pruners.SuccessiveHalvingPruner()
    return optuna.pruners.NopPruner()


def open_study(settings: TuneSettings, storage_url: str,
               first_trial: dict[str, Any] | None = None) -> Any:
    """Create the study, or load it when it exists (then its trial numbers continue).

    ``first_trial`` (the project's current values) is queued only by the call that creates
    the study: the database's unique study name decides which of several processes that
    is, so the values are tried once per study, not once per process.
    """
    import optuna

    from playground.tuning.sampler import make_sampler

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    storage = open_storage(storage_url)
    wanted = optuna.study.StudyDirection[settings.direction.upper()]
    created = False
    try:
        with contextlib.suppress(optuna.exceptions.DuplicatedStudyError):
            storage.create_new_study([wanted], settings.study)
            created = True
        study = optuna.load_study(study_name=settings.study, storage=storage,
                                  sampler=make_sampler(settings.seed),
                                  pruner=make_pruner(settings.pruner))
    except Exception as exc:  # noqa: BLE001 - a storage that fails on first use
        raise TuningError(_("The study '{study}' in {url} cannot be opened: {reason}.")
                          .format(study=settings.study, url=masked_url(storage_url),
                                  reason=str(exc).splitlines()[0] if str(exc)
                                  else type(exc).__name__)) from None
    if study.direction != wanted:
        raise TuningError(_("The study '{study}' was made to {saved} its objective, not to "
                            "{direction}. Give the search another study name.")
                          .format(study=settings.study, saved=study.direction.name.lower(),
                                  direction=settings.direction))
    saved = study.user_attrs.get("objective")
    if saved is None:
        study.set_user_attr("objective", settings.objective)
    elif saved != settings.objective:
        raise TuningError(_("The study '{study}' scores trials by {saved}, not by "
                            "{objective}. Choose {saved} again, or give the search "
                            "another study name.")
                          .format(study=settings.study, saved=saved,
                                  objective=settings.objective))
    if created and first_trial:  # the project's own values first: does the search beat them?
        study.enqueue_trial(first_trial, skip_if_exists=True)
    return study
