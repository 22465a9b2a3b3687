"""Nested models as group nodes: a whole Keras model used as a layer inside another (a
``keras.applications`` base, a data-augmentation ``Sequential``, a Siamese tower).

A group node's type is the model's class (``Functional`` or ``Sequential``), its parameters
the nested model's Keras config (its own layers, connections and names) and its weights
the nested model's ``get_weights()``. It is rebuilt from that config in Keras safe mode,
so the exported model has the same nesting, the same configs and the same weights.
Opening and editing the inside is :mod:`playground.network.groups`.
"""
from __future__ import annotations

import copy
from typing import Any

from playground.i18n import _
from playground.errors import BuildError
from playground.network.safety import find_unsafe
from playground.network.specs import LayerSpec

# Group type -> (module, registered_name) as Keras serializes the class.
GROUP_CLASSES: dict[str, tuple[str, str | None]] = {
    "Functional": ("keras.src.models.functional", "Functional"),
    "Sequential": ("keras", None),
}
GROUP_SPECS: dict[str, LayerSpec] = {
    name: LayerSpec(name, name, "Model",
                    _("A whole Keras model ({name}) used as one layer: open it to see and "
                      "edit its inside; freeze it to keep its weights while the rest "
                      "trains.").format(name=name),
                    min_inputs=1, max_inputs=None, call_style="single")
    for name in GROUP_CLASSES
}


def is_group_type(type_name: Any) -> bool:
    return isinstance(type_name, str) and type_name in GROUP_CLASSES


def group_type_for(class_name: str) -> str | None:
    """The group type for a nested model saved with ``class_name`` (``Model`` is a
    functional model saved by an older Keras)."""
    if class_name == "Model":
        return "Functional"
    return class_name if class_name in GROUP_CLASSES else None


def serialized(type_name: str, params: dict[str, Any], name: str,
               trainable: bool) -> dict[str, Any]:
    """The nested model as Keras serializes it (what ``deserialize_keras_object`` reads)."""
    module, registered = GROUP_CLASSES[type_name]
    config = copy.deepcopy(params)
    config["name"] = name
    config["trainable"] = bool(trainable)
    return {"module": module, "class_name": type_name, "config": config,
            "registered_name": registered}


def make_group(type_name: str, params: dict[str, Any], name: str, trainable: bool) -> Any:
    """A fresh nested Keras model from a group node (safe mode: no code is ever loaded)."""
    from playground.kerasenv import keras as load_keras

    keras = load_keras()
    unsafe = find_unsafe(params)
    if unsafe:
        raise BuildError(f"{name}: {unsafe}", {})
    # The config carries each inner layer's own trainable flag (a base frozen as a whole,
    # or only its lower half): Keras's from_config keeps them, so nothing is forced here.
    return keras.saving.deserialize_keras_object(
        serialized(type_name, params, name, trainable), safe_mode=True)


def with_trainable(params: Any, trainable: bool, depth: int = 0) -> Any:
    """``params`` with every inner layer's trainable flag set to ``trainable``: what
    ``base.trainable = True`` does in Keras (the fine-tuning step of transfer learning)."""
    if depth > 200:
        return params
    if isinstance(params, dict):
        out = {k: with_trainable(v, trainable, depth + 1) for k, v in params.items()}
        if "class_name" in out and isinstance(out.get("config"), dict) \
                and "trainable" in out["config"]:
            out["config"]["trainable"] = bool(trainable)
        return out
    if isinstance(params, list):
        return [with_trainable(v, trainable, depth + 1) for v in params]
    return params


def inner_layer_count(params: dict[str, Any]) -> int:
    layers = params.get("layers")
    return len(layers) if isinstance(layers, list) else 0


def group_input_count(type_name: str, params: dict[str, Any]) -> int:
    """How many tensors the nested model takes (its Inputs)."""
    if type_name == "Sequential":
        return 1
    refs = params.get("input_layers")
    if isinstance(refs, list) and len(refs) == 3 and isinstance(refs[0], str):
        return 1
    return len(refs) if isinstance(refs, (list, dict)) and refs else 1
