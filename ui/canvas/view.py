"""GraphView: zoom with the wheel, pan with the middle button (or Space + drag), fit with
Ctrl+0, rubber-band selection, and drops from the palette (which carry a layer type name)."""
from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import (QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent, QMouseEvent,
                           QPainter, QWheelEvent)
from PySide6.QtWidgets import QGraphicsView

from ui import theme
from ui.canvas.scene import GraphScene

LAYER_MIME = "application/x-keras-playground-layer"
MIN_ZOOM, MAX_ZOOM = 0.08, 3.0
READABLE_ZOOM = 0.7  # below this node text is too small to read comfortably


class GraphView(QGraphicsView):
    zoomChanged = Signal(float)

    def __init__(self, scene: GraphScene, parent=None) -> None:
        super().__init__(scene, parent)
        self.graph_scene = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setAcceptDrops(True)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self._panning_from: QPointF | None = None
        self._drop_edge = None  # EdgeItem highlighted while a layer is dragged over it
        self._space_down = False

    # ----------------------------------------------------------------- zoom
    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = min(max(factor, MIN_ZOOM), MAX_ZOOM)
        self.scale(factor / self.zoom, factor / self.zoom)
        self.zoomChanged.emit(self.zoom)

    def zoom_by(self, step: float) -> None:
        self.set_zoom(self.zoom * step)

    def fit_all(self, readable: bool = True) -> None:
        """Show the whole graph (never magnified past 100 %). With ``readable`` (opening a
        file, arranging) a long graph is not shrunk below a readable size: its start is
        shown and the user scrolls; the View menu's Fit Graph shows everything."""
        rect = self.graph_scene.nodes_rect()
        if rect.isNull():
            self.set_zoom(1.0)
            self.centerOn(0, 0)
            return
        self.fitInView(rect.adjusted(-60, -60, 60, 60), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom > 1.0:
            self.set_zoom(1.0)
        if readable and self.zoom < READABLE_ZOOM:
            # A long model (e.g. MobileNetV2) would shrink to unreadable specks: show its
            # start (the inputs) at a readable size instead; the user scrolls down.
            self.set_zoom(READABLE_ZOOM)
            visible = self.mapToScene(self.viewport().rect()).boundingRect()
            self.centerOn(rect.center().x(), rect.top() - 40 + visible.height() / 2)
        else:
            self.centerOn(rect.center())
        self.zoomChanged.emit(self.zoom)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().wheelEvent(event)  # Shift+wheel scrolls
            return
        delta = event.angleDelta().y()
        if delta:
            self.zoom_by(1.0015 ** delta)
        event.accept()

    # ------------------------------------------------------------------ pan
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.MiddleButton or (
                self._space_down and event.button() == Qt.MouseButton.LeftButton):
            self._panning_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._panning_from is not None:
            delta = event.position() - self._panning_from
            self._panning_from = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._panning_from is not None:
            self._panning_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    _NUDGE = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1),
              Qt.Key.Key_Down: (0, 1)}

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        direction = self._NUDGE.get(Qt.Key(event.key()))
        selected = self.graph_scene.selected_node_ids()
        if direction is not None and selected:
            # Arrow keys nudge the selection one grid step (Shift: five), one undo entry each.
            step = self.graph_scene.GRID * (5 if event.modifiers()
                                            & Qt.KeyboardModifier.ShiftModifier else 1)
            graph = self.graph_scene.graph
            moves = {}
            for nid in selected:
                x, y = graph.node(nid).position
                moves[nid] = ((x, y), (x + direction[0] * step, y + direction[1] * step))
            self.graph_scene.nodesMoved.emit(moves)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = False
            self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    # --------------------------------------------------------- empty canvas
    def drawForeground(self, painter: QPainter, rect) -> None:  # noqa: N802
        """While the graph is nearly empty, say how to start (in screen coordinates)."""
        if len(self.graph_scene.graph) > 1:
            return
        painter.save()
        painter.resetTransform()
        area = self.viewport().rect().adjusted(40, 0, -40, -30)
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() + 1)
        painter.setFont(font)
        painter.setPen(theme.canvas_colors().node_subtext)
        painter.drawText(area, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
                         | Qt.TextFlag.TextWordWrap, self.tr(
                             "Drag layers here from the list on the left, or double-click one "
                             "to add it below the selected layer.\nConnect two layers by "
                             "dragging from the dot under one to the dot above the other."))
        painter.restore()

    # ---------------------------------------------------------------- drops
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(LAYER_MIME):
            event.acceptProposedAction()
            return
        event.ignore()  # let the window handle file drops

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(LAYER_MIME):
            event.acceptProposedAction()
            # Highlight the connection the layer would be spliced into.
            edge = self.graph_scene.edge_at(self.mapToScene(event.position().toPoint()))
            self._highlight_edge(self.graph_scene.edge_items.get(edge) if edge else None)
            return
        event.ignore()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802
        self._highlight_edge(None)
        super().dragLeaveEvent(event)

    def _highlight_edge(self, item) -> None:
        if item is self._drop_edge:
            return
        for old_or_new, on in ((self._drop_edge, False), (item, True)):
            if old_or_new is not None and old_or_new.scene() is not None:
                old_or_new.set_highlighted(on)
        self._drop_edge = item

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        data = event.mimeData()
        if not data.hasFormat(LAYER_MIME):
            event.ignore()
            return
        layer_type = bytes(data.data(LAYER_MIME).data()).decode("utf-8")
        event.acceptProposedAction()
        self._highlight_edge(None)
        self.graph_scene.layerDropped.emit(layer_type, self.mapToScene(event.position().toPoint()))
