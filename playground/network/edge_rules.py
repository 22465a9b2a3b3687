"""The rules for a new connection: which input port it takes, and why it is refused (a loop,
an Input fed from a layer, a port already used or that does not exist, a duplicate)."""
from __future__ import annotations

from typing import Protocol

from playground.errors import ArityError, CycleError, DuplicateEdgeError
from playground.i18n import _
from playground.network.elements import Edge, Node
from playground.network.operations import PORT_KEY


class Graph(Protocol):
    """What the rules read of the graph (the graph module imports this one)."""

    @property
    def edges(self) -> list[Edge]: ...
    def node(self, node_id: str) -> Node: ...
    def incoming(self, node_id: str) -> list[Edge]: ...
    def free_port(self, node_id: str) -> int | None: ...
    def descendants(self, node_id: str) -> set[str]: ...


def check_edge(graph: Graph, source: str, target: str, port: int | None,
               source_port: int, check_cycle: bool = True) -> int:
    """The input port ``source -> target`` would take; raises the reason it is refused."""
    src, dst = graph.node(source), graph.node(target)
    spec = dst.spec
    if source == target:
        raise CycleError((_("{display_name} cannot feed into itself.")
                            .format(display_name=src.display_name())))
    if spec.max_inputs == 0:
        raise ArityError((_("{display_name} is an Input: it takes data from the dataset, not from "
                            "another layer. Connect it to the next layer instead.")
                            .format(display_name=dst.display_name())))
    if source_port < 0:
        raise ArityError((_("Output {source_port} of {display_name} does not exist.")
                            .format(source_port=source_port, display_name=src.display_name())))
    # The same tensor may feed two ports on purpose (self-attention: query = value), so
    # only an unaimed repeat (no port chosen) counts as an accidental duplicate.
    for e in graph.outgoing(source):
        if e.source == source and e.target == target and e.source_port == source_port \
                and (port is None or port == e.port):
            raise DuplicateEdgeError((_("{display_name} is already connected to {display_name2}. To feed the "
                                        "same output into a second input on purpose, drop it on that input.")
                                        .format(display_name=src.display_name(), display_name2=dst.display_name())))
    used = {e.port for e in graph.incoming(target)}
    if port is None:
        port = graph.free_port(target)
        if port is None:
            raise ArityError(full_message(dst))
    # A tensor passed by keyword (mask=, attention_mask=, query_mask=: Keras passes an
    # implicit mask this way) is an extra port of the call, beyond the layer's own inputs.
    if port < 0 or (spec.max_inputs is not None and port >= spec.max_inputs
                    and port not in keyword_ports(dst)):
        raise ArityError((_("{display_name} has no input {value}: it takes {arity_text}.")
                            .format(display_name=dst.display_name(), value=port + 1, arity_text=spec.arity_text())))
    if port in used:
        raise ArityError(full_message(dst, port))
    if check_cycle and source in graph.descendants(target):
        raise CycleError((_("Connecting {display_name} to {display_name2} would make a loop (data "
                            "would flow in a circle). Connect layers so data always flows forward.")
                            .format(display_name=src.display_name(), display_name2=dst.display_name())))
    return port


def keyword_ports(node: Node) -> dict[int, str]:
    """Input port -> keyword, for the tensors ``node``'s call passes by keyword."""
    ports: dict[int, str] = {}
    for key, value in node.call_kwargs.items():
        if isinstance(value, dict) and set(value) == {PORT_KEY} \
                and isinstance(value[PORT_KEY], int):
            ports[value[PORT_KEY]] = key
    return ports


def full_message(dst: Node, port: int | None = None) -> str:
    spec = dst.spec
    if spec.max_inputs == 1:
        return (_("{display_name} already has an input: it takes one. Remove the existing "
                  "connection first, or use a merge layer (Add, Concatenate) to combine "
                  "several.").format(display_name=dst.display_name()))
    if port is not None:
        return _("Input {port} of {display_name} is already connected. Remove that "
                 "connection first.").format(port=port + 1, display_name=dst.display_name())
    return _("Every input of {display_name} is already connected. Remove a connection "
             "first.").format(display_name=dst.display_name())
