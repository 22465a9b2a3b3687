"""Shape inference asks Keras and explains failures per node, naming the fix."""
from __future__ import annotations

from playground import Graph
from playground.network.keras_build import build_model
from playground.network.shapes import infer_shapes
from tests.helpers import chain


def cnn() -> tuple[Graph, list[str]]:
    g = Graph()
    ids = chain(g, ("Input", {"batch_shape": [None, 28, 28, 1]}),
                ("Conv2D", {"filters": 8, "kernel_size": [3, 3]}),
                ("MaxPooling2D", {}), ("Flatten", {}),
                ("Dense", {"units": 10, "activation": "softmax"}))
    return g, ids


def test_shapes_and_params_match_keras_model():
    g, ids = cnn()
    report = infer_shapes(g)
    assert report.ok
    model = build_model(g)
    assert report.nodes[ids[1]].output_shape == (None, 26, 26, 8)
    assert report.nodes[ids[3]].output_shape == (None, 13 * 13 * 8)
    assert report.total_params == model.count_params()
    for node_id, layer in zip(ids, model.layers):
        assert report.nodes[node_id].params == layer.count_params()


def test_frozen_layer_counts_as_non_trainable():
    g, ids = cnn()
    g.set_trainable(ids[1], False)
    report = infer_shapes(g)
    assert report.non_trainable_params == 8 * 9 + 8


def test_kernel_larger_than_input_is_explained_and_downstream_waits():
    g, ids = cnn()
    g.set_param(ids[1], "kernel_size", [40, 40])
    report = infer_shapes(g)
    assert not report.ok
    msg = report.nodes[ids[1]].error
    assert "Conv2D" in msg and "larger than its input" in msg and "(None, 28, 28, 1)" in msg
    assert "padding='same'" in msg
    assert "waits for a valid input" in report.nodes[ids[2]].error


def test_conv_on_flat_input_suggests_reshape():
    g = Graph()
    ids = chain(g, ("Input", {"batch_shape": [None, 784]}), ("Conv2D", {}))
    msg = infer_shapes(g).nodes[ids[1]].error
    assert "needs images shaped (height, width, channels)" in msg and "Reshape" in msg


def test_dense_on_images_warns_to_add_flatten():
    g = Graph()
    ids = chain(g, ("Input", {"batch_shape": [None, 28, 28, 1]}),
                ("Conv2D", {}), ("Dense", {"units": 10}))
    report = infer_shapes(g)
    assert report.ok
    warning = report.nodes[ids[2]].warning
    assert "(None, 26, 26, 32)" in warning and "Flatten" in warning


def test_missing_inputs_merge_mismatch_and_reshape_size():
    g = Graph()
    i = g.add_node("Input", {"batch_shape": [None, 6]})
    lone = g.add_node("Dense")
    add = g.add_node("Add")
    a, b = g.add_node("Dense", {"units": 3}), g.add_node("Dense", {"units": 4})
    for d in (a, b):
        g.connect(i.id, d.id)
    g.connect(a.id, add.id)
    report = infer_shapes(g)
    assert "has no input" in report.nodes[lone.id].error
    assert "needs 2 or more inputs but has 1" in report.nodes[add.id].error
    g.connect(b.id, add.id)
    msg = infer_shapes(g).nodes[add.id].error
    assert "(None, 3) and (None, 4)" in msg and "same shape" in msg
    r = g.add_node("Reshape", {"target_shape": [4, 4]})
    g.connect(i.id, r.id)
    assert "multiply to 6" in infer_shapes(g).nodes[r.id].error


def test_graph_without_input_is_reported():
    g = Graph()
    g.add_node("Dense")
    report = infer_shapes(g)
    assert any("no Input layer" in e for e in report.graph_errors)
