"""The rules for a new connection: which input port it takes, and why it is refused (a loop,
an Input fed from a layer, a port already used or that does not exist, a duplicate)."""
from __future__ import annotations

from typing import Protocol

from playground.errors import ArityError, CycleError, DuplicateEdgeError
from playground.network.elements import Edge, Node


class Graph(Protocol):
    """What the rules read of the graph (the graph module imports this one)."""

    @property
    def edges(self) -> list[Edge]: ...
    def node(self, node_id: str) -> Node: ...
    def incoming(self, node_id: str) -> list[Edge]: ...
    def free_port(self, node_id: str) -> int | None: ...
    def descendants(self, node_id: str) -> set[str]: ...


def check_edge(graph: Graph, source: str, target: str, port: int | None,
               source_port: int) -> int:
    """The input port ``source -> target`` would take; raises the reason it is refused."""
    src, dst = graph.node(source), graph.node(target)
    spec = dst.spec
    if source == target:
        raise CycleError(f"{src.display_name()} cannot feed into itself.")
    if spec.max_inputs == 0:
        raise ArityError(f"{dst.display_name()} is an Input: it takes data from the "
                         "dataset, not from another layer. Connect it to the next layer "
                         "instead.")
    if source_port < 0:
        raise ArityError(f"Output {source_port} of {src.display_name()} does not exist.")
    # The same tensor may feed two ports on purpose (self-attention: query = value), so
    # only an unaimed repeat (no port chosen) counts as an accidental duplicate.
    for e in graph.edges:
        if e.source == source and e.target == target and e.source_port == source_port \
                and (port is None or port == e.port):
            raise DuplicateEdgeError(f"{src.display_name()} is already connected to "
                                     f"{dst.display_name()}. To feed the same output into "
                                     "a second input on purpose, drop it on that input.")
    used = {e.port for e in graph.incoming(target)}
    if port is None:
        port = graph.free_port(target)
        if port is None:
            raise ArityError(full_message(dst))
    if port < 0 or (spec.max_inputs is not None and port >= spec.max_inputs):
        raise ArityError(f"{dst.display_name()} has no input {port + 1}: it takes "
                         f"{spec.arity_text()}.")
    if port in used:
        raise ArityError(full_message(dst, port))
    if source in graph.descendants(target):
        raise CycleError(f"Connecting {src.display_name()} to {dst.display_name()} would "
                         "make a loop (data would flow in a circle). Connect layers so data "
                         "always flows forward.")
    return port


def full_message(dst: Node, port: int | None = None) -> str:
    spec = dst.spec
    if spec.max_inputs == 1:
        return (f"{dst.display_name()} already has an input: it takes one. Remove the "
                "existing connection first, or use a merge layer (Add, Concatenate) to "
                "combine several.")
    which = f"Input {port + 1} of " if port is not None else "Every input of "
    return (f"{which}{dst.display_name()} is already connected. Remove that connection "
            "first.")

