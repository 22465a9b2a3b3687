"""One node -> one Keras layer, and calling it on its inputs the way the node says
(positionally, as a list, or with tensors passed by keyword).
"""
from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING, Any

from playground.errors import BuildError
from playground.i18n import _
from playground.network.graph import Graph, Node
from playground.network.app_layers import app_layer_class, is_app_layer_type
from playground.network.nested import is_group_type, make_group
from playground.network.pretrained import is_pretrained_type, make_base
from playground.network.operations import (PORT_KEY, call_operation, is_op_type,
                                           make_operation)
from playground.kerasenv import keras as load_keras, safe_mode

if TYPE_CHECKING:
    import keras

# PORT_KEY: placeholder in Node.call_kwargs for a tensor passed by keyword; the number is
# the input port (shared with operation call templates).
__all__ = ["PORT_KEY", "arrange_call", "as_output_list", "call_layer", "layer_names",
           "make_layer", "snake_case"]


def snake_case(class_name: str) -> str:
    """Keras's own rule (keras.utils.to_snake_case): LSTM -> lstm, Conv2D -> conv2d,
    SimpleRNN -> simple_rnn, MultiHeadAttention -> multi_head_attention."""
    step = re.sub(r"(.)([A-Z][a-z0-9]+)", r"\1_\2", class_name)
    return re.sub(r"([a-z])([A-Z])", r"\1_\2", step).lower()


def default_layer_name(node: Node) -> str:
    # "ops.numpy.Add" -> add_n3, "pretrained.MobileNetV2" -> mobile_net_v2_n3
    return f"{snake_case(node.layer_type.rsplit('.', 1)[-1])}_{node.id}"


def layer_names(graph: Graph) -> dict[str, str]:
    """Node id -> Keras layer name: the node's own name, else a stable one from its id."""
    taken = {n.name for n in graph if n.name}
    names: dict[str, str] = {}
    for node in graph:
        if node.name:
            names[node.id] = node.name
            continue
        base = candidate = default_layer_name(node)
        i = 1
        while candidate in taken:
            candidate = f"{base}_{i}"
            i += 1
        taken.add(candidate)
        names[node.id] = candidate
    return names


def layer_class(node: Node) -> type:
    if is_app_layer_type(node.layer_type):
        return app_layer_class(node.layer_type)
    keras = load_keras()
    cls = getattr(keras.layers, node.spec.keras_class, None)
    if cls is None:  # catalog out of step with the installed Keras
        raise BuildError((_("{display_name}: this Keras version has no layer {keras_class}.")
                            .format(display_name=node.display_name(), keras_class=node.spec.keras_class)), {node.id: _("unknown Keras layer")})
    return cls


def make_layer(node: Node, name: str, load_weights: bool = False) -> "keras.layers.Layer":
    """A fresh Keras layer for ``node`` (raises whatever Keras raises for a bad config):
    an operation for an operation node, a whole model for a group node or a pretrained
    base (its pretrained weights only with ``load_weights``: building to train).
    Built in Keras's safe mode: a project reaches no file outside itself."""
    vocabulary = node.params.get("vocabulary") if isinstance(node.params, dict) else None
    if isinstance(vocabulary, str):
        raise BuildError(_("{layer}: the vocabulary is the file name {path}, but a project "
                           "may only use a vocabulary it holds itself (a list of words, or "
                           "one learned from the data). Remove the file name, or type the "
                           "words as a list.").format(layer=node.display_name(),
                                                      path=repr(vocabulary)),
                         {node.id: _("vocabulary outside the project")})
    with safe_mode():
        return _make_layer(node, name, load_weights)


def _make_layer(node: Node, name: str, load_weights: bool) -> "keras.layers.Layer":
    if is_pretrained_type(node.layer_type):
        return make_base(node.layer_type, node.params, name, node.trainable, load_weights)
    if is_op_type(node.layer_type):
        return make_operation(node.layer_type, node.params, name)
    if is_group_type(node.layer_type):
        return make_group(node.layer_type, node.params, name, node.trainable)
    config = copy.deepcopy(node.params)
    config["name"] = name
    if not node.trainable:  # some layers (SpatialDropout2D) refuse the key; True is default
        config["trainable"] = False
    return layer_class(node).from_config(config)


def arrange_call(node: Node, inputs: list[Any]) -> tuple[list[Any], dict[str, Any], set[str],
                                                          str]:
    """How ``node``'s layer is called on ``inputs`` (one per port, in port order; tensors
    here, variable names in the generated program): the positional inputs, the keyword
    arguments (a port passed by keyword replaced by its input), the keywords that are
    such ports, and the call style ("list", "positional" or "single")."""
    kwargs = dict(node.call_kwargs)
    ports: set[str] = set()
    used_by_keyword: set[int] = set()
    for key, value in list(kwargs.items()):
        if isinstance(value, dict) and set(value) == {PORT_KEY}:
            port = int(value[PORT_KEY])
            kwargs[key] = inputs[port]
            ports.add(key)
            used_by_keyword.add(port)
    positional = [t for i, t in enumerate(inputs) if i not in used_by_keyword]
    style = node.call_style or node.spec.call_style
    if (node.spec.is_generic or is_group_type(node.layer_type)) and node.call_style is None:
        style = "list" if len(positional) > 1 else "single"
    return positional, kwargs, ports, style


def call_layer(node: Node, layer: Any, inputs: list[Any]) -> Any:
    """Call ``layer`` on the tensors feeding ``node`` (ordered by port), as Keras would."""
    if is_op_type(node.layer_type):
        return call_operation(layer, node.call_kwargs, inputs)
    positional, kwargs, _ports, style = arrange_call(node, inputs)
    if style == "list":
        return layer(positional, **kwargs)
    if style == "positional" or len(positional) != 1:
        return layer(*positional, **kwargs)
    return layer(positional[0], **kwargs)


def as_output_list(outputs: Any) -> list[Any]:
    if isinstance(outputs, (list, tuple)):
        return list(outputs)
    if isinstance(outputs, dict):
        return list(outputs.values())
    return [outputs]
