"""Layers on the clipboard: the selection as tagged JSON text, and pasting it back as one
undo step.

A pasted layer is the copied one in full: type, parameters, name, trainable flag, the
keyword arguments it is called with and how it takes several inputs (``call_kwargs``,
``call_style``), and every connection among the copied layers with both of its ports (an
attention layer's query/value inputs, an LSTM's state output). The clipboard may hold text
from another version of the app or edited by hand, so everything is checked before any
layer is added; a refused paste changes nothing.
"""
from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication

from playground.errors import ParameterError
from playground.network.elements import edge_arguments, node_arguments
from playground.network.graph import Graph, Position
from ui.commands import AddNode, Batch, Connect

CLIPBOARD_TAG = "keras-playground-layers"


def selection_payload(graph: Graph, node_ids: list[str]) -> dict[str, Any] | None:
    """The chosen nodes and the connections among them (None when nothing is chosen)."""
    if not node_ids:
        return None
    chosen = set(node_ids)
    return {"nodes": [graph.node(n).to_dict() for n in node_ids],
            "edges": [e.to_dict() for e in graph.edges
                      if e.source in chosen and e.target in chosen]}


def payload_text(payload: dict[str, Any]) -> str:
    """Plain JSON text (tagged): pastes into another window of the app, and avoids handing a
    QMimeData to the clipboard, which crashes PySide at exit."""
    return json.dumps({CLIPBOARD_TAG: payload})


def payload_from_text(text: str) -> dict[str, Any] | None:
    """The layers in clipboard ``text``, or None when it holds none."""
    if not text.lstrip().startswith("{"):
        return None
    try:
        payload = json.loads(text)[CLIPBOARD_TAG]
    except (json.JSONDecodeError, KeyError, TypeError):
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("nodes"), list):
        return None
    return payload


def paste_command(graph: Graph, payload: dict[str, Any],
                  offset: Position) -> tuple[Batch, list[str]]:
    """One command adding copies of the payload's nodes (moved by ``offset``) and the
    connections among them, and the new node ids. Raises ParameterError for a malformed
    payload; the command itself raises the graph's typed error when a layer is refused."""
    nodes = payload.get("nodes", [])
    edges = payload.get("edges", [])
    if not isinstance(edges, list):
        raise ParameterError("The copied connections are not a list.")
    taken = {n.name for n in graph.nodes}
    id_map: dict[str, str] = {}
    steps: list[AddNode | Connect] = []
    sharing: list[tuple[AddNode, str]] = []  # pasted calls of a shared layer, its old id
    for index, data in enumerate(nodes):
        args = node_arguments(index, data)
        old_id = args.pop("node_id")
        new_id = graph.new_id()  # fixed now: the connections below refer to it
        x, y = args.pop("position")
        name = args.pop("name")
        if name is not None:  # Keras needs unique names: a taken one gets a suffix
            name = _fresh_name(name, taken)
        steps.append(AddNode(graph, args["layer_type"], (x + offset[0], y + offset[1]),
                             args["params"], name, args["trainable"], new_id,
                             args["call_kwargs"], args["call_style"]))
        if args["shares"]:
            sharing.append((steps[-1], args["shares"]))
        id_map[old_id] = new_id
    for step, owner in sharing:  # still a call of that layer: the pasted one, else the original
        step.shares = id_map.get(owner, owner if owner in graph else None)
    for index, data in enumerate(edges):
        source, target, port, source_port = edge_arguments(index, data)
        if source in id_map and target in id_map:
            steps.append(Connect(graph, id_map[source], id_map[target], port, source_port))
    text = QCoreApplication.translate("clipboard", "Paste %n layer(s)").replace("%n", str(len(id_map)))
    return Batch(graph, text, steps), list(id_map.values())


def _fresh_name(name: str, taken: set[str | None]) -> str:
    base, i = name, 1
    while name in taken:
        name, i = f"{base}_{i}", i + 1
    taken.add(name)
    return name
