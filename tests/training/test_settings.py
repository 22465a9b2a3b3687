"""Settings validation, automatic loss choice, checks and device selection (no training)."""
from __future__ import annotations

import pytest

from playground.errors import TrainingError
from playground.training import TrainingSettings
from playground.training.device import (DevicePlan, GpuInfo, device_choices, plan_device)
from playground.training.losses import check_model_fits_dataset, resolve_loss
from tests.training.helpers import blobs, mlp, regression, three_classes


def test_settings_round_trip_and_tolerate_unknown_keys():
    s = TrainingSettings(optimizer="sgd", learning_rate=0.1, epochs=3, seed=2, device="cpu")
    assert TrainingSettings.from_dict(s.to_dict()) == s
    loaded = TrainingSettings.from_dict({"epochs": 4, "from_the_future": 1, "metrics": "mae",
                                         "learning_rate": 1})
    assert loaded.epochs == 4 and loaded.metrics == ["mae"]
    assert isinstance(loaded.learning_rate, float)


@pytest.mark.parametrize("change, words", [
    ({"learning_rate": 0}, "learning rate must be a positive"),
    ({"epochs": 0}, "Epochs must be"),
    ({"batch_size": 2.5}, "batch size"),
    ({"validation_split": 1.0}, "validation split"),
    ({"optimizer": "magic"}, "Unknown optimizer"),
    ({"device": "tpu"}, "device must be"),
    ({"seed": -3}, "seed"),
])
def test_bad_settings_name_the_setting(change, words):
    with pytest.raises(TrainingError, match=words):
        TrainingSettings(**change).validate()


@pytest.mark.parametrize("dataset, units, activation, loss, metric, logits", [
    (blobs, 1, "sigmoid", "binary_crossentropy", "accuracy", False),
    (blobs, 1, "linear", "binary_crossentropy", "accuracy", True),
    (blobs, 2, "softmax", "sparse_categorical_crossentropy", "accuracy", False),
    (three_classes, 3, "softmax", "sparse_categorical_crossentropy", "accuracy", False),
    (regression, 1, "linear", "mean_squared_error", "mae", False),
])
def test_auto_loss_from_task_and_output_units(dataset, units, activation, loss, metric,
                                              logits):
    choice = resolve_loss(mlp(units=units, activation=activation), dataset(),
                          TrainingSettings())
    assert (choice.loss, choice.metrics, choice.from_logits) == (loss, (metric,), logits)


def test_a_final_softmax_layer_means_probabilities_not_logits():
    from playground.kerasenv import keras

    k = keras()
    inputs = k.Input((2,))
    model = k.Model(inputs, k.layers.Softmax()(k.layers.Dense(3)(inputs)))
    choice = resolve_loss(model, three_classes(), TrainingSettings())
    assert choice.loss == "sparse_categorical_crossentropy" and not choice.from_logits


def test_mismatches_are_explained():
    with pytest.raises(TrainingError, match="Sparse categorical cross-entropy needs one "):
        resolve_loss(mlp(), blobs(), TrainingSettings(loss="sparse_categorical_crossentropy"))
    with pytest.raises(TrainingError, match="Accuracy counts"):
        resolve_loss(mlp(activation="linear"), regression(),
                     TrainingSettings(metrics=["accuracy"]))
    with pytest.raises(TrainingError, match="'relu' activation"):
        resolve_loss(mlp(activation="relu"), blobs(), TrainingSettings())
    with pytest.raises(TrainingError, match="units to 1"):
        check_model_fits_dataset(mlp(units=4), regression())


GPUS = [GpuInfo(0, "NVIDIA A"), GpuInfo(1, "NVIDIA B")]


def test_device_plans_for_each_choice():
    assert plan_device("auto", []).description == "CPU (no GPU found)"
    assert plan_device("auto", GPUS) == DevicePlan("gpu", ("/GPU:0",), "GPU 0: NVIDIA A",
                                                   (0,))
    assert plan_device("cpu", GPUS).devices == ("/CPU:0",)
    assert plan_device("gpu:1", GPUS).description == "GPU 1: NVIDIA B"
    mirrored = plan_device("gpus", GPUS)
    assert mirrored.uses_strategy and mirrored.devices == ("/GPU:0", "/GPU:1")
    with pytest.raises(TrainingError, match="GPU 3 is not available"):
        plan_device("gpu:3", GPUS)
    with pytest.raises(TrainingError, match="at least two GPUs"):
        plan_device("gpus", GPUS[:1])
    assert [v for v, _ in device_choices(GPUS)] == ["auto", "cpu", "gpu:0", "gpu:1", "gpus"]
    assert [v for v, _ in device_choices([])] == ["auto", "cpu"]


def test_memory_growth_is_turned_on_for_every_gpu(monkeypatch):
    import tensorflow as tf

    from playground.training import device

    fake = ["gpu-a", "gpu-b"]
    calls = []
    monkeypatch.setattr(device, "_growth_done", False)
    monkeypatch.setattr(device, "_growth_notes", [])
    monkeypatch.setattr(tf.config, "list_physical_devices",
                        lambda kind=None: fake if kind == "GPU" else [])
    monkeypatch.setattr(tf.config.experimental, "set_memory_growth",
                        lambda gpu, on: calls.append((gpu, on)))
    monkeypatch.setattr(tf.config.experimental, "get_device_details",
                        lambda gpu: {"device_name": f"NVIDIA {gpu}"})
    assert device.enable_memory_growth() == []
    assert calls == [("gpu-a", True), ("gpu-b", True)]
    assert device.list_gpus() == [GpuInfo(0, "NVIDIA gpu-a"), GpuInfo(1, "NVIDIA gpu-b")]
    assert len(calls) == 2  # only once


def test_mirrored_strategy_path_trains(monkeypatch):
    """The multi-GPU path (MirroredStrategy), run on the CPU as its one replica."""
    from playground.training import device
    from playground.training.events import StepsDone
    from playground.training.engine import TrainingEngine

    monkeypatch.setattr(device, "plan_device", lambda choice, gpus: DevicePlan(
        "mirrored", ("/CPU:0",), "1 CPU (mirrored)"))
    events = []
    engine = TrainingEngine(mlp(), blobs(), TrainingSettings(epochs=2, batch_size=20,
                                                             learning_rate=0.05),
                            events.append)
    result = engine.run()
    assert result.status == "completed" and result.epochs_done == 2
    assert result.device == "1 CPU (mirrored)"
    # The same loop and events as on one device (no separate fit-based loop any more).
    assert [type(e).__name__ for e in events if not isinstance(e, StepsDone)] == [
        "RunStarted", "EpochEnded", "EpochEnded", "RunEnded"]
    assert events[0].device == "1 CPU (mirrored)" and events[0].val_samples == 40
    assert events[0].from_logits is False and events[0].replicas == 1
    assert set(result.final_logs) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert "test_accuracy" in result.test_logs


def test_expected_metric_names_match_what_the_run_reports():
    from playground.training.losses import expected_metric_names

    assert expected_metric_names(["auto"], ("binary",)) == ["accuracy"]
    assert expected_metric_names(["auto", "mae"], ("regression",)) == ["mae"]
    choice = resolve_loss(mlp(activation="linear"), regression(), TrainingSettings())
    assert list(choice.metrics) == expected_metric_names(["auto"], ("regression",))


TWO_REPLICAS = """
import json, os
import tensorflow as tf
cpu = tf.config.list_physical_devices("CPU")[0]
tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
from playground.training import TrainingSettings, device
from playground.training.device import DevicePlan
from playground.training.engine import TrainingEngine
from playground.training.tf_leaks import registered_custom_gradients
from tests.training.helpers import blobs, mlp
device.plan_device = lambda choice, gpus: DevicePlan(
    "mirrored", ("/CPU:0", "/CPU:1"), "2 CPUs (mirrored)")
before = registered_custom_gradients()
engine = TrainingEngine(mlp(), blobs(), TrainingSettings(epochs=3, batch_size=20,
                                                         learning_rate=0.05))
result = engine.run()
print(json.dumps({"status": result.status, "loss": result.history["loss"],
                  "val_accuracy": result.final_logs["val_accuracy"],
                  "replicas": result.model.distribute_strategy.num_replicas_in_sync,
                  "registrations_left": registered_custom_gradients() - before}))
"""


def test_mirrored_strategy_splits_batches_over_two_devices():
    """Two replicas for real (the CPU split into two logical devices, which must happen
    before TensorFlow starts: hence a fresh process), as on a two-GPU machine."""
    import json
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    done = subprocess.run([sys.executable, "-c", TWO_REPLICAS], cwd=ROOT, capture_output=True,
                          text=True, timeout=240,
                          env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2",
                               "CUDA_VISIBLE_DEVICES": ""})
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["status"] == "completed" and report["replicas"] == 2
    assert report["loss"][-1] < report["loss"][0] * 0.5 and report["val_accuracy"] > 0.9
    assert report["registrations_left"] == 0
