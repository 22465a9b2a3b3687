"""The canvas marks the connections that carry a padding mask (issue 27): exactly those
the core says carry one, with a tooltip saying what a mask is and how it is passed."""
from __future__ import annotations

import pytest

from playground.kerasenv import keras
from playground.network.keras_import import graph_from_model
from playground.network.masks import mask_edges
from playground.network.shapes import infer_shapes
from tests.network.test_masks import canvas_text_model


def shown_masks(graph):
    from ui.canvas.scene import GraphScene

    scene = GraphScene()
    scene.set_graph(graph)
    scene.set_report(infer_shapes(graph))
    return scene, {edge: item for edge, item in scene.edge_items.items()
                   if item.mask_marker.isVisible()}


@pytest.mark.gui
def test_the_marked_connections_are_those_that_carry_a_mask(qtbot):
    graph = canvas_text_model()
    scene, marked = shown_masks(graph)
    assert set(marked) == set(mask_edges(graph, scene.report)) and len(marked) == 1
    item = next(iter(marked.values()))
    assert "padding mask" in item.mask_marker.toolTip()
    assert "implicitly" in item.mask_marker.toolTip()
    assert "padding mask" in item.toolTip()
    # Turning mask_zero off removes the marker once the shapes are inferred again.
    embedding = next(n for n in graph if n.layer_type == "Embedding")
    graph.set_params(embedding.id, {**embedding.params, "mask_zero": False})
    scene.set_report(infer_shapes(graph))
    assert not any(i.mask_marker.isVisible() for i in scene.edge_items.values())


@pytest.mark.gui
def test_an_explicit_mask_argument_is_marked_with_its_keyword(qtbot):
    k = keras()
    tokens = k.Input((6,), dtype="int32")
    x = k.layers.Embedding(20, 8)(tokens)  # no mask_zero: only the explicit mask
    model = k.Model(tokens, k.layers.LSTM(2)(x, mask=k.ops.not_equal(tokens, 0)))
    graph, _ = graph_from_model(model)
    _scene, marked = shown_masks(graph)
    lstm = next(n.id for n in graph if n.layer_type == "LSTM")
    [(edge, item)] = marked.items()
    assert edge.target == lstm and edge.port == 1
    assert "mask=" in item.mask_marker.toolTip()
