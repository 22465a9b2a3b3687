"""The layer catalog: data describing each layer the palette offers.

For every layer type: its Keras class, category, parameter specs (kind, default, choices or
range, one plain-language help sentence) and how many inputs it takes. The inspector form,
the palette and validation are all generated from this. Any other built-in ``keras.layers``
class is still accepted as a *generic* layer that keeps its Keras config verbatim.

Importing this module does not import Keras (the UI needs the catalog before TensorFlow
has loaded); only looking up a type that is not in the catalog does.
"""
from __future__ import annotations

import threading

from playground.errors import UnknownLayerTypeError
from playground.network.app_layers import app_layer_spec, is_app_layer_type
from playground.i18n import _
from playground.network.layer_specs import LAYER_SPECS
from playground.network.nested import GROUP_SPECS
from playground.network.operations import is_op_type, op_spec
from playground.network.pretrained import PRETRAINED_SPECS
from playground.network.specs import CATEGORIES, RNN_TYPES, LayerSpec, ParamSpec

__all__ = ["CATEGORIES", "RNN_TYPES", "LayerSpec", "ParamSpec", "all_specs", "by_category", "get"]


_BY_NAME: dict[str, LayerSpec] = {s.type_name: s for s in (*LAYER_SPECS, *PRETRAINED_SPECS)}
# Keras class names that differ from our type names (InputLayer is shown as "Input").
_BY_KERAS_CLASS: dict[str, LayerSpec] = {s.keras_class: s for s in LAYER_SPECS}
_GENERIC: dict[str, LayerSpec] = {}   # filled on demand, also from worker threads
_generic_lock = threading.Lock()


def all_specs() -> list[LayerSpec]:
    """The catalog's layer types in palette order."""
    return list(LAYER_SPECS)


def by_category() -> dict[str, list[LayerSpec]]:
    groups: dict[str, list[LayerSpec]] = {c: [] for c in CATEGORIES}
    for spec in (*LAYER_SPECS, *PRETRAINED_SPECS):  # the palette: layers, then bases
        groups[spec.category].append(spec)
    return {c: specs for c, specs in groups.items() if specs}


def get(type_name: str) -> LayerSpec:
    """The spec for a catalog type, a Keras class name, or a generic built-in Keras layer."""
    spec = _BY_NAME.get(type_name) or _BY_KERAS_CLASS.get(type_name) or _GENERIC.get(type_name)
    if spec is not None:
        return spec
    if isinstance(type_name, str) and type_name in GROUP_SPECS:  # a nested model
        return GROUP_SPECS[type_name]
    if is_op_type(type_name):  # a keras.ops operation
        return op_spec(type_name)
    if is_app_layer_type(type_name):  # a layer of keras.applications (LayerScale)
        return app_layer_spec(type_name)
    if not isinstance(type_name, str) or not type_name.isidentifier():
        raise UnknownLayerTypeError((_("{type_name!r} is not a layer type name.")
                                       .format(type_name=type_name)))
    from playground.kerasenv import keras as _load_keras

    keras = _load_keras()  # only for types outside the catalog

    cls = getattr(keras.layers, type_name, None)
    if not (isinstance(cls, type) and issubclass(cls, keras.layers.Layer)) \
            or type_name in ("Layer", "Lambda", "TFSMLayer", "InputSpec"):
        hint = (_(" Lambda layers run arbitrary Python code, so they cannot be used safely.")
                if type_name == "Lambda" else "")
        raise UnknownLayerTypeError(
            (_("Unknown layer type {type_name!r}: it is not in the catalog and not a "
               "built-in Keras layer.{hint} Pick a layer from the palette.")
               .format(type_name=type_name, hint=hint)))
    with _generic_lock:  # one spec object per type, whichever thread asks first
        return _GENERIC.setdefault(type_name, LayerSpec(
            type_name, type_name, "Other",
            (_("Keras {type_name} layer (edited as its Keras configuration).")
             .format(type_name=type_name)),
            max_inputs=None, call_style="list", is_generic=True))
