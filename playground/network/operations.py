"""Operation nodes: ``keras.ops`` functions in a functional model (``x + 3.0``, ``x * y``,
``ops.reshape(x, ...)``), which Keras 3 records in the functional config as operations
(module ``keras.src.ops.numpy``, class ``Add``), not as layers.

A node of type ``ops.numpy.Add`` holds the operation's config (without its name) as its
parameters, and how it is called in ``call_kwargs``: the positional arguments under
:data:`ARGS_KEY` and any keyword arguments, each input tensor replaced by
``{"__port__": n}`` (n = the input port that feeds it) and constants kept as they are
(``[{"__port__": 0}, 3.0]`` for ``x + 3.0``). Rebuilding calls the same operation class with
the same arguments, so the exported config is the imported one.

Only operations from Keras's own maths modules are accepted (they hold no code of the
file's); any other is refused with its name and what to do.
"""
from __future__ import annotations

import copy
import functools
import importlib
from typing import Any

from playground.i18n import _
from playground.errors import UnknownLayerTypeError
from playground.network.specs import LayerSpec

OP_PREFIX = "ops."
ARGS_KEY = "__args__"  # in Node.call_kwargs: the positional arguments of an operation call
PORT_KEY = "__port__"
# Keras modules whose operations are pure maths on tensors (no functions as arguments).
OP_MODULES = ("numpy", "nn", "math", "image", "linalg", "core")
# keras.ops.core also holds control flow that takes Python functions (Map, Cond, WhileLoop):
# only its pure tensor operations are accepted (ops.cast builds attention masks).
CORE_OPS = {"Cast", "SaturateCast", "Slice", "SliceUpdate", "Scatter", "ScatterUpdate",
            "Unstack", "ConvertToTensor"}
_REFUSED = {"Cond", "WhileLoop", "Scan", "Map", "ForiLoop", "Switch", "Associative_scan",
            "AssociativeScan", "VectorizedMap", "CustomGradient", "StopGradient"}


def is_op_type(type_name: Any) -> bool:
    return isinstance(type_name, str) and type_name.startswith(OP_PREFIX)


def op_type_for(module: str, class_name: str) -> str | None:
    """The node type for an operation saved as (module, class_name), or None when the
    module is not one of Keras's maths modules."""
    prefix = "keras.src.ops."
    if not isinstance(module, str) or not module.startswith(prefix):
        return None
    sub = module[len(prefix):]
    if sub not in OP_MODULES or not isinstance(class_name, str) or not class_name.isidentifier():
        return None
    if sub == "core" and class_name not in CORE_OPS:
        return None
    return f"{OP_PREFIX}{sub}.{class_name}"


def unsupported_message(name: str, module: str, class_name: str) -> str:
    return _("{name!r} is the operation {module}.{class_name}, which Keras Playground cannot "
             "show as a node. Supported are the keras.ops maths functions (arithmetic, "
             "element-wise, reshaping: modules numpy, nn, math, image, linalg). Replace it "
             "with a built-in layer (for example keras.layers.Add, Multiply, Reshape, "
             "Activation) and save the model again.").format(
                 name=name, module=module, class_name=class_name)


def op_class(type_name: str) -> type:
    """The Keras operation class for ``ops.<module>.<Class>`` (checked, never arbitrary)."""
    parts = type_name.split(".")
    if len(parts) != 3 or parts[0] != "ops" or parts[1] not in OP_MODULES \
            or not parts[2].isidentifier() or parts[2] in _REFUSED \
            or (parts[1] == "core" and parts[2] not in CORE_OPS):
        raise UnknownLayerTypeError(_(
            "{type_name!r} is not a supported operation. Operations are written "
            "ops.<module>.<Class> with module one of {modules}.").format(
                type_name=type_name, modules=", ".join(OP_MODULES)))
    from playground.kerasenv import keras as load_keras

    load_keras()
    module = importlib.import_module(f"keras.src.ops.{parts[1]}")
    from keras.src.ops.operation import Operation
    from keras.src.layers.layer import Layer

    cls = getattr(module, parts[2], None)
    if not (isinstance(cls, type) and issubclass(cls, Operation)) or issubclass(cls, Layer):
        raise UnknownLayerTypeError(_(
            "Keras has no operation {name} in keras.ops.{module}: {type_name!r} cannot be "
            "built. Replace it with a built-in layer.").format(
                name=parts[2], module=parts[1], type_name=type_name))
    return cls


@functools.cache  # one spec per type; a refused type raises and is not cached
def op_spec(type_name: str) -> LayerSpec:
    cls = op_class(type_name)
    return LayerSpec(type_name, cls.__name__, "Operation",
                     _("The keras.ops operation {name} (a step of the model written "
                       "as maths, not a layer; it has no weights).").format(name=cls.__name__),
                     min_inputs=1, max_inputs=None, call_style="positional", is_generic=True)


def short_name(type_name: str) -> str:
    """``ops.numpy.Add`` -> ``add`` (the keras.ops function it comes from)."""
    import re

    step = re.sub(r"(.)([A-Z][a-z0-9]+)", r"\1_\2", type_name.rsplit(".", 1)[-1])
    return re.sub(r"([a-z])([A-Z])", r"\1_\2", step).lower()


def make_operation(type_name: str, params: dict[str, Any], name: str) -> Any:
    config = copy.deepcopy(params)
    config["name"] = name
    return op_class(type_name).from_config(config)


# ------------------------------------------------------------------ call templates
def is_port(value: Any) -> bool:
    """``{"__port__": n}`` with n a whole number from 0 (a crafted file's other values are
    constants, which Keras then refuses in words)."""
    return isinstance(value, dict) and set(value) == {PORT_KEY} \
        and isinstance(value[PORT_KEY], int) and not isinstance(value[PORT_KEY], bool) \
        and 0 <= value[PORT_KEY] < 10_000


def template_of(value: Any, tensors: list[Any], is_tensor: Any) -> Any:
    """``value`` (call arguments from a config) with each tensor replaced by its port; the
    tensors are appended to ``tensors`` in port order."""
    if is_tensor(value):
        tensors.append(value)
        return {PORT_KEY: len(tensors) - 1}
    if isinstance(value, (list, tuple)):
        return [template_of(v, tensors, is_tensor) for v in value]
    if isinstance(value, dict):
        return {k: template_of(v, tensors, is_tensor) for k, v in value.items()}
    return copy.deepcopy(value)


def fill(template: Any, inputs: list[Any]) -> Any:
    """The template with each port replaced by its input (tensor or variable name)."""
    if is_port(template):
        return inputs[int(template[PORT_KEY])]
    if isinstance(template, list):
        return [fill(v, inputs) for v in template]
    if isinstance(template, dict):
        return {k: fill(v, inputs) for k, v in template.items()}
    return template


def ports_used(template: Any) -> set[int]:
    if is_port(template):
        return {int(template[PORT_KEY])}
    values = template.values() if isinstance(template, dict) else (
        template if isinstance(template, list) else ())
    return set().union(*(ports_used(v) for v in values)) if values else set()


def op_arguments(call_kwargs: dict[str, Any], port_count: int) -> tuple[list[Any],
                                                                         dict[str, Any]]:
    """(positional template, keyword template) of an operation node; a node made without a
    template (from the palette) takes its inputs positionally, in port order."""
    kwargs = {k: v for k, v in call_kwargs.items() if k != ARGS_KEY}
    args = call_kwargs.get(ARGS_KEY)
    if not isinstance(args, list):
        taken = ports_used(kwargs)
        args = [{PORT_KEY: p} for p in range(port_count) if p not in taken]
    return args, kwargs


def call_operation(op: Any, call_kwargs: dict[str, Any], inputs: list[Any]) -> Any:
    args, kwargs = op_arguments(call_kwargs, len(inputs))
    needed = ports_used([args, kwargs])
    if needed and max(needed) >= len(inputs):
        raise ValueError(_("the operation takes {needed} input tensor(s) but {count} are "
                           "connected").format(needed=max(needed) + 1, count=len(inputs)))
    return op(*fill(args, inputs), **fill(kwargs, inputs))


def expected_inputs(call_kwargs: dict[str, Any]) -> int | None:
    """How many input tensors an imported operation call takes (None: any number)."""
    if not isinstance(call_kwargs.get(ARGS_KEY), list):
        return None
    used = ports_used([call_kwargs[ARGS_KEY],
                       {k: v for k, v in call_kwargs.items() if k != ARGS_KEY}])
    return max(used) + 1 if used else 0
