"""The engine's rules, alike for every strategy: the optimizer by name, what a diverged run
says, which value early stopping watches, and whether a batch can feed every replica."""
from __future__ import annotations

import math
from typing import Any

from playground.errors import TrainingError
from playground.i18n import _
from playground.training.settings import TrainingSettings


def make_optimizer(name: str, learning_rate: float) -> Any:
    from playground.kerasenv import keras

    k = keras()
    classes = {"adam": k.optimizers.Adam, "sgd": k.optimizers.SGD,
               "rmsprop": k.optimizers.RMSprop, "adamw": k.optimizers.AdamW,
               "adagrad": k.optimizers.Adagrad, "nadam": k.optimizers.Nadam}
    return classes[name](learning_rate=learning_rate)


def divergence_message(value: float, epoch: int, step: int, learning_rate: float) -> str:
    what = _("not a number (NaN)") if math.isnan(value) else _("infinite")
    return _("Training stopped: the loss became {what} at epoch {epoch}, step {step}. "
             "The learning rate may be too high — try {value} instead of "
             "{learning_rate} — or the inputs hold very large or missing values. "
             "The weights were put back to how they were at the start of that epoch."
             ).format(what=what, epoch=epoch, step=step, value=f"{learning_rate / 10:g}",
                      learning_rate=f"{learning_rate:g}")


def monitored_value(settings: TrainingSettings, has_validation: bool,
                    metrics: tuple[str, ...]) -> str:
    """The log key early stopping watches (the training value when there is no validation
    data); raises TrainingError when the run will not report it."""
    monitor = settings.monitor
    if monitor.startswith("val_") and not has_validation:
        monitor = monitor[4:]
    if settings.early_stopping and monitor.removeprefix("val_") not in ("loss", *metrics):
        raise TrainingError(
            _("Early stopping watches '{monitor}', but this run only reports {value} "
              "(and their val_ versions): choose one of those to watch.")
            .format(monitor=settings.monitor, value=", ".join(("loss", *metrics))))
    return monitor


def check_replicas(stepper: Any, batch_size: int) -> None:
    if batch_size < stepper.replicas:
        raise TrainingError(
            _("The batch size ({batch_size}) is smaller than the number of model copies "
              "training together ({replicas}): each needs at least one example per step. "
              "Use a batch size of at least {replicas}.")
            .format(batch_size=batch_size, replicas=stepper.replicas))
    if stepper.steps_per_epoch < 1:
        raise TrainingError(
            _("{samples} training examples are too few for {replicas} model copies: use "
              "more data or fewer workers.")
            .format(samples=stepper.num_samples, replicas=stepper.replicas))
