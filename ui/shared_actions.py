"""Calling a layer again, with the same weights (a shared layer, as in a Siamese network):
the canvas's context menu offers it on a layer; the new node is a second call of that
layer (dashed, marked ⇄) that can be connected to another input."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from playground.network.graph import Graph, Node
from playground.network.operations import is_op_type
from ui.canvas.items import NODE_WIDTH
from ui.commands import GraphCommand


def _tr(text: str) -> str:
    return QCoreApplication.translate("EditActions", text)


class AddSharedCall(GraphCommand):
    """A new node calling ``owner_id``'s layer again (one layer, one set of weights)."""

    def __init__(self, graph: Graph, owner_id: str) -> None:
        super().__init__(graph, _tr("Call layer again"))
        owner = graph.node(owner_id)
        self.owner_id = owner.shares or owner.id
        self.node_id: str | None = None  # fixed at the first do() so redo reuses it

    def do(self) -> None:
        owner = self.graph.node(self.owner_id)
        calls = 1 + sum(1 for n in self.graph if n.shares == owner.id)
        x, y = owner.position
        node = self.graph.add_node(
            owner.layer_type, {}, (x + (NODE_WIDTH + 40) * calls, y),
            self.graph.unique_name(f"{owner.display_name()} call {calls + 1}"),
            owner.trainable, self.node_id, shares=owner.id)
        self.node_id = node.id

    def undo(self) -> None:
        assert self.node_id is not None
        self.graph.remove_node(self.node_id)


def add_shared_call_action(menu: QMenu, graph: Graph, node: Node,
                           run: Callable[[GraphCommand], object]) -> None:
    """"Call again with the same weights" for a layer (not an Input or an operation)."""
    if node.spec.is_input or is_op_type(node.layer_type):
        return
    action = menu.addAction(_tr("Call again with the same weights"))
    action.setToolTip(_tr("Adds a second call of this layer (shared weights), to connect "
                          "to another input: a Siamese network."))
    action.triggered.connect(lambda: run(AddSharedCall(graph, node.id)))
