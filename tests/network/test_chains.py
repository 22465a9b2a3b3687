"""Chains of layers built in one call."""
from __future__ import annotations

import pytest

from playground.network.chains import add_chain, chain_graph
from playground.errors import UnknownLayerTypeError
from playground.network.graph import Graph


def test_chain_connects_each_layer_into_the_next_in_order():
    graph = chain_graph([("Input", {"batch_shape": [None, 4]}), "Flatten",
                         ("Dense", {"units": 3})], name="small", spacing=100)
    nodes = graph.nodes
    assert graph.name == "small"
    assert [n.layer_type for n in nodes] == ["Input", "Flatten", "Dense"]
    assert [(e.source, e.target) for e in graph.edges] == [(nodes[0].id, nodes[1].id),
                                                           (nodes[1].id, nodes[2].id)]
    assert [n.position for n in nodes] == [(0.0, 0.0), (0.0, 100.0), (0.0, 200.0)]
    assert nodes[2].params["units"] == 3


def test_chain_marks_frozen_layers_and_raises_the_graphs_errors():
    graph = Graph()
    nodes = add_chain(graph, [("Input", {"batch_shape": [None, 2]}), ("Dense", {"units": 2}),
                              ("Dense", {"units": 1})], frozen=[1])
    assert [n.trainable for n in nodes] == [True, False, True]
    with pytest.raises(UnknownLayerTypeError):
        add_chain(graph, ["NoSuchLayer"])
