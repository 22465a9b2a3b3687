"""Where a search is kept: an Optuna study in a SQLite file next to the project (or any
database URL Optuna accepts), opened with the sampler and pruner the search asks for.

Several processes may work on one study: each asks the storage for its next trial, and
the storage numbers trials without gaps or duplicates. SQLite allows one writer at a time,
so connections wait (``timeout``) instead of failing with "database is locked".
"""
from __future__ import annotations

import math
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from playground.errors import TuningError

PRUNERS = ("median", "halving", "none")
DIRECTIONS = ("minimize", "maximize")
OBJECTIVES = ("val_loss", "loss", "val_accuracy", "accuracy", "val_mae", "mae")
SQLITE_WAIT_S = 60          # how long a SQLite connection waits for another writer
CREATE_ATTEMPTS = 5         # tries to open a database another process is setting up
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
            raise TuningError("The number of trials must be a whole number of at least 1. "
                              f"Received: trials={self.trials!r}.")
        if self.timeout_s is not None and (
                isinstance(self.timeout_s, bool) or not isinstance(self.timeout_s, (int, float))
                or not math.isfinite(self.timeout_s) or self.timeout_s <= 0):
            raise TuningError("The time limit must be a positive number of seconds, or empty "
                              f"for none. Received: timeout={self.timeout_s!r}.")
        if not isinstance(self.objective, str) or not self.objective.strip():
            raise TuningError("Say which value the search should improve, e.g. 'val_loss'.")
        if self.direction not in DIRECTIONS:
            raise TuningError(f"The direction must be 'minimize' or 'maximize'. "
                              f"Received: {self.direction!r}.")
        if self.pruner not in PRUNERS:
            raise TuningError(f"The pruner must be one of {', '.join(PRUNERS)}. "
                              f"Received: {self.pruner!r}.")
        if self.seed is not None and (isinstance(self.seed, bool)
                                      or not isinstance(self.seed, int) or self.seed < 0):
            raise TuningError("The seed must be empty or a whole number of 0 or more. "
                              f"Received: seed={self.seed!r}.")
        if not isinstance(self.study, str) or not self.study.strip():
            raise TuningError("The study needs a name, e.g. 'search'.")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> "TuneSettings":
        if data is not None and not isinstance(data, dict):
            raise TuningError("The search settings saved in the project are damaged; set "
                              "them again in the Tune panel.")
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (data or {}).items() if k in known})


def default_direction(objective: str) -> str:
    """Accuracy-like values grow when the model gets better; losses and errors shrink."""
    return "maximize" if "acc" in objective else "minimize"


def default_storage_url(project_path: str | Path | None) -> str:
    """``sqlite:///<project>.optuna.db`` next to the project file."""
    if project_path is None:
        raise TuningError("Save the project first: the search is kept in a file next to it "
                          "(or give a database URL).")
    path = Path(project_path).resolve()
    return f"sqlite:///{path.with_name(path.stem + STUDY_SUFFIX)}"


def open_storage(url: str) -> Any:
    """An Optuna storage for ``url``; TuningError naming the URL when it cannot be opened."""
    import optuna

    check_storage_url(url)
    engine_kwargs: dict[str, Any] = {}
    if url.startswith("sqlite"):
        engine_kwargs = {"connect_args": {"timeout": SQLITE_WAIT_S}}
    try:
        return _rdb_storage(url, engine_kwargs)
    except ImportError as exc:
        raise TuningError(f"The study storage {url} needs a database driver that is not "
                          f"installed ({exc.name or exc}). Install it with pip, or use a "
                          "sqlite:/// URL.") from None
    except Exception as exc:  # SQLAlchemy's errors (bad URL, refused connection) and more
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise TuningError(f"The study storage {url} cannot be opened: {reason}. Check the "
                          "URL, that the database server runs and that you may use it.") \
            from None


def _rdb_storage(url: str, engine_kwargs: dict[str, Any]) -> Any:
    """RDBStorage, tried again when another process was creating the same new database
    at that moment (both create the tables: one fails on a unique constraint)."""
    import optuna
    from sqlalchemy.exc import IntegrityError, OperationalError

    for attempt in range(CREATE_ATTEMPTS):
        try:
            return optuna.storages.RDBStorage(url, engine_kwargs=engine_kwargs)
        except (IntegrityError, OperationalError):
            if attempt == CREATE_ATTEMPTS - 1:
                raise
            time.sleep(0.2 * (attempt + 1))  # the other process finishes its tables
    raise AssertionError("unreachable")


def check_storage_url(url: str) -> None:
    """The checks that need no connection (quick: the app makes them before starting)."""
    if not isinstance(url, str) or "://" not in url:
        raise TuningError(f"The study storage {url!r} is not a database URL. Use e.g. "
                          "sqlite:///search.db or postgresql://user@host/db.")
    if url.startswith("sqlite"):
        _check_sqlite_folder(url)


def _check_sqlite_folder(url: str) -> None:
    path = url.split(":///", 1)[-1] if ":///" in url else ""
    if path and path != ":memory:" and not Path(path).parent.is_dir():
        raise TuningError(f"The study file {path} cannot be created: the folder "
                          f"{Path(path).parent} does not exist.")


def make_pruner(name: str) -> Any:
    import optuna

    if name == "median":  # a trial worse than the median of earlier ones at the same epoch
        return optuna.pruners.MedianPruner(n_startup_trials=2, n_warmup_steps=0)
    if name == "halving":
        return optuna.pruners.SuccessiveHalvingPruner()
    return optuna.pruners.NopPruner()


def open_study(settings: TuneSettings, storage_url: str) -> Any:
    """Create the study, or load it when it exists (then its trial numbers continue)."""
    import optuna

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    storage = open_storage(storage_url)
    sampler = optuna.samplers.TPESampler(seed=settings.seed)
    try:
        study = optuna.create_study(storage=storage, sampler=sampler,
                                    pruner=make_pruner(settings.pruner),
                                    study_name=settings.study, direction=settings.direction,
                                    load_if_exists=True)
    except Exception as exc:  # noqa: BLE001 - a storage that fails on first use
        raise TuningError(f"The study '{settings.study}' in {storage_url} cannot be opened: "
                          f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}."
                          ) from None
    wanted = optuna.study.StudyDirection[settings.direction.upper()]
    if study.direction != wanted:
        raise TuningError(f"The study '{settings.study}' was made to "
                          f"{study.direction.name.lower()} its objective, not to "
                          f"{settings.direction}. Give the search another study name.")
    saved = study.user_attrs.get("objective")
    if saved is None:
        study.set_user_attr("objective", settings.objective)
    elif saved != settings.objective:
        raise TuningError(f"The study '{settings.study}' scores trials by {saved}, not by "
                          f"{settings.objective}. Choose {saved} again, or give the search "
                          "another study name.")
    return study
