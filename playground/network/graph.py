"""The model graph: the single source of truth the canvas draws and Keras is built from.

Nodes are Keras layers (type, Keras-config-style parameters, canvas position); edges run
from a node's output to an ordered input port of another node. Every mutator validates
first and raises a typed :mod:`playground.errors` error, leaving the graph unchanged, then
emits a psygnal event so any view (Qt or not) can mirror the change.
"""
from __future__ import annotations

import copy
import heapq
import itertools
from typing import Any, Iterator

from psygnal import Signal

from playground.i18n import _
from playground.network import catalog
from playground.network.edge_rules import check_edge
from playground.network.elements import (Edge, Node, Position, as_position, check_name,
                                         edge_arguments, node_arguments)
from playground.errors import (
    ArityError,
    CycleError,
    DuplicateEdgeError,
    NodeNotFoundError,
    ParameterError,
)

class Graph:
    """A directed acyclic graph of layers with change events.

    Events (psygnal, usable without Qt): ``node_added(Node)``, ``node_removed(Node)``,
    ``node_changed(Node)`` (params, name, trainable), ``node_moved(Node)``,
    ``edge_added(Edge)``, ``edge_removed(Edge)``, and ``changed()`` after any of them.
    ``structure_changed()`` fires only when the model itself may change (not on moves),
    which is what shape inference listens to.
    """

    node_added = Signal(Node)
    node_removed = Signal(Node)
    node_changed = Signal(Node)
    node_moved = Signal(Node)
    edge_added = Signal(Edge)
    edge_removed = Signal(Edge)
    changed = Signal()
    structure_changed = Signal()

    def __init__(self, name: str = "model") -> None:
        self.name = name
        self._nodes: dict[str, Node] = {}
        self._edges: list[Edge] = []
        # Edges by target and by source: every query is linear in the node's own edges, so
        # loading a 20 000-node file takes a fraction of a second, not many.
        self._in: dict[str, list[Edge]] = {}
        self._out: dict[str, list[Edge]] = {}
        # Model inputs/outputs in order; nodes not listed come after, in node order.
        self.input_order: list[str] = []
        self.output_order: list[str] = []
        self._ids = itertools.count(1)

    # ----------------------------------------------------------------- queries
    @property
    def nodes(self) -> list[Node]:
        return list(self._nodes.values())

    @property
    def edges(self) -> list[Edge]:
        return list(self._edges)

    def __len__(self) -> int:
        return len(self._nodes)

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._nodes

    def __iter__(self) -> Iterator[Node]:
        return iter(list(self._nodes.values()))

    def node(self, node_id: str) -> Node:
        try:
            return self._nodes[node_id]
        except KeyError:
            raise NodeNotFoundError((_("There is no node with id {node_id!r} in the graph.")
                                       .format(node_id=node_id))) from None

    def incoming(self, node_id: str) -> list[Edge]:
        """Edges into ``node_id`` ordered by input port."""
        return sorted(self._in.get(node_id, ()), key=lambda e: e.port)

    def outgoing(self, node_id: str) -> list[Edge]:
        return list(self._out.get(node_id, ()))

    def node_index(self, node_id: str) -> int:
        """Position of the node in node order (which orders unlisted model inputs/outputs)."""
        self.node(node_id)
        return list(self._nodes).index(node_id)

    def predecessors(self, node_id: str) -> list[str]:
        return [e.source for e in self.incoming(node_id)]

    def successors(self, node_id: str) -> list[str]:
        seen: dict[str, None] = {}
        for e in self.outgoing(node_id):
            seen.setdefault(e.target)
        return list(seen)

    def input_nodes(self) -> list[Node]:
        """Input layers in model input order."""
        found = [n.id for n in self._nodes.values() if n.spec.is_input]
        ordered = [i for i in self.input_order if i in found]
        ordered += [i for i in found if i not in ordered]
        return [self._nodes[i] for i in ordered]

    def output_nodes(self) -> list[Node]:
        """Nodes whose result leaves the model: non-input sinks, in output order."""
        sinks = [n.id for n in self._nodes.values()
                 if not n.spec.is_input and not self.outgoing(n.id)]
        ordered = [i for i in self.output_order if i in sinks]
        ordered += [i for i in sinks if i not in ordered]
        return [self._nodes[i] for i in ordered]

    def topological_order(self) -> list[Node]:
        """Nodes so that every node comes after its inputs (stable: node order breaks ties)."""
        position = {nid: i for i, nid in enumerate(self._nodes)}
        indegree = {nid: len(self._in.get(nid, ())) for nid in self._nodes}
        ready = [position[nid] for nid, d in indegree.items() if d == 0]
        heapq.heapify(ready)  # the earliest ready node first, without sorting each step
        ids = list(self._nodes)
        order: list[Node] = []
        while ready:
            nid = ids[heapq.heappop(ready)]
            order.append(self._nodes[nid])
            for e in self._out.get(nid, ()):
                indegree[e.target] -= 1
                if indegree[e.target] == 0:
                    heapq.heappush(ready, position[e.target])
        return order

    def free_port(self, node_id: str) -> int | None:
        """Lowest unused input port of ``node_id``, or None when every port is taken."""
        spec = self.node(node_id).spec
        used = {e.port for e in self.incoming(node_id)}
        limit = spec.max_inputs if spec.max_inputs is not None else len(used) + 1
        return next((p for p in range(limit) if p not in used), None)

    def new_id(self) -> str:
        while True:
            candidate = f"n{next(self._ids)}"
            if candidate not in self._nodes:
                return candidate

    def unique_name(self, base: str) -> str:
        taken = {n.name for n in self._nodes.values()}
        if base not in taken:
            return base
        for i in itertools.count(1):
            if f"{base}_{i}" not in taken:
                return f"{base}_{i}"
        raise AssertionError("unreachable")

    # ---------------------------------------------------------------- mutators
    def add_node(
        self,
        layer_type: str,
        params: dict[str, Any] | None = None,
        position: Position = (0.0, 0.0),
        name: str | None = None,
        trainable: bool = True,
        node_id: str | None = None,
        call_kwargs: dict[str, Any] | None = None,
        call_style: str | None = None,
        index: int | None = None,
        shares: str | None = None,
        *,
        _loading: bool = False,
    ) -> Node:
        """Add a layer; missing parameters take the catalog's defaults.

        Raises UnknownLayerTypeError for a type that is neither in the catalog nor a
        built-in Keras layer, ParameterError for a refused value.
        """
        spec = catalog.get(layer_type)  # raises UnknownLayerTypeError
        if node_id is None:
            node_id = self.new_id()
        elif node_id in self._nodes:
            raise ParameterError((_("A node with id {node_id!r} already exists.")
                                    .format(node_id=node_id)), node_id, "id")
        merged = spec.default_params()
        merged.update(copy.deepcopy(params or {}))
        where = _("{layer_type} node {node_id}").format(layer_type=layer_type,
                                                         node_id=node_id)
        for key, value in list(merged.items()):
            p = spec.param(key)
            if p is not None:
                merged[key] = p.validate(value, where=where)
        if name is not None:
            check_name(name, node_id)
            if not _loading and any(n.name == name for n in self._nodes.values()):
                raise ParameterError(
                    _("The name {name!r} is already used by another node: layer names must be "
                      "unique. Choose another name.").format(name=name), node_id, "name")
        if call_style not in (None, "single", "list", "positional"):
            raise ParameterError((_("Node {node_id}: call_style must be 'single', 'list' or 'positional'.")
                                    .format(node_id=node_id)),
                                 node_id, "call_style")
        node = Node(node_id, spec.type_name, merged, as_position(position), name,
                    bool(trainable), copy.deepcopy(dict(call_kwargs or {})), call_style,
                    shares)
        if index is None or index >= len(self._nodes):
            self._nodes[node_id] = node
        else:  # back at its old place (undo of a delete): node order decides model I/O order
            items = list(self._nodes.items())
            items.insert(max(index, 0), (node_id, node))
            self._nodes = dict(items)
        if not _loading:  # a graph being read from a file has no listeners yet
            self.node_added.emit(node)
            self._emit_structure()
        return node

    def remove_node(self, node_id: str) -> Node:
        """Remove a node and every edge touching it (edge_removed is emitted for each)."""
        node = self.node(node_id)
        touching = list(dict.fromkeys(self._in.get(node_id, []) + self._out.get(node_id, [])))
        for e in touching:
            self._remove_edge(e)
            self.edge_removed.emit(e)
        del self._nodes[node_id]
        for order in (self.input_order, self.output_order):
            if node_id in order:
                order.remove(node_id)
        self.node_removed.emit(node)
        self._emit_structure()
        return node

    def set_param(self, node_id: str, key: str, value: Any) -> None:
        self.set_params(node_id, {key: value})

    def set_params(self, node_id: str, updates: dict[str, Any]) -> None:
        """Change parameters; every value is validated before any is applied."""
        node = self.node(node_id)
        spec = node.spec
        checked: dict[str, Any] = {}
        for key, value in updates.items():
            p = spec.param(key)
            if p is None and not spec.is_generic and key not in node.params:
                raise ParameterError(
                    (_("{display_name}: {type_name} has no parameter {key!r}. Its parameters "
                       "are: {value}.")
                       .format(display_name=node.display_name(), type_name=spec.type_name, key=key, value=', '.join(q.name for q in spec.params))),
                    node_id, key)
            checked[key] = (p.validate(value, where=node.display_name())
                            if p is not None else copy.deepcopy(value))
        if all(node.params.get(k) == v for k, v in checked.items()):
            return
        node.params.update(checked)
        self.node_changed.emit(node)
        self._emit_structure()

    def replace_params(self, node_id: str, params: dict[str, Any]) -> None:
        """Replace the whole parameter dict (generic nodes edited as config text)."""
        node = self.node(node_id)
        if not isinstance(params, dict):
            raise ParameterError((_("{display_name}: the configuration must be a JSON object ({{...}}).")
                                    .format(display_name=node.display_name())), node_id, "config")
        # Catalog parameters left out take their defaults, as when the file is loaded
        # again (from_dict -> add_node): otherwise a save + reopen would not be equal.
        checked = {} if node.spec.is_generic else node.spec.default_params()
        for key, value in params.items():
            p = node.spec.param(key)
            checked[key] = (p.validate(value, where=node.display_name()) if p is not None
                            else copy.deepcopy(value))
        node.params = checked
        self.node_changed.emit(node)
        self._emit_structure()

    def rename_node(self, node_id: str, name: str | None) -> None:
        node = self.node(node_id)
        if name == node.name:
            return
        if name is not None:
            check_name(name, node_id)
            if any(n.name == name and n.id != node_id for n in self._nodes.values()):
                raise ParameterError(
                    _("The name {name!r} is already used by another node: layer names must be "
                      "unique. Choose another name.").format(name=name), node_id, "name")
        node.name = name
        self.node_changed.emit(node)
        self._emit_structure()

    def set_trainable(self, node_id: str, trainable: bool) -> None:
        node = self.node(node_id)
        if node.trainable == bool(trainable):
            return
        node.trainable = bool(trainable)
        self.node_changed.emit(node)
        self._emit_structure()

    def move_node(self, node_id: str, position: Position) -> None:
        node = self.node(node_id)
        pos = as_position(position)
        if pos == node.position:
            return
        node.position = pos
        self.node_moved.emit(node)
        self.changed.emit()

    def can_connect(self, source: str, target: str, port: int | None = None,
                    source_port: int = 0) -> str | None:
        """Why ``source -> target`` would be refused, or None when it is allowed."""
        try:
            self._check_edge(source, target, port, source_port)
        except (ArityError, CycleError, DuplicateEdgeError, NodeNotFoundError) as exc:
            return str(exc)
        return None

    def connect(self, source: str, target: str, port: int | None = None,
                source_port: int = 0) -> Edge:
        """Connect an output to an input port (the first free port when ``port`` is None)."""
        port = self._check_edge(source, target, port, source_port)
        edge = Edge(source, target, port, source_port)
        self._add_edge(edge)
        self.edge_added.emit(edge)
        self._emit_structure()
        return edge

    def disconnect(self, edge: Edge) -> None:
        if edge not in self._edges:
            raise NodeNotFoundError((_("There is no connection {source} -> {target} (input {value}).")
                                       .format(source=edge.source, target=edge.target, value=edge.port + 1)))
        self._remove_edge(edge)
        self.edge_removed.emit(edge)
        self._emit_structure()

    def clear(self) -> None:
        for node in list(self._nodes):
            self.remove_node(node)
        self.input_order.clear()
        self.output_order.clear()

    # -------------------------------------------------------------- internals
    def _check_edge(self, source: str, target: str, port: int | None, source_port: int) -> int:
        return check_edge(self, source, target, port, source_port)

    def _add_edge(self, edge: Edge) -> None:
        self._edges.append(edge)
        self._in.setdefault(edge.target, []).append(edge)
        self._out.setdefault(edge.source, []).append(edge)

    def _remove_edge(self, edge: Edge) -> None:
        self._edges.remove(edge)
        self._in[edge.target].remove(edge)
        self._out[edge.source].remove(edge)

    def descendants(self, node_id: str) -> set[str]:
        """Nodes reachable from ``node_id``. An edge source->target would close a loop
        exactly when source is among target's descendants."""
        reach: set[str] = set()
        stack = [node_id]
        while stack:
            for t in self.successors(stack.pop()):
                if t not in reach:
                    reach.add(t)
                    stack.append(t)
        return reach

    def _emit_structure(self) -> None:
        self.structure_changed.emit()
        self.changed.emit()

    # ------------------------------------------------------------ (de)serialize
    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "nodes": [n.to_dict() for n in self._nodes.values()],
            "edges": [e.to_dict() for e in self._edges],
            "input_order": list(self.input_order),
            "output_order": list(self.output_order),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Graph":
        """Rebuild a graph from :meth:`to_dict` output, validating everything.

        Raises GraphError subclasses (with the node named) for bad content, TypeError /
        KeyError are turned into ParameterError so callers see one family of errors.
        """
        if not isinstance(data, dict):
            raise ParameterError(_("The graph must be a JSON object with 'nodes' and 'edges'."))
        graph = cls(str(data.get("name", "model")))
        nodes = data.get("nodes", [])
        edges = data.get("edges", [])
        if not isinstance(nodes, list) or not isinstance(edges, list):
            raise ParameterError(_("The graph's 'nodes' and 'edges' must be lists."))
        named: set[str] = set()
        for i, nd in enumerate(nodes):
            arguments = node_arguments(i, nd)
            name = arguments.get("name")
            if isinstance(name, str) and name in named:
                raise ParameterError(
                    _("The name {name!r} is already used by another node: layer names must be "
                      "unique. Choose another name.").format(name=name),
                    arguments.get("node_id"), "name")
            if isinstance(name, str):
                named.add(name)
            graph.add_node(**arguments, _loading=True)
        for i, ed in enumerate(edges):
            source, target, port, source_port = edge_arguments(i, ed)
            # loops are looked for once below, not per edge (that is quadratic)
            port = check_edge(graph, source, target, port, source_port, check_cycle=False)
            graph._add_edge(Edge(source, target, port, source_port))
        if len(graph.topological_order()) != len(graph):
            raise CycleError(_("The connections in the file make a loop (data would flow in "
                               "a circle); the file is damaged."))
        for key in ("input_order", "output_order"):
            order = data.get(key, [])
            if isinstance(order, list):
                setattr(graph, key, [o for o in order if isinstance(o, str) and o in graph])
        return graph

    def copy(self) -> "Graph":
        """An independent copy with the same ids, for a worker thread or a trial edit.

        Structural: every node was validated when it was added or changed (by rules that
        never depend on Keras being loaded), so the copy needs no second check and cannot
        raise. Files and the clipboard go through :meth:`from_dict`, which validates."""
        twin = Graph(self.name)
        twin._nodes = {nid: copy.deepcopy(node) for nid, node in self._nodes.items()}
        twin._edges = list(self._edges)  # edges are frozen
        twin._in = {k: list(v) for k, v in self._in.items()}
        twin._out = {k: list(v) for k, v in self._out.items()}
        twin.input_order = list(self.input_order)
        twin.output_order = list(self.output_order)
        return twin
