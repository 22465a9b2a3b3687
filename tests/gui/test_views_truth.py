"""What the live views draw, checked against what the model computes.

In the real window at two screen sizes, a lesson is opened the way a user does (File ▸
Open Lesson…, pick it in the gallery, Open), made small in the Dataset panel and the
Training panel, trained with the Train button; then every picture is compared with the
trained model's own numbers: where the boundary image lies and what class it shows at each
test point, each neuron map, the last point of the loss curve, the confusion matrix, the
digit pad's answer, the feature maps of the chosen picture.
"""
from __future__ import annotations

from playground.datasets.mnist import ENV_VAR as MNIST_ENV_VAR
import re

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from playground.insight.boundary import dataset_points
from playground.insight.colors import greys, neuron_pictures
from ui.insight.common import rgba_pixmap
from ui.insight.conv_view import THUMB
from ui.presets_gallery import PresetsGallery

pytestmark = [pytest.mark.gui, pytest.mark.slow]

SCREENS = [(1366, 768), (1920, 1080)]


@pytest.fixture(params=SCREENS, ids=lambda size: f"{size[0]}x{size[1]}")
def sized_window(request, window, qtbot):
    width, height = request.param
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height,
                    timeout=5_000)
    return window


def open_lesson(window, qtbot, name: str) -> None:
    """File ▸ Open Lesson…, choose ``name`` in the gallery, press Open."""
    chosen = []

    def choose() -> None:
        gallery = QApplication.activeModalWidget()
        if not isinstance(gallery, PresetsGallery):  # not shown yet: look again soon
            QTimer.singleShot(20, choose)
            return
        gallery.select(name)
        qtbot.mouseClick(gallery.buttons.button(QDialogButtonBox.StandardButton.Open),
                         Qt.MouseButton.LeftButton)
        chosen.append(name)

    window.document.set_modified(False)  # nothing to save first
    QTimer.singleShot(0, choose)
    action = window.panels.lessons_action
    assert action in window.file_actions.menu.actions()
    action.trigger()  # returns once the gallery is closed
    assert chosen == [name]
    qtbot.waitUntil(lambda: window.document.project.dataset.get("name") is not None, timeout=5_000)


def set_dataset_fields(window, qtbot, **values) -> None:
    """Type values into the Dataset panel's fields; wait for the data to load again."""
    panel = window.panels.dataset
    for field, value in values.items():
        editor = panel.form.editor(field)
        assert editor is not None, f"no {field} field in the Dataset panel"
        editor.setValue(value)
    qtbot.waitUntil(lambda: not panel.is_loading() and panel.dataset is not None
                    and all(panel.choice()["params"].get(k) == v for k, v in values.items()),
                    timeout=60_000)


def train(window, qtbot, epochs: int, batch_size: int | None = None):
    """Set the epochs (and batch size) in the Training panel, press Train, wait until the
    run ended and the views show the trained model. Returns (model, dataset, entry)."""
    training, insight = window.panels.training, window.panels.insight
    training.form.epochs.setValue(epochs)
    if batch_size is not None:
        training.form.batch_size.setValue(batch_size)
    controller = training.controller
    with qtbot.waitSignal(controller.finished, timeout=120_000) as run:
        qtbot.mouseClick(training.train_button, Qt.MouseButton.LeftButton)
    entry = run.args[0]
    assert entry["status"] == "completed" and entry["epochs_done"] == epochs
    model = run.args[1]  # the trained model, handed on with the finished run
    qtbot.waitUntil(lambda: insight.model is model and not insight.is_computing()
                    and not controller.is_running(), timeout=60_000)
    return model, insight.dataset, entry


def predicted_classes(model, x: np.ndarray) -> np.ndarray:
    out = model.predict(x, verbose=0)
    return (out[:, 0] > 0.5).astype(int) if out.shape[-1] == 1 else out.argmax(axis=1)


def shown_confusion(results_view, k: int) -> np.ndarray:
    """The counts written in the confusion matrix's cells (row = true, column = answer)."""
    cells = {}
    for text in results_view._texts:
        cells[(round(text.pos().y()), round(text.pos().x()))] = int(text.text())
    return np.array([[cells[(i, j)] for j in range(k)] for i in range(k)])


def check_confusion_and_curve(window, model, dataset, entry) -> None:
    # curves: the last point of the per-epoch loss is the engine's final loss
    curves = window.panels.training.curves
    curves.flush()
    x, y = curves._curves["loss"].getData()
    assert x[-1] == entry["epochs_done"]
    assert y[-1] == pytest.approx(entry["final"]["loss"], rel=1e-6)
    assert y[-1] == pytest.approx(entry["history"]["loss"][-1], rel=1e-6)
    # confusion matrix: the test split, counted from model.predict
    results = window.panels.insight.results
    k = len(dataset.class_names)
    expected = np.zeros((k, k), int)
    np.add.at(expected, (np.asarray(dataset.y_test).astype(int).ravel(),
                         predicted_classes(model, dataset.x_test)), 1)
    assert results.result.split == "test"
    shown = shown_confusion(results, k)
    assert shown.sum() == len(dataset.x_test)
    np.testing.assert_array_equal(shown, expected)
    np.testing.assert_array_equal(results.result.matrix, expected)


def image_class_at(image_item, points: np.ndarray) -> np.ndarray:
    """The class the boundary picture shows under each data point (x, y): the pixel the
    image item places there, read back as orange (0) or blue (1)."""
    picture = image_item.image
    classes = np.full(len(points), -1)
    for n, (px, py) in enumerate(points):
        local = image_item.mapFromParent(QPointF(float(px), float(py)))
        col, row = int(np.floor(local.x())), int(np.floor(local.y()))
        if 0 <= row < picture.shape[0] and 0 <= col < picture.shape[1]:
            r, _g, b = (int(v) for v in picture[row, col, :3])
            classes[n] = int(b > r)  # blue side: class 1; orange side: class 0
    return classes


@pytest.mark.parametrize("lesson", ["xor"])
def test_two_d_lesson_views_show_what_the_model_computes(sized_window, qtbot, lesson):
    window = sized_window
    open_lesson(window, qtbot, lesson)
    set_dataset_fields(window, qtbot, samples=300)
    model, dataset, entry = train(window, qtbot, epochs=12)
    insight = window.panels.insight
    assert insight.tabs.currentWidget() is insight.boundary
    view = insight.boundary
    result = view.result
    # the picture covers the grid's extent, in the plot's data coordinates
    x0, x1, y0, y1 = result.grid.extent
    placed = view.image.mapRectToParent(view.image.boundingRect())
    assert placed.left() == pytest.approx(x0, abs=1e-6)
    assert placed.right() == pytest.approx(x1, abs=1e-6)
    assert placed.top() == pytest.approx(y0, abs=1e-6)
    assert placed.bottom() == pytest.approx(y1, abs=1e-6)
    points = dataset_points(dataset)
    assert (points[:, 0] >= x0).all() and (points[:, 0] <= x1).all()
    assert (points[:, 1] >= y0).all() and (points[:, 1] <= y1).all()
    # ... and what it shows under each test point is the model's answer there
    truth = predicted_classes(model, dataset.x_test)
    assert len(set(truth)) == 2, "the trained model should answer both classes"
    for discrete in (False, True):
        view.discretize.setChecked(discrete)
        shown = image_class_at(view.image, dataset.x_test)
        agree = float(np.mean(shown == truth))
        assert agree >= 0.99, f"boundary (discretized={discrete}) agrees on {agree:.1%}"
    # neuron maps: each is that unit's activation over the view's grid
    import keras

    maps = insight.network.maps
    grid = maps.grid
    assert len(maps.layers) == 2  # the hidden layer and the output
    sub = keras.Model(model.inputs, [model.get_layer(layer.layer_name).output
                                     for layer in maps.layers])
    outputs = sub.predict(grid.points, verbose=0)
    for layer, out in zip(maps.layers, outputs):
        expected = out.T.reshape(-1, len(grid.ys), len(grid.xs))
        np.testing.assert_allclose(layer.maps, expected, rtol=1e-4, atol=1e-5)
        pictures = neuron_pictures(expected)
        for unit in range(layer.units_total):
            shown_rgba = insight.network.neuron_items[(layer.layer_name, unit)].rgba
            assert np.abs(shown_rgba.astype(int) - pictures[unit]).max() <= 1
    check_confusion_and_curve(window, model, dataset, entry)


def test_mnist_lesson_views_show_what_the_model_computes(sized_window, qtbot, mnist_dir,
                                                         monkeypatch):
    monkeypatch.setenv(MNIST_ENV_VAR, str(mnist_dir))
    window = sized_window
    open_lesson(window, qtbot, "mnist_cnn")
    set_dataset_fields(window, qtbot, subset=300, test_subset=60)
    model, dataset, entry = train(window, qtbot, epochs=1, batch_size=64)
    insight = window.panels.insight
    assert len(dataset.x_test) == 60
    check_confusion_and_curve(window, model, dataset, entry)
    # digit pad: draw a stroke; the answer shown is the argmax of the model's output
    insight.tabs.setCurrentWidget(insight.digits)
    pad = insight.digits.pad_widget
    start = pad.rect().center()
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=start)
    for dy in range(-60, 70, 10):
        qtbot.mouseMove(pad, pos=start + start.__class__(0, dy))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not insight.digits.busy and insight.digits.last is not None,
                    timeout=20_000)
    last = insight.digits.last
    best = int(model.predict(last.model_input, verbose=0)[0].argmax())
    answer = re.match(r"The model says: (.+) \(", insight.digits.answer.text())
    assert answer and answer.group(1) == dataset.class_names[best]
    orange = [i for i, brush in enumerate(insight.digits.bars.opts["brushes"])
              if brush.color().getRgb()[:3] == (245, 147, 34)]
    assert orange == [best]  # the highlighted bar
    # conv feature maps: pick a picture; its maps are each conv layer's output for it
    import keras

    conv = insight.conv
    insight.tabs.setCurrentWidget(conv)
    conv.sample_box.setValue(7)
    qtbot.waitUntil(lambda: conv.snapshot is not None and conv.snapshot.sample_index == 7
                    and not conv.busy, timeout=20_000)
    snapshot = conv.snapshot
    layers = [model.get_layer(m.layer_name) for m in snapshot.feature_maps]
    assert len(layers) == 2
    outs = keras.Model(model.inputs, [layer.output for layer in layers]).predict(
        dataset.x_test[7:8], verbose=0)
    labels = iter(conv._labels[1:])
    for maps, out in zip(snapshot.feature_maps, outs):
        channels = out[0].transpose(2, 0, 1)
        np.testing.assert_allclose(maps.maps, channels[:len(maps.maps)], rtol=1e-4, atol=1e-5)
        next(labels)  # the filters' grid comes before the maps' grid
        shown = next(labels)
        assert len(shown) == len(maps.maps)
        pictures = snapshot.map_rgba[maps.layer_name]
        for label, channel, picture in zip(shown, channels, pictures):
            assert np.abs(picture.astype(int) - greys(channel)).max() <= 1
            assert label.pixmap().toImage() == rgba_pixmap(picture, THUMB).toImage()
