"""The insight panel in the assembled window: each view renders for its preset kind,
reflects the model's real predictions, updates after an epoch, and painted points reach
the training data. Offscreen, tiny data, few epochs."""
from __future__ import annotations

import threading

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtWidgets import QGraphicsSceneHoverEvent

from playground.datasets import load_dataset, load_from_choice
from playground.insight import probes
from playground.insight.colors import boundary_rgba
from playground.insight.digits import predict_drawing
from playground.insight.painting import painted_points
from playground.network.keras_build import build_model
from playground.files.project import load_project
from playground.training import TrainingSettings
from tests.conftest import ROOT
from ui.insight.network_view import ENLARGED
from ui.insight.panel import InsightPanel

PRESETS = ROOT / "presets"


def _open_preset(window, name: str, **dataset_params):
    project = load_project(PRESETS / f"{name}.kpg")
    project.dataset["params"].update(dataset_params)
    window.document.replace_project(project)
    return project


def _panel(window) -> InsightPanel:
    return window.panels.insight


def _wait_dataset(qtbot, window, name: str):
    """The Dataset panel loads off the UI thread; the insight panel shows what it loads."""
    panel = _panel(window)
    qtbot.waitUntil(lambda: panel.dataset is not None and panel.dataset.name == name
                    and not window.panels.dataset.is_loading(), timeout=20_000)
    return panel.dataset


def _tab_visible(panel: InsightPanel, key: str) -> bool:
    return panel.tabs.isTabVisible(panel.tabs.indexOf(panel.views[key]))


def _saves_png(view, tmp_path) -> bool:
    path = tmp_path / f"{type(view).__name__}.png"
    return view.save_png(path) and path.stat().st_size > 500


def test_boundary_shows_data_at_once_and_agrees_with_model_predict(window, qtbot, tmp_path):
    _open_preset(window, "xor", samples=120)
    panel = _panel(window)
    _wait_dataset(qtbot, window, "xor")  # shown before any training
    assert len(panel.boundary.train_points.data) > 0
    assert _tab_visible(panel, "boundary") and not _tab_visible(panel, "digits")
    model = build_model(window.document.graph)
    panel.show_model(model, panel.dataset)
    result = panel.boundary.result
    expected = model.predict(result.grid.points, verbose=0)[:, 0]
    np.testing.assert_allclose(result.values.ravel(), expected, rtol=1e-4, atol=1e-5)
    assert panel.boundary.image.image.shape[:2] == result.values.shape
    # neurons: one picture per hidden unit + output, lines for the small network's weights
    assert len(panel.network.neuron_items) == 2 + 8 + 1
    assert len(panel.network.edge_items) == 2 * 8 + 8 * 1
    # weight summaries for the canvas edges into Dense nodes
    edges = panel.canvas_edge_weights()
    assert set(edges) == {(e.source, e.target) for e in window.document.graph.edges}
    assert max(strength for _, _, strength in edges.values()) == pytest.approx(1.0)
    # ... which the canvas draws: coloured by sign, the weights in the tooltip
    for edge, item in window.scene.edge_items.items():
        assert item.weights == edges[(edge.source, edge.target)]
        assert "Weights into the next layer" in item.toolTip()
    # hovering a neuron enlarges it
    item = next(i for (name, _), i in panel.network.neuron_items.items() if name != "input")
    hover = QGraphicsSceneHoverEvent(QEvent.Type.GraphicsSceneHoverEnter)
    hover.setScenePos(item.sceneBoundingRect().center())
    panel.network.scene.sendEvent(item, hover)
    assert not panel.network.enlarged.pixmap().isNull()
    assert panel.network.enlarged.pixmap().width() == ENLARGED
    # the toggles redraw without errors
    panel.boundary.discretize.setChecked(True)
    assert set(np.unique(panel.boundary.image.image[..., 2])) <= {189, 34}  # two colours
    panel.boundary.show_test.setChecked(False)
    assert len(panel.boundary.test_points.data) == 0
    for view in (panel.boundary, panel.network, panel.results, panel.health):
        assert _saves_png(view, tmp_path)


def test_painted_points_reach_training_data_and_undo(window, qtbot):
    _open_preset(window, "xor", samples=60)
    panel = _panel(window)
    before = len(_wait_dataset(qtbot, window, "xor").x_train)
    view = panel.boundary
    view.paint.setChecked(True)
    view.paint_class.setCurrentIndex(1)
    view.view_box.setRange(xRange=(-6, 6), yRange=(-6, 6), padding=0)
    qtbot.wait(50)
    target = view.view_box.mapViewToScene(QPointF(3.0, -3.0))
    widget_pos = view.plot.mapFromScene(target)
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=widget_pos)
    points = painted_points(window.document.project.dataset)
    assert len(points) == 1 and points[0][2] == 1.0
    assert abs(points[0][0] - 3.0) < 0.3 and abs(points[0][1] + 3.0) < 0.3
    assert window.document.modified
    assert window.panels.dataset.choice()["params"]["extra_points"] == points
    qtbot.waitUntil(lambda: panel.dataset is not None and  # reloaded with it
                    len(panel.dataset.x_train) == before + 1 and
                    not window.panels.dataset.is_loading(), timeout=20_000)
    data = load_from_choice(window.document.project.dataset)
    np.testing.assert_allclose(data.x_train[-1], points[0][:2], rtol=1e-6)
    assert data.y_train[-1] == 1
    # where the point is now (the plot may have been laid out again since the data came)
    widget_pos = view.plot.mapFromScene(view.view_box.mapViewToScene(QPointF(3.0, -3.0)))
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.RightButton, pos=widget_pos)
    assert painted_points(window.document.project.dataset) == []
    window.document.undo_stack.undo()   # undo the erase: the point is back
    assert len(painted_points(window.document.project.dataset)) == 1
    assert len(view.painted.data) == 1


def test_views_update_live_after_an_epoch_of_training(window, qtbot, monkeypatch):
    import threading

    rebuilt_on = []
    real_final_results = probes.final_results
    monkeypatch.setattr(probes, "final_results", lambda model, dataset: (
        rebuilt_on.append(threading.current_thread()), real_final_results(model, dataset))[1])
    project = _open_preset(window, "xor", samples=120)
    panel = _panel(window)
    controller = panel.controller
    assert controller is not None, "the insight panel found no training controller"
    controller.add_probe("insight", probes.InsightProbe(  # every epoch, for the test
        shares={name: 1e9 for name in probes.SHARES}, max_rate=0))
    updates = []
    controller.probeResult.connect(lambda name, update: updates.append(update))
    settings = TrainingSettings(epochs=3, batch_size=16, validation_split=0.0, seed=1)
    with qtbot.waitSignal(controller.finished, timeout=60_000) as finished:
        controller.start(settings)
    qtbot.waitUntil(lambda: not controller.is_running(), timeout=20_000)
    boundaries = [u.results[probes.BOUNDARY] for u in updates
                  if u is not None and probes.BOUNDARY in u.results]
    assert len(boundaries) == 4  # untrained + 3 epochs
    assert not np.allclose(boundaries[0].values, boundaries[-1].values)
    # after the run the views are rebuilt from the trained model on a worker thread
    model = finished.args[1]
    qtbot.waitUntil(lambda: panel.model is model, timeout=30_000)
    panel.wait_for_background()
    assert rebuilt_on and threading.main_thread() not in rebuilt_on  # never on the UI thread
    shown = panel.boundary.result
    np.testing.assert_allclose(shown.values.ravel(),
                               model.predict(shown.grid.points, verbose=0)[:, 0],
                               rtol=1e-4, atol=1e-5)
    assert shown.values.shape == (100, 100)
    # the image on screen is that result's picture, uploaded as it came
    assert np.array_equal(panel.boundary.image.image, boundary_rgba(shown))
    assert panel.health.report is not None
    assert set(panel.node_health) <= set(n.id for n in window.document.graph.nodes)
    assert panel.results.result.matrix.sum() == len(panel.dataset.x_test)


@pytest.fixture
def mnist_small(mnist_dir):
    return {"data_dir": str(mnist_dir), "subset": 200, "test_subset": 60}


def test_image_views_results_digit_pad_and_convolutions(window, qtbot, mnist_small, tmp_path,
                                                       monkeypatch):
    _open_preset(window, "mnist_cnn", **mnist_small)
    panel = _panel(window)
    dataset = load_dataset("mnist", mnist_small)
    model = build_model(window.document.graph)
    panel.show_model(model, dataset)
    assert _tab_visible(panel, "digits") and _tab_visible(panel, "conv")
    assert not _tab_visible(panel, "boundary")
    result = panel.results.result
    assert result.matrix.sum() == 60
    predicted = model.predict(dataset.x_test, verbose=0).argmax(axis=1)
    assert result.accuracy == pytest.approx(float(np.mean(predicted == dataset.y_test)))
    assert panel.results.gallery.count() == min(len(result.misclassified), 64)
    # draw a stroke on the pad: bars appear and match the model on the preprocessed input
    pad = panel.digits.pad_widget
    start = pad.rect().center()
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=start)
    for dy in range(0, 80, 10):
        qtbot.mouseMove(pad, pos=start + start.__class__(0, dy))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton)
    # answered on a worker thread, for the drawing as it is now
    qtbot.waitUntil(lambda: not panel.digits.busy and panel.digits.last is not None,
                    timeout=10_000)
    last = panel.digits.last
    assert not panel.digits.pad.is_empty()
    np.testing.assert_array_equal(last.model_input, predict_drawing(
        panel.model, panel.digits.pad.image, dataset,
        panel.digits.center.isChecked()).model_input)
    ran_on = []
    real_predict = panel.digits.predict
    panel.digits.predict = lambda image, center: (ran_on.append(threading.current_thread()),
                                                  real_predict(image, center))[1]
    panel.digits.refresh()
    qtbot.waitUntil(lambda: not panel.digits.busy, timeout=10_000)
    assert ran_on and threading.main_thread() not in ran_on   # never on the UI thread
    np.testing.assert_allclose(last.probabilities,
                               model.predict(last.model_input, verbose=0)[0], rtol=1e-4)
    conv = panel.conv.snapshot
    assert [f.layer_name for f in conv.filters] == [f.layer_name for f in conv.feature_maps]
    assert len(conv.filters) == 2
    labels = [label for grid in panel.conv._labels for label in grid]
    # input + (filters, maps) per conv layer, one label per picture
    assert len(panel.conv._labels) == 1 + 2 * len(conv.filters)
    assert len(labels) == 1 + sum(len(conv.filter_rgba[f.layer_name])
                                  + len(conv.map_rgba[f.layer_name]) for f in conv.filters)
    first_input = labels[0].pixmap().toImage()
    computed_on = []
    real_conv_probe = probes.conv_probe

    def recording_conv_probe(index):
        compute = real_conv_probe(index)
        return lambda m, d: (computed_on.append(threading.current_thread()), compute(m, d))[1]

    monkeypatch.setattr(probes, "conv_probe", recording_conv_probe)
    panel.conv.sample_box.setValue(3)
    qtbot.waitUntil(lambda: panel.conv.snapshot.sample_index == 3, timeout=5_000)
    assert computed_on and threading.main_thread() not in computed_on  # off the UI thread
    # Another sample: the same labels (not rebuilt), showing the new picture.
    assert [label for grid in panel.conv._labels for label in grid] == labels
    assert labels[0].pixmap().toImage() != first_input
    for view in (panel.results, panel.digits, panel.conv):
        assert _saves_png(view, tmp_path)


def test_regression_line_and_sequence_forecast(window, tmp_path):
    _open_preset(window, "celsius", samples=30)
    panel = _panel(window)
    graph = window.document.graph
    dense = next(n for n in graph.nodes if n.layer_type == "Dense")
    model = build_model(graph, {dense.id: [np.array([[1.8]], np.float32),
                                           np.array([32.0], np.float32)]})
    panel.show_model(model, load_from_choice(window.document.project.dataset))
    assert _tab_visible(panel, "regression")
    assert "1.8000" in panel.regression.line_label.text()
    assert "32.000" in panel.regression.line_label.text()
    assert "R²: 1.000" in panel.regression.summary.text()
    assert _saves_png(panel.regression, tmp_path)
    _open_preset(window, "sine_lstm", samples=200)
    dataset = load_from_choice(window.document.project.dataset)
    model = build_model(window.document.graph)
    panel.show_model(model, dataset)
    assert panel.regression.line_label.text() == ""  # the Celsius line is not kept
    x, y = panel.regression.forecast_curve.getData()
    np.testing.assert_allclose(y, model.predict(dataset.x_test[:len(y)], verbose=0)[:, 0],
                               rtol=1e-4, atol=1e-5)


def test_layer_view_follows_selection_with_activation_and_histograms(window, qtbot, tmp_path):
    _open_preset(window, "xor", samples=60)
    panel = _panel(window)
    _wait_dataset(qtbot, window, "xor")
    panel.show_model(build_model(window.document.graph), panel.dataset)
    hidden = next(n for n in window.document.graph.nodes if n.layer_type == "Dense")
    window.scene.select_nodes([hidden.id])
    assert panel.layer.activation_name == "tanh"
    x, y = panel.layer.curve.getData()
    np.testing.assert_allclose(y, np.tanh(x), atol=1e-9)
    kernel_count = sum(panel.layer.kernel_bars.opts["height"])
    assert kernel_count == 2 * 8
    # a second layer view (e.g. embedded by the inspector) follows the same selection
    extra = panel.make_layer_view()
    assert extra.activation_name == "tanh"
    assert sum(extra.kernel_bars.opts["height"]) == 2 * 8
    output = [n for n in window.document.graph.nodes if n.layer_type == "Dense"][-1]
    window.scene.select_nodes([output.id])
    assert extra.activation_name == panel.layer.activation_name == "sigmoid"
    extra.deleteLater()
    assert _saves_png(panel.layer, tmp_path)


def test_dead_relu_badge_appears_on_the_canvas_node(window, qtbot):
    _open_preset(window, "xor", samples=60)
    panel = _panel(window)
    _wait_dataset(qtbot, window, "xor")
    graph = window.document.graph
    hidden = next(n for n in graph.nodes if n.layer_type == "Dense")
    graph.set_param(hidden.id, "activation", "relu")
    model = build_model(graph)
    node_to_layer = {node: layer for layer, node in panel.layers.layer_to_node().items()}
    layer = model.get_layer(node_to_layer[hidden.id])
    kernel, bias = layer.get_weights()
    layer.set_weights([kernel, bias - 1000.0])  # every unit negative for all inputs: dead
    panel.show_model(model, panel.dataset)
    assert hidden.id in panel.node_health
    badge = panel.badges.badges[hidden.id]
    assert badge.parentItem() is window.scene.node_items[hidden.id]
    assert "dead" in badge.toolTip() and "leaky_relu" in badge.toolTip()
    top = panel.health.tree.topLevelItem(0)
    assert "Dense" in top.text(0)  # the node's label, not the internal layer name


# Small data per preset so every view can be filled quickly.
PRESET_DATA = {"xor": {"samples": 60}, "spiral": {"samples": 60}, "perceptron": {"samples": 60},
               "perceptron_xor": {"samples": 60}, "overfitting": {"samples": 40},
               "overfitting_dropout": {"samples": 40}, "celsius": {"samples": 20},
               "sine_lstm": {"samples": 120}, "mnist_cnn": {"subset": 100, "test_subset": 30},
               "transfer_learning": {"per_class": 4, "test_subset": 30}}
EXPECTED_TABS = {"2d": {"boundary", "network", "results", "layer", "health", "try"},
                 "mnist": {"results", "digits", "conv", "layer", "health", "try"},
                 "numbers": {"regression", "layer", "health", "try"},
                 "text": {"results", "layer", "health", "try"}}
WORD_TABS = {"text_topics": {"embedding"}, "reading_order": {"embedding"},
             "where_the_model_looks": {"embedding", "attention"}}


@pytest.mark.parametrize("preset", sorted(p.stem for p in PRESETS.glob("*.kpg")))
def test_every_preset_renders_its_views(window, preset, mnist_dir, tmp_path):
    params = dict(PRESET_DATA.get(preset, {}))
    project = load_project(PRESETS / f"{preset}.kpg")
    if project.dataset["name"] == "mnist":
        params["data_dir"] = str(mnist_dir)
    _open_preset(window, preset, **params)
    panel = _panel(window)
    dataset = load_from_choice(window.document.project.dataset)
    model = build_model(window.document.graph, window.document.project.weights or None)
    panel.show_model(model, dataset)
    kind = "2d" if dataset.input_shape == (2,) else \
        "mnist" if dataset.name == "mnist" else \
        "text" if dataset.x_train.dtype.kind in "UO" else "numbers"
    visible = {key for key in panel.views if _tab_visible(panel, key)}
    expected = EXPECTED_TABS[kind]
    if dataset.task == "regression" and kind == "2d":
        expected = expected - {"results"} | {"regression"}
    if kind == "mnist" and not any(n.layer_type == "Conv2D" for n in window.document.graph):
        expected = expected - {"conv"}
    # Words: every text lesson learns an embedding after a vocabulary (the word map); the
    # attention lesson also shows its attention scores.
    expected = expected | WORD_TABS.get(preset, set())
    assert visible == expected
    for key in visible:
        view = panel.views[key]
        panel.tabs.setCurrentWidget(view)
        text = view.status_label.text()
        if key == "attention":   # it names the test sentence shown, never an error
            assert text.startswith("Sample 0: "), f"{key}: {text}"
        else:
            assert text == "", f"{key}: {text}"
        assert _saves_png(view, tmp_path)


def test_panel_draws_live_results_coalesced(window, qtbot):
    _open_preset(window, "xor", samples=60)
    panel = _panel(window)
    _wait_dataset(qtbot, window, "xor")
    model = build_model(window.document.graph)
    probe = probes.InsightProbe(shares={name: 1e9 for name in probes.SHARES}, max_rate=0)
    first, second = probe(model, panel.dataset), None
    kernel, bias = model.layers[-1].get_weights()
    model.layers[-1].set_weights([kernel * -3.0, bias + 1.0])  # "an epoch later"
    second = probe(model, panel.dataset)
    panel.controller.probeResult.emit("insight", first)
    panel.controller.probeResult.emit("insight", second)
    assert panel.boundary.result is None  # drawn on the next redraw tick, not per result
    qtbot.waitUntil(lambda: panel.boundary.result is not None, timeout=3000)
    assert panel.boundary.result is second.results[probes.BOUNDARY]  # only the newest
    panel.controller.probeResult.emit("other_view", object())  # not ours: ignored
    assert panel.boundary.result is second.results[probes.BOUNDARY]


def test_opening_another_project_clears_the_views(window, qtbot):
    _open_preset(window, "xor", samples=60)
    panel = _panel(window)
    _wait_dataset(qtbot, window, "xor")
    panel.show_model(build_model(window.document.graph), panel.dataset)
    assert panel.boundary.result is not None and panel.network.neuron_items
    result = panel.results.result
    assert result is not None
    assert panel.results.gallery.count() == min(len(result.misclassified), 64)
    _open_preset(window, "celsius", samples=20)
    assert panel.boundary.result is None and not panel.network.neuron_items
    assert panel.results.result is None and panel.health.report is None
    assert panel.results.gallery.count() == 0
    assert panel.results.status_label.text() == panel.results.empty_text != ""
    assert panel.node_health == {} and panel.badges.badges == {}


def test_inspector_shows_the_selected_layers_activation_and_histograms(window, qtbot):
    from ui.insight.layer_view import LayerView

    _open_preset(window, "xor", samples=60)
    panel = _panel(window)
    _wait_dataset(qtbot, window, "xor")
    panel.show_model(build_model(window.document.graph), panel.dataset)
    hidden = next(n for n in window.document.graph.nodes if n.layer_type == "Dense")
    window.scene.select_nodes([hidden.id])
    views = window.panels.inspector.widget().findChildren(LayerView)
    assert len(views) == 1 and views[0].activation_name == "tanh"
    assert sum(views[0].kernel_bars.opts["height"]) == 2 * 8
    window.document.graph.set_param(hidden.id, "activation", "relu")  # e.g. from the form
    views = window.panels.inspector.widget().findChildren(LayerView)
    assert all(v.activation_name == "relu" for v in views) and panel.layer.activation_name == "relu"
    x, y = panel.layer.curve.getData()
    np.testing.assert_allclose(y, np.maximum(x, 0))


def test_look_at_current_weights_computes_off_the_ui_thread(window, qtbot, monkeypatch):
    _open_preset(window, "xor", samples=120)
    panel = _panel(window)
    from playground import kerasenv

    kerasenv.keras()  # the button waits for TensorFlow
    import threading

    computed_on = []
    real_final_results = probes.final_results

    def recording_final_results(model, dataset):
        computed_on.append(threading.current_thread())
        return real_final_results(model, dataset)

    monkeypatch.setattr(probes, "final_results", recording_final_results)
    panel.refresh_from_project()
    assert panel.is_computing(), "the views are computed on a worker thread, not in this call"
    qtbot.waitUntil(lambda: panel.model is not None and not panel.is_computing(),
                    timeout=30_000)
    assert computed_on and all(t is not threading.main_thread() for t in computed_on)
    assert panel.boundary.result is not None


def test_results_view_reuses_its_items_and_shows_the_newest_counts(qtbot):
    from playground.insight.classification import ConfusionResult
    from ui.insight.results_view import ResultsView

    view = ResultsView()
    qtbot.addWidget(view)

    def result(matrix, wrong: int, pictures: bool):
        rng = np.random.default_rng(wrong)
        pics = rng.integers(0, 255, (wrong, 4, 4, 4), dtype=np.uint8) if pictures else None
        return ConfusionResult("test", ["a", "b", "c"], np.array(matrix), np.ones(3), 0.5,
                               np.arange(wrong), np.zeros(wrong, int), np.ones(wrong, int),
                               np.linspace(0.9, 0.5, wrong), pics)

    dataset = type("D", (), {"x_test": np.arange(40, dtype=float).reshape(20, 2)})()
    view.set_result(result([[1, 2, 3], [4, 5, 6], [7, 8, 9]], 5, pictures=True), dataset)
    texts = list(view._texts)
    assert [t.text() for t in texts] == [str(i) for i in range(1, 10)]
    # white on the dark cells (over 55 % of their row), black elsewhere
    view.set_result(result([[9, 1, 0], [4, 5, 1], [0, 0, 7]], 5, pictures=True), dataset)
    assert [t.brush().color().name() for t in view._texts] == [
        "#ffffff", "#000000", "#000000", "#000000", "#000000", "#000000",
        "#000000", "#000000", "#ffffff"]
    view.set_result(result([[1, 2, 3], [4, 5, 6], [7, 8, 9]], 5, pictures=True), dataset)
    assert view.gallery.count() == 5 and not view.gallery.item(0).icon().isNull()
    view.set_result(result([[1, 2, 3], [4, 50, 6], [7, 8, 90]], 2, pictures=False), dataset)
    assert view._texts == texts                      # the same items, new counts
    assert [t.text() for t in view._texts] == \
        ["1", "2", "3", "4", "50", "6", "7", "8", "90"]
    assert view.gallery.count() == 2 and view.gallery.item(0).icon().isNull()
    assert view.gallery.item(1).text().endswith("2.00, 3.00")   # coordinates of sample 1
    assert "said a (50%)" in view.gallery.item(1).text()
    view.clear()
    assert view._texts == [] and view.gallery.count() == 0
