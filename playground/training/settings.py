"""Training settings: a plain dataclass stored as JSON in ``project.training``."""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from playground.errors import TrainingError
from playground.i18n import _

OPTIMIZERS: tuple[str, ...] = ("adam", "sgd", "rmsprop", "adamw", "adagrad", "nadam")
LOSSES: tuple[str, ...] = (
    "auto",
    "binary_crossentropy",
    "sparse_categorical_crossentropy",
    "mean_squared_error",
    "mean_absolute_error",
    "huber",
)
METRICS: tuple[str, ...] = ("auto", "accuracy", "mae", "mse")
MONITORS: tuple[str, ...] = ("val_loss", "loss", "val_accuracy", "accuracy")


@dataclass
class TrainingSettings:
    """Everything a training run needs besides the model and the data.

    ``loss="auto"`` and ``metrics=["auto"]`` are resolved from the dataset's task and the
    model's output units at run time (see :mod:`playground.training.losses`).
    ``device`` is ``"auto"``, ``"cpu"``, ``"gpu:N"`` or ``"gpus"`` (all GPUs, mirrored).
    """

    optimizer: str = "adam"
    learning_rate: float = 0.001
    loss: str = "auto"
    metrics: list[str] = field(default_factory=lambda: ["auto"])
    epochs: int = 10
    batch_size: int = 32
    validation_split: float = 0.2
    early_stopping: bool = False
    patience: int = 5
    monitor: str = "val_loss"
    seed: int | None = None
    device: str = "auto"
    tensorboard: bool = False           # write TensorBoard logs of each run
    # Classification: weight each class's loss by total / (classes × its count), so a
    # rare class counts as much as a common one (Keras's class_weight).
    weight_classes: bool = False

    def validate(self) -> None:
        """Raise TrainingError naming the setting to change."""
        if self.optimizer not in OPTIMIZERS:
            raise TrainingError(
                (_("Unknown optimizer {optimizer!r}: choose one of {OPTIMIZERS}.")
                   .format(optimizer=self.optimizer, OPTIMIZERS=', '.join(OPTIMIZERS))))
        if not (isinstance(self.learning_rate, (int, float))
                and math.isfinite(self.learning_rate) and self.learning_rate > 0):
            raise TrainingError((_("The learning rate must be a positive number such as 0.001. Received: "
                                   "learning_rate={learning_rate!r}.")
                                   .format(learning_rate=self.learning_rate)))
        if self.loss not in LOSSES:
            raise TrainingError((_("Unknown loss {loss!r}: choose one of {LOSSES}.")
                                   .format(loss=self.loss, LOSSES=', '.join(LOSSES))))
        for metric in self.metrics:
            if metric not in METRICS:
                raise TrainingError(
                    (_("Unknown metric {metric!r}: choose from {METRICS}.")
                       .format(metric=metric, METRICS=', '.join(METRICS))))
        if not (isinstance(self.epochs, int) and self.epochs >= 1):
            raise TrainingError((_("Epochs must be a whole number of at least 1. Received: "
                                   "epochs={epochs!r}.")
                                   .format(epochs=self.epochs)))
        if not (isinstance(self.batch_size, int) and self.batch_size >= 1):
            raise TrainingError((_("The batch size must be a whole number of at least 1. Received: "
                                   "batch_size={batch_size!r}.")
                                   .format(batch_size=self.batch_size)))
        if isinstance(self.validation_split, bool) \
                or not isinstance(self.validation_split, (int, float)) \
                or not (0.0 <= self.validation_split < 1.0):
            raise TrainingError((_("The validation split is the share of training examples kept aside for "
                                   "checking; use a number from 0 to 0.9. Received: "
                                   "validation_split={validation_split!r}.")
                                   .format(validation_split=self.validation_split)))
        if not (isinstance(self.patience, int) and self.patience >= 0):
            raise TrainingError((_("Patience must be a whole number of epochs (0 or more). Received: "
                                   "patience={patience!r}.")
                                   .format(patience=self.patience)))
        if not self.monitor or not isinstance(self.monitor, str):
            raise TrainingError((_("Early stopping needs a value to watch, e.g. 'val_loss'. Received: "
                                   "monitor={monitor!r}.")
                                   .format(monitor=self.monitor)))
        if self.seed is not None and not (isinstance(self.seed, int) and self.seed >= 0):
            raise TrainingError((_("The random seed must be empty or a whole number of 0 or more. Received: "
                                   "seed={seed!r}.")
                                   .format(seed=self.seed)))
        if not isinstance(self.tensorboard, bool):
            raise TrainingError(_("'Write TensorBoard logs' is on or off (true or false). "
                                  "Received: tensorboard={tensorboard!r}.").format(
                                      tensorboard=self.tensorboard))
        if not isinstance(self.weight_classes, bool):
            raise TrainingError(_("'Weight the classes' is on or off (true or false). "
                                  "Received: weight_classes={value!r}.").format(
                                      value=self.weight_classes))
        if not _valid_device(self.device):
            raise TrainingError((_("The device must be 'auto', 'cpu', 'gpu:N' (one GPU) or 'gpus' (all "
                                   "GPUs). Received: device={device!r}.")
                                   .format(device=self.device)))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "TrainingSettings":
        """Settings from JSON; unknown keys are ignored so older/newer projects still open."""
        if data is not None and not isinstance(data, dict):
            raise TrainingError((_("The training settings in the project are damaged (expected an object of "
                                   "settings, found {name}). Set them again in the training panel.")
                                   .format(name=type(data).__name__)))
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in (data or {}).items() if k in known}
        if "metrics" in values:
            metrics = values["metrics"]
            if not isinstance(metrics, (str, list)):
                raise TrainingError((_("The metrics must be a list of names such as ['accuracy']. Received: "
                                       "metrics={metrics!r}.")
                                       .format(metrics=metrics)))
            values["metrics"] = [metrics] if isinstance(metrics, str) else list(metrics)
        if "learning_rate" in values and isinstance(values["learning_rate"], int):
            values["learning_rate"] = float(values["learning_rate"])
        return cls(**values)


def _valid_device(device: str) -> bool:
    if device in ("auto", "cpu", "gpus"):
        return True
    if isinstance(device, str) and device.startswith("gpu:"):
        return device[4:].isdigit()
    return False
