"""A trained model that takes raw data: the project's model behind its dataset's
preparation, or a ``.keras`` file exported with the preparation included.

Every answer the app gives on new inputs (the Try it panel, ``predict``) comes from
:meth:`Predictor.outputs`, which runs the prepared Keras model: the same layers an
exported file holds, so the app, the command line and the file agree.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from playground.errors import PlaygroundError
from playground.i18n import _
from playground.kerasenv import keras as load_keras
from playground.prepared.preparation import (CATEGORY, NUMBER, PICTURE, TEXT, VALUES,
                                             Preparation, RawColumn, preparation_for)

BATCH = 512


class PredictError(PlaygroundError):
    """Predictions cannot be made; the message says what to do."""


@dataclass
class Answer:
    """One input's answer: the class (or value) and, for classifiers, each probability."""

    label: str
    probabilities: list[float] = field(default_factory=list)   # in class order
    values: list[float] = field(default_factory=list)           # regression outputs

    def top(self, count: int, class_names: Sequence[str]) -> list[tuple[str, float]]:
        order = np.argsort(self.probabilities)[::-1][:count]
        return [(class_names[i], float(self.probabilities[i])) for i in order]


@dataclass
class Predictor:
    """The prepared model (raw inputs in) and what its inputs and outputs mean."""

    model: Any
    preparation: Preparation
    source: str                       # the project or file, for messages
    activation: str | None = None     # of the trained model's output layer

    @property
    def class_names(self) -> tuple[str, ...]:
        return self.preparation.class_names

    @property
    def is_classification(self) -> bool:
        return bool(self.preparation.class_names) and self.preparation.is_classification

    def outputs(self, raw: Any) -> np.ndarray:
        """The model's outputs for a batch of raw inputs, as (n, k) float32."""
        first = next(iter(raw.values())) if isinstance(raw, dict) else raw
        count = len(first)
        parts = []
        for start in range(0, count, BATCH):
            piece = _slice(raw, start, start + BATCH)
            size = min(count - start, BATCH)
            # predict_on_batch runs Keras's compiled predict function, several times
            # faster than calling the layers one by one; batches padded to a power of two
            # reuse a few traced shapes instead of tracing each new batch size again.
            out = self.model.predict_on_batch(self._tensor(_padded(piece, _bucket(size))))
            if isinstance(out, (list, tuple)):
                out = out[0]
            parts.append(np.asarray(load_keras().ops.convert_to_numpy(out))[:size])
        if not parts:
            return np.zeros((0, 1), np.float32)
        result = np.concatenate(parts, axis=0)
        return result.reshape(len(result), -1)

    def answers(self, outputs: np.ndarray) -> list[Answer]:
        if not self.is_classification:
            return [Answer(" ".join(f"{v:.6g}" for v in row), values=[float(v) for v in row])
                    for row in outputs]
        from playground.insight._model import class_probabilities

        probs = class_probabilities(outputs, self.activation)
        names = self.class_names
        return [Answer(names[int(np.argmax(row))], [float(p) for p in row]) for row in probs]

    def _tensor(self, raw: Any) -> Any:
        """Raw arrays as the model takes them: text as string tensors (Keras does not take
        numpy text arrays), numbers as float32."""
        keras = load_keras()
        if isinstance(raw, dict):
            return {input_key(self.model, name):
                    _as_model_array(keras, np.asarray(value).reshape(-1, 1), tensor=True)
                    for name, value in raw.items()}
        return _as_model_array(keras, raw)


def input_entries(model: Any) -> list[tuple[str, Any]]:
    """(key, input tensor) in ``model.inputs`` order. A model built on a dict of inputs
    (one per table column) takes its data under the dict's keys, the column names, which
    may differ from its Input layers' names (Keras refuses spaces there)."""
    struct = getattr(model, "_inputs_struct", None)
    if isinstance(struct, dict):
        key_of = {id(tensor): key for key, tensor in struct.items()}
        return [(key_of.get(id(t), t.name), t) for t in model.inputs]
    return [(t.name, t) for t in model.inputs]


def input_key(model: Any, column: str) -> str:
    """The key under which the prepared model takes a column."""
    from playground.prepared.layers import input_name

    keys = [key for key, _tensor in input_entries(model)]
    if column in keys:
        return column
    wanted = input_name(column)
    by_name = {t.name: key for key, t in input_entries(model)}
    return by_name.get(wanted, column)


def _as_model_array(keras: Any, value: Any, tensor: bool = False) -> Any:
    """``tensor``: numbers as tensors too (Keras refuses a dict mixing tensors and arrays)."""
    array = np.asarray(value)
    if array.dtype.kind in "UOS":
        return keras.ops.convert_to_tensor(array.astype(str), dtype="string")
    array = array.astype(np.float32, copy=False)
    return keras.ops.convert_to_tensor(array) if tensor else array


def _bucket(size: int) -> int:
    return min(BATCH, 1 << max(0, size - 1).bit_length())


def _padded(value: Any, size: int) -> Any:
    """``value`` with rows repeated (the last one) up to ``size`` rows."""
    if isinstance(value, dict):
        return {k: _padded(v, size) for k, v in value.items()}
    array = np.asarray(value)
    missing = size - len(array)
    if missing <= 0:
        return array
    return np.concatenate([array, np.repeat(array[-1:], missing, axis=0)])


def _slice(value: Any, start: int, stop: int) -> Any:
    if isinstance(value, dict):
        return {k: v[start:stop] for k, v in value.items()}
    return value[start:stop]


def _inner_activation(model: Any) -> str | None:
    """The output activation of the trained model, looking inside the prepared one."""
    from playground.insight._model import activation_name, first_output

    history = getattr(first_output(model.outputs), "_keras_history", None)
    layer = history[0] if history is not None else None
    while layer is not None and hasattr(layer, "outputs") and hasattr(layer, "layers"):
        history = getattr(first_output(layer.outputs), "_keras_history", None)
        layer = history[0] if history is not None else None
    return activation_name(layer) if layer is not None else None


# ----------------------------------------------------------------------- loading
def project_predictor(project: Any, dataset: Any = None, label: str = "") -> Predictor:
    """The predictor of a project with trained weights (``dataset``: already loaded)."""
    from playground.network.keras_build import build_model
    from playground.prepared.layers import prepared_model

    label = label or project.title or project.graph.name
    if not project.weights:
        raise PredictError(
            _("{project} has no trained weights, so it cannot predict yet: train first "
              "(press Train in the app, or run: python -m playground train PROJECT --save).")
            .format(project=label))
    from playground.prepared.preparation import quick_preparation

    preparation = quick_preparation(project.dataset or {}) if dataset is None else None
    if preparation is None:
        if dataset is None:
            from playground.datasets import load_from_choice

            dataset = load_from_choice(project.dataset or {})
        preparation = preparation_for(dataset)
    model = build_model(project.graph, project.weights)
    prepared = prepared_model(model, preparation)
    return Predictor(prepared, preparation, label, _inner_activation(prepared))


def model_predictor(model: Any, dataset: Any, label: str = "") -> Predictor:
    """The predictor of a trained Keras model (the app's, just trained) for its dataset."""
    from playground.prepared.layers import prepared_model

    preparation = preparation_for(dataset)
    prepared = prepared_model(model, preparation)
    return Predictor(prepared, preparation, label or model.name, _inner_activation(prepared))


def load_predictor(path: str | Path) -> Predictor:
    """A predictor for a project file (.kpg) or a Keras model file (.keras)."""
    path = Path(path)
    if not path.is_file():
        raise PredictError(_("{path} does not exist or is not a file. Give a project "
                             "(.kpg) or a model file (.keras).").format(path=path))
    if path.suffix == ".keras":
        return keras_file_predictor(path)
    from playground.files.project import load_project

    return project_predictor(load_project(path), label=path.name)


def keras_file_predictor(path: Path) -> Predictor:
    """A ``.keras`` file (loaded in safe mode): its inputs say what raw data it takes; the
    class names come from the labels file beside it (``NAME.labels.txt``)."""
    from playground.network.keras_import import check_keras_file

    check_keras_file(path)
    try:
        model = load_keras().saving.load_model(path, compile=False, safe_mode=True)
    except Exception as exc:  # Keras raises many types for a broken or unsafe file
        raise PredictError(_("{name} could not be loaded as a Keras model: {error}")
                           .format(name=path.name, error=exc)) from exc
    # The labels file the export writes beside it (playground.export.labels).
    labels = path.with_name(path.stem + ".labels.txt")
    classes = tuple(line.strip() for line in labels.read_text(encoding="utf-8").splitlines()
                    if line.strip()) if labels.is_file() else ()
    activation = _inner_activation(model)
    width = int(np.prod(model.outputs[0].shape[1:]))
    if not classes and activation in ("softmax", "sigmoid"):
        classes = tuple(str(i) for i in range(max(width, 2)))
    task = ("binary" if len(classes) == 2 else "multiclass") if classes else "regression"
    preparation = Preparation("file", _file_layout(model), _file_columns(model),
                              class_names=classes, task=task)
    return Predictor(model, preparation, path.name, activation)


def _file_layout(model: Any) -> str:
    if len(model.inputs) > 1:
        return "columns"
    return "text" if model.inputs[0].dtype == "string" else "array"


def _file_columns(model: Any) -> tuple[RawColumn, ...]:
    lookups = {}
    for layer in model.layers:
        if type(layer).__name__ == "StringLookup":
            inbound = layer._inbound_nodes[0].input_tensors if layer._inbound_nodes else []
            for tensor in inbound:
                lookups[tensor.name] = tuple(str(v) for v in
                                            layer.get_vocabulary(include_special_tokens=False))
    columns = []
    for key, tensor in input_entries(model):
        shape = tuple(int(d) for d in tensor.shape[1:] if d is not None)
        if tensor.dtype == "string":
            kind = CATEGORY if tensor.name in lookups else TEXT
            columns.append(RawColumn(key, kind, lookups.get(tensor.name, ())))
        elif len(shape) == 3:
            columns.append(RawColumn(key, PICTURE, shape=shape))
        elif len(model.inputs) > 1 or shape == (1,):
            columns.append(RawColumn(key, NUMBER))
        else:
            columns.append(RawColumn(key, VALUES, shape=shape))
    return tuple(columns)
