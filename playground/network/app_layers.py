"""Layers that ``keras.applications`` models define for themselves (ConvNeXt's
``LayerScale``): Keras code, not the file's, so they are as safe as built-in layers. A node
of type ``applications.convnext.LayerScale`` keeps the layer's config like a generic layer
and is rebuilt from that class."""
from __future__ import annotations

import functools
import importlib
from typing import Any

from playground.i18n import _
from playground.errors import UnknownLayerTypeError
from playground.network.specs import LayerSpec

PREFIX = "applications."
MODULE = "keras.src.applications."


def is_app_layer_type(type_name: Any) -> bool:
    return isinstance(type_name, str) and type_name.startswith(PREFIX)


def app_type_for(module: Any, class_name: str) -> str | None:
    """``applications.convnext.LayerScale`` for a layer saved from that Keras module."""
    if not isinstance(module, str) or not module.startswith(MODULE):
        return None
    sub = module[len(MODULE):]
    return f"{PREFIX}{sub}.{class_name}" if sub.isidentifier() else None


def app_layer_class(type_name: str) -> type:
    parts = type_name.split(".")
    if len(parts) != 3 or parts[0] != "applications" or not parts[1].isidentifier() \
            or not parts[2].isidentifier():
        raise UnknownLayerTypeError(_("{type_name!r} is not a keras.applications layer.")
                                    .format(type_name=type_name))
    from playground.kerasenv import keras as load_keras

    keras = load_keras()
    try:
        module = importlib.import_module(MODULE + parts[1])
    except ImportError:
        raise UnknownLayerTypeError(_("Keras has no applications module {module!r}: "
                                      "{type_name!r} cannot be built.").format(
                                          module=parts[1], type_name=type_name)) from None
    cls = getattr(module, parts[2], None)
    if not (isinstance(cls, type) and issubclass(cls, keras.layers.Layer)) \
            or issubclass(cls, keras.Model):
        raise UnknownLayerTypeError(_("keras.applications.{module} has no layer {name}: "
                                      "{type_name!r} cannot be built.").format(
                                          module=parts[1], name=parts[2], type_name=type_name))
    return cls


@functools.cache  # one spec per type; a refused type raises and is not cached
def app_layer_spec(type_name: str) -> LayerSpec:
    cls = app_layer_class(type_name)
    return LayerSpec(type_name, cls.__name__, "Other",
                     _("The {name} layer of keras.applications ({module}), edited as "
                       "its Keras configuration.").format(
                           name=cls.__name__, module=type_name.split(".")[1]),
                     max_inputs=None, call_style="list", is_generic=True)
