"""Training-health badges drawn on the canvas: a small marker at the top-right corner of
each layer's node that has a finding, with the explanation and suggestion on hover.

The badges are child items of the canvas's node items (they move with them) and are
replaced after each health check; the canvas itself stays unaware of them.
"""
from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsSimpleTextItem

from playground.insight.health import BADGES, badge_tooltip
from ui.canvas.items import NODE_WIDTH

COLOURS = {"problem": QColor(206, 57, 57), "warning": QColor(230, 150, 20)}


class HealthBadges(QObject):
    def __init__(self, scene: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scene = scene
        self.badges: dict[str, QGraphicsRectItem] = {}

    def show_health(self, node_health: dict[str, Any]) -> None:
        """node id -> LayerHealth; nodes without findings get no badge."""
        for badge in self.badges.values():
            if shiboken6.isValid(badge) and badge.scene() is not None:
                badge.scene().removeItem(badge)
        self.badges = {}
        for node_id, health in node_health.items():
            item = self.scene.node_items.get(node_id)
            if item is None or not health.issues:
                continue
            self.badges[node_id] = self._badge(item, health)

    def _badge(self, node_item: Any, health: Any) -> QGraphicsRectItem:
        text = QGraphicsSimpleTextItem(f"{BADGES[health.worst]} {len(health.issues)}")
        font = QFont()
        font.setBold(True)
        font.setPointSize(8)
        text.setFont(font)
        text.setBrush(QBrush(QColor("white")))
        rect = text.boundingRect().adjusted(-4, -1, 4, 1)
        badge = QGraphicsRectItem(rect, node_item)
        badge.setBrush(QBrush(COLOURS[health.worst]))
        badge.setPen(QPen(COLOURS[health.worst].darker(130)))
        text.setParentItem(badge)
        badge.setPos(NODE_WIDTH - rect.width() + 2, -rect.height() / 2)
        badge.setZValue(10)
        tip = badge_tooltip(health)
        badge.setToolTip(tip)
        text.setToolTip(tip)
        return badge
