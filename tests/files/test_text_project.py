"""A project keeps a lookup layer's learned vocabulary (text, in weights.npz) across save
and open, and the reopened project predicts the same."""
from __future__ import annotations

import numpy as np

from playground.files.project import Project, load_project, save_project
from playground.network.graph import Graph
from playground.network.keras_build import build_model, model_weights_by_node
from playground.network.vocabulary import adapt_unadapted


def test_vocabulary_survives_save_and_open(tmp_path) -> None:
    import tensorflow as tf

    graph = Graph("words")
    source = graph.add_node("Input", {"batch_shape": [None, 1], "dtype": "string"})
    lookup = graph.add_node("StringLookup", {"output_mode": "one_hot"})
    graph.connect(source.id, lookup.id)
    model = build_model(graph)
    adapt_unadapted(model, np.array([["red"], ["green"], ["red"], ["blue"]]))
    weights = model_weights_by_node(graph, model)
    path = save_project(Project(graph=graph, weights=weights), tmp_path / "words.kpg")
    reopened = load_project(path)
    assert reopened.weights[lookup.id][0].dtype.kind == "U"
    assert sorted(reopened.weights[lookup.id][0].tolist()) == ["blue", "green", "red"]
    again = build_model(reopened.graph, reopened.weights)
    probe = tf.constant([["green"], ["purple"], ["red"]])
    np.testing.assert_array_equal(np.asarray(again(probe)), np.asarray(model(probe)))
