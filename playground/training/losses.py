"""Sensible loss and metrics from the task, and the checks run before training starts.

Every check raises :class:`TrainingError` with a message naming what to change (the last
layer's units, the loss, the input layer's shape), because a Keras shape error deep inside
``fit`` means nothing to a beginner.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from playground.errors import TrainingError
from playground.i18n import _

if TYPE_CHECKING:
    from playground.datasets.base import Dataset
    from playground.training.settings import TrainingSettings

CROSSENTROPY = ("binary_crossentropy", "sparse_categorical_crossentropy")
REGRESSION_LOSSES = ("mean_squared_error", "mean_absolute_error", "huber")
LOSS_TITLES = {
    "binary_crossentropy": _("binary cross-entropy"),
    "sparse_categorical_crossentropy": _("sparse categorical cross-entropy"),
    "mean_squared_error": _("mean squared error"),
    "mean_absolute_error": _("mean absolute error"),
    "huber": _("Huber loss"),
}


@dataclass(frozen=True)
class LossChoice:
    """The resolved loss/metric names plus whether the model outputs raw scores (logits)."""

    loss: str
    metrics: tuple[str, ...]
    from_logits: bool

    def keras_objects(self) -> tuple[Any, list[Any]]:
        """Keras loss and metric objects for ``model.compile``."""
        from playground.kerasenv import keras

        k = keras()
        if self.loss == "binary_crossentropy":
            loss: Any = k.losses.BinaryCrossentropy(from_logits=self.from_logits)
        elif self.loss == "sparse_categorical_crossentropy":
            loss = k.losses.SparseCategoricalCrossentropy(from_logits=self.from_logits)
        elif self.loss == "huber":
            loss = k.losses.Huber()
        else:
            loss = self.loss
        metrics: list[Any] = []
        for name in self.metrics:
            if name == "accuracy" and self.loss == "binary_crossentropy":
                # Raw scores cross 0 where probabilities cross 0.5.
                metrics.append(k.metrics.BinaryAccuracy(
                    name="accuracy", threshold=0.0 if self.from_logits else 0.5))
            elif name == "accuracy" and self.loss == "sparse_categorical_crossentropy":
                metrics.append(k.metrics.SparseCategoricalAccuracy(name="accuracy"))
            else:
                metrics.append(name)
        return loss, metrics


def output_activation(model: Any) -> str:
    """Name of the activation applied last by the model's (first) output layer, counting
    layers that are activations themselves (a final Softmax layer: no logits)."""
    from playground.network.model_info import output_activation as last_activation

    return last_activation(model) or "linear"


def _shape_text(shape: tuple[Any, ...]) -> str:
    return "(" + ", ".join("?" if d is None else str(d) for d in shape) + ")"


def check_model_fits_dataset(model: Any, dataset: "Dataset") -> None:
    """Input shape and output units of ``model`` against ``dataset``; raises TrainingError."""
    if len(model.inputs) != 1:
        raise TrainingError((_("The model has {inputs} Input layers but a dataset gives one input: keep "
                               "a single Input layer.")
                               .format(inputs=len(model.inputs))))
    if len(model.outputs) != 1:
        raise TrainingError((_("The model has {outputs} outputs but a dataset gives one target: make "
                               "the graph end in a single layer.")
                               .format(outputs=len(model.outputs))))
    model_in = tuple(model.inputs[0].shape[1:])
    data_in = tuple(dataset.input_shape)
    if len(model_in) != len(data_in) or any(
            m is not None and m != d for m, d in zip(model_in, data_in)):
        raise TrainingError(
            (_("The model's Input layer expects examples of shape {model_in} but the "
               "dataset '{title}' gives {data_in}: set the Input layer's shape to "
               "{data_in2}.")
               .format(model_in=_shape_text(model_in), title=dataset.title, data_in=_shape_text(data_in), data_in2=list(data_in))))
    out_shape = tuple(model.outputs[0].shape[1:])
    units = math.prod(d for d in out_shape if d is not None) if out_shape else 1
    needed = dataset.output_size
    if dataset.task == "multiclass" and units != needed:
        raise TrainingError(
            _("The dataset has {needed} classes but the last layer gives {units} "
              "number(s): set the last Dense layer's units to {needed} (with a softmax "
              "activation), one score per class.").format(needed=needed, units=units))
    if dataset.task == "binary" and units not in (1, 2):
        raise TrainingError(
            (_("The dataset has 2 classes but the last layer gives {units} numbers: set "
               "the last Dense layer's units to 1 with a sigmoid activation.")
               .format(units=units)))
    if dataset.task in ("regression", "sequence") and units != needed:
        raise TrainingError(
            _("The dataset asks for {needed} number(s) per example but the last layer "
              "gives {units}: set the last Dense layer's units to {needed} with a "
              "linear activation.").format(needed=needed, units=units))


def resolve_loss(model: Any, dataset: "Dataset", settings: "TrainingSettings") -> LossChoice:
    """The loss and metrics to compile with; ``auto`` picks from task and output units."""
    units = math.prod(d for d in model.outputs[0].shape[1:] if d is not None) \
        if model.outputs[0].shape[1:] else 1
    activation = output_activation(model)
    task = dataset.task
    loss = settings.loss
    if loss == "auto":
        if task == "binary":
            loss = "binary_crossentropy" if units == 1 else "sparse_categorical_crossentropy"
        elif task == "multiclass":
            loss = "sparse_categorical_crossentropy"
        else:
            loss = "mean_squared_error"
    title = LOSS_TITLES.get(loss, loss)
    if dataset.is_classification:
        if loss == "binary_crossentropy" and units != 1:
            raise TrainingError(
                _("Binary cross-entropy needs one output number (sigmoid) but the last "
                  "layer gives {units}: choose 'sparse categorical cross-entropy' or set "
                  "the last layer's units to 1.").format(units=units))
        if loss == "sparse_categorical_crossentropy" and units < 2:
            raise TrainingError(
                (_("Sparse categorical cross-entropy needs one output per class but the "
                   "last layer gives 1: choose 'binary cross-entropy' or set the last "
                   "layer's units to {value} with a softmax activation.")
                   .format(value=max(2, dataset.num_classes))))
        if loss in REGRESSION_LOSSES and not (task == "binary" and units == 1):
            raise TrainingError(
                (_("The {title} compares numbers, but this dataset asks for one of "
                   "{num_classes} classes: choose 'auto' or 'sparse categorical "
                   "cross-entropy' as the loss.")
                   .format(title=title, num_classes=dataset.num_classes)))
    elif loss in CROSSENTROPY:
        raise TrainingError(
            (_("The {title} is for predicting classes, but this dataset asks for "
               "numbers: choose 'auto' or 'mean squared error' as the loss.")
               .format(title=title)))
    if loss in CROSSENTROPY and activation not in ("sigmoid", "softmax", "linear"):
        raise TrainingError(
            (_("The last layer uses the '{activation}' activation, which cannot give "
               "probabilities for the {title}: use {value} there.")
               .format(activation=activation, title=title, value='sigmoid' if loss == 'binary_crossentropy' else 'softmax')))
    metrics: list[str] = []
    for name in settings.metrics:
        if name == "auto":
            name = "accuracy" if dataset.is_classification else "mae"
        if name == "accuracy" and not dataset.is_classification:
            raise TrainingError(_("Accuracy counts right class guesses, but this dataset asks "
                                  "for numbers: use 'mae' (mean absolute error) instead."))
        if name not in metrics:
            metrics.append(name)
    from_logits = loss in CROSSENTROPY and activation == "linear"
    return LossChoice(loss, tuple(metrics), from_logits)


def expected_metric_names(metrics: list[str], tasks: tuple[str, ...]) -> list[str]:
    """The metric names a run will report, guessed before the data is loaded (from the
    dataset's possible tasks), so the UI can lay out its plots ahead of time."""
    classification = any(task in ("binary", "multiclass") for task in tasks)
    names: list[str] = []
    for name in metrics:
        if name == "auto":
            name = "accuracy" if classification else "mae"
        if name not in names:
            names.append(name)
    return names
