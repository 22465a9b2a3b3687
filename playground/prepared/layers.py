"""The data preparation as Keras preprocessing layers in front of the trained model.

The result is a plain functional Keras model: raw inputs -> Rescaling / Normalization /
StringLookup -> the trained model (nested, unchanged). Saved as ``.keras`` it loads in
Keras safe mode, and ``load_model(f).predict(raw)`` gives the app's answers.
"""
from __future__ import annotations

import re
from typing import Any

import numpy as np

from playground.kerasenv import keras as load_keras
from playground.prepared.preparation import (NUMBER, Preparation,
                                             PreparationError, check_fits)
from playground.i18n import _

# Names of the raw inputs of the prepared model, by layout (a table's are its columns).
PICTURE_INPUT = "picture"
FEATURES_INPUT = "features"


def input_name(column: str) -> str:
    """A column's name as a Keras input name (Keras refuses '/' and spaces in some
    runtimes): letters, digits, '_' and '-'; the column stays readable."""
    name = re.sub(r"[^0-9A-Za-z_-]+", "_", column).strip("_")
    return name or "column"


def prepared_model(model: Any, preparation: Preparation) -> Any:
    """``model`` with the preparation's layers in front (``model`` itself when the
    preparation is the identity: it already takes the raw data)."""
    check_fits(preparation, model)
    if preparation.is_identity:
        return model
    keras = load_keras()
    layers = keras.layers
    expected = tuple(model.inputs[0].shape[1:])
    if preparation.layout == "columns":
        inputs, prepared = _table_front(preparation, keras)
    else:
        shape = expected
        name = PICTURE_INPUT if len(shape) == 3 else FEATURES_INPUT
        raw = keras.Input(shape=shape, name=name)
        inputs, prepared = raw, _scaling_layer(preparation, layers,
                                               len(preparation.offset))(raw)
    if tuple(prepared.shape[1:]) != expected:
        raise PreparationError(
            _("The data preparation gives inputs of shape {got} but the model expects "
              "{expected}: the dataset changed since the model was built. Check the model "
              "against the dataset, or export without the data preparation.")
            .format(got=tuple(prepared.shape[1:]), expected=expected))
    outputs = model(prepared)
    return keras.Model(inputs, outputs, name=f"{model.name}_with_preparation")


def _scaling_layer(preparation: Preparation, layers: Any, count: int,
                   index: int = 0, name: str = "scaling") -> Any:
    """(x - offset) / scale: Rescaling for one statistic shared by all values (pictures:
    ÷ 255), Normalization with the training mean and variance per column otherwise."""
    if preparation.method == "none":
        return layers.Identity(name=f"{name}_none")
    offset = np.asarray(preparation.offset[index:index + count], np.float32)
    scale = np.asarray(preparation.scale[index:index + count], np.float32)
    if preparation.layout == "array" and len(preparation.offset) == 1:
        factor = 1.0 / float(scale[0])
        return layers.Rescaling(scale=factor, offset=-float(offset[0]) * factor, name=name)
    variance = np.square(scale.astype(np.float64)).astype(np.float32)
    return layers.Normalization(axis=-1, mean=offset.tolist(), variance=variance.tolist(),
                                name=name)


def _table_front(preparation: Preparation, keras: Any) -> tuple[dict[str, Any], Any]:
    """One input per column, in the table's order: each number scaled with its training
    mean and variance, each category one-hot encoded.

    StringLookup puts values never seen in training in an extra first slot; the frozen
    Dense ``*_known`` drops that slot, so an unknown category is all zeros (none of the
    known values), which :mod:`playground.prepared.predictor` counts and reports."""
    layers = keras.layers
    inputs: dict[str, Any] = {}
    pieces: list[Any] = []
    numeric = 0
    for column in preparation.columns:
        name = input_name(column.name)
        if column.kind == NUMBER:
            raw = inputs[column.name] = keras.Input(shape=(1,), name=name)
            pieces.append(_scaling_layer(preparation, layers, 1, numeric,
                                         f"{name}_scaled")(raw))
            numeric += 1
            continue
        raw = inputs[column.name] = keras.Input(shape=(1,), dtype="string", name=name)
        lookup = layers.StringLookup(vocabulary=list(column.categories), num_oov_indices=1,
                                     output_mode="one_hot", name=f"{name}_lookup")
        size = len(column.categories)
        known = layers.Dense(size, use_bias=False, trainable=False, name=f"{name}_known")
        pieces.append(known(lookup(raw)))
        known.set_weights([np.eye(size + 1, size, k=-1, dtype=np.float32)])
    prepared = pieces[0] if len(pieces) == 1 else layers.Concatenate(name="prepared")(pieces)
    return inputs, prepared
