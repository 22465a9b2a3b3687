"""Training faults get messages that say what to change, before training where possible:
NaN/inf in the data, out of memory (predicted and real), dataset vs model mismatches."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from playground.errors import TrainingError
from playground.training import engine as engine_mod
from playground.training import faults
from playground.training.engine import TrainingEngine
from playground.training.settings import TrainingSettings
from tests.training.helpers import blobs, mlp, regression, three_classes


def _engine(model, dataset, **settings):
    events = []
    eng = TrainingEngine(model, dataset, TrainingSettings(**{"epochs": 1, "batch_size": 16,
                                                             **settings}), events.append)
    return eng, events


@pytest.mark.parametrize("split,part,value,needle", [
    ("train", "x", np.nan, "training inputs"),
    ("train", "x", np.inf, "training inputs"),
    ("test", "x", -np.inf, "test inputs"),
])
def test_nan_or_inf_in_the_data_is_refused_before_training(split, part, value, needle):
    data = blobs()
    array = getattr(data, f"{part}_{split}").copy()
    array[7, 1] = value
    data = dataclasses.replace(data, **{f"{part}_{split}": array})
    eng, events = _engine(mlp(), data)
    with pytest.raises(TrainingError, match=needle) as info:
        eng.run()
    assert "example 8" in str(info.value) and "skip rows" in str(info.value)
    assert events == []  # refused before the first step


def test_nan_in_regression_targets_is_refused():
    data = regression()
    y = data.y_train.copy()
    y[3] = np.nan
    eng, _ = _engine(mlp(units=1, activation="linear"), dataclasses.replace(data, y_train=y))
    with pytest.raises(TrainingError, match="training targets"):
        eng.run()


def test_real_out_of_memory_error_is_explained(monkeypatch):
    import tensorflow as tf

    def exhausted(*_args, **_kwargs):
        raise tf.errors.ResourceExhaustedError(None, None, "OOM when allocating tensor "
                                               "with shape[512,4096,4096]")

    monkeypatch.setattr(engine_mod.CompiledStepper, "run_steps", exhausted)
    eng, _ = _engine(mlp(), blobs(), batch_size=64)
    with pytest.raises(TrainingError) as info:
        eng.run()
    message = str(info.value)
    assert message.startswith("Training ran out of memory.")
    assert "smaller batch size (e.g. 16 instead of 64)" in message
    assert "parameters" in message
    assert isinstance(info.value.__cause__, tf.errors.ResourceExhaustedError)


def test_a_model_too_big_for_memory_is_refused_before_training(monkeypatch):
    monkeypatch.setattr(faults, "available_memory_bytes", lambda: 50 * 2**20)  # 50 MB free
    from playground.kerasenv import keras

    k = keras()
    i = k.Input((2,))
    h = k.layers.Dense(4000, activation="relu")(i)
    h = k.layers.Dense(4000, activation="relu")(h)   # 16 M weights: 256 MB with Adam
    model = k.Model(i, k.layers.Dense(1, activation="sigmoid")(h))
    eng, events = _engine(model, blobs(), batch_size=256)
    with pytest.raises(TrainingError, match="does not fit in memory") as info:
        eng.run()
    assert "only 50 MB is free" in str(info.value)
    assert "batch size (e.g. 64 instead of 256)" in str(info.value)
    assert events == []


def test_memory_estimate_counts_weights_and_activations():
    model = mlp(inputs=2, hidden=8, units=1)
    weights = 2 * 8 + 8 + 8 * 1 + 1
    activations = 2 + 8 + 1  # Input, hidden and output values per example
    assert faults.estimate_training_bytes(model, 10) == \
        4 * (4 * weights + 2 * 10 * activations)
    faults.check_memory(model, TrainingSettings(batch_size=10))  # fits: no error


@pytest.mark.parametrize("model,data,settings,needle", [
    (lambda: mlp(inputs=3), blobs, {}, "set the Input layer's shape to [2]"),
    (lambda: mlp(units=2, activation="softmax"), three_classes, {},
     "set the last Dense layer's units to 3"),
    (lambda: mlp(units=4, activation="sigmoid"), blobs, {}, "units to 1"),
    (lambda: mlp(units=1, activation="linear"), blobs, {"loss": "mean_squared_error"}, None),
    (lambda: mlp(units=1, activation="linear"), regression,
     {"loss": "binary_crossentropy"}, "for predicting classes"),
    (lambda: mlp(units=3, activation="softmax"), three_classes,
     {"loss": "mean_squared_error"}, "cross-entropy"),
    (lambda: mlp(units=1, activation="relu"), blobs, {}, "'relu' activation"),
])
def test_dataset_and_model_mismatches_are_named_before_training(model, data, settings,
                                                                 needle):
    eng, events = _engine(model(), data(), **settings)
    if needle is None:  # allowed combination: the checks pass
        eng.check()
        return
    with pytest.raises(TrainingError, match=needle.replace("(", r"\(").replace(")", r"\)")
                       .replace("[", r"\[").replace("]", r"\]")):
        eng.run()
    assert events == []


def test_explain_failure_leaves_bugs_alone():
    assert faults.explain_failure(KeyError("x")) is None
    assert "out of memory" in str(faults.explain_failure(MemoryError(),
                                                         TrainingSettings(batch_size=8)))
    error = TrainingError("mine")
    assert faults.explain_failure(error) is error
