"""The vocabulary of lookup layers (TextVectorization, StringLookup, IntegerLookup) kept
with a node's weights.

Keras keeps a vocabulary learned by ``adapt()`` in a lookup table, not in a variable, so
``get_weights()`` does not return it (``model.save`` writes it as an asset file). Here a
learned vocabulary travels as the node's weights: one array of the words or codes, without
Keras's special tokens (padding, unknown), which ``set_vocabulary`` adds back. A vocabulary
written in the layer's config (``vocabulary=[...]``) stays in the config and is not
repeated. So a project file, a ``.keras`` import and an export all keep it.

A lookup layer with no vocabulary yet learns it from the training split before training
(:func:`adapt_unadapted`), as the exported Python program does too.
"""
from __future__ import annotations

from typing import Any

import numpy as np

LOOKUP_CLASSES = ("TextVectorization", "StringLookup", "IntegerLookup")


def is_lookup(layer: Any) -> bool:
    return type(layer).__name__ in LOOKUP_CLASSES


def _config_vocabulary(layer: Any) -> Any:
    return layer.get_config().get("vocabulary")


def layer_state(layer: Any) -> list[np.ndarray]:
    """What a node keeps as its weights: the Keras weights, or for a lookup layer whose
    vocabulary is not in its config, the learned vocabulary (empty before adapt)."""
    if not is_lookup(layer):
        return [np.array(w, copy=True) for w in layer.get_weights()]
    if _config_vocabulary(layer) is not None:
        return []
    words = layer.get_vocabulary(include_special_tokens=False)
    if not words:
        return []
    kind = np.int64 if type(layer).__name__ == "IntegerLookup" else np.str_
    return [np.asarray([w.item() if isinstance(w, np.generic) else w for w in words],
                       dtype=kind)]


def state_fits(layer: Any, arrays: list[np.ndarray]) -> bool:
    """Whether ``arrays`` (stored weights of a node) can go into ``layer``."""
    if is_lookup(layer):
        return len(arrays) == 1 and np.ndim(arrays[0]) == 1 and len(arrays[0]) > 0 \
            and _config_vocabulary(layer) is None
    current = layer.get_weights()
    return len(current) == len(arrays) and all(
        c.shape == np.shape(a) and np.asarray(a).dtype.kind in "biuf"
        for c, a in zip(current, arrays))


def set_layer_state(layer: Any, arrays: list[np.ndarray]) -> bool:
    """Put stored weights (or a stored vocabulary) into ``layer``; False when they no
    longer fit it (the layer was edited since, e.g. a smaller max_tokens)."""
    if not state_fits(layer, arrays):
        return False
    if not is_lookup(layer):
        layer.set_weights(list(arrays))
        return True
    words = arrays[0].tolist()
    try:
        layer.set_vocabulary(words)
    except (ValueError, TypeError):  # Keras refuses e.g. more words than max_tokens
        return False
    return True


def needs_adapt(layer: Any) -> bool:
    """A lookup layer with neither a vocabulary in its config nor a learned one."""
    return is_lookup(layer) and _config_vocabulary(layer) is None \
        and not layer.get_vocabulary(include_special_tokens=False)


def adapt_unadapted(model: Any, x_train: Any) -> list[str]:
    """Learn the vocabulary of every lookup layer of ``model`` that has none, from the
    training inputs ``x_train`` only (never validation or test data). Returns the names of
    the layers adapted. A layer fed by other layers adapts on their output."""
    from playground.kerasenv import keras as load_keras

    pending = [layer for layer in model.layers if needs_adapt(layer)]
    if not pending:
        return []
    keras = load_keras()
    import tensorflow as tf

    data = tf.convert_to_tensor(x_train)
    for layer in pending:
        source = layer.input
        if any(source is t for t in model.inputs):
            values = data
        else:  # what the layers before it make of the training inputs
            values = keras.Model(model.inputs, source)(data)
        layer.adapt(values)
    return [layer.name for layer in pending]


def copy_vocabularies(source: Any, target: Any) -> None:
    """Give the lookup layers of ``target`` (a clone of ``source``, e.g. on another device)
    the vocabularies of ``source``'s: cloning a model rebuilds layers from their configs,
    which leaves out a vocabulary learned by adapt."""
    for old, new in zip(source.layers, target.layers):
        if is_lookup(old) and needs_adapt(new) and not needs_adapt(old):
            set_layer_state(new, layer_state(old))
