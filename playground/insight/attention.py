"""Attention heat maps: for one sample, how much each position (token) of an attention
layer's query attends to each position of its keys, per head.

The scores are Keras's own: the layer is called again, on the very tensors it received
inside the model for this sample (its masks included), with
``return_attention_scores=True``. Each row is a softmax, so it sums to 1 (masked keys get
0). Tokens are read back from the model's own vocabulary layer (TextVectorization or
StringLookup) when there is one, else they are the positions 1, 2, ...
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.i18n import _
from playground.insight._model import InsightError, model_layers, to_numpy
from playground.kerasenv import keras

ATTENTION_TYPES = ("MultiHeadAttention", "GroupedQueryAttention", "Attention",
                   "AdditiveAttention")
VOCABULARY_TYPES = ("TextVectorization", "StringLookup", "IntegerLookup")
PAD = "·"  # the label of a padding position (token id 0 of a vocabulary layer)


@dataclass(frozen=True)
class AttentionMap:
    layer_name: str
    scores: np.ndarray          # (heads, query steps, key steps); each row sums to 1
    # The steps' labels: the words, padding left out (see _map_of), or positions 1, 2, ...
    query_tokens: list[str]
    key_tokens: list[str]


@dataclass(frozen=True)
class Unreadable:
    """An attention layer whose scores cannot be read; ``reason`` says why."""

    layer_name: str
    reason: str


def attention_layers(model: Any) -> list[Any]:
    return [layer for layer in model_layers(model) if type(layer).__name__ in ATTENTION_TYPES]


def attention_maps(model: Any, sample: Any) -> list[AttentionMap | Unreadable]:
    """Every attention layer's scores for one input ``sample`` (no batch axis; a string
    for a model that reads text)."""
    layers = attention_layers(model)
    if not layers:
        raise InsightError(_("The model has no attention layer (MultiHeadAttention, "
                             "Attention or AdditiveAttention). Add one to see where it "
                             "looks."))
    x = _batch_of_one(model, sample)
    tokens = _tokens(model, x)
    return [_map_of(model, layer, x, tokens) for layer in layers]


def _batch_of_one(model: Any, sample: Any) -> Any:
    if isinstance(sample, (list, tuple)):
        return [np.asarray(s)[None] for s in sample]
    return np.asarray(sample)[None]


def _map_of(model: Any, layer: Any, x: Any, tokens: list[str] | None
            ) -> AttentionMap | Unreadable:
    nodes = [n for n in layer._inbound_nodes if n.operation is layer]
    if len(nodes) != 1:
        return Unreadable(layer.name, _(
            "{name} is called {count} times in the model, so there is no single attention "
            "map to show. Give each call its own layer to see its map.").format(
                name=layer.name, count=len(nodes)))
    arguments = nodes[0].arguments
    symbolic = list(arguments.keras_tensors)
    k = keras()
    try:
        feeder = k.Model(model.inputs, symbolic)
        values = feeder(x, training=False)
        if not isinstance(values, (list, tuple)):
            values = [values]
        args, kwargs = arguments.fill_in({id(t): v for t, v in zip(symbolic, values)})
        kwargs = {key: value for key, value in kwargs.items()
                  if key not in ("training", "return_attention_scores")}
        _output, scores = layer(*args, **kwargs, training=False,
                                return_attention_scores=True)
    except Exception as exc:  # Keras raises many types; the view shows why
        return Unreadable(layer.name, _(
            "Keras could not return the attention scores of {name}: {error}").format(
                name=layer.name, error=str(exc).splitlines()[0] if str(exc) else
                type(exc).__name__))
    array = to_numpy(scores)[0].astype(np.float64)
    if array.ndim == 2:  # Attention / AdditiveAttention: one "head"
        array = array[None]
    if array.ndim != 3:
        return Unreadable(layer.name, _(
            "{name} attends over more than one axis (scores of shape {shape}); only "
            "sequences (steps × steps) can be drawn.").format(name=layer.name,
                                                             shape=tuple(array.shape)))
    _heads, q_steps, k_steps = array.shape
    q_labels, k_labels = _labels(tokens, q_steps), _labels(tokens, k_steps)
    # Padding is left out: Keras gives a padded query no attention at all (a row of 0)
    # and a padded key none from the others (a column of 0), so nothing is lost.
    q_keep = [i for i, t in enumerate(q_labels) if t != PAD]
    k_keep = [i for i, t in enumerate(k_labels) if t != PAD]
    array = array[:, q_keep][:, :, k_keep]
    return AttentionMap(layer.name, array, [q_labels[i] for i in q_keep],
                        [k_labels[i] for i in k_keep])


def _labels(tokens: list[str] | None, steps: int) -> list[str]:
    if tokens is not None and len(tokens) == steps:
        return tokens
    return [str(i + 1) for i in range(steps)]


def _tokens(model: Any, x: Any) -> list[str] | None:
    """The words of the sample as the model's vocabulary layer splits them, or None."""
    vocab_layer = next((layer for layer in model_layers(model)
                        if type(layer).__name__ in VOCABULARY_TYPES), None)
    if vocab_layer is None:
        return None
    try:
        ids = to_numpy(keras().Model(model.inputs, vocab_layer.output)(x, training=False))
        vocabulary = vocab_layer.get_vocabulary()
    except Exception:  # noqa: BLE001 - no words then; positions are shown instead
        return None
    ids = np.asarray(ids)
    if ids.ndim != 2 or not np.issubdtype(ids.dtype, np.integer):
        return None  # multi-hot / tf-idf output: no sequence of words
    return [PAD if i == 0 else (vocabulary[i] if 0 <= i < len(vocabulary) else "?")
            for i in ids[0].tolist()]


@dataclass(frozen=True)
class AttentionSnapshot:
    """What the attention view draws for one sample: each layer's map (or why not) and,
    per readable layer, its heads coloured (heads, query steps, key steps, 4) RGBA."""

    sample_index: int
    sample_text: str
    maps: list[AttentionMap | Unreadable]
    rgba: dict[str, np.ndarray]


def attention_snapshot(model: Any, sample: Any, index: int) -> AttentionSnapshot:
    from playground.insight.colors import weights_heat

    maps = attention_maps(model, sample)
    rgba = {m.layer_name: weights_heat(m.scores) for m in maps if isinstance(m, AttentionMap)}
    flat = np.asarray(sample).ravel()
    text = str(flat[0]) if flat.size == 1 and flat.dtype.kind in "USO" else ""
    return AttentionSnapshot(index, text, maps, rgba)
