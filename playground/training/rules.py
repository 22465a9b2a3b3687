"""The engine's rules, alike for every strategy: the optimizer by name, what a diverged run
says, which value early stopping watches, and whether a batch can feed every replica."""
from __future__ import annotations

import math
from typing import Any

from playground.errors import TrainingError
from playground.training.settings import TrainingSettings


def make_optimizer(name: str, learning_rate: float) -> Any:
    from playground.kerasenv import keras

    k = keras()
    classes = {"adam": k.optimizers.Adam, "sgd": k.optimizers.SGD,
               "rmsprop": k.optimizers.RMSprop, "adamw": k.optimizers.AdamW,
               "adagrad": k.optimizers.Adagrad, "nadam": k.optimizers.Nadam}
    return classes[name](learning_rate=learning_rate)


def divergence_message(value: float, epoch: int, step: int, learning_rate: float) -> str:
    what = "not a number (NaN)" if math.isnan(value) else "infinite"
    return (f"Training stopped: the loss became {what} at epoch {epoch}, step {step}. "
            f"The learning rate may be too high — try {learning_rate / 10:g} instead of "
            f"{learning_rate:g} — or the inputs hold very large or missing values. The "
            "weights were put back to how they were at the start of that epoch.")


def monitored_value(settings: TrainingSettings, has_validation: bool,
                    metrics: tuple[str, ...]) -> str:
    """The log key early stopping watches (the training value when there is no validation
    data); raises TrainingError when the run will not report it."""
    monitor = settings.monitor
    if monitor.startswith("val_") and not has_validation:
        monitor = monitor[4:]
    if settings.early_stopping and monitor.removeprefix("val_") not in ("loss", *metrics):
        raise TrainingError(
            f"Early stopping watches '{settings.monitor}', but this run only reports "
            f"{', '.join(('loss', *metrics))} (and their val_ versions): choose one of those "
            "to watch.")
    return monitor


def check_replicas(stepper: Any, batch_size: int) -> None:
    if batch_size < stepper.replicas:
        raise TrainingError(
            f"The batch size ({batch_size}) is smaller than the number of model copies "
            f"training together ({stepper.replicas}): each needs at least one example per "
            f"step. Use a batch size of at least {stepper.replicas}.")
    if stepper.steps_per_epoch < 1:
        raise TrainingError(
            f"{stepper.num_samples} training examples are too few for "
            f"{stepper.replicas} model copies: use more data or fewer workers.")
