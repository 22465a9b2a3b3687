"""Shared layers: one Keras layer object called in several places (Siamese towers, a
shared embedding). The first call is an ordinary node (the owner); every further call is a
node whose ``shares`` names the owner. Only the owner holds parameters and weights; a
sharing node is drawn linked to it and is edited through it.

Keras numbers a layer's calls in the order they are made, and the saved config refers to
them by that number, so the model is built in :func:`call_order`: a topological order in
which the owner is called first and the sharing nodes after it, in node order.
"""
from __future__ import annotations

from playground.i18n import _
from playground.network.elements import Node
from playground.network.graph import Graph


def owner_of(graph: Graph, node: Node) -> Node | None:
    """The node whose layer ``node`` calls (``node`` itself when it shares nothing); None
    when the owner was deleted or is itself a sharing node."""
    if not node.shares:
        return node
    if node.shares not in graph:
        return None
    owner = graph.node(node.shares)
    if owner.shares or owner.layer_type != node.layer_type:
        return None
    return owner


def sharing_nodes(graph: Graph, owner_id: str) -> list[Node]:
    """The nodes that call ``owner_id``'s layer again, in call order."""
    return [n for n in graph if n.shares == owner_id]


def call_order(graph: Graph) -> list[Node]:
    """Nodes so that each comes after its inputs, and every call of a shared layer after its
    earlier calls (owner first); ties broken by node order, like ``topological_order``."""
    after: dict[str, list[str]] = {n.id: [] for n in graph}
    indegree = {n.id: 0 for n in graph}
    for e in graph.edges:
        after[e.source].append(e.target)
        indegree[e.target] += 1
    previous: dict[str, str] = {}
    for node in graph:
        if node.shares and node.shares in graph:
            before = previous.get(node.shares, node.shares)
            after[before].append(node.id)
            indegree[node.id] += 1
            previous[node.shares] = node.id
    position = {n.id: i for i, n in enumerate(graph)}
    ready = [nid for nid, d in indegree.items() if d == 0]
    order: list[Node] = []
    while ready:
        ready.sort(key=position.__getitem__, reverse=True)
        nid = ready.pop()
        order.append(graph.node(nid))
        for target in after[nid]:
            indegree[target] -= 1
            if indegree[target] == 0:
                ready.append(target)
    if len(order) < len(graph):  # a sharing node feeds its own owner: not a valid model
        done = {n.id for n in order}
        order += [n for n in graph if n.id not in done]
    return order


def sharing_problem(graph: Graph, node: Node) -> str | None:
    """Why a sharing node cannot be built, in words, or None."""
    if not node.shares:
        return None
    if owner_of(graph, node) is not None:
        if node.shares in graph.descendants(node.id):
            return _("{name} calls the layer of {owner}, which comes after it: a shared "
                     "layer must be called first where it is defined. Connect them the "
                     "other way round.").format(name=node.display_name(),
                                                owner=graph.node(node.shares).display_name())
        return None
    if node.shares not in graph:
        return _("{name} shares the layer of a node that was deleted: delete it too, or "
                 "replace it with a new layer.").format(name=node.display_name())
    return _("{name} shares the layer of {owner}, which is not the same kind of layer: "
             "replace it with a new layer.").format(
                 name=node.display_name(), owner=graph.node(node.shares).display_name())
