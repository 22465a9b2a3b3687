"""What each neuron responds to: one small heatmap per unit of every Dense layer (2-D
data), and for small networks the weights as lines between them (orange negative, blue
positive, thicker = stronger; hover a line for its value). Hover a neuron to enlarge it."""
from __future__ import annotations

from typing import Any, Callable

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (QGraphicsItem, QGraphicsLineItem, QGraphicsPixmapItem,
                               QGraphicsScene, QGraphicsSimpleTextItem, QGraphicsView,
                               QHBoxLayout, QLabel, QVBoxLayout, QWidget)

from playground.insight.colors import NEGATIVE, POSITIVE, diverging, neuron_pictures
from playground.insight.neurons import NeuronMaps
from ui.insight.common import InsightView, rgba_pixmap

CELL = 40          # neuron picture size in the diagram
GAP_Y = 10
GAP_X = 120
ENLARGED = 150     # small enough for the panel to fit under the canvas at 1366×768
MAX_ROWS = 16      # a layer with more units wraps into side-by-side columns


class NeuronItem(QGraphicsPixmapItem):
    def __init__(self, rgba: np.ndarray, on_hover: Callable[["NeuronItem"], None]) -> None:
        super().__init__(rgba_pixmap(rgba, CELL))
        self.rgba = rgba
        self._on_hover = on_hover
        self.setAcceptHoverEvents(True)

    def hoverEnterEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        self._on_hover(self)
        super().hoverEnterEvent(event)


class WeightLine(QGraphicsLineItem):
    """One weight: hovered for its tooltip, but drawn by the :class:`WeightLines` picture
    of all lines (antialiased lines cost more to draw than every neuron picture)."""

    def paint(self, painter: QPainter, option: Any, widget: Any = None) -> None:
        pass


class WeightLines(QGraphicsItem):
    """Every weight line painted once into a cached picture, redrawn only when the weights
    change (not with each new set of neuron pictures drawn over it)."""

    def __init__(self, lines: list[WeightLine]) -> None:
        super().__init__()
        self.lines = lines
        self._rect = QRectF()
        for line in lines:
            self._rect = self._rect.united(line.boundingRect())
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt name)
        return self._rect

    def paint(self, painter: QPainter, option: Any, widget: Any = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for line in self.lines:
            painter.setPen(line.pen())
            painter.drawLine(line.line())


def neuron_rgba(values: np.ndarray) -> np.ndarray:
    """A unit's outputs on the grid, flipped so y grows upwards like the boundary plot."""
    return diverging(np.asarray(values)[::-1])


def _pictures(layer: Any) -> np.ndarray:
    """A layer's neuron pictures: coloured off the UI thread when the probe did."""
    return layer.rgba if layer.rgba is not None else neuron_pictures(layer.maps)


class NetworkView(InsightView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Neurons"), self.tr(
            "Each square shows one neuron's output for every (x, y) spot: blue where it is "
            "high, orange where it is low. Lines are weights: blue positive, orange negative, "
            "thicker is stronger. Hover a square to enlarge it, a line to read its value."),
            parent)
        self.scene = QGraphicsScene(self)
        self.view = QGraphicsView(self.scene, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.enlarged = QLabel(self)
        self.enlarged.setFixedSize(ENLARGED, ENLARGED)
        self.enlarged.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.enlarged_caption = QLabel(self)
        self.enlarged_caption.setWordWrap(True)
        self.enlarged_caption.setFixedWidth(ENLARGED)
        row = QHBoxLayout()
        row.addWidget(self.view, 1)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.enlarged)
        side_layout.addWidget(self.enlarged_caption)
        side_layout.addStretch(1)
        row.addWidget(side)
        self.body.addLayout(row, 1)
        self.neuron_items: dict[tuple[str, int], NeuronItem] = {}
        self.edge_items: list[QGraphicsLineItem] = []
        self.lines_picture: WeightLines | None = None
        self._styled_edges: Any = None
        self.edge_lookup: dict[tuple[str, int, int], QGraphicsLineItem] = {}
        self.maps: NeuronMaps | None = None
        self.edges: list[Any] | None = None
        self.titles: dict[str, str] = {}  # layer name -> node label shown on the canvas
        self._layout_key: tuple | None = None
        # maps and edges usually arrive together: draw once for both
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._rebuild)
        self.empty_text = self.tr("Train a model on 2-D points to see its neurons.")
        self.set_status(self.empty_text)

    def set_maps(self, maps: NeuronMaps) -> None:
        self.maps = maps
        self._timer.start()

    def set_edges(self, edges: list[Any] | None) -> None:
        """DenseEdges per Dense layer (small networks) or None (too big to draw lines)."""
        self.edges = edges
        self._timer.start()

    def flush(self) -> None:
        """Draw pending data now (instead of at the next event loop turn)."""
        if self._timer.isActive():
            self._timer.stop()
            self._rebuild()

    def _key(self) -> tuple:
        maps = self.maps
        layers = tuple((m.layer_name, len(m.maps)) for m in maps.layers) if maps else ()
        edges = tuple((d.layer_name, len(d.edges)) for d in self.edges or [])
        return layers, edges, tuple(sorted(self.titles.items()))

    def _update_in_place(self) -> None:
        """Same layout as drawn: only new pictures and line colours (cheap, each frame)."""
        for layer in self.maps.layers:
            pictures = _pictures(layer)
            for i, rgba in enumerate(pictures):
                item = self.neuron_items[(layer.layer_name, i)]
                item.rgba = rgba
                item.setPixmap(rgba_pixmap(rgba, CELL))
        if self._styled_edges is not self.edges:  # new weights: restyle, repaint the lines
            self._styled_edges = self.edges
            for layer in self.edges or []:
                for e in layer.edges:
                    line = self.edge_lookup.get((layer.layer_name, e.source, e.target))
                    if line is not None:
                        self._style_line(line, e)
            if self.lines_picture is not None:
                self.lines_picture.update()
        hovered = self.enlarged_caption.property("key")
        if hovered and tuple(hovered) in self.neuron_items:
            self._show_enlarged(self.neuron_items[tuple(hovered)])

    def _style_line(self, line: QGraphicsLineItem, e: Any) -> None:
        colour = QColor(*(POSITIVE if e.value >= 0 else NEGATIVE))
        colour.setAlphaF(0.35 + 0.65 * e.strength)
        line.setPen(QPen(colour, 0.5 + 5.0 * e.strength))
        line.setToolTip(self.tr("weight {0:.4f}").format(e.value))
        line.setData(0, e.value)

    def _rebuild(self) -> None:
        maps = self.maps
        if maps is None:
            return
        self.set_status("")
        key = self._key()
        if key == self._layout_key and self.neuron_items:
            self._update_in_place()
            return
        self._layout_key = key
        hovered = self.enlarged_caption.property("key")
        self.scene.clear()
        self.lines_picture = None
        self.neuron_items.clear()
        self.edge_items.clear()
        self.edge_lookup.clear()
        grid_x = np.broadcast_to(maps.grid.xs[None, :], (len(maps.grid.ys), len(maps.grid.xs)))
        grid_y = np.broadcast_to(maps.grid.ys[:, None], grid_x.shape)
        columns: list[tuple[str, list[np.ndarray], int]] = [
            ("input", [neuron_rgba(grid_x), neuron_rgba(grid_y)], 2)]
        columns += [(layer.layer_name, list(_pictures(layer)), layer.units_total)
                    for layer in maps.layers]
        positions: dict[tuple[str, int], QPointF] = {}
        tallest = min(max(len(c[1]) for c in columns), MAX_ROWS)
        x = 0.0
        for name, pictures, total in columns:
            rows = min(len(pictures), MAX_ROWS)  # big layers wrap into several sub-columns
            top = (tallest - rows) * (CELL + GAP_Y) / 2
            title = self.tr("input") if name == "input" else self.titles.get(name, name)
            label = QGraphicsSimpleTextItem(title if total <= len(pictures) else self.tr(
                "{0} (first {1} of {2})").format(title, len(pictures), total))
            label.setPos(x, top - 20)
            self.scene.addItem(label)
            for i, values in enumerate(pictures):
                item = NeuronItem(values, self._show_enlarged)
                item.setData(0, (name, i))
                item.setToolTip(self.tr("{0}, unit {1}").format(title, i + 1) if name != "input"
                                else (self.tr("input x1") if i == 0 else self.tr("input x2")))
                px = x + (i // MAX_ROWS) * (CELL + GAP_Y)
                py = top + (i % MAX_ROWS) * (CELL + GAP_Y)
                item.setPos(px, py)
                item.setZValue(1)
                self.scene.addItem(item)
                self.neuron_items[(name, i)] = item
                positions[(name, i)] = QPointF(px, py + CELL / 2)
            sub_columns = max(1, -(-len(pictures) // MAX_ROWS))
            x += sub_columns * (CELL + GAP_Y) - GAP_Y + GAP_X
        if self.edges:
            names = [c[0] for c in columns]
            for layer in self.edges:
                if layer.layer_name not in names:
                    continue
                source_name = names[names.index(layer.layer_name) - 1]
                for e in layer.edges:
                    a = positions.get((source_name, e.source))
                    b = positions.get((layer.layer_name, e.target))
                    if a is None or b is None:
                        continue
                    line = WeightLine(a.x() + CELL, a.y(), b.x(), b.y())
                    self._style_line(line, e)
                    self.scene.addItem(line)
                    self.edge_items.append(line)
                    self.edge_lookup[(layer.layer_name, e.source, e.target)] = line
            self.lines_picture = WeightLines(self.edge_items)
            self.scene.addItem(self.lines_picture)
        self._styled_edges = self.edges
        self.scene.setSceneRect(self.scene.itemsBoundingRect().adjusted(-10, -10, 10, 10))
        for bar in (self.view.horizontalScrollBar(), self.view.verticalScrollBar()):
            bar.setValue(bar.minimum())  # a new layout starts at its top left
        if hovered and tuple(hovered) in self.neuron_items:
            self._show_enlarged(self.neuron_items[tuple(hovered)])

    def _show_enlarged(self, item: NeuronItem) -> None:
        name, index = item.data(0)
        self.enlarged.setPixmap(rgba_pixmap(item.rgba, ENLARGED))
        self.enlarged_caption.setProperty("key", [name, index])
        self.enlarged_caption.setText(item.toolTip())

    def clear(self) -> None:
        self._timer.stop()
        self.maps = None
        self.edges = None
        self._layout_key = None
        self.scene.clear()
        self.lines_picture = None
        self.neuron_items.clear()
        self.edge_items.clear()
        self.edge_lookup.clear()
        self.enlarged.clear()
        self.enlarged_caption.clear()
        self.enlarged_caption.setProperty("key", None)
        super().clear()
