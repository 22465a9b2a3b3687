"""The parts of a graph: a node (one Keras layer with its parameters, call arguments and
canvas position) and an edge (an output port of one node to an input port of another)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from playground.errors import ParameterError
from playground.i18n import _
from playground.network import catalog


Position = tuple[float, float]


@dataclass
class Node:
    """One Keras layer on the canvas.

    ``params`` holds constructor arguments in Keras config form (JSON-able: lists not
    tuples, activations as names, initializers as serialized dicts), so that
    ``KerasClass.from_config({**params, "name": ..., "trainable": ...})`` builds the layer.
    ``call_kwargs`` are non-tensor keyword arguments the layer is called with (kept from
    imported models, e.g. ``{"training": False}``).
    """

    id: str
    layer_type: str
    params: dict[str, Any]
    position: Position = (0.0, 0.0)
    name: str | None = None
    trainable: bool = True
    call_kwargs: dict[str, Any] = field(default_factory=dict)
    # How several input tensors are passed: "list" (layer([a, b])) or "positional"
    # (layer(a, b)); None means the catalog's choice for this layer type.
    call_style: str | None = None
    # Id of the node whose Keras layer this node calls again (a shared layer: one layer
    # object, one set of weights, several calls). Its own params are not used.
    shares: str | None = None

    @property
    def spec(self) -> catalog.LayerSpec:
        return catalog.get(self.layer_type)

    def label(self) -> str:
        """Short text for the canvas, e.g. "Dense · 64 · relu"."""
        return self.spec.summary(self.params)

    def display_name(self) -> str:
        return self.name or f"{self.layer_type} ({self.id})"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "type": self.layer_type,
            "params": self.params,
            "position": list(self.position),
            "trainable": self.trainable,
        }
        if self.name is not None:
            data["name"] = self.name
        if self.call_kwargs:
            data["call_kwargs"] = self.call_kwargs
        if self.call_style:
            data["call_style"] = self.call_style
        if self.shares:
            data["shares"] = self.shares
        return data


@dataclass(frozen=True)
class Edge:
    """Output ``source_port`` of ``source`` feeds input ``port`` of ``target``."""

    source: str
    target: str
    port: int = 0
    source_port: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "port": self.port,
                "source_port": self.source_port}


def as_position(position: Iterable[Any]) -> Position:
    try:
        x, y = position
        x, y = float(x), float(y)
    except (TypeError, ValueError):
        raise ParameterError((_("A position must be two numbers (x, y); received {position!r}.")
                                .format(position=position)),
                             param="position") from None
    if x != x or y != y or abs(x) > 1e9 or abs(y) > 1e9:
        raise ParameterError((_("A position must be two finite numbers; received {position!r}.")
                                .format(position=position)),
                             param="position")
    return (x, y)


def check_name(name: str, node_id: str) -> None:
    if not isinstance(name, str) or not name.strip() or "/" in name:
        raise ParameterError((_("Node {node_id}: a layer name must be non-empty text without '/'; "
                                "received {name!r}.")
                                .format(node_id=node_id, name=name)), node_id, "name")


def node_arguments(index: int, nd: Any) -> dict[str, Any]:
    """``Graph.add_node`` keyword arguments from node ``index`` of a graph file (checked)."""
    if not isinstance(nd, dict) or not isinstance(nd.get("id"), str) \
            or not isinstance(nd.get("type"), str):
        raise ParameterError((_("Node #{value} in the file has no valid 'id' and 'type'.")
                                .format(value=index + 1)))
    params = nd.get("params", {})
    if not isinstance(params, dict):
        raise ParameterError(_("Node {id}: 'params' must be an object.").format(id=nd['id']), nd["id"], "params")
    name = nd.get("name")
    if name is not None and not isinstance(name, str):
        raise ParameterError(_("Node {id}: 'name' must be text.").format(id=nd['id']), nd["id"], "name")
    call_kwargs = nd.get("call_kwargs", {})
    if not isinstance(call_kwargs, dict):
        raise ParameterError(_("Node {id}: 'call_kwargs' must be an object.").format(id=nd['id']),
                             nd["id"], "call_kwargs")
    shares = nd.get("shares")
    if shares is not None and not isinstance(shares, str):
        raise ParameterError(_("Node {id}: 'shares' must be a node id.").format(id=nd["id"]),
                             nd["id"], "shares")
    return {"layer_type": nd["type"], "params": params, "shares": shares,
            "position": as_position(nd.get("position", (0, 0))), "name": name,
            "trainable": bool(nd.get("trainable", True)), "node_id": nd["id"],
            "call_kwargs": call_kwargs, "call_style": nd.get("call_style")}


def edge_arguments(index: int, ed: Any) -> tuple[str, str, int, int]:
    """``Graph.connect`` arguments (source, target, port, source port) from connection
    ``index`` of a graph file (checked)."""
    if not isinstance(ed, dict):
        raise ParameterError((_("Connection #{value} in the file is not an object.")
                                .format(value=index + 1)))
    try:
        return (str(ed["source"]), str(ed["target"]), int(ed.get("port", 0)),
                int(ed.get("source_port", 0)))
    except (KeyError, TypeError, ValueError):
        raise ParameterError((_("Connection #{value} in the file needs 'source' and 'target' node ids "
                                "and whole-number ports.")
                                .format(value=index + 1))) from None
