"""Graphics items: nodes, their ports, and edges. They draw the graph; they own nothing.

A NodeItem knows its node id; label, colours, shape and error come from the scene's graph
and shape report each time it paints. Its position mirrors ``node.position`` except while
the user drags it (the scene turns the finished drag into one undo command).
"""
from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath,
                           QPen)
from PySide6.QtWidgets import (QGraphicsItem, QGraphicsObject, QGraphicsPathItem,
                               QGraphicsSimpleTextItem, QStyleOptionGraphicsItem, QWidget)

from playground.network.graph import Edge
from playground.network.masks import edge_mask
from playground.network.nested import group_input_count, is_group_type
from playground.network.node_text import node_title
from playground.network.shapes import format_shape
from ui import theme
from ui.canvas.mask_marker import MaskMarker



class NodeHost(Protocol):
    """What the items ask of the scene that holds them (the scene implements it; items do not
    import the scene, so the scene can import the items)."""

    GRID: float
    graph: Any
    node_items: dict[str, Any]
    snap_to_grid: bool

    def node_error(self, node_id: str) -> str | None: ...
    def node_shape(self, node_id: str) -> Any: ...
    def node_item_moved(self, node_id: str) -> None: ...
    def selectedItems(self) -> list[Any]: ...
    def tr(self, text: str) -> str: ...

NODE_WIDTH = 210.0
NODE_HEIGHT = 58.0
PORT_RADIUS = 5.5
STRIPE = 6.0


def format_count(n: int) -> str:
    return f"{n:,}"


class PortItem(QGraphicsItem):
    """An input (``is_output=False``, ordered by ``index``) or the output of a node."""

    def __init__(self, node_id: str, index: int, is_output: bool, parent: QGraphicsItem):
        super().__init__(parent)
        self.node_id = node_id
        self.index = index
        self.is_output = is_output
        self.setAcceptHoverEvents(True)
        self.setZValue(2)
        self._hover = False

    def boundingRect(self) -> QRectF:
        r = PORT_RADIUS + 3
        return QRectF(-r, -r, 2 * r, 2 * r)

    def shape(self) -> QPainterPath:  # bigger hit area than the dot: easier to grab
        path = QPainterPath()
        path.addEllipse(self.boundingRect())
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        colors = theme.canvas_colors()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = PORT_RADIUS + (1.5 if self._hover else 0)
        painter.setPen(QPen(colors.node_fill, 1.5))
        painter.setBrush(colors.selected if self._hover else colors.port)
        painter.drawEllipse(QPointF(0, 0), r, r)

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self._hover = False
        self.update()


class NodeItem(QGraphicsObject):
    """A layer box: category stripe, "Dense · 64 · relu", output shape and parameter count."""

    def __init__(self, node_id: str, graph_scene: NodeHost) -> None:
        super().__init__()
        self.node_id = node_id
        self._scene = graph_scene
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptHoverEvents(True)
        self.setZValue(1)
        self.input_ports: list[PortItem] = []
        self.output_port = PortItem(node_id, 0, True, self)
        self.output_port.setPos(NODE_WIDTH / 2, NODE_HEIGHT)
        self.refresh_ports()
        self.xChanged.connect(self._moved)
        self.yChanged.connect(self._moved)
        self._hover = False  # drawing state only; the node itself lives in the graph

    def hoverEnterEvent(self, event) -> None:  # noqa: N802
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self._hover = False
        self.update()

    # Everything drawn is looked up, not stored.
    @property
    def node(self):
        return self._scene.graph.node(self.node_id)

    def boundingRect(self) -> QRectF:  # includes the port numbers drawn above the box
        return QRectF(-2, -18, NODE_WIDTH + 4, NODE_HEIGHT + 20)

    def refresh_ports(self) -> None:
        """Input ports match the layer's arity: merge layers show one spare port."""
        graph = self._scene.graph
        spec = self.node.spec
        used = [e.port for e in graph.incoming(self.node_id)]
        if is_group_type(self.node.layer_type):  # one port per input of the nested model
            count = max(group_input_count(self.node.layer_type, self.node.params),
                        (max(used) + 1) if used else 1)
        elif spec.is_generic:
            # Most Keras layers take one input; more can be added by dropping a
            # connection on the layer itself, so no spare port is shown.
            count = (max(used) + 1) if used else 1
        elif spec.max_inputs is None:
            count = (max(used) + 2) if used else max(spec.min_inputs, 1)
            count = max(count, spec.min_inputs)
        else:
            count = spec.max_inputs
        while len(self.input_ports) > count:
            port = self.input_ports.pop()
            port.setParentItem(None)
            if port.scene() is not None:
                port.scene().removeItem(port)
        while len(self.input_ports) < count:
            self.input_ports.append(PortItem(self.node_id, len(self.input_ports), False, self))
        for i, port in enumerate(self.input_ports):
            port.setPos(NODE_WIDTH * (i + 1) / (count + 1), 0)
            port.setToolTip(spec.port_name(i).capitalize() if count > 1 else "")
        self.output_port.setVisible(True)

    def input_port_pos(self, port: int) -> QPointF:
        if 0 <= port < len(self.input_ports):
            return self.input_ports[port].scenePos()
        return self.mapToScene(QPointF(NODE_WIDTH / 2, 0))

    def output_port_pos(self) -> QPointF:
        return self.output_port.scenePos()

    def refresh(self) -> None:
        """Redraw after the node, its edges or the shape report changed."""
        self.refresh_ports()
        error = self._scene.node_error(self.node_id)
        node = self.node
        tip = f"<b>{node.display_name()}</b><br>{node.spec.help}"
        if node.shares and node.shares in self._scene.graph:
            tip += "<br>" + QCoreApplication.translate("GraphScene", 
                "Another call of the layer %1: one layer, one set of weights. Edit it "
                "there.").replace("%1", self._scene.graph.node(node.shares).display_name())
        if is_group_type(node.layer_type):
            tip += "<br>" + QCoreApplication.translate("GraphScene", "Double-click to open it and see its inside.")
        if error:
            tip += f"<br><br><span style='color:#d93025'>{error}</span>"
        self.setToolTip(tip)
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        colors = theme.canvas_colors()
        node = self.node
        info = self._scene.node_shape(self.node_id)
        error = self._scene.node_error(self.node_id)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(0, 0, NODE_WIDTH, NODE_HEIGHT)
        border = (colors.error if error else
                  colors.selected if self.isSelected() else
                  colors.edge if self._hover else colors.node_border)
        pen = QPen(border, 2.2 if (error or self.isSelected()) else 1.0)
        if node.shares:  # a second call of a shared layer: dashed, like a link to its owner
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(colors.node_fill)
        painter.drawRoundedRect(rect, 7, 7)
        if is_group_type(node.layer_type):  # a nested model: a stacked box, it holds more
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(3, 3, -3, -3), 5, 5)
        # Category stripe on the left, clipped to the rounded box.
        stripe = QPainterPath()
        stripe.addRoundedRect(rect, 7, 7)
        clip = QPainterPath()
        clip.addRect(QRectF(0, 0, STRIPE, NODE_HEIGHT))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.category_color(node.spec.category))
        painter.drawPath(stripe.intersected(clip))

        title_font = QFont(painter.font())
        title_font.setBold(True)
        title_font.setPointSizeF(max(title_font.pointSizeF(), 9.0))
        painter.setFont(title_font)
        painter.setPen(colors.node_text)
        text_rect = QRectF(STRIPE + 8, 6, NODE_WIDTH - STRIPE - 14, 20)
        title = QFontMetricsF(title_font).elidedText(node_title(self._scene.graph, node),
                                                     Qt.TextElideMode.ElideRight,
                                                     text_rect.width())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         title)

        small = QFont(painter.font())
        small.setBold(False)
        small.setPointSizeF(max(title_font.pointSizeF() - 1.5, 7.5))
        painter.setFont(small)
        if len(self.input_ports) > 1:  # ordered inputs: number them above their dots
            painter.setPen(colors.node_subtext)
            for i, port in enumerate(self.input_ports):
                x = port.pos().x()
                painter.drawText(QRectF(x + PORT_RADIUS + 1, -16, 20, 14),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 str(i + 1))
        sub_rect = QRectF(STRIPE + 8, 28, NODE_WIDTH - STRIPE - 14, 20)
        if error:
            painter.setPen(colors.error)
            # The message names the node for other places; on the node itself that is noise.
            prefix = node.display_name() + ": "
            line = "⚠ " + (error[len(prefix):] if error.startswith(prefix) else error)
        elif info is not None:
            # Shape on the left, parameter count on the right.
            painter.setPen(colors.node_subtext)
            metrics = QFontMetricsF(small)
            shape_text = format_shape(info.output_shape)
            frozen = "  ❄" if not node.trainable else ""
            count = QCoreApplication.translate("GraphScene", "%1 params").replace("%1", format_count(info.params)) + frozen
            if node.shares:
                count = QCoreApplication.translate("GraphScene", "shares weights")
            if metrics.horizontalAdvance(shape_text + count) + 12 > sub_rect.width():
                count = format_count(info.params) + frozen  # short form when space is tight
            count_width = metrics.horizontalAdvance(count)
            painter.drawText(sub_rect, Qt.AlignmentFlag.AlignRight
                             | Qt.AlignmentFlag.AlignVCenter, count)
            shape_rect = sub_rect.adjusted(0, 0, -(count_width + 8), 0)
            painter.drawText(shape_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(shape_text, Qt.TextElideMode.ElideRight,
                                                shape_rect.width()))
            return
        else:
            painter.setPen(colors.node_subtext)
            line = node.name or ""
        line = QFontMetricsF(small).elidedText(line, Qt.TextElideMode.ElideRight,
                                               sub_rect.width())
        painter.drawText(sub_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         line)

    # No itemChange override on purpose: PySide 6 mis-counts references of the None values
    # some item changes carry, which crashes the interpreter. Signals and mouse handlers
    # do the same work.
    def _moved(self) -> None:
        self._scene.node_item_moved(self.node_id)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        super().mouseMoveEvent(event)
        if self._scene.snap_to_grid:
            grid = self._scene.GRID
            for item in self._scene.selectedItems():
                if isinstance(item, NodeItem):
                    p = item.pos()
                    item.setPos(QPointF(round(p.x() / grid) * grid, round(p.y() / grid) * grid))


class EdgeItem(QGraphicsPathItem):
    """A connection drawn as a curve, labelled with the shape of the tensor it carries."""

    def __init__(self, edge: Edge, graph_scene: NodeHost) -> None:
        super().__init__()
        self.edge = edge
        self._scene = graph_scene
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(0)
        self.label = QGraphicsSimpleTextItem(self)
        font = QFont(self.label.font())
        font.setPointSizeF(max(font.pointSizeF() - 1.5, 7.0))
        self.label.setFont(font)
        self._hover = False
        # (mean weight, mean |weight|, strength 0..1) of the Dense layer this edge feeds,
        # after training: drawn blue (adds) or orange (subtracts), thicker when larger.
        self.weights: tuple[float, float, float] | None = None
        self._shape_text = ""
        # How this connection carries a padding mask (playground.network.masks.edge_mask):
        # a keyword, "" (implicitly), or None; drawn as a small marker with a tooltip.
        self.mask: str | None = None
        self.mask_marker = MaskMarker(self)
        self.refresh()

    def refresh(self) -> None:
        colors = theme.canvas_colors()
        src = self._scene.node_items.get(self.edge.source)
        dst = self._scene.node_items.get(self.edge.target)
        if src is None or dst is None:
            return
        a, b = src.output_port_pos(), dst.input_port_pos(self.edge.port)
        self.setPath(curve(a, b))
        self.setPen(QPen(colors.edge, 2.6))  # only sets the repaint margin; paint() draws
        info = self._scene.node_shape(self.edge.source)
        text = format_shape(info.output_shape) if info is not None else ""
        self.label.setText(text)
        self.label.setBrush(QBrush(colors.edge_label))
        mid = self.path().pointAtPercent(0.5)
        box = self.label.boundingRect()
        self.label.setPos(mid.x() + 6, mid.y() - box.height() / 2)
        self.label.setVisible(bool(text))
        self._shape_text = text
        self.mask = edge_mask(self._scene.graph, self.edge, info) \
            if self.edge.target in self._scene.graph else None
        self.mask_marker.setVisible(self.mask is not None)
        if self.mask is not None:
            self.mask_marker.setPos(self.path().pointAtPercent(0.3))
        self._update_tooltip()

    def shape(self) -> QPainterPath:  # generous hit area along the curve
        from PySide6.QtGui import QPainterPathStroker

        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        return stroker.createStroke(self.path())

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        colors = theme.canvas_colors()
        selected = self.isSelected()
        width = 2.6 if (selected or self._hover) else 1.6
        color = colors.selected if selected else colors.edge
        if self.weights is not None and not selected:
            mean, _size, strength = self.weights
            color = WEIGHT_POSITIVE if mean >= 0 else WEIGHT_NEGATIVE
            width += 3.0 * strength
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())

    def hoverEnterEvent(self, event) -> None:  # noqa: N802
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self._hover = False
        self.update()

    def set_weights(self, weights: tuple[float, float, float] | None) -> None:
        """(mean weight, mean |weight|, strength) of the layer this edge feeds, or None."""
        self.weights = weights
        self._update_tooltip()
        self.update()

    def _update_tooltip(self) -> None:
        tr = self._scene.tr
        lines = [tr("Carries a tensor of shape %1").replace("%1", self._shape_text)] \
            if self._shape_text else []
        if self.weights is not None:
            lines.append(tr("Weights into the next layer: mean %1, mean size %2")
                         .replace("%1", f"{self.weights[0]:+.3f}")
                         .replace("%2", f"{self.weights[1]:.3f}"))
        if self.mask is not None:
            lines.append(self.mask_text())
        self.setToolTip("\n".join(lines))
        self.mask_marker.setToolTip(self.mask_text() if self.mask is not None else "")

    def mask_text(self) -> str:
        tr = self._scene.tr
        what = tr("Carries a padding mask: for each step of the sequence, whether it is real "
                  "data or padding, so that the layers after it (RNNs, attention, pooling) "
                  "skip the padding.")
        if self.mask:
            return what + " " + tr("Passed explicitly, as the argument %1=.").replace(
                "%1", self.mask)
        return what + " " + tr("Keras passes it along with the data, implicitly.")

    def set_highlighted(self, on: bool) -> None:
        """Drawn thick while a dragged layer would be spliced into this connection."""
        self._hover = on
        self.update()


WEIGHT_POSITIVE = QColor(8, 119, 189)    # the insight views' blue and orange
WEIGHT_NEGATIVE = QColor(245, 147, 34)


def curve(a: QPointF, b: QPointF) -> QPainterPath:
    """A vertical S-curve from an output port (below a node) to an input port (above one)."""
    path = QPainterPath(a)
    dy = max(abs(b.y() - a.y()) * 0.5, 40.0)
    path.cubicTo(QPointF(a.x(), a.y() + dy), QPointF(b.x(), b.y() - dy), b)
    return path
