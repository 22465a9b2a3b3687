"""Live pictures while training in the window: the training thread only publishes weight
snapshots; the panel draws the newest one at the screen's pace, and what it draws is what
the model computes for those weights."""
from __future__ import annotations

import numpy as np
import pytest

from playground.files.project import load_project
from playground.insight import probes
from playground.insight.colors import boundary_rgba
from playground.insight.dense_grid import dense_chain
from playground.training import TrainingSettings
from tests.conftest import ROOT


@pytest.mark.gui
@pytest.mark.slow
def test_training_draws_snapshots_at_the_screens_pace_and_they_are_the_models(window, qtbot):
    project = load_project(ROOT / "presets" / "xor.kpg")
    project.dataset["params"].update(samples=120)
    window.document.replace_project(project)
    panel = window.panels.insight
    controller = panel.controller
    frames, shown_wrong, pictures_from_training = [], [], []

    def drawn(frame):  # connected after the panel's own slot: the frame is on screen now
        frames.append(frame)
        result = frame.results[probes.BOUNDARY]
        if panel.boundary.result is not result or \
                not np.array_equal(panel.boundary.image.image, boundary_rgba(result)):
            shown_wrong.append(frame.number)

    panel.live.frameReady.connect(drawn)
    controller.probeResult.connect(lambda name, update: pictures_from_training.extend(
        n for n in (probes.BOUNDARY, probes.NEURONS) if update and n in update.results))
    settings = TrainingSettings(epochs=40, batch_size=10, learning_rate=0.1,
                                validation_split=0.0, seed=1)
    with qtbot.waitSignal(controller.finished, timeout=120_000) as finished:
        controller.start(settings)
    qtbot.waitUntil(lambda: not controller.is_running(), timeout=20_000)
    panel.wait_for_background()
    assert pictures_from_training == []       # the training thread computed no picture
    assert len(frames) >= 2 and not shown_wrong
    numbers = [f.number for f in frames]
    assert numbers == sorted(set(numbers))    # newest wins: never an older one after
    # Truth: the last live picture is what Keras computes with that snapshot's weights.
    model = finished.args[1]                   # the run's model (finished(entry, model))
    frame = frames[-1]
    for layer, (kernel, bias) in zip(dense_chain(model).layers, frame.weights):
        layer.set_weights([kernel, bias])
    boundary = frame.results[probes.BOUNDARY]
    np.testing.assert_allclose(boundary.values.ravel(),
                               model.predict(boundary.grid.points, verbose=0)[:, 0],
                               rtol=1e-4, atol=1e-5)
