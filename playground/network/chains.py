"""Straight chains of layers: the most common graph (an MLP, a small CNN), built in one call.

Used by the preset builder, the CLI-free scripts in ``benchmarks/`` and the tests, which
otherwise each wired ``add_node``/``connect`` by hand.
"""
from __future__ import annotations

from typing import Any, Iterable, Union

from playground.network.graph import Graph, Node

# A layer type alone ("Flatten") or with its parameters (("Dense", {"units": 8})).
LayerStep = Union[str, tuple[str, dict[str, Any]]]


def add_chain(graph: Graph, layers: Iterable[LayerStep], spacing: float = 0.0,
              frozen: Iterable[int] = ()) -> list[Node]:
    """Add ``layers`` to ``graph``, each connected into the next; returns the new nodes.

    ``spacing`` > 0 places them top to bottom that far apart (else all at the origin, for
    ``auto_layout`` to arrange); layers at the positions in ``frozen`` are not trainable.
    Raises the graph's own errors (unknown type, refused parameter, arity)."""
    frozen = set(frozen)
    nodes: list[Node] = []
    for i, step in enumerate(layers):
        layer_type, params = (step, {}) if isinstance(step, str) else step
        node = graph.add_node(layer_type, params, (0.0, i * spacing),
                              trainable=i not in frozen)
        if nodes:
            graph.connect(nodes[-1].id, node.id)
        nodes.append(node)
    return nodes


def chain_graph(layers: Iterable[LayerStep], name: str = "", spacing: float = 0.0) -> Graph:
    """A new graph holding just the chain of ``layers``."""
    graph = Graph(name or "model")
    add_chain(graph, layers, spacing)
    return graph
