"""Live pictures of small dense networks from their weights in numpy (dense_grid)."""

import numpy as np
import pytest

from playground.datasets import load_dataset
from playground.insight import probes
from playground.insight._model import intermediate_model
from playground.insight.boundary import dataset_points, grid_for_points
from playground.insight.colors import boundary_rgba
from playground.insight.dense_grid import ACTIVATIONS, DenseFrames, dense_chain, forward
from playground.kerasenv import keras
from playground.training import TrainingEngine, TrainingSettings
from playground.training.events import Probe
from playground.training.events import EpochEnded, ProbeResult, StepsDone
from tests.insight.helpers import mlp, points_dataset


def test_a_plain_chain_of_dense_layers_is_recognised_with_its_activations():
    k = keras()
    x = k.Input((2,))
    h = k.layers.Dense(5, activation="relu")(x)
    h = k.layers.Dropout(0.3)(h)          # nothing at prediction time: still a chain
    y = k.layers.Dense(3, activation="softmax")(h)
    chain = dense_chain(k.Model(x, y))
    assert chain is not None and chain.activations == ("relu", "softmax")
    assert len(chain.layers) == 2


@pytest.mark.parametrize("kind", ["branches", "conv-like", "3 inputs", "unknown activation"])
def test_anything_else_is_left_to_keras(kind):
    k = keras()
    x = k.Input((3,) if kind == "3 inputs" else (2,))
    if kind == "branches":
        y = k.layers.Add()([k.layers.Dense(2)(x), k.layers.Dense(2)(x)])
    elif kind == "conv-like":
        y = k.layers.Dense(1)(k.layers.BatchNormalization()(k.layers.Dense(4)(x)))
    elif kind == "unknown activation":
        y = k.layers.Dense(1, activation="hard_shrink")(x)
    else:
        y = k.layers.Dense(1)(x)
    assert dense_chain(k.Model(x, y)) is None


@pytest.mark.parametrize("activation", sorted(a for a in ACTIVATIONS if a))
def test_numpy_activations_match_keras(activation):
    model = mlp(units=(6, 5), activation=activation, out=2, out_activation="linear")
    chain = dense_chain(model)
    points = np.random.default_rng(0).uniform(-3, 3, (200, 2)).astype(np.float32)
    ours = forward(chain.snapshot(), chain.activations, points)
    theirs = intermediate_model(model, list(chain.layers))(points)
    for a, b in zip(ours, theirs):
        np.testing.assert_allclose(a, np.asarray(b), rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("task, out, out_activation", [
    ("binary", 1, "sigmoid"), ("multiclass", 3, "softmax"), ("regression", 1, "linear")])
def test_frame_after_an_epoch_equals_model_predict_on_the_same_grid(task, out, out_activation):
    ds = points_dataset(task, classes=out if task == "multiclass" else 2)
    model = mlp(units=(8, 8), out=out, out_activation=out_activation)
    TrainingEngine(model, ds, TrainingSettings(epochs=1, batch_size=10, optimizer="sgd",
                                               learning_rate=0.03, seed=0)).run()
    points = dataset_points(ds)
    frames = DenseFrames(dense_chain(model), task, grid_for_points(points, 100),
                         grid_for_points(points, 24))
    frame = frames.frame()
    boundary = frame["boundary"]
    assert boundary.values.shape == (100, 100)
    predicted = model.predict(boundary.grid.points, verbose=0)
    if task == "binary":
        expected = predicted[:, 0]
    elif task == "multiclass":
        expected = predicted.max(axis=1)
        assert np.array_equal(boundary.classes.ravel(), predicted.argmax(axis=1))
    else:
        expected = predicted[:, 0]
    np.testing.assert_allclose(boundary.values.ravel(), expected, rtol=1e-4, atol=1e-5)
    # the pictures are coloured already, exactly as the UI would colour the values
    assert np.array_equal(boundary.rgba, boundary_rgba(boundary))
    assert np.array_equal(boundary.rgba_discrete, boundary_rgba(boundary, True))
    # every neuron's map is that layer's output on the small grid
    neurons = frame["neurons"]
    outputs = intermediate_model(model, list(dense_chain(model).layers))(
        neurons.grid.points)
    for layer, out_values in zip(neurons.layers, outputs):
        values = np.asarray(out_values).T.reshape(-1, 24, 24)
        np.testing.assert_allclose(layer.maps, values, rtol=1e-4, atol=1e-5)
        assert layer.rgba.shape == (*layer.maps.shape, 4)
    weights = frame["weights"]
    assert [d.layer_name for d in weights.dense_edges] == ["hidden0", "hidden1", "out"]
    assert weights.dense_edges[0].edges[0].value == pytest.approx(
        float(model.get_layer("hidden0").kernel.numpy()[0, 0]))


def test_live_frames_are_paced_by_time_not_by_epoch_in_a_fast_run():
    """A run of many short epochs gets live pictures, each one the model's own boundary at
    that moment, but not one per epoch. (That they come about FRAMES_PER_S times a second
    is a timing claim: benchmarks/bench_timing_claims.py insight_frame_rate.)"""
    ds = load_dataset("xor", {"samples": 500, "test_fraction": 0.5})
    model = mlp(units=(8, 8), activation="tanh")
    insight = probes.InsightProbe()
    frames, epochs = [], []

    def callback(event):
        if isinstance(event, ProbeResult) and event.result is not None and \
                probes.BOUNDARY in event.result.results:
            frames.append(event.result)
        elif isinstance(event, EpochEnded):
            epochs.append(event)

    settings = TrainingSettings(epochs=60, batch_size=10, optimizer="sgd", learning_rate=0.03,
                                validation_split=0.0, seed=0)
    engine = TrainingEngine(model, ds, settings, callback,
                            {"insight": Probe(insight, every=0.0)})
    engine.run()
    assert len(epochs) == 60 and len(frames) >= 2   # the untrained model, then live ones


def test_frames_are_paced_to_the_frame_rate_by_the_clock_not_by_the_calls():
    """The pacing itself, on a clock the test moves (1 ms between calls, a frame costs no
    time): called 5 000 times in 5 s, the probe computes a frame every 1/FRAMES_PER_S s
    of that clock, the first one at once — not one per call."""
    now = [0.0]
    probe = probes.BudgetedProbe(lambda model, data: "frame", share=0.5,
                                 clock=lambda: now[0])
    frames = 0
    for call in range(5000):
        now[0] = call / 1000.0
        frames += probe(None, None) is not None
    assert frames == int(5.0 * probes.FRAMES_PER_S)   # 0 s, 0.04 s, …, 4.96 s


def test_a_probe_timed_in_seconds_also_runs_inside_a_long_epoch():
    ds = load_dataset("xor", {"samples": 2000, "test_fraction": 0.1})
    counts = {"batch": 0, "timed": 0, "per_epoch": 0}

    def callback(event):
        if isinstance(event, StepsDone):
            counts["batch"] += 1
        elif isinstance(event, ProbeResult):
            counts[event.name] += 1

    settings = TrainingSettings(epochs=1, batch_size=1, learning_rate=0.01, seed=0)
    TrainingEngine(mlp(units=(8,)), ds, settings, callback,
                   {"timed": Probe(lambda m, d: 0, every=0.0),
                    "per_epoch": Probe(lambda m, d: 0)}).run()
    assert counts["batch"] > 2          # the epoch ran as several compiled calls
    assert counts["per_epoch"] == 2     # start and the end of the epoch
    # start, between each two calls, and the end of the epoch
    assert counts["timed"] == counts["batch"] + 1
