"""Masked sequences (issue 27): models that carry a padding mask -- Embedding(mask_zero),
Masking, RNNs, Bidirectional, MultiHeadAttention, masked pooling -- import, check, export
and reopen exactly (same config, bit-identical weights, same predictions), whether Keras
passed the mask implicitly or the model passed it as an explicit ``mask=`` argument; and a
model drawn on the canvas carries the mask the way Keras does (implicitly)."""
from __future__ import annotations

import numpy as np
import pytest

from playground import Graph
from playground.kerasenv import keras
from playground.network.keras_build import build_model
from playground.network.keras_import import graph_from_model
from playground.network.masks import mask_edges
from playground.network.shapes import infer_shapes
from tests.helpers import chain, normalized
from tests.network.test_real_models import assert_same_model, randomize, round_trip

# Two sentences of word codes, padded with 0 to the same length.
PADDED = np.array([[5, 9, 3, 0, 0, 0], [7, 2, 0, 0, 0, 0]], dtype="int32")


def bilstm_classifier(mask_zero: bool = True):
    """Keras's text classification example: Embedding(mask_zero) + Bidirectional LSTM."""
    k = keras()
    tokens = k.Input((None,), dtype="int32", name="tokens")
    x = k.layers.Embedding(20, 8, mask_zero=mask_zero)(tokens)
    x = k.layers.Bidirectional(k.layers.LSTM(6, return_sequences=True))(x)
    x = k.layers.Bidirectional(k.layers.LSTM(4))(x)
    out = k.layers.Dense(1, activation="sigmoid")(x)
    return k.Model(tokens, out, name="bilstm")


def masking_lstm():
    k = keras()
    steps = k.Input((6, 3), name="steps")
    x = k.layers.Masking(mask_value=0.0)(steps)
    x = k.layers.LSTM(5)(x)
    return k.Model(steps, k.layers.Dense(2, activation="softmax")(x), name="masking_lstm")


def transformer_block(explicit: bool):
    """One Transformer encoder block on padded text; the padding mask either implicit
    (Embedding mask_zero) or explicit (attention_mask= from the token codes)."""
    k = keras()
    tokens = k.Input((6,), dtype="int32", name="tokens")
    x = k.layers.Embedding(20, 8, mask_zero=not explicit)(tokens)
    if explicit:
        keep = k.ops.cast(k.ops.not_equal(tokens, 0), "int32")
        mask = k.ops.expand_dims(keep, 1) * k.ops.expand_dims(keep, 2)
        attended = k.layers.MultiHeadAttention(2, 4)(x, x, attention_mask=mask)
    else:
        attended = k.layers.MultiHeadAttention(2, 4)(x, x)
    x = k.layers.LayerNormalization()(k.layers.Add()([x, attended]))
    ff = k.layers.Dense(8)(k.layers.Dense(16, activation="relu")(x))
    x = k.layers.LayerNormalization()(k.layers.Add()([x, ff]))
    x = k.layers.GlobalAveragePooling1D()(x)
    return k.Model(tokens, k.layers.Dense(3, activation="softmax")(x),
                   name=f"transformer_{'explicit' if explicit else 'implicit'}")


def explicit_mask_lstm():
    """The mask passed by hand: lstm(x, mask=...)."""
    k = keras()
    tokens = k.Input((6,), dtype="int32", name="tokens")
    x = k.layers.Embedding(20, 8)(tokens)
    x = k.layers.LSTM(4)(x, mask=k.ops.not_equal(tokens, 0))
    return k.Model(tokens, k.layers.Dense(1)(x), name="explicit_mask")


@pytest.mark.parametrize("make, sample", [
    (bilstm_classifier, PADDED),
    (masking_lstm, np.concatenate([np.ones((2, 3, 3)), np.zeros((2, 3, 3))], 1)
     .astype("float32")),
    (lambda: transformer_block(explicit=False), PADDED),
    (lambda: transformer_block(explicit=True), PADDED),
    (explicit_mask_lstm, PADDED),
], ids=["bilstm", "masking_lstm", "transformer_implicit", "transformer_explicit",
        "explicit_mask"])
def test_masked_models_round_trip_exactly(make, sample, tmp_path):
    model = make()
    randomize(model)
    graph, _weights = round_trip(model, tmp_path, sample)
    # The mask reaches its layer through a marked connection, named by its keyword.
    marked = mask_edges(graph, infer_shapes(graph))
    assert marked, "no connection is shown as carrying a mask"


def test_the_mask_changes_the_answer_so_the_round_trip_is_not_vacuous():
    """Padding is ignored only because of the mask: the same LSTM without it answers
    differently for the padded sentence."""
    model = bilstm_classifier()
    randomize(model)
    graph, weights = graph_from_model(model)
    rebuilt = build_model(graph, weights)
    short = PADDED[:1, :3]  # the first sentence without its padding
    np.testing.assert_allclose(np.asarray(rebuilt(PADDED[:1])), np.asarray(rebuilt(short)),
                               rtol=1e-5, atol=1e-6)
    unmasked = bilstm_classifier(mask_zero=False)
    unmasked.set_weights(model.get_weights())
    assert not np.allclose(np.asarray(unmasked(PADDED[:1])), np.asarray(unmasked(short)),
                           atol=1e-4)


def canvas_text_model() -> Graph:
    g = Graph("drawn")
    chain(g, ("Input", {"batch_shape": [None, None], "dtype": "int32"}),
          ("Embedding", {"input_dim": 20, "output_dim": 8, "mask_zero": True}),
          ("Bidirectional", {"layer": {"module": "keras.layers", "class_name": "LSTM",
                                       "config": {"units": 4}, "registered_name": None}}),
          ("Dense", {"units": 1, "activation": "sigmoid"}))
    return g


def test_a_model_drawn_on_the_canvas_carries_the_mask_implicitly_and_reimports(tmp_path):
    graph = canvas_text_model()
    report = infer_shapes(graph)
    assert report.ok, report.error_summary()
    model = build_model(graph)
    # Keras passed the Embedding's mask to the LSTM: padding changes nothing.
    np.testing.assert_allclose(np.asarray(model(PADDED[:1])), np.asarray(model(PADDED[:1, :3])),
                               rtol=1e-5, atol=1e-6)
    # The connection Embedding -> Bidirectional is marked as carrying a mask.
    embedding, bidirectional = (n.id for n in graph if n.layer_type in ("Embedding",
                                                                         "Bidirectional"))
    marked = mask_edges(graph, report)
    assert [(e.source, e.target) for e in marked] == [(embedding, bidirectional)]
    # The saved model (where Keras wrote the mask as an explicit not_equal + mask=)
    # imports and exports to the same config and weights.
    randomize(model)
    round_trip(model, tmp_path, PADDED)


def test_a_mask_a_layer_cannot_use_is_a_node_warning_with_keras_message():
    g = Graph("bad_mask")
    chain(g, ("Input", {"batch_shape": [None, 6], "dtype": "int32"}),
          ("Embedding", {"input_dim": 20, "output_dim": 8, "mask_zero": True}),
          ("Flatten", {}))
    report = infer_shapes(g)
    flatten = next(n for n in g if n.layer_type == "Flatten")
    assert report.ok, report.error_summary()  # Keras builds it: it only drops the mask
    warning = report.nodes[flatten.id].warning
    assert warning and "does not support masking" in warning  # Keras's own words
    # A mask passed by keyword to a layer whose call has no mask: Keras's error, in red.
    k = keras()
    tokens = k.Input((6,), dtype="int32")
    x = k.layers.Embedding(20, 8)(tokens)
    graph, _ = graph_from_model(k.Model(tokens, k.layers.LSTM(2)(x, mask=k.ops.not_equal(
        tokens, 0))))
    lstm = next(n for n in graph if n.layer_type == "LSTM")
    lstm.layer_type  # the same call on a Flatten, which takes no mask=
    flat = graph.add_node("Flatten", {})
    graph.connect(next(n.id for n in graph if n.layer_type == "Embedding"), flat.id)
    flat.call_kwargs = {"mask": {"__port__": 1}}
    graph.connect(next(n.id for n in graph if n.layer_type.endswith("NotEqual")), flat.id,
                  port=1)
    error = infer_shapes(graph).nodes[flat.id].error
    assert error and "mask" in error


def test_the_exported_python_program_passes_the_mask():
    from playground.export.python_program import model_code

    model = explicit_mask_lstm()
    randomize(model)
    graph, _ = graph_from_model(model)
    namespace = {"keras": keras(), "layers": keras().layers, "np": np}
    exec("\n".join(model_code(graph)), namespace)
    program = namespace["model"]
    program.set_weights(model.get_weights())
    np.testing.assert_allclose(np.asarray(program(PADDED)), np.asarray(model(PADDED)),
                               rtol=1e-6)
