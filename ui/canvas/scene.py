"""GraphScene: mirrors a Graph through its psygnal events (node id -> item maps).

The scene never changes the graph. User gestures become requests (signals) that
``ui.edit_actions`` turns into undo commands: a finished drag of several nodes is one
``nodesMoved``; releasing a connection drag on an input is one ``connectRequested``.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QCursor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (QGraphicsItem, QGraphicsPathItem, QGraphicsScene,
                               QGraphicsSceneMouseEvent, QToolTip)

from playground.network.graph import Edge, Graph, Node
from ui import theme
from ui.canvas.items import EdgeItem, NodeItem, PortItem, curve
from ui.canvas.share_links import ShareLinks

Position = tuple[float, float]


class GraphScene(QGraphicsScene):
    GRID = 20.0

    connectRequested = Signal(str, str, int)          # source, target, port (-1: first free)
    disconnectRequested = Signal(object)             # Edge dragged off its input port
    reconnectRequested = Signal(object, str, int)    # Edge, new target, port (-1: first free)
    nodesMoved = Signal(object)                      # {node_id: (old_pos, new_pos)}
    layerDropped = Signal(str, QPointF)              # layer type, scene position
    refused = Signal(str)                            # why a gesture was refused
    contextMenuRequested = Signal(object, QPointF)   # item under cursor (or None), screen pos
    nodeOpenRequested = Signal(str)                  # node double-clicked (a nested model opens)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.graph: Graph = Graph()
        self.report: Any = None
        self.node_items: dict[str, NodeItem] = {}
        self.edge_items: dict[Edge, EdgeItem] = {}
        self.share_links = ShareLinks(self)  # dashed: a shared layer and its other calls
        self.snap_to_grid = True
        self._press_positions: dict[str, Position] = {}
        self._link_source: PortItem | None = None
        # While an existing connection is dragged off its input: the edge, and a copy of
        # the graph without it, used only to check where it may be dropped.
        self._detached: Edge | None = None
        self._probe: Graph | None = None
        self._link_preview: QGraphicsPathItem | None = None
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)

    # ------------------------------------------------------------ mirroring
    def set_graph(self, graph: Graph) -> None:
        old = self.graph
        for signal, slot in self._connections(old):
            signal.disconnect(slot)
        self.clear()
        self.node_items.clear()
        self.edge_items.clear()
        self.share_links.clear()
        self._link_preview = None
        self.graph = graph
        self.report = None
        for node in graph.nodes:
            self._add_node_item(node)
        for edge in graph.edges:
            self._add_edge_item(edge)
        self.share_links.sync(graph, self.node_items)
        for signal, slot in self._connections(graph):
            signal.connect(slot)
        self._update_scene_rect()
        self._repaint_views()

    def _connections(self, graph: Graph) -> list:
        return [(graph.node_added, self._add_node_item), (graph.node_removed, self._on_node_removed),
                (graph.node_changed, self._on_node_changed), (graph.node_moved, self._on_node_moved),
                (graph.edge_added, self._add_edge_item), (graph.edge_removed, self._on_edge_removed)]

    def _add_node_item(self, node: Node) -> None:
        item = NodeItem(node.id, self)
        self.node_items[node.id] = item
        self.addItem(item)
        item.setPos(QPointF(*node.position))
        item.refresh()
        if node.shares or any(n.shares == node.id for n in self.graph):
            self.share_links.sync(self.graph, self.node_items)
        if not self.sceneRect().contains(item.sceneBoundingRect()):
            self._update_scene_rect()   # else it could not be scrolled to
        if len(self.node_items) <= 2:
            self._repaint_views()       # the empty-canvas hint goes (or comes back)

    def _on_node_removed(self, node: Node) -> None:
        item = self.node_items.pop(node.id, None)
        if item is not None:
            self.removeItem(item)
        if self.share_links.items:
            self.share_links.sync(self.graph, self.node_items)
        if len(self.node_items) <= 1:
            self._repaint_views()

    def _repaint_views(self) -> None:
        """Repaint the views whole: the empty-canvas hint is drawn over the viewport, not
        in the area of an item, so an item's own update would leave it on screen."""
        for view in self.views():
            view.viewport().update()

    def _on_node_changed(self, node: Node) -> None:
        item = self.node_items.get(node.id)
        if item is not None:
            item.refresh()

    def _on_node_moved(self, node: Node) -> None:
        item = self.node_items.get(node.id)
        if item is not None and (item.pos().x(), item.pos().y()) != node.position:
            item.setPos(QPointF(*node.position))
        self._update_scene_rect()

    def _add_edge_item(self, edge: Edge) -> None:
        item = EdgeItem(edge, self)
        self.edge_items[edge] = item
        self.addItem(item)
        target = self.node_items.get(edge.target)
        if target is not None:
            target.refresh_ports()
        item.refresh()

    def _on_edge_removed(self, edge: Edge) -> None:
        item = self.edge_items.pop(edge, None)
        if item is not None:
            self.removeItem(item)
        target = self.node_items.get(edge.target)
        if target is not None:
            target.refresh_ports()

    def node_item_moved(self, node_id: str) -> None:
        for edge, item in self.edge_items.items():
            if node_id in (edge.source, edge.target):
                item.refresh()
        if self.share_links.items:
            self.share_links.sync(self.graph, self.node_items)

    # --------------------------------------------------------- shape report
    def set_report(self, report: Any) -> None:
        self.report = report
        for item in self.node_items.values():
            item.refresh()
        for item in self.edge_items.values():
            item.refresh()

    def node_shape(self, node_id: str) -> Any:
        if self.report is None:
            return None
        info = self.report.nodes.get(node_id)
        return None if info is None or info.error else info

    def node_error(self, node_id: str) -> str | None:
        if self.report is None:
            return None
        info = self.report.nodes.get(node_id)
        return info.error if info is not None else None

    # ------------------------------------------------------------ selection
    def selected_node_ids(self) -> list[str]:
        return [i.node_id for i in self.selectedItems() if isinstance(i, NodeItem)]

    def selected_edges(self) -> list[Edge]:
        return [i.edge for i in self.selectedItems() if isinstance(i, EdgeItem)]

    def select_nodes(self, node_ids: list[str]) -> None:
        self.clearSelection()
        for nid in node_ids:
            item = self.node_items.get(nid)
            if item is not None:
                item.setSelected(True)

    def set_item_caching(self, on: bool) -> None:
        mode = QGraphicsItem.CacheMode.DeviceCoordinateCache if on \
            else QGraphicsItem.CacheMode.NoCache
        for item in self.node_items.values():
            item.setCacheMode(mode)

    def set_edge_weights(self, weights: dict[tuple[str, str], tuple[float, float, float]]
                         ) -> None:
        """Colour the edges into trained Dense layers by their weights ({} clears)."""
        for edge, item in self.edge_items.items():
            item.set_weights(weights.get((edge.source, edge.target)))

    def nodes_rect(self) -> QRectF:
        rect = QRectF()
        for item in self.node_items.values():
            rect = rect.united(item.sceneBoundingRect())
        return rect

    def _update_scene_rect(self) -> None:
        # Generous margins so the user can pan past the graph and drop new layers there.
        rect = self.nodes_rect()
        if rect.isNull():
            rect = QRectF(-400, -300, 800, 600)
        self.setSceneRect(rect.adjusted(-2000, -2000, 2000, 2000))

    # ---------------------------------------------------------------- mouse
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            port = self._port_at(event.scenePos())
            if port is not None and port.is_output:
                self._begin_link(port, event.scenePos())
                event.accept()
                return
            edge = self._edge_into(port) if port is not None else None
            if edge is not None:
                self._begin_detach(edge, event.scenePos())
                event.accept()
                return
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self._press_positions = {nid: self.graph.node(nid).position
                                     for nid in self.selected_node_ids()}

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._link_source is not None:
            self._update_link(event.scenePos())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._link_source is not None and event.button() == Qt.MouseButton.LeftButton:
            self._finish_link(event.scenePos())
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self._press_positions:
            self._emit_moves()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        node_item = next((item for item in self.items(event.scenePos())
                          if isinstance(item, NodeItem)), None)
        if node_item is not None and event.button() == Qt.MouseButton.LeftButton:
            self.nodeOpenRequested.emit(node_item.node_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def _emit_moves(self) -> None:
        moves: dict[str, tuple[Position, Position]] = {}
        for nid, old in self._press_positions.items():
            item = self.node_items.get(nid)
            if item is None:
                continue
            new = (item.pos().x(), item.pos().y())
            if new != old:
                moves[nid] = (old, new)
        self._press_positions = {}
        if moves:
            self.nodesMoved.emit(moves)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        item = self.itemAt(event.scenePos(), self.views()[0].transform()) if self.views() \
            else None
        while item is not None and not isinstance(item, (NodeItem, EdgeItem)):
            item = item.parentItem()
        if item is not None and not item.isSelected():
            self.clearSelection()
            item.setSelected(True)
        self.contextMenuRequested.emit(item, QPointF(event.screenPos()))
        event.accept()

    # ---------------------------------------------------- connecting by drag
    def _port_at(self, pos: QPointF) -> PortItem | None:
        for item in self.items(pos):
            if isinstance(item, PortItem):
                return item
        return None

    def edge_at(self, pos: QPointF) -> Edge | None:
        """The connection under ``pos`` (not counting ones hidden behind a layer)."""
        for item in self.items(pos):
            if isinstance(item, (NodeItem, PortItem)):
                return None
            if isinstance(item, EdgeItem):
                return item.edge
        return None

    def _target_at(self, pos: QPointF) -> tuple[str, int | None] | None:
        """The node (and port, if over one) a connection released here would go to."""
        for item in self.items(pos):
            if isinstance(item, PortItem) and not item.is_output:
                return item.node_id, item.index
            if isinstance(item, NodeItem):
                return item.node_id, None
        return None

    def _edge_into(self, port: PortItem) -> Edge | None:
        for edge in self.graph.incoming(port.node_id):
            if edge.port == port.index:
                return edge
        return None

    def _begin_detach(self, edge: Edge, pos: QPointF) -> None:
        """Pick up a connection by its input end (drop elsewhere to move or remove it)."""
        self._detached = edge
        self._probe = self.graph.copy()
        self._probe.disconnect(edge)
        item = self.edge_items.get(edge)
        if item is not None:
            item.setVisible(False)
        self._begin_link(self.node_items[edge.source].output_port, pos)

    def _why_not(self, source: str, target: tuple[str, int | None]) -> str | None:
        graph = self._probe if self._probe is not None else self.graph
        return graph.can_connect(source, target[0], target[1])

    def _begin_link(self, port: PortItem, pos: QPointF) -> None:
        self._link_source = port
        self._link_preview = QGraphicsPathItem()
        self._link_preview.setZValue(3)
        self.addItem(self._link_preview)
        self._update_link(pos)

    def _update_link(self, pos: QPointF) -> None:
        colors = theme.canvas_colors()
        assert self._link_source is not None and self._link_preview is not None
        start = self._link_source.scenePos()
        target = self._target_at(pos)
        reason = None
        if target is not None:
            reason = self._why_not(self._link_source.node_id, target)
        color = colors.error if reason else colors.selected
        self._link_preview.setPen(QPen(color, 2, Qt.PenStyle.DashLine))
        self._link_preview.setPath(curve(start, pos))
        if reason:
            QToolTip.showText(QCursor.pos(), reason)
        else:
            QToolTip.hideText()

    def _finish_link(self, pos: QPointF) -> None:
        source = self._link_source
        assert source is not None
        if self._link_preview is not None:
            self.removeItem(self._link_preview)
        self._link_source = None
        self._link_preview = None
        detached, self._detached = self._detached, None
        QToolTip.hideText()
        target = self._target_at(pos)
        reason = self._why_not(source.node_id, target) if target is not None else None
        self._probe = None
        if detached is not None and detached in self.edge_items:
            self.edge_items[detached].setVisible(True)  # until the graph says otherwise
        if detached is not None and target is None:
            self.disconnectRequested.emit(detached)
            return
        if target is None:
            return
        if detached is not None and target[0] == detached.target \
                and target[1] in (None, detached.port):
            return  # dropped back where it was
        if reason:
            QToolTip.showText(QCursor.pos(), reason)
            self.refused.emit(reason)
            return
        port = -1 if target[1] is None else target[1]
        if detached is not None:
            self.reconnectRequested.emit(detached, target[0], port)
        else:
            self.connectRequested.emit(source.node_id, target[0], port)

    # ------------------------------------------------------------ background
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        colors = theme.canvas_colors()
        painter.fillRect(rect, colors.background)
        scale = painter.worldTransform().m11()
        if scale < 0.35:  # dots would be a grey mush when zoomed far out
            return
        step = self.GRID * (2 if scale < 0.7 else 1)
        left = int(rect.left() // step) * step
        top = int(rect.top() // step) * step
        painter.setPen(QPen(colors.grid, 2.0 / max(scale, 0.1)))
        points = []
        y = top
        while y < rect.bottom():
            x = left
            while x < rect.right():
                points.append(QPointF(x, y))
                x += step
            y += step
        painter.drawPoints(QPolygonF(points))

