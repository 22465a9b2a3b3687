"""String Inputs and the text/categorical catalog layers: shape checks, and the round trip
.keras -> graph -> .keras keeping each learned vocabulary (same predictions)."""
from __future__ import annotations

import numpy as np
import pytest

from playground.network import catalog
from playground.network.graph import Graph
from playground.network.keras_build import build_model, model_weights_by_node
from playground.network.keras_import import import_keras_file
from playground.network.shapes import infer_shapes
from playground.network.vocabulary import adapt_unadapted, needs_adapt

SENTENCES = np.array([["the cat sat on the mat"], ["a dog ran home"], ["the dog sat"],
                      ["cats and dogs"]])


def chain(*layers: tuple[str, dict]) -> Graph:
    graph = Graph("text")
    previous = None
    for layer_type, params in layers:
        node = graph.add_node(layer_type, params)
        if previous is not None:
            graph.connect(previous.id, node.id)
        previous = node
    return graph


def text_graph() -> Graph:
    return chain(("Input", {"batch_shape": [None, 1], "dtype": "string"}),
                 ("TextVectorization", {"max_tokens": 50, "output_sequence_length": 6}),
                 ("Embedding", {"input_dim": 50, "output_dim": 8}),
                 ("GlobalAveragePooling1D", {}),
                 ("Dense", {"units": 3, "activation": "softmax"}))


def test_text_layers_are_in_the_preprocessing_palette_with_help() -> None:
    names = {s.type_name for s in catalog.by_category()["Preprocessing"]}
    assert {"TextVectorization", "StringLookup", "IntegerLookup", "Hashing",
            "CategoryEncoding"} <= names
    for name in ("TextVectorization", "StringLookup", "Hashing"):
        assert all(p.help.endswith(".") for p in catalog.get(name).params)


def test_string_input_model_shape_checks() -> None:
    graph = text_graph()
    report = infer_shapes(graph)
    assert report.ok, report.error_summary()
    shapes = [report.nodes[n.id] for n in graph.topological_order()]
    assert (shapes[0].output_shape, shapes[0].dtype) == ((None, 1), "string")
    assert shapes[1].output_shape == (None, 6) and shapes[1].dtype == "int64"
    assert shapes[-1].output_shape == (None, 3)


@pytest.mark.parametrize("layers, shape", [
    ((("StringLookup", {"output_mode": "one_hot"}),), (None, 2)),  # grows once adapted
    ((("Hashing", {"num_bins": 8}), ("CategoryEncoding", {"num_tokens": 8})), (None, 8)),
])
def test_categorical_layers_build_on_a_string_input(layers, shape) -> None:
    graph = chain(("Input", {"batch_shape": [None, 1], "dtype": "string"}), *layers)
    report = infer_shapes(graph)
    assert report.ok, report.error_summary()
    assert report.nodes[graph.output_nodes()[0].id].output_shape[0] is None
    build_model(graph)


def test_integer_lookup_on_whole_number_codes() -> None:
    graph = chain(("Input", {"batch_shape": [None, 1], "dtype": "int64"}),
                  ("IntegerLookup", {"output_mode": "int"}),
                  ("Embedding", {"input_dim": 10, "output_dim": 2}))
    model = build_model(graph)
    assert adapt_unadapted(model, np.array([[7], [42], [7]])) == [model.layers[1].name]
    assert model.layers[1].get_vocabulary() == [-1, 7, 42]
    assert model_weights_by_node(graph, model)[graph.topological_order()[1].id][0].tolist() \
        == [7, 42]


def test_round_trip_keeps_vocabulary_and_predictions(tmp_path) -> None:
    import keras
    import tensorflow as tf

    from playground.export.keras_file import export_keras
    from playground.files.project import Project

    text = keras.Input(shape=(1,), dtype="string", name="text")
    vectorize = keras.layers.TextVectorization(max_tokens=30, output_sequence_length=5,
                                               name="words")
    vectorize.adapt(SENTENCES)
    x = keras.layers.Embedding(30, 4, name="embed")(vectorize(text))
    x = keras.layers.GlobalAveragePooling1D()(x)
    out = keras.layers.Dense(2, activation="softmax", name="out")(x)
    model = keras.Model(text, out)
    original = tmp_path / "original.keras"
    model.save(original)

    graph, weights = import_keras_file(original)
    assert not infer_shapes(graph).error_summary().startswith("The model")
    words = next(n for n in graph if n.layer_type == "TextVectorization")
    assert weights[words.id][0].tolist() == vectorize.get_vocabulary(
        include_special_tokens=False)
    exported = tmp_path / "exported.keras"
    export_keras(Project(graph=graph, weights=weights), exported)
    again = keras.saving.load_model(exported, safe_mode=True)
    assert again.get_layer("words").get_vocabulary() == vectorize.get_vocabulary()
    # Same structure as the original file (compared loaded from disk on both sides).
    assert again.get_config() == keras.saving.load_model(original).get_config()
    probe = tf.constant([["the cat ran"], ["unknown words here"], ["dogs sat"]])
    np.testing.assert_array_equal(np.asarray(again(probe)), np.asarray(model(probe)))


def test_a_vocabulary_written_in_the_config_stays_in_the_config() -> None:
    graph = chain(("Input", {"batch_shape": [None, 1], "dtype": "string"}),
                  ("StringLookup", {"output_mode": "int", "vocabulary": ["red", "green"]}))
    model = build_model(graph)
    assert not needs_adapt(model.layers[1])
    assert model_weights_by_node(graph, model) == {}  # nothing to repeat as weights


def test_export_without_a_vocabulary_is_refused_clearly(tmp_path) -> None:
    from playground.errors import PlaygroundError
    from playground.export.keras_file import export_keras
    from playground.files.project import Project

    with pytest.raises(PlaygroundError, match="has no vocabulary yet.*Train the model first"):
        export_keras(Project(graph=text_graph()), tmp_path / "untrained.keras")
    assert not (tmp_path / "untrained.keras").exists()
