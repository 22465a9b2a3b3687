"""Import then export is lossless: same Keras config, bit-identical weights."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from playground import Graph
from playground.network import catalog
from playground.network.keras_build import build_model
from playground.network.keras_import import graph_from_model, import_keras_file
from playground.kerasenv import keras
from tests.helpers import normalized

# Input shape (per example) each catalog layer type is tested on.
SEQ, IMG, FLAT = [10, 4], [8, 8, 3], [8]
INPUT_FOR = {
    "Flatten": [4, 4, 2], "Reshape": [784], "Embedding": [5], "TextVectorization": [1],
    **{t: SEQ for t in ("Conv1D", "MaxPooling1D", "AveragePooling1D", "GlobalAveragePooling1D",
                        "SimpleRNN", "LSTM", "GRU", "Bidirectional", "LayerNormalization")},
    **{t: IMG for t in ("Conv2D", "Conv2DTranspose", "SeparableConv2D", "DepthwiseConv2D",
                        "MaxPooling2D", "AveragePooling2D", "GlobalAveragePooling2D",
                        "GlobalMaxPooling2D", "UpSampling2D", "ZeroPadding2D", "Cropping2D",
                        "BatchNormalization", "SpatialDropout2D", "RandomFlip",
                        "RandomRotation")},
}
TWO_INPUTS = {"MultiHeadAttention": ([5, 6], [7, 6])}


# Text and categorical layers take one string (or whole-number code) per example.
TEXT_INPUT_DTYPES = {"TextVectorization": "string", "StringLookup": "string",
                     "Hashing": "string", "IntegerLookup": "int64"}

VOCABULARY_FOR = {"TextVectorization": {"vocabulary": ["cat", "dog"]},
                  "StringLookup": {"vocabulary": ["red", "green"]},
                  "IntegerLookup": {"vocabulary": [3, 7]}}


def graph_with(layer_type: str) -> Graph:
    spec = catalog.get(layer_type)
    g = Graph(f"roundtrip_{layer_type.lower()}")
    if spec.is_input:
        i = g.add_node("Input", {"batch_shape": [None, 3]})
        d = g.add_node("Dense", {"units": 2})
        g.connect(i.id, d.id)
        return g
    if layer_type in TWO_INPUTS or spec.min_inputs >= 2:
        shapes = TWO_INPUTS.get(layer_type, (FLAT, FLAT))
        inputs = [g.add_node("Input", {"batch_shape": [None, *s]}) for s in shapes]
        node = g.add_node(layer_type)
        # Two Dense layers in front so the merge has weights around it to carry.
        for port, inp in enumerate(inputs):
            g.connect(inp.id, node.id, port=port)
        out = g.add_node("Dense", {"units": 3})
        g.connect(node.id, out.id)
        return g
    shape = INPUT_FOR.get(layer_type, FLAT)
    dtype = TEXT_INPUT_DTYPES.get(layer_type, "int32" if layer_type == "Embedding"
                                  else "float32")
    i = g.add_node("Input", {"batch_shape": [None, *shape], "dtype": dtype})
    # A lookup layer needs a vocabulary to be saved (Keras cannot reload an empty one).
    node = g.add_node(layer_type, VOCABULARY_FOR.get(layer_type))
    g.connect(i.id, node.id)
    return g


def assert_same_model(a, b) -> None:
    assert normalized(a.get_config()) == normalized(b.get_config())
    wa, wb = a.get_weights(), b.get_weights()
    assert len(wa) == len(wb)
    for x, y in zip(wa, wb):
        assert x.dtype == y.dtype and x.shape == y.shape
        assert np.array_equal(x, y), "weights differ after the round trip"


@pytest.mark.parametrize("layer_type", [s.type_name for s in catalog.all_specs()])
def test_every_catalog_entry_round_trips_through_a_keras_file(layer_type, tmp_path: Path):
    original = build_model(graph_with(layer_type))
    rng = np.random.default_rng(0)
    original.set_weights([rng.normal(size=w.shape).astype(w.dtype)
                          for w in original.get_weights()])  # not just initial values
    path = tmp_path / "model.keras"
    original.save(path)
    graph, weights = import_keras_file(path)
    rebuilt = build_model(graph, weights)
    assert_same_model(original, rebuilt)
    assert any(n.layer_type == layer_type for n in graph)


def test_mobilenetv2_round_trip(tmp_path: Path):
    k = keras()
    original = k.applications.MobileNetV2(weights=None, input_shape=(96, 96, 3))
    path = tmp_path / "mobilenet.keras"
    original.save(path)
    graph, weights = import_keras_file(path)
    assert len(graph) == len(original.layers) == 156
    assert len(graph.edges) == 165
    assert_same_model(original, build_model(graph, weights))
    assert all(n.trainable for n in graph)  # a fresh model has nothing frozen


def test_multi_input_multi_output_round_trip_keeps_order_and_trainable_flags():
    k = keras()
    a, b = k.Input((8,), name="a"), k.Input((4,), name="b")
    x = k.layers.Dense(5, name="da")(a)
    y = k.layers.Dense(5, name="db")(b)
    s = k.layers.Add(name="add")([x, y])
    c = k.layers.Concatenate(name="cat")([x, y, s])
    o1 = k.layers.Dense(1, activation="sigmoid", name="o1")(c)
    o2 = k.layers.Dense(3, name="o2")(s)
    model = k.Model([b, a], [o2, o1], name="two_by_two")  # orders differ from creation
    model.get_layer("da").trainable = False
    graph, weights = graph_from_model(model)
    assert not next(n for n in graph if n.name == "da").trainable
    rebuilt = build_model(graph, weights)
    assert_same_model(model, rebuilt)
    assert [t.name for t in rebuilt.inputs] == [t.name for t in model.inputs]


def test_self_attention_same_tensor_on_two_ports_round_trips():
    k = keras()
    x = k.Input((6, 8))
    att = k.layers.MultiHeadAttention(2, 4, name="mha")(x, x)
    model = k.Model(x, att)
    graph, weights = graph_from_model(model)
    assert_same_model(model, build_model(graph, weights))


def test_sequential_model_imports_as_a_chain():
    k = keras()
    seq = k.Sequential([k.Input((3,)), k.layers.Dense(4, name="h"), k.layers.Dense(1)])
    graph, weights = graph_from_model(seq)
    assert [n.layer_type for n in graph.topological_order()] == ["Input", "Dense", "Dense"]
    rebuilt = build_model(graph, weights)
    x = np.ones((2, 3), "float32")
    assert np.array_equal(seq.predict(x, verbose=0), rebuilt.predict(x, verbose=0))


def test_generic_layer_outside_the_catalog_keeps_its_config():
    k = keras()
    i = k.Input((6,))
    m = k.layers.Maximum(name="maxi")([k.layers.Dense(3)(i), k.layers.Dense(3)(i)])
    out = k.layers.LeakyReLU(negative_slope=0.25, name="leaky")(m)
    model = k.Model(i, out)
    graph, weights = graph_from_model(model)
    leaky = next(n for n in graph if n.name == "leaky")
    assert leaky.spec.is_generic and leaky.params["negative_slope"] == 0.25
    assert_same_model(model, build_model(graph, weights))


def test_imported_graph_is_laid_out_in_readable_rows():
    k = keras()
    model = k.applications.MobileNetV2(weights=None, input_shape=(64, 64, 3))
    graph, _ = graph_from_model(model)
    positions = {n.id: n.position for n in graph}
    assert len(set(positions.values())) == len(graph)  # no two nodes on top of each other
    for e in graph.edges:  # data flows downwards
        assert positions[e.target][1] > positions[e.source][1]
    # A residual (skip) connection never runs straight through the nodes it bypasses.
    for e in graph.edges:
        (x1, y1), (x2, y2) = positions[e.source], positions[e.target]
        if x1 == x2:
            between = [n for n, (x, y) in positions.items() if x == x1 and y1 < y < y2]
            assert not between, f"edge {e} runs over {between}"


def test_imported_keras_forms_survive_copy_and_reopen(tmp_path):
    """Keras's own Reshape(-1, ...) and an Input with a fixed batch size import into a graph
    that copies, saves and reopens unchanged (both were refused or changed on reopen)."""
    from playground.files.project import Project, load_project, save_project

    k = keras()
    inputs = k.Input((16,), batch_size=32)
    model = k.Model(inputs, k.layers.Reshape((-1, 8))(inputs))
    model.save(tmp_path / "m.keras")
    graph, _weights = import_keras_file(tmp_path / "m.keras")
    inp, reshape = graph.nodes
    assert inp.params["batch_shape"] == [None, 16]
    assert reshape.params["target_shape"] == [-1, 8]
    again = load_project(save_project(Project(graph=graph.copy()), tmp_path / "p.kpg")).graph
    assert [n.params for n in again.nodes] == [n.params for n in graph.nodes]
    rebuilt = build_model(again)
    assert tuple(rebuilt.output.shape) == (None, 2, 8)
