"""Lines of the exported program for the nodes that are not plain layers: keras.ops
operations (``x = keras.ops.add(a, 3.0)``), nested models (rebuilt from their config) and
second calls of a shared layer (the owner's layer kept in a variable and called again).

Only JSON values from the project become literals (``repr``), keyword names must be plain
identifiers, and operation names are checked against Keras: nothing in a project file
becomes code.
"""
from __future__ import annotations

import inspect
import keyword
import pprint
from typing import Any

from playground.errors import BuildError
from playground.i18n import _
from playground.kerasenv import keras as load_keras
from playground.network.elements import Node
from playground.network.nested import serialized
from playground.network.operations import is_port, op_arguments, op_class, short_name


def _is_name(key: object) -> bool:
    return isinstance(key, str) and key.isidentifier() and not keyword.iskeyword(key)


def _code(value: Any, inputs: list[str]) -> str:
    """A call argument as code: a port becomes its input's variable, anything else a
    literal."""
    if is_port(value):
        return inputs[int(value["__port__"])]
    if isinstance(value, list):
        return "[" + ", ".join(_code(v, inputs) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {_code(v, inputs)}" for k, v in value.items()) + "}"
    return repr(value)


def _check_keys(node: Node, keys: Any) -> None:
    for key in keys:
        if not _is_name(key):
            raise BuildError(_("{layer}: {key} cannot be a keyword argument of a call.")
                             .format(layer=node.display_name(), key=repr(key)),
                             {node.id: _("{key} is not a valid name.").format(key=repr(key))})


def operation_line(node: Node, target: str, inputs: list[str], layer_name: str) -> str:
    """``x = keras.ops.fn(...)`` when the keras.ops function takes the operation's settings
    by name, else the operation rebuilt from its config (same name, same result)."""
    keras = load_keras()
    args, kwargs = op_arguments(node.call_kwargs, len(inputs))
    _check_keys(node, list(kwargs) + list(node.params))
    call = [_code(a, inputs) for a in args] + [f"{k}={_code(v, inputs)}"
                                               for k, v in kwargs.items()]
    function = getattr(keras.ops, short_name(node.layer_type), None)
    accepted = set(inspect.signature(function).parameters) if callable(function) else set()
    if function is not None and set(node.params) <= accepted - set(kwargs):
        call += [f"{k}={v!r}" for k, v in node.params.items()]
        return f"{target} = keras.ops.{short_name(node.layer_type)}({', '.join(call)})"
    cls = op_class(node.layer_type)
    config = {**node.params, "name": layer_name}
    ctor = (f"keras.saving.deserialize_keras_object({{'module': {cls.__module__!r}, "
            f"'class_name': {cls.__name__!r}, 'config': {config!r}}})")
    return f"{target} = {ctor}({', '.join(call)})"


def group_constructor(node: Node, layer_name: str) -> str:
    """A nested model rebuilt exactly from its config (safe mode: no code in it)."""
    text = pprint.pformat(serialized(node.layer_type, node.params, layer_name, node.trainable),
                          width=88, sort_dicts=False).replace("\n", "\n    ")
    return f"keras.saving.deserialize_keras_object(\n    {text},\n    safe_mode=True)"


def pretrained_constructor(node: Node, layer_name: str, variable: str) -> list[str]:
    """A keras.applications base without its top, frozen as on the canvas (its weights:
    none or imagenet as chosen; a local file's path stays as written)."""
    from playground.network.pretrained import PREFIX

    name = node.layer_type[len(PREFIX):]
    source = str(node.params.get("weights", "none"))
    weights = None if source.strip().lower() == "none" else source
    shape = tuple(node.params.get("input_shape", (96, 96, 3)))
    lines = [f"{variable} = keras.applications.{name}(include_top=False, "
             f"weights={weights!r}, input_shape={shape!r}, name={layer_name!r})"]
    if not node.trainable:
        lines.append(f"{variable}.trainable = False")
    return lines


def app_layer_constructor(node: Node, config: dict[str, Any]) -> str:
    """A keras.applications layer (ConvNeXt's LayerScale) rebuilt from its config."""
    from playground.network.app_layers import app_layer_class

    cls = app_layer_class(node.layer_type)
    text = pprint.pformat({"module": cls.__module__, "class_name": cls.__name__,
                           "config": config}, width=88, sort_dicts=False)
    return f"keras.saving.deserialize_keras_object(\n    {text.replace(chr(10), chr(10) + '    ')})"
