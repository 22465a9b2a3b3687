"""Attention heat maps (issue 27): the numbers drawn are Keras's own scores."""
from __future__ import annotations

import numpy as np
import pytest

from playground.insight._model import InsightError
from playground.insight.attention import AttentionMap, Unreadable, attention_maps
from playground.kerasenv import keras


def text_transformer():
    k = keras()
    text = k.Input((1,), dtype="string")
    vectorize = k.layers.TextVectorization(output_sequence_length=6)
    vectorize.set_vocabulary(["the", "cat", "sat", "not", "on", "mat"])
    tokens = vectorize(text)
    x = k.layers.Embedding(8, 8, mask_zero=True)(tokens)
    mha = k.layers.MultiHeadAttention(2, 4, name="mha")
    attended = mha(x, x)
    pooled = k.layers.GlobalAveragePooling1D()(k.layers.Add()([x, attended]))
    model = k.Model(text, k.layers.Dense(2, activation="softmax")(pooled))
    rng = np.random.default_rng(3)
    model.set_weights([rng.normal(size=w.shape).astype(w.dtype)
                       for w in model.get_weights()])
    return model, vectorize, mha


def test_heat_map_rows_sum_to_one_and_equal_keras_scores():
    model, vectorize, mha = text_transformer()
    [found] = attention_maps(model, np.array(["the cat sat"]))
    assert isinstance(found, AttentionMap) and found.layer_name == "mha"
    # The padding (3 of the 6 steps) is left out of the map.
    assert found.query_tokens == found.key_tokens == ["the", "cat", "sat"]
    assert found.scores.shape == (2, 3, 3)
    np.testing.assert_allclose(found.scores.sum(axis=-1), 1.0, rtol=1e-5)
    # The same scores straight from Keras, the padding mask given by hand.
    k = keras()
    ids = np.asarray(vectorize(np.array([["the cat sat"]])))
    x = model.get_layer(index=2)(ids)  # the Embedding
    keep = ids != 0
    _out, expected = mha(x, x, attention_mask=keep[:, None, :] & keep[:, :, None],
                         return_attention_scores=True)
    expected = np.asarray(expected)[0]
    np.testing.assert_allclose(found.scores, expected[:, :3, :3], rtol=1e-5, atol=1e-7)
    # What was left out held nothing: the words give the padding no attention.
    assert np.all(expected[:, :3, 3:] < 1e-6)
    del k


def test_attention_layer_gives_one_head_positions_as_labels():
    k = keras()
    q = k.Input((4, 3))
    v = k.Input((5, 3))
    out = k.layers.Attention(name="att")([q, v])
    model = k.Model([q, v], out)
    rng = np.random.default_rng(1)
    qs, vs = rng.normal(size=(4, 3)), rng.normal(size=(5, 3))
    [found] = attention_maps(model, [qs, vs])
    _o, expected = model.get_layer("att")([qs[None], vs[None]], return_attention_scores=True)
    np.testing.assert_allclose(found.scores[0], np.asarray(expected)[0], rtol=1e-5)
    assert found.query_tokens == ["1", "2", "3", "4"] and len(found.key_tokens) == 5


def test_a_shared_attention_layer_is_unreadable_with_the_reason():
    k = keras()
    a = k.Input((4, 8))
    mha = k.layers.MultiHeadAttention(2, 4, name="shared_mha")
    model = k.Model(a, mha(mha(a, a), a))
    [found] = attention_maps(model, np.zeros((4, 8), "float32"))
    assert isinstance(found, Unreadable) and "2 times" in found.reason


def test_a_model_without_attention_says_so():
    k = keras()
    a = k.Input((3,))
    with pytest.raises(InsightError, match="no attention layer"):
        attention_maps(k.Model(a, k.layers.Dense(1)(a)), np.zeros(3))
