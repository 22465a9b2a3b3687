"""The short text a canvas node shows, for every kind of node: a layer ("Dense · 64 ·
relu"), an operation ("add(x, 3.0)"), a nested model ("augment · 3 layers") and a
second call of a shared layer (its owner's text, marked ⇄)."""
from __future__ import annotations

from typing import Any

from playground.network.elements import Node
from playground.network.graph import Graph
from playground.network.nested import inner_layer_count, is_group_type
from playground.network.operations import is_op_type, is_port, op_arguments, short_name
from playground.network.sharing import owner_of

_PORT_NAMES = "xyzuvw"


def _argument_text(value: Any) -> str:
    if is_port(value):
        port = int(value["__port__"])
        return _PORT_NAMES[port] if port < len(_PORT_NAMES) else f"x{port + 1}"
    if isinstance(value, list):
        return "[" + ", ".join(_argument_text(v) for v in value) + "]"
    return repr(value)


def operation_text(node: Node, port_count: int) -> str:
    """``add(x, 3.0)``: the operation with its tensors named by input (x = input 1)."""
    args, kwargs = op_arguments(node.call_kwargs, port_count)
    parts = [_argument_text(a) for a in args] + [f"{k}={_argument_text(v)}"
                                                 for k, v in kwargs.items()]
    parts += [f"{k}={v!r}" for k, v in node.params.items() if k != "dtype"]
    return f"{short_name(node.layer_type)}({', '.join(parts)})"


def node_title(graph: Graph, node: Node) -> str:
    if node.shares:
        owner = owner_of(graph, node)
        return f"⇄ {node_title(graph, owner) if owner is not None else node.label()}"
    if is_op_type(node.layer_type):
        return operation_text(node, len(graph.incoming(node.id)))
    if is_group_type(node.layer_type):
        return f"{node.display_name()} · {inner_layer_count(node.params)} layers"
    return node.label()
