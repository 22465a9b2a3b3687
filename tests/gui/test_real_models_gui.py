"""Nested models, shared layers and operations on the canvas: a nested model opens in its
own window and closes back as one undo step, freezes in one click; a shared layer's
second call leads to its owner; an operation shows its call."""
from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QPushButton

from playground.files.project import Project
from playground.network.keras_build import build_model
from playground.network.keras_import import graph_from_model
from ui.canvas.group_dialog import GroupDialog


def _model():
    import keras

    block = keras.Sequential([keras.Input((4,)), keras.layers.Dense(6, name="inner")],
                             name="block")
    a, b = keras.Input((4,), name="a"), keras.Input((4,), name="b")
    shared = keras.layers.Dense(4, name="shared")
    x = block(shared(a), training=False) + 1.0
    y = block(shared(b), training=False)
    return keras.Model([a, b], keras.layers.Concatenate(name="cat")([x, y]), name="gui_model")


def _load(window):
    graph, weights = graph_from_model(_model())
    window.document.replace_project(Project(graph=graph, weights=weights))
    return window.document.graph


def _buttons(widget):
    return {b.text(): b for b in widget.findChildren(QPushButton) if not b.isHidden()}


def test_group_freezes_in_one_click_and_opens_to_edit_its_inside(tf_window, qtbot):
    graph = _load(tf_window)
    group = next(n for n in graph if n.layer_type == "Sequential" and not n.shares)
    tf_window.scene.select_nodes([group.id])
    inspector = tf_window.panels.inspector
    assert "Open inside…" in _buttons(inspector)
    inspector.trainable.setChecked(False)  # one click freezes the block and its layers
    assert not group.trainable and group.params["layers"][1]["config"]["trainable"] is False
    tf_window.document.undo_stack.undo()
    assert group.trainable and group.params["layers"][1]["config"]["trainable"] is True

    tf_window.scene.nodeOpenRequested.emit(group.id)  # what a double-click does
    dialog = tf_window.findChild(GroupDialog)
    assert dialog is not None and dialog.isVisible()
    inner_dense = next(n for n in dialog.inner if n.name == "inner")
    dialog.scene.select_nodes([inner_dense.id])
    text = dialog.config.toPlainText().replace('"units": 6', '"units": 3')
    dialog.config.setPlainText(text)
    assert dialog.apply_config()
    dialog.inner_weights.pop(inner_dense.id)  # the layer changed size: fresh weights
    dialog.accept()
    assert group.params["layers"][1]["config"]["units"] == 3
    model = build_model(graph, tf_window.document.project.weights)
    assert tuple(model.output.shape) == (None, 6)  # both calls of the block changed
    tf_window.document.undo_stack.undo()
    assert group.params["layers"][1]["config"]["units"] == 6


def test_shared_call_leads_to_its_owner_and_operation_shows_its_call(tf_window, qtbot):
    graph = _load(tf_window)
    twin = next(n for n in graph if n.shares and n.layer_type == "Dense")
    tf_window.scene.select_nodes([twin.id])
    inspector = tf_window.panels.inspector
    assert not inspector.editors  # no form of its own: it is edited through its owner
    _buttons(inspector)["Select shared"].click()
    assert inspector.node_id == twin.shares
    op = next(n for n in graph if n.layer_type == "ops.numpy.Add")
    tf_window.scene.select_nodes([op.id])
    labels = " ".join(w.text() for w in inspector.findChildren(type(inspector.shape_label)))
    assert "add(x, 1.0)" in labels
    weights = tf_window.document.project.weights
    sample = [np.ones((1, 4), "float32")] * 2
    # A copy of the graph (what copy/paste and training snapshots use) keeps sharing.
    np.testing.assert_array_equal(np.asarray(build_model(graph, weights)(sample)),
                                  np.asarray(build_model(graph.copy(), weights)(sample)))


def test_a_pretrained_base_dropped_from_the_palette_arrives_frozen(window):
    from PySide6.QtCore import QPointF

    palette = window.panels.palette
    item = next(i for i in palette.layer_items() if i.text(0) == "MobileNetV2")
    assert item.parent().text(0) == "Pretrained"
    node_id = window.edit_actions.add_layer_at("pretrained.MobileNetV2", QPointF(0, 0))
    node = window.document.graph.node(node_id)
    assert not node.trainable and node.params["weights"] == "none"
    window.document.undo_stack.undo()
    assert node_id not in window.document.graph


def test_a_layer_called_again_shares_its_weights(window):
    from PySide6.QtWidgets import QMenu

    from tests.gui.conftest import mlp
    from ui.shared_actions import AddSharedCall, add_shared_call_action

    graph = window.document.graph
    ids = mlp(graph)
    menu = QMenu()
    add_shared_call_action(menu, graph, graph.node(ids[0]), window.edit_actions.edits.run)
    assert not menu.actions()  # an Input has no layer to share
    add_shared_call_action(menu, graph, graph.node(ids[1]), window.edit_actions.edits.run)
    menu.actions()[0].trigger()
    twin = next(n for n in graph if n.shares)
    assert twin.shares == ids[1] and twin.layer_type == "Dense"
    window.document.undo_stack.undo()
    assert not any(n.shares for n in graph)
    window.document.undo_stack.redo()
    assert graph.node(twin.id).shares == ids[1]
    assert AddSharedCall(graph, twin.id).owner_id == ids[1]  # a call of a call: the layer


def test_a_shared_layer_and_its_call_are_linked_on_the_canvas(window):
    from tests.gui.conftest import mlp
    from ui.shared_actions import AddSharedCall
    from ui import commands

    graph = window.document.graph
    ids = mlp(graph)
    links = window.scene.share_links.items
    assert not links
    cmd = commands.execute(window.document.undo_stack, AddSharedCall(graph, ids[1]))
    assert list(links) == [cmd.node_id]
    before = links[cmd.node_id].path().boundingRect()
    graph.move_node(cmd.node_id, (900.0, 600.0))
    window.scene.node_items[cmd.node_id].setPos(900.0, 600.0)
    assert links[cmd.node_id].path().boundingRect() != before  # the link follows the box
    window.document.undo_stack.undo()
    assert not links


def test_closing_a_nested_model_window_is_one_undo_step_for_its_config_and_weights(
        tf_window, qtbot):
    graph = _load(tf_window)
    document = tf_window.document
    group = next(n for n in graph if n.layer_type == "Sequential" and not n.shares)
    saved_weights = document.project.weights
    sample = [np.ones((1, 4), "float32")] * 2
    before = np.asarray(build_model(graph, saved_weights)(sample))
    steps = document.undo_stack.count()

    tf_window.scene.nodeOpenRequested.emit(group.id)
    dialog = tf_window.findChild(GroupDialog)
    inner_dense = next(n for n in dialog.inner if n.name == "inner")
    dialog.scene.select_nodes([inner_dense.id])
    dialog.config.setPlainText(dialog.config.toPlainText().replace('"units": 6', '"units": 3'))
    assert dialog.apply_config()
    dialog.inner_weights.pop(inner_dense.id)  # the layer changed size: fresh weights
    dialog.accept()
    new_arrays = document.project.weights[group.id]
    assert [a.shape for a in new_arrays] == [(4, 3), (3,)]   # the block's new weights
    assert document.undo_stack.count() == steps + 1 and document.modified
    assert document.undo_stack.undoText() == f"Edit inside {group.display_name()}"

    document.undo_stack.undo()                # one step takes back the config AND weights
    assert group.params["layers"][1]["config"]["units"] == 6
    assert document.project.weights is saved_weights
    np.testing.assert_array_equal(np.asarray(build_model(graph, document.project.weights)(
        sample)), before)                     # the model computes what it did before
    assert not document.modified              # nothing differs from what was opened
    document.undo_stack.redo()
    assert document.project.weights[group.id] is new_arrays
    assert group.params["layers"][1]["config"]["units"] == 3
    # A run since (its weights replace all of them): undo takes back only this node's.
    trained = {k: [a + 1.0 for a in v] for k, v in document.project.weights.items()}
    document.session.set_weights(trained)
    document.undo_stack.undo()
    assert document.project.weights[group.id] is saved_weights[group.id]
    others = [k for k in trained if k != group.id]
    assert others and all(document.project.weights[k] is trained[k] for k in others)
