"""The marker on a connection that carries a padding mask (see playground.network.masks)."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

MASK_COLOR = QColor(128, 64, 160)


class MaskMarker(QGraphicsRectItem):
    """The small striped tag on a connection that carries a padding mask (real steps and
    padding, like the mask itself); hover it for what a mask is."""

    SIZE = 12.0

    def __init__(self, parent: QGraphicsItem) -> None:
        half = self.SIZE / 2
        super().__init__(-half, -half * 0.7, self.SIZE, self.SIZE * 0.7, parent)
        self.setAcceptHoverEvents(True)
        self.setZValue(2)
        self.setPen(QPen(MASK_COLOR, 1.2))
        self.setBrush(QBrush(QColor(255, 255, 255)))
        self.setVisible(False)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        super().paint(painter, option, widget)
        rect = self.rect()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(MASK_COLOR)
        # Three filled cells then an empty one: real steps, then padding.
        cell = rect.width() / 4
        for i in range(3):
            painter.drawRect(QRectF(rect.left() + i * cell + 1, rect.top() + 1.5,
                                    cell - 2, rect.height() - 3))


