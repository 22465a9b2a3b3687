"""A finished training run leaves nothing of itself behind in TensorFlow's global state.

TensorFlow registers a gradient function per traced ``tf.custom_gradient`` (Keras's
optimizer uses one in every training step; so do silu/swish) and never removes it; that
function keeps the traced graph, and with it the run's weights, alive. Before the fix each
start/stop of training grew the process by ~3 MB.
"""
from __future__ import annotations

import gc

import pytest

from playground.training import TrainingSettings
from playground.training.device import DevicePlan
from playground.training.engine import TrainingEngine
from playground.training.tf_leaks import TraceRegistrations, registered_custom_gradients
from tests.training.helpers import blobs


def silu_mlp():
    from playground.kerasenv import keras

    k = keras()
    i = k.Input((2,))
    h = k.layers.Dense(8, activation="silu")(i)
    return k.Model(i, k.layers.Dense(1, activation="sigmoid")(h))


def live_graphs() -> int:
    from tensorflow.python.framework.func_graph import FuncGraph

    gc.collect()
    return sum(isinstance(o, FuncGraph) for o in gc.get_objects())


def train_once(optimizer: str = "adam") -> str:
    engine = TrainingEngine(silu_mlp(), blobs(), TrainingSettings(
        epochs=2, batch_size=20, learning_rate=0.05, optimizer=optimizer))
    return engine.run().status


def test_finished_runs_free_their_graphs_and_gradient_registrations():
    assert train_once() == "completed"     # warm-up: whatever TF creates once, it has now
    graphs, registered = live_graphs(), registered_custom_gradients()
    for optimizer in ("adam", "sgd", "rmsprop"):
        assert train_once(optimizer) == "completed"
    assert registered_custom_gradients() == registered
    assert live_graphs() <= graphs


def test_mirrored_runs_free_their_registrations_too(monkeypatch):
    from playground.training import device

    monkeypatch.setattr(device, "plan_device", lambda choice, gpus: DevicePlan(
        "mirrored", ("/CPU:0",), "1 CPU (mirrored)"))
    registered = registered_custom_gradients()
    assert train_once() == "completed"
    assert registered_custom_gradients() == registered


def test_registrations_are_noted_only_while_tracing_and_released():
    import tensorflow as tf

    @tf.custom_gradient
    def double(x):
        return 2 * x, lambda dy: 2 * dy

    def step(x):
        with tf.GradientTape() as tape:
            tape.watch(x)
            y = double(x)
        return tape.gradient(y, x)

    before = registered_custom_gradients()
    registrations = TraceRegistrations()
    with registrations.tracing():
        grad = tf.function(step)(tf.constant(1.0))
    assert float(grad) == pytest.approx(2.0)
    assert registrations.count == 1 and registered_custom_gradients() == before + 1
    tf.function(step)(tf.constant(1.0))       # traced outside: not ours to remove
    registrations.release()
    assert registrations.count == 0 and registered_custom_gradients() == before + 1


def test_freezing_start_up_objects_takes_them_out_of_full_collections():
    """The warm-up freezes what is alive after start-up, so that a later full collection
    (which holds the GIL: ~200 ms over TF's objects) only scans newer objects."""
    from playground.training.warmup import freeze_long_lived_objects

    class Marker:
        pass

    def tracked(obj) -> bool:
        return any(o is obj for o in gc.get_objects())

    before = gc.get_freeze_count()
    old = Marker()
    try:
        assert freeze_long_lived_objects() > before
        assert not tracked(old)                 # frozen: no collection looks at it again
        assert tracked(Marker())                # made later: collected as usual
    finally:
        if before == 0:
            gc.unfreeze()
