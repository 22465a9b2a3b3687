"""Issue 23: Train on an unfinished or unfitting model says what is missing in plain words
and offers the one-click fix (one undo step), without marking the project changed."""
from __future__ import annotations

import pytest

from playground.session import new_project
from tests.gui.test_training_panel import FakeWindow
from tests.training.helpers import xor_project
from ui.document import Document
from ui.training.panel import TrainingPanel

pytestmark = pytest.mark.gui


def _panel(qtbot, project):
    window = FakeWindow()
    widget = TrainingPanel(Document(project), window, window.tfLoaded, window.closing)
    qtbot.addWidget(widget)
    widget._fake_window = window
    return widget


def test_train_on_a_new_project_names_what_is_missing_and_adds_the_output(qtbot):
    project = new_project()
    project.dataset = {"name": "spiral", "params": {"samples": 60, "classes": 3}}
    panel = _panel(qtbot, project)
    graph, stack = panel.document.graph, panel.document.undo_stack
    panel.train_button.click()
    assert panel.status.text() == ("The model is not finished: connect a layer after Input "
                                   "and end with an output layer.")
    assert not panel.controller.is_running()
    assert not panel.document.modified            # a refused Train changes nothing
    assert project.training == new_project().training
    assert not panel.fix_button.isHidden()
    panel.fix_button.click()
    (output,) = graph.output_nodes()
    assert (output.layer_type, output.params["units"], output.params["activation"]) == \
        ("Dense", 3, "softmax")                    # one score per class of the 3 spirals
    assert graph.predecessors(output.id) == [graph.input_nodes()[0].id]
    assert stack.count() == 1 and panel.fix_button.isHidden()
    stack.undo()
    assert len(graph) == 1 and graph.output_nodes() == []


def test_fix_it_matches_input_and_output_to_the_dataset_in_one_step(qtbot):
    project = xor_project(epochs=2)
    project.dataset = {"name": "celsius", "params": {"samples": 40}}
    panel = _panel(qtbot, project)
    with qtbot.waitSignal(panel.controller.failed, timeout=60000):
        panel.start_training()
    qtbot.waitUntil(lambda: not panel.controller.is_running(), timeout=10000)
    assert "Input layer" in panel.status.text()
    assert not panel.fix_button.isHidden()
    graph = panel.document.graph
    before = {n.id: dict(n.params) for n in graph.nodes}
    panel.fix_button.click()
    (source,), (output,) = graph.input_nodes(), graph.output_nodes()
    assert source.params["batch_shape"] == [None, 1]
    assert (output.params["units"], output.params["activation"]) == (1, "linear")
    assert panel.document.undo_stack.count() == 1
    with qtbot.waitSignal(panel.controller.finished, timeout=60000):
        panel.start_training()                    # Keras accepts the fixed model
    assert panel.status.text().startswith("Finished 2 epochs")
    panel.document.undo_stack.undo()
    assert {n.id: dict(n.params) for n in graph.nodes} == before
    panel._fake_window.closing.emit()


def test_training_menu_trains_pauses_stops_and_resets_like_the_buttons(window):
    from PySide6.QtGui import QAction

    actions = {name: window.findChild(QAction, f"training_{name}_action")
               for name in ("train", "pause", "stop", "reset")}
    assert [actions[n].isEnabled() for n in actions] == [True, False, False, True]
    training = window.panels.training
    actions["train"].trigger()              # F5 on a new project: the plain-words refusal
    assert training.status.text().startswith("The model is not finished")
    assert not window.document.modified


def test_a_new_project_clears_the_previous_ones_error_counters_and_curves(qtbot):
    panel = _panel(qtbot, xor_project(epochs=2))
    with qtbot.waitSignal(panel.controller.finished, timeout=60000):
        panel.start_training()
    assert len(panel.curves.series()["loss"]) == 2
    panel.document.replace_project(new_project())
    panel.start_training()                         # refused: red error and a fix offered
    assert panel.status.styleSheet() and not panel.fix_button.isHidden()
    messages = panel._fake_window.messages
    panel.document.replace_project(xor_project(epochs=2))
    assert panel.status.text() == "Ready. Press Train to start."
    assert panel.status.styleSheet() == "" and panel.fix_button.isHidden()
    assert messages[-1] == ""                      # the status bar's error is gone too
    assert all(len(series) == 0 for series in panel.curves.series().values())
    assert panel.run_bar.value() == 0 and "Epoch 0 of 0" in panel.counters.text()
    panel._fake_window.closing.emit()


def test_inspector_match_the_dataset_sets_input_and_output_as_one_step(window, qtbot):
    from tests.gui.conftest import mlp

    graph = window.document.graph
    graph.clear()
    ids = mlp(graph)                       # Input(2) → Dense(8) → Dense(1, sigmoid)
    graph.set_params(ids[0], {"batch_shape": [None, 3]})
    with qtbot.waitSignal(window.panels.dataset.datasetLoaded, timeout=10_000):
        window.panels.dataset.set_choice("spiral", {"samples": 60, "classes": 3})
    window.scene.select_nodes([ids[1]])    # a hidden layer: nothing to match there
    assert window.panels.inspector.match_button.isHidden()
    window.scene.select_nodes([ids[2]])
    button = window.panels.inspector.match_button
    assert not button.isHidden() and button.text() == "Match the dataset"
    stack = window.document.undo_stack
    count = stack.count()
    button.click()
    assert graph.node(ids[0]).params["batch_shape"] == [None, 2]
    assert (graph.node(ids[2]).params["units"], graph.node(ids[2]).params["activation"]) \
        == (3, "softmax")
    assert stack.count() == count + 1
    assert window.panels.inspector.match_button.isHidden()   # it fits now
    stack.undo()
    assert graph.node(ids[0]).params["batch_shape"] == [None, 3]
    assert graph.node(ids[2]).params["units"] == 1
