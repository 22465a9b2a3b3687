"""The embedding map: every word of a model's vocabulary placed on a 2-D map by PCA of its
learned vector (the two directions along which the vectors differ most), and a word's
nearest neighbours by cosine similarity.

The words come from the model's own vocabulary layer (TextVectorization or StringLookup),
the vectors from the Embedding it feeds: row ``i`` of the embedding matrix is the vector
of vocabulary entry ``i``. Adapted vocabularies are ordered by frequency, so the first
entries are the most frequent words; a vocabulary too large to draw keeps those (said so).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.i18n import _
from playground.insight._model import InsightError, model_layers, to_numpy

MAX_WORDS = 300  # more labels than this are unreadable on one map
VOCABULARY_TYPES = ("TextVectorization", "StringLookup")
SPECIAL = ("", "[UNK]")  # padding and out-of-vocabulary: not words


@dataclass(frozen=True)
class EmbeddingMap:
    layer_name: str
    words: list[str]
    coordinates: np.ndarray   # (words, 2): each word's place on the map (PCA of its vector)
    vectors: np.ndarray       # (words, dims): the words' vectors, for neighbours
    vocabulary_size: int      # words in the vocabulary (the map may show fewer)
    explained: tuple[float, float]  # share of the vectors' variance along each axis

    @property
    def note(self) -> str:
        """Says when the map leaves words out (empty when it shows all)."""
        if len(self.words) >= self.vocabulary_size:
            return ""
        return _("The vocabulary has {total} words, too many to read on one map: it shows "
                 "the {shown} most frequent.").format(total=self.vocabulary_size,
                                                      shown=len(self.words))


def vocabulary_embedding(model: Any) -> tuple[Any, Any]:
    """(vocabulary layer, the Embedding it feeds) of ``model``; raises InsightError."""
    layers = model_layers(model)
    vocab = next((layer for layer in layers if type(layer).__name__ in VOCABULARY_TYPES),
                 None)
    if vocab is None:
        raise InsightError(_("The embedding map needs the words: put a TextVectorization "
                             "(or StringLookup) layer before the Embedding."))
    for layer in layers:
        if type(layer).__name__ != "Embedding":
            continue
        for node in layer._inbound_nodes:
            sources = {id(t._keras_history[0]) for t in node.arguments.keras_tensors
                       if getattr(t, "_keras_history", None)}
            if id(vocab) in sources:
                return vocab, layer
    raise InsightError(_("No Embedding layer reads the words of {name}: connect the "
                         "vocabulary layer to an Embedding to see its map.").format(
                             name=vocab.name))


def embedding_map(model: Any, max_words: int = MAX_WORDS) -> EmbeddingMap:
    vocab, embedding = vocabulary_embedding(model)
    vocabulary = [str(w) for w in vocab.get_vocabulary()]
    matrix = to_numpy(embedding.embeddings).astype(np.float64)
    ids = [i for i, w in enumerate(vocabulary) if w not in SPECIAL and i < len(matrix)]
    if len(ids) < 3:
        raise InsightError(_("The vocabulary has fewer than 3 words yet: train the model "
                             "(its TextVectorization learns the words) to see the map."))
    total = len(ids)
    ids = ids[:max_words]  # adapted vocabularies come most frequent first
    vectors = matrix[ids]
    coordinates, explained = pca_2d(vectors)
    return EmbeddingMap(embedding.name, [vocabulary[i] for i in ids], coordinates, vectors,
                        total, explained)


def pca_2d(vectors: np.ndarray) -> tuple[np.ndarray, tuple[float, float]]:
    """The vectors projected on their two principal components, and each component's share
    of the variance. Signs are fixed (the largest loading of each component positive) so
    the map does not flip from one epoch to the next."""
    centered = vectors - vectors.mean(axis=0)
    _u, singular, vt = np.linalg.svd(centered, full_matrices=False)
    components = vt[:2]
    if components.shape[0] < 2:  # one-dimensional vectors: the second axis is flat
        components = np.vstack([components, np.zeros_like(components)])
    for row in components:
        if row[np.argmax(np.abs(row))] < 0:
            row *= -1
    variance = singular ** 2
    share = variance / variance.sum() if variance.sum() > 0 else np.zeros_like(variance)
    explained = (float(share[0]), float(share[1]) if len(share) > 1 else 0.0)
    return centered @ components.T, explained


def nearest_words(found: EmbeddingMap, word: str, count: int = 8) -> list[tuple[str, float]]:
    """The ``count`` words whose vectors point most the same way as ``word``'s (cosine
    similarity, highest first); raises InsightError for a word not on the map."""
    key = word.strip()
    if key not in found.words:
        raise InsightError(_("“{word}” is not in the map's vocabulary.").format(word=key))
    norms = np.linalg.norm(found.vectors, axis=1)
    norms[norms == 0] = 1.0
    unit = found.vectors / norms[:, None]
    index = found.words.index(key)
    similarity = unit @ unit[index]
    order = [i for i in np.argsort(-similarity, kind="stable") if i != index][:count]
    return [(found.words[i], float(similarity[i])) for i in order]
