"""Live pictures paced by whoever draws them: the training thread only publishes weight
snapshots (live_frames.LiveFrames), the pictures of a snapshot are the model's own."""

import numpy as np

from playground.datasets import load_dataset
from playground.insight import live_frames, probes
from playground.insight._model import intermediate_model
from playground.insight.dense_grid import dense_chain
from playground.training import TrainingEngine, TrainingSettings
from playground.training.events import EpochEnded, Probe, ProbeResult
from tests.insight.helpers import mlp


def test_training_publishes_snapshots_and_each_frame_is_the_model_at_that_snapshot():
    ds = load_dataset("xor", {"samples": 200, "test_fraction": 0.5})
    model = mlp(units=(8, 8), activation="tanh")
    insight = probes.InsightProbe(pull=True)
    handed, frames, pictures_on_training_thread = [], [], []

    def callback(event):
        if isinstance(event, ProbeResult) and event.result is not None:
            results = event.result.results
            pictures_on_training_thread.extend(
                name for name in (probes.BOUNDARY, probes.NEURONS) if name in results)
            if probes.LIVE in results:
                handed.append(results[probes.LIVE])
        elif isinstance(event, EpochEnded) and handed:
            frame = handed[0].frame()
            if frame is not None:
                frames.append(frame)

    settings = TrainingSettings(epochs=4, batch_size=10, optimizer="sgd", learning_rate=0.3,
                                validation_split=0.0, seed=0)
    TrainingEngine(model, ds, settings, callback,
                   {"insight": Probe(insight, every=0.0)}).run()
    assert len(handed) == 1                   # handed over once per run
    assert pictures_on_training_thread == []  # the training thread drew nothing
    assert len(frames) >= 2 and [f.number for f in frames] == sorted({f.number for f in frames})
    assert not np.allclose(frames[0].results[probes.BOUNDARY].values,
                           frames[-1].results[probes.BOUNDARY].values)  # it learned
    # Truth: each frame's boundary and neuron maps are what Keras computes with its weights.
    layers = dense_chain(model).layers
    inner = intermediate_model(model, layers)
    for frame in (frames[0], frames[-1]):
        for layer, (kernel, bias) in zip(layers, frame.weights):
            layer.set_weights([kernel, bias])
        boundary = frame.results[probes.BOUNDARY]
        np.testing.assert_allclose(boundary.values.ravel(),
                                   model.predict(boundary.grid.points, verbose=0)[:, 0],
                                   rtol=1e-4, atol=1e-5)
        neurons = frame.results[probes.NEURONS]
        outputs = inner.predict(neurons.grid.points, verbose=0)
        n_y, n_x = len(neurons.grid.ys), len(neurons.grid.xs)
        for maps, out in zip(neurons.layers, outputs):
            np.testing.assert_allclose(maps.maps, out.T.reshape(-1, n_y, n_x),
                                       rtol=1e-4, atol=1e-5)


def test_snapshots_are_copied_often_only_while_someone_draws_them():
    ds = load_dataset("xor", {"samples": 40})
    model = mlp(units=(4,))
    now = [0.0]
    source = live_frames.LiveFrames(dense_chain(model), ds, 20,
                                    (probes.BOUNDARY, probes.NEURONS, probes.WEIGHTS),
                                    clock=lambda: now[0])
    assert source.frame() is None               # nothing published yet
    copies = 0
    for call in range(1000):                    # 1 s of training, a call per ms, nobody draws
        now[0] = call / 1000.0
        copies += source.publish()
    assert copies == int(1.0 / live_frames.IDLE_PUBLISH_EVERY_S)
    drawn = 0
    for call in range(1000, 2000):              # 1 s more, drawn as soon as there is one
        now[0] = call / 1000.0
        copies += source.publish()
        drawn += source.frame() is not None
        assert source.frame() is None           # one picture per snapshot, no repeats
    # every PUBLISH_EVERY_S (on this 1-ms clock, rounding may make it 1 ms more)
    assert 1.0 / (live_frames.PUBLISH_EVERY_S + 0.001) <= drawn \
        <= 1.0 / live_frames.PUBLISH_EVERY_S
