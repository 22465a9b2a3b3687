"""Shows a dataset's preview dict (from ``Dataset.preview``): points, images, a series or
a table. Drawing only: the preview's arrays are computed in playground.datasets."""
from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QStackedWidget, QTableWidget, QTableWidgetItem, QWidget
from ui.theme import style_plot

from playground.datasets.preview import montage

# Orange / blue as in TensorFlow Playground, then more distinct colours.
CLASS_COLOURS = ["#F59322", "#0877BD", "#2EA043", "#D62728", "#9467BD", "#8C564B",
                 "#E377C2", "#7F7F7F"]


class DatasetPreview(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(180)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.plot = pg.PlotWidget(self)
        style_plot(self.plot)
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.legend = self.plot.addLegend(offset=(-5, 5), brush=pg.mkBrush(255, 255, 255, 170),
                                          labelTextSize="8pt")
        self.images = pg.GraphicsLayoutWidget(self)
        style_plot(self.images)
        self.image_box = self.images.addViewBox(lockAspect=True, invertY=True)
        self.image_box.setMouseEnabled(False, False)
        self.image_item = pg.ImageItem(axisOrder="row-major")
        self.image_box.addItem(self.image_item)
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for w in (self.message, self.plot, self.images, self.table):
            self.addWidget(w)
        self.kind = "message"

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.setCurrentWidget(self.message)
        self.kind = "message"

    def show_preview(self, preview: dict[str, Any]) -> None:
        kind = preview["kind"]
        self.kind = kind
        if kind == "points":
            self._points(preview)
        elif kind == "images":
            self._images(preview)
        elif kind == "series":
            self._series(preview)
        else:
            self._table(preview)

    def _reset_plot(self, legend: bool = False) -> None:
        self.plot.clear()
        self.legend.clear()
        self.legend.setVisible(legend)

    def _points(self, p: dict[str, Any]) -> None:
        self._reset_plot(legend=p["task"] != "regression")
        x, y, split = p["x"], np.asarray(p["y"]), np.asarray(p["split"])
        if p["task"] == "regression":
            cmap = pg.colormap.get("CET-D1")
            lo, hi = float(y.min()), float(y.max())
            brushes = [pg.mkBrush(c) for c in cmap.map((y - lo) / max(hi - lo, 1e-9),
                                                        mode="qcolor")]
            self.plot.addItem(pg.ScatterPlotItem(x[:, 0], x[:, 1], size=6, brush=brushes,
                                                 pen=None))
        else:
            # Training points are filled dots, test points hollow rings of the same colour.
            for c, name in enumerate(p["class_names"]):
                colour = CLASS_COLOURS[c % len(CLASS_COLOURS)]
                train = (y == c) & (split == "train")
                test = (y == c) & (split == "test")
                self.plot.addItem(pg.ScatterPlotItem(
                    x[train, 0], x[train, 1], size=6, pen=None, brush=pg.mkBrush(colour),
                    name=name))
                if test.any():
                    self.plot.addItem(pg.ScatterPlotItem(
                        x[test, 0], x[test, 1], size=6, brush=None,
                        pen=pg.mkPen(colour, width=1.2)))
            self.plot.setToolTip(self.tr("Filled dots: training points. Rings: test points."))
        self.plot.setAspectLocked(True)
        self.plot.setLabel("bottom", "x1")
        self.plot.setLabel("left", "x2")
        self.plot.autoRange()
        self.setCurrentWidget(self.plot)

    def _images(self, p: dict[str, Any]) -> None:
        images = np.asarray(p["images"][:32])
        if images.ndim == 3:  # grey: dark strokes on white paper, as the digits were drawn
            images = 1.0 - images
        self.image_item.setImage(montage(images, columns=8), levels=(0.0, 1.0))
        self.image_box.autoRange(padding=0.02)
        self.images.setToolTip(self.tr("First pictures: %1").replace(
            "%1", ", ".join(p["labels"][:32])))
        self.setCurrentWidget(self.images)

    def _series(self, p: dict[str, Any]) -> None:
        self._reset_plot()
        self.plot.setAspectLocked(False)
        if p.get("style") == "line":
            self.plot.plot(p["x"], p["y"], pen=pg.mkPen(CLASS_COLOURS[1], width=1.5))
            start = p.get("test_start")
            if start is not None:
                line = pg.InfiniteLine(pos=start, angle=90, pen=pg.mkPen("#888", dash=[4, 4]),
                                       label=self.tr("test part →"),
                                       labelOpts={"position": 0.9})
                self.plot.addItem(line)
        else:
            self.plot.plot(p["x"], p["y"], pen=None, symbol="o", symbolSize=5,
                           symbolBrush=CLASS_COLOURS[0], symbolPen=None)
        self.plot.setLabel("bottom", p.get("x_label", ""))
        self.plot.setLabel("left", p.get("y_label", ""))
        self.plot.autoRange()
        self.setCurrentWidget(self.plot)

    def _table(self, p: dict[str, Any]) -> None:
        columns, rows = p["columns"], p["rows"]
        self.table.clear()
        self.table.setColumnCount(len(columns))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels([str(c) for c in columns])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(str(value)))
        self.setCurrentWidget(self.table)
