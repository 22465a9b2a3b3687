"""The inspector's section for nodes that are not plain layers: a second call of a shared
layer (edited through its owner), a nested model (opened in its own window, frozen as a
whole) and a keras.ops operation (its call, then its configuration)."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from playground.network.graph import Graph, Node
from playground.network.nested import inner_layer_count, is_group_type
from playground.network.node_text import operation_text
from playground.network.operations import is_op_type
from playground.network.sharing import owner_of


def _tr(text: str) -> str:
    return QCoreApplication.translate("InspectorPanel", text)


def _label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setProperty("role", "help")
    return label


def special_section(graph: Graph, node: Node, parent: QWidget,
                    select: Callable[[str], None],
                    open_group: Callable[[str], None]) -> tuple[QWidget | None, bool]:
    """(a section to show, or None; whether the node's own settings form is hidden)."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    owner = owner_of(graph, node) if node.shares else None
    if owner is not None:
        layout.addWidget(_label(_tr(
            "This is another call of the layer %1: the same layer, the same weights. "
            "Change its settings there; every call follows.").replace(
                "%1", owner.display_name()), box))
        button = QPushButton(_tr("Select %1").replace("%1", owner.display_name()), box)
        button.clicked.connect(lambda: select(owner.id))
        layout.addWidget(button)
        return box, True
    if is_group_type(node.layer_type):
        layout.addWidget(_label(_tr(
            "A whole model (%1 layers) used as one layer. Open it to see and edit its "
            "inside; untick Trainable to freeze all of it.").replace(
                "%1", str(inner_layer_count(node.params))), box))
        button = QPushButton(_tr("Open inside…"), box)
        button.clicked.connect(lambda: open_group(node.id))
        layout.addWidget(button)
        return box, True
    if is_op_type(node.layer_type):
        layout.addWidget(_label(_tr("Operation: %1 (x, y, … are its inputs 1, 2, …).")
                                .replace("%1", operation_text(node, len(
                                    graph.incoming(node.id)))), box))
        return box, False
    return None, False
