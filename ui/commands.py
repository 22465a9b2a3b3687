"""Undo commands. Each one only calls Graph mutators, so the graph stays the single truth.

Commands are applied with :func:`execute`: the edit runs first (a refused edit raises its
typed error and nothing is pushed), then the command goes on the stack without running
twice. A gesture that touches several things (paste, delete a selection, insert a layer
into a connection) is one :class:`Batch`: all of its steps are done, or, when one is
refused, the ones already done are undone and nothing at all reaches the undo stack.
"""
from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from playground.network.graph import Edge, Graph, Position
from playground.network.groups import set_group_trainable
from playground.network.nested import is_group_type
from playground.network.pretrained import is_pretrained_type


def tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


class GraphCommand(QUndoCommand):
    """Base: ``do()`` and ``undo()`` change the graph; the first redo is skipped because
    :func:`execute` already ran ``do()`` to surface errors before pushing."""

    def __init__(self, graph: Graph, text: str) -> None:
        super().__init__(text)
        self.graph = graph
        self._done_once = False

    def do(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._done_once:
            self._done_once = False
            return
        self.do()


class Batch(GraphCommand):
    """Several commands as one undo step, done in order and undone in reverse.

    A step may depend on an earlier one (a connection to a node added before it): give
    new nodes their ids up front with ``graph.new_id()``."""

    def __init__(self, graph: Graph, text: str, steps: list[GraphCommand]) -> None:
        super().__init__(graph, text)
        self.steps = list(steps)

    def do(self) -> None:
        done: list[GraphCommand] = []
        try:
            for step in self.steps:
                step.do()
                done.append(step)
        except BaseException:
            for step in reversed(done):  # all or nothing: the graph is as it was
                step.undo()
            raise

    def undo(self) -> None:
        for step in reversed(self.steps):
            step.undo()


def execute(stack: QUndoStack, command: GraphCommand) -> GraphCommand:
    """Run ``command`` now (raising its error if refused), then record it for undo."""
    command.do()
    command._done_once = True
    stack.push(command)
    return command


class AddNode(GraphCommand):
    def __init__(self, graph: Graph, layer_type: str, position: Position,
                 params: dict[str, Any] | None = None, name: str | None = None,
                 trainable: bool | None = None, node_id: str | None = None,
                 call_kwargs: dict[str, Any] | None = None,
                 call_style: str | None = None, shares: str | None = None) -> None:
        super().__init__(graph, tr("Add %1").replace("%1", layer_type))
        self.shares = shares  # another call of that node's layer (a shared layer)
        if trainable is None:  # a pretrained base arrives frozen (transfer learning)
            trainable = not is_pretrained_type(layer_type)
        self.layer_type = layer_type
        self.position = position
        self.params = copy.deepcopy(params)
        self.name = name
        self.trainable = trainable
        self.node_id = node_id  # fixed at the first do() so redo recreates the same id
        self.call_kwargs = copy.deepcopy(call_kwargs)
        self.call_style = call_style

    def do(self) -> None:
        node = self.graph.add_node(self.layer_type, self.params, self.position, self.name,
                                   self.trainable, self.node_id, self.call_kwargs,
                                   self.call_style, shares=self.shares)
        self.node_id = node.id

    def undo(self) -> None:
        self.graph.remove_node(self.node_id)


class RemoveNodes(GraphCommand):
    """Delete nodes and every edge touching them; undo restores ids, params and edges."""

    def __init__(self, graph: Graph, node_ids: list[str]) -> None:
        super().__init__(graph, tr("Delete %n layer(s)").replace("%n", str(len(node_ids))))
        self.node_ids = list(node_ids)
        self._saved: list[tuple[int, dict[str, Any]]] = []
        self._edges: list[Edge] = []
        self._input_order: list[str] = []
        self._output_order: list[str] = []

    def do(self) -> None:
        ids = set(self.node_ids)
        # Saved in node order with their positions in it, so undo puts each node back in
        # place (node order decides the order of model inputs/outputs not listed).
        ordered = sorted(self.node_ids, key=self.graph.node_index)
        self._saved = [(self.graph.node_index(n), copy.deepcopy(self.graph.node(n).to_dict()))
                       for n in ordered]
        self._edges = [e for e in self.graph.edges if e.source in ids or e.target in ids]
        self._input_order = list(self.graph.input_order)
        self._output_order = list(self.graph.output_order)
        for nid in self.node_ids:
            self.graph.remove_node(nid)

    def undo(self) -> None:
        for index, data in self._saved:
            self.graph.add_node(data["type"], data["params"], tuple(data["position"]),
                                data.get("name"), data["trainable"], data["id"],
                                data.get("call_kwargs"), data.get("call_style"), index=index)
        for edge in self._edges:
            self.graph.connect(edge.source, edge.target, edge.port, edge.source_port)
        self.graph.input_order = [i for i in self._input_order if i in self.graph]
        self.graph.output_order = [i for i in self._output_order if i in self.graph]


class Connect(GraphCommand):
    """Output ``source_port`` of ``source`` to input ``port`` of ``target`` (the first free
    input when None). ``if_allowed``: a refused connection is skipped, not an error (the
    new layer of "add after the selection" is connected only where it fits)."""

    def __init__(self, graph: Graph, source: str, target: str, port: int | None = None,
                 source_port: int = 0, if_allowed: bool = False) -> None:
        super().__init__(graph, tr("Connect layers"))
        self.source, self.target, self.port = source, target, port
        self.source_port, self.if_allowed = source_port, if_allowed
        self.edge: Edge | None = None

    def do(self) -> None:
        if self.if_allowed and self.graph.can_connect(
                self.source, self.target, self.port, self.source_port) is not None:
            self.edge = None
            return
        self.edge = self.graph.connect(self.source, self.target, self.port, self.source_port)
        self.port = self.edge.port  # redo takes the same input again

    def undo(self) -> None:
        if self.edge is not None:
            self.graph.disconnect(self.edge)


class Disconnect(GraphCommand):
    def __init__(self, graph: Graph, edge: Edge) -> None:
        super().__init__(graph, tr("Remove connection"))
        self.edge = edge

    def do(self) -> None:
        self.graph.disconnect(self.edge)

    def undo(self) -> None:
        e = self.edge
        self.graph.connect(e.source, e.target, e.port, e.source_port)


class SetParams(GraphCommand):
    def __init__(self, graph: Graph, node_id: str, updates: dict[str, Any]) -> None:
        names = ", ".join(updates)
        super().__init__(graph, tr("Change %1").replace("%1", names))
        self.node_id = node_id
        self.updates = copy.deepcopy(updates)
        self._old = {k: copy.deepcopy(graph.node(node_id).params.get(k)) for k in updates}
        self._had = {k: k in graph.node(node_id).params for k in updates}

    def do(self) -> None:
        self.graph.set_params(self.node_id, self.updates)

    def undo(self) -> None:
        if all(self._had.values()):
            self.graph.set_params(self.node_id, self._old)
            return
        params = copy.deepcopy(self.graph.node(self.node_id).params)
        for key, had in self._had.items():
            if had:
                params[key] = self._old[key]
            else:
                params.pop(key, None)
        self.graph.replace_params(self.node_id, params)


class ReplaceParams(GraphCommand):
    """Replace a (generic) node's whole configuration."""

    def __init__(self, graph: Graph, node_id: str, params: dict[str, Any]) -> None:
        super().__init__(graph, tr("Edit configuration"))
        self.node_id = node_id
        self.params = copy.deepcopy(params)
        self._old = copy.deepcopy(graph.node(node_id).params)

    def do(self) -> None:
        self.graph.replace_params(self.node_id, copy.deepcopy(self.params))

    def undo(self) -> None:
        self.graph.replace_params(self.node_id, copy.deepcopy(self._old))


class Rename(GraphCommand):
    def __init__(self, graph: Graph, node_id: str, name: str | None) -> None:
        super().__init__(graph, tr("Rename layer"))
        self.node_id, self.name = node_id, name
        self._old = graph.node(node_id).name

    def do(self) -> None:
        self.graph.rename_node(self.node_id, self.name)

    def undo(self) -> None:
        self.graph.rename_node(self.node_id, self._old)


class SetTrainable(GraphCommand):
    """Freeze or unfreeze a layer; a nested model with every layer inside it (one click,
    as ``base.trainable = False`` in Keras)."""

    def __init__(self, graph: Graph, node_id: str, trainable: bool) -> None:
        super().__init__(graph, tr("Freeze layer") if not trainable else tr("Unfreeze layer"))
        self.node_id, self.trainable = node_id, trainable
        self._old = graph.node(node_id).trainable  # not "not trainable": it may not change
        self._old_params = (copy.deepcopy(graph.node(node_id).params)
                            if is_group_type(graph.node(node_id).layer_type) else None)

    def do(self) -> None:
        set_group_trainable(self.graph, self.node_id, self.trainable)

    def undo(self) -> None:
        if self._old_params is not None:
            self.graph.replace_params(self.node_id, copy.deepcopy(self._old_params))
        self.graph.set_trainable(self.node_id, self._old)


class MoveNodes(GraphCommand):
    """One whole drag (or an automatic layout): every moved node in one undo entry."""

    def __init__(self, graph: Graph, moves: dict[str, tuple[Position, Position]],
                 text: str | None = None) -> None:
        super().__init__(graph, text or tr("Move %n layer(s)").replace("%n", str(len(moves))))
        self.moves = dict(moves)

    def do(self) -> None:
        for nid, (_old, new) in self.moves.items():
            self.graph.move_node(nid, new)

    def undo(self) -> None:
        for nid, (old, _new) in self.moves.items():
            self.graph.move_node(nid, old)
