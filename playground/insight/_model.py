"""Small helpers shared by the insight modules: running a model, naming activations,
reaching intermediate layer outputs.

Models here are plain Keras models (functional or Sequential) as built by
:mod:`playground.network.keras_build` or imported from a ``.keras`` file.
"""
from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from playground.errors import InsightError
from playground.i18n import _
from playground.kerasenv import keras
# Reading a built model's layers and activations is the network's business (training uses
# it too); re-exported for the insight modules.
from playground.network.model_info import (activation_name, first_output, model_layers,
                                           output_activation)

__all__ = ["InsightError", "activation_name", "class_probabilities", "first_output",
           "intermediate_model", "model_layers", "output_activation", "run_intermediate",
           "run_model", "to_numpy"]

_BATCH = 2048


def to_numpy(value: Any) -> np.ndarray:
    return np.asarray(keras().ops.convert_to_numpy(value))


def run_model(model: Any, x: np.ndarray, batch_size: int = _BATCH) -> np.ndarray:
    """``model(x, training=False)`` in batches, as numpy.

    A direct call is used instead of ``model.predict`` because predict builds a new data
    pipeline each time (tens of milliseconds), too slow for a probe run every epoch. The
    numbers are the same (tests compare both).
    """
    x = np.asarray(x)
    if len(x) == 0:
        raise InsightError(_("There are no samples to run the model on. Pick a dataset with data."))
    parts = [to_numpy(first_output(model(x[i:i + batch_size], training=False)))
             for i in range(0, len(x), batch_size)]
    return np.concatenate(parts, axis=0)


def intermediate_model(model: Any, layers: Sequence[Any]) -> Any:
    """A model returning the outputs of ``layers`` for the model's inputs.

    Raises InsightError for layers without a single output (used several times).
    """
    k = keras()
    outputs = []
    for layer in layers:
        try:
            outputs.append(layer.output)
        except (AttributeError, ValueError) as exc:
            raise InsightError(
                _("Layer '{name}' is used more than once or not connected, so its output "
                  "cannot be shown ({exc}).").format(name=layer.name, exc=exc)) from exc
    inputs = model.inputs
    # a single input is passed bare so calls with one array match the structure
    return k.Model(inputs=inputs[0] if len(inputs) == 1 else inputs, outputs=outputs)


def run_intermediate(sub_model: Any, x: np.ndarray, batch_size: int = _BATCH) -> list[np.ndarray]:
    """Run a model from :func:`intermediate_model`; one array per requested layer."""
    x = np.asarray(x)
    chunks: list[list[np.ndarray]] = []
    for i in range(0, len(x), batch_size):
        out = sub_model(x[i:i + batch_size], training=False)
        if not isinstance(out, (list, tuple)):
            out = [out]
        chunks.append([to_numpy(o) for o in out])
    return [np.concatenate([c[j] for c in chunks], axis=0) for j in range(len(chunks[0]))]


def class_probabilities(raw: np.ndarray, activation: str | None) -> np.ndarray:
    """Turn the model's output into class probabilities of shape (n, k), k >= 2.

    A single output unit is a binary classifier (column 1 = probability of class 1).
    Outputs without sigmoid/softmax are treated as logits (``from_logits=True`` training).
    """
    raw = np.asarray(raw, dtype=np.float64)
    if raw.ndim == 1:
        raw = raw[:, None]
    raw = raw.reshape(len(raw), -1)
    if raw.shape[1] == 1:
        p = raw[:, 0]
        if activation != "sigmoid":
            p = 1.0 / (1.0 + np.exp(-np.clip(p, -60, 60)))
        p = np.clip(p, 0.0, 1.0)
        return np.stack([1.0 - p, p], axis=1)
    if activation == "softmax":
        return raw
    if activation == "sigmoid":  # independent sigmoids: normalise so rows sum to 1
        total = raw.sum(axis=1, keepdims=True)
        return raw / np.where(total > 0, total, 1.0)
    shifted = raw - raw.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=1, keepdims=True)
