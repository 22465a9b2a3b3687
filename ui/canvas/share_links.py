"""Dashed links between a shared layer and its further calls: the canvas shows that the
two boxes are one layer with one set of weights. Drawn from the graph each time; they hold
nothing of their own."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from ui import theme
from ui.canvas.items import NODE_HEIGHT, NODE_WIDTH


class ShareLinks:
    """The links of a scene, kept in step with its graph by :meth:`sync`."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self.scene = scene
        self.items: dict[str, QGraphicsPathItem] = {}  # sharing node id -> its link

    def sync(self, graph: Any, node_items: dict[str, Any]) -> None:
        wanted = {n.id: n.shares for n in graph if n.shares and n.shares in node_items
                  and n.id in node_items}
        for node_id in [k for k in self.items if k not in wanted]:
            self.scene.removeItem(self.items.pop(node_id))
        for node_id, owner_id in wanted.items():
            item = self.items.get(node_id)
            if item is None:
                item = QGraphicsPathItem()
                item.setZValue(0)
                item.setToolTip(QCoreApplication.translate("GraphScene", "Same layer, same weights"))
                self.scene.addItem(item)
                self.items[node_id] = item
            pen = QPen(theme.category_color("Model"), 1.6, Qt.PenStyle.DashLine)
            item.setPen(pen)
            item.setPath(_link_path(node_items[owner_id].pos(), node_items[node_id].pos()))

    def clear(self) -> None:
        self.items.clear()  # the scene's clear() already deleted the items


def _link_path(owner: QPointF, call: QPointF) -> QPainterPath:
    """Side to side when the boxes stand side by side; when one is above the other, a
    curve out to the right joining their right sides (never across a box)."""
    mid = NODE_HEIGHT / 2
    if call.x() >= owner.x() + NODE_WIDTH:
        a, b = owner + QPointF(NODE_WIDTH, mid), call + QPointF(0, mid)
    elif call.x() + NODE_WIDTH <= owner.x():
        a, b = owner + QPointF(0, mid), call + QPointF(NODE_WIDTH, mid)
    else:
        a, b = owner + QPointF(NODE_WIDTH, mid), call + QPointF(NODE_WIDTH, mid)
        path = QPainterPath(a)
        bulge = max(a.x(), b.x()) + 45
        path.cubicTo(QPointF(bulge, a.y()), QPointF(bulge, b.y()), b)
        return path
    path = QPainterPath(a)
    path.lineTo(b)
    return path
