"""The embedding map (issue 27): the places drawn are the PCA of the Embedding's own rows
(computed independently with numpy's eigen-decomposition), neighbours by cosine."""
from __future__ import annotations

import numpy as np
import pytest

from playground.insight._model import InsightError
from playground.insight.embedding_map import embedding_map, nearest_words
from playground.kerasenv import keras

WORDS = ["猫", "狗", "吃", "鱼", "the", "cat", "sat", "on", "mat", "dog"]


def text_model(words=WORDS, dims=6):
    k = keras()
    text = k.Input((1,), dtype="string")
    vectorize = k.layers.TextVectorization(output_sequence_length=5)
    vectorize.set_vocabulary(words)
    x = k.layers.Embedding(len(words) + 2, dims, name="emb")(vectorize(text))
    model = k.Model(text, k.layers.Dense(1)(k.layers.GlobalAveragePooling1D()(x)))
    rng = np.random.default_rng(5)
    model.get_layer("emb").embeddings.assign(rng.normal(size=(len(words) + 2, dims)))
    return model


def test_pca_coordinates_equal_numpys():
    model = text_model()
    found = embedding_map(model)
    assert found.words == WORDS and not found.note  # padding and [UNK] are not words
    rows = np.asarray(model.get_layer("emb").embeddings)[2:].astype(np.float64)
    centered = rows - rows.mean(axis=0)
    values, vectors = np.linalg.eigh(np.cov(centered, rowvar=False))
    top = vectors[:, np.argsort(values)[::-1][:2]]
    expected = centered @ top
    for axis in range(2):  # a component's sign is a convention: compare up to it
        sign = np.sign(expected[:, axis] @ found.coordinates[:, axis])
        np.testing.assert_allclose(found.coordinates[:, axis], sign * expected[:, axis],
                                   atol=1e-9)
    share = np.sort(values)[::-1] / values.sum()
    np.testing.assert_allclose(found.explained, share[:2], rtol=1e-9)


def test_nearest_neighbours_by_cosine_similarity():
    found = embedding_map(text_model())
    neighbours = nearest_words(found, "猫", count=3)
    v = found.vectors
    cos = v @ v[0] / (np.linalg.norm(v, axis=1) * np.linalg.norm(v[0]))
    order = [i for i in np.argsort(-cos) if i != 0][:3]
    assert [w for w, _s in neighbours] == [WORDS[i] for i in order]
    np.testing.assert_allclose([s for _w, s in neighbours], cos[order], rtol=1e-9)
    with pytest.raises(InsightError, match="not in"):
        nearest_words(found, "unicorn")


def test_a_large_vocabulary_keeps_the_most_frequent_words_and_says_so():
    words = [f"w{i}" for i in range(50)]
    found = embedding_map(text_model(words), max_words=20)
    assert found.words == words[:20] and found.coordinates.shape == (20, 2)
    assert "50" in found.note and "20" in found.note


def test_a_model_without_vocabulary_says_what_to_add():
    k = keras()
    a = k.Input((4,), dtype="int32")
    with pytest.raises(InsightError, match="TextVectorization"):
        embedding_map(k.Model(a, k.layers.Embedding(5, 2)(a)))
