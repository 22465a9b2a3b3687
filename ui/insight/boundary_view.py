"""Decision boundary / predicted surface behind the training and test points, with
"show test data" and "discretize output" toggles and paint-your-own-data tools."""
from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLabel, QWidget

from playground.insight.boundary import BoundaryGrid, dataset_points, grid_for_points
from playground.insight.colors import boundary_rgba, target_colors
from playground.insight.painting import add_point, erase_near
from ui.insight.common import InsightView


class PaintViewBox(pg.ViewBox):
    """A ViewBox that, in paint mode, turns left click/drag into paint and right click/drag
    into erase events (data coordinates) instead of panning."""

    sigPaint = Signal(float, float)
    sigErase = Signal(float, float)
    sigStrokeFinished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.painting = False

    def _emit(self, button: Any, scene_pos: Any) -> None:
        p = self.mapSceneToView(scene_pos)
        if button == Qt.MouseButton.RightButton:
            self.sigErase.emit(p.x(), p.y())
        else:
            self.sigPaint.emit(p.x(), p.y())

    def mouseClickEvent(self, ev: Any) -> None:  # noqa: N802 (pyqtgraph name)
        if not self.painting:
            return super().mouseClickEvent(ev)
        ev.accept()
        self._emit(ev.button(), ev.scenePos())
        self.sigStrokeFinished.emit()

    def mouseDragEvent(self, ev: Any, axis: Any = None) -> None:  # noqa: N802
        if not self.painting:
            return super().mouseDragEvent(ev, axis)
        ev.accept()
        self._emit(ev.button(), ev.scenePos())
        if ev.isFinish():
            self.sigStrokeFinished.emit()


class BoundaryView(InsightView):
    """``pointsEdited(list)`` fires after each paint stroke with all painted points."""

    pointsEdited = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Decision boundary"), self.tr(
            "The background is the model's answer at every spot; the dots are the data."),
            parent)
        self.show_test = QCheckBox(self.tr("Show test data"), self)
        self.discretize = QCheckBox(self.tr("Discretize output"), self)
        self.discretize.setToolTip(self.tr("Show only the final answer at each spot, "
                                           "without the model's certainty."))
        self.paint = QCheckBox(self.tr("Paint points"), self)
        self.paint.setToolTip(self.tr("Tick, then click or drag on the picture to add points "
                                      "of the chosen class; right-click to erase them."))
        self.paint_class = QComboBox(self)
        self.paint_value = QDoubleSpinBox(self)
        self.paint_value.setRange(-1e6, 1e6)
        self.paint_value.setDecimals(2)
        self.paint_value.setToolTip(self.tr("Value of the points you paint"))
        self.paint_class.setToolTip(self.tr("Class of the points you paint"))
        for w in (self.show_test, self.discretize, self.paint, self.paint_class,
                  self.paint_value):
            self.toolbar.addWidget(w)
        self.paint_value.setVisible(False)  # until a dataset says which of the two applies
        self.view_box = PaintViewBox()
        self.plot = pg.PlotWidget(viewBox=self.view_box, parent=self)
        self.plot.setBackground("w")
        self.plot.setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.train_points = pg.ScatterPlotItem(size=7, pen=pg.mkPen("w", width=0.8))
        self.test_points = pg.ScatterPlotItem(size=7, pen=pg.mkPen("k", width=1.2))
        self.painted = pg.ScatterPlotItem(size=9, symbol="s", pen=pg.mkPen("k", width=1.5))
        for item in (self.train_points, self.test_points, self.painted):
            self.plot.addItem(item)
        self.legend = QLabel(self)
        self.body.addWidget(self.plot, 1)
        self.body.addWidget(self.legend)
        self.result: BoundaryGrid | None = None
        self.dataset: Any = None
        self.points: list[list[float]] = []
        self._stroke_changed = False
        self.show_test.setChecked(True)
        self.show_test.toggled.connect(self._redraw_points)
        self.discretize.toggled.connect(self._redraw_boundary)
        self.paint.toggled.connect(self._paint_mode)
        self.view_box.sigPaint.connect(self._paint_at)
        self.view_box.sigErase.connect(self._erase_at)
        self.view_box.sigStrokeFinished.connect(self._stroke_finished)
        self._paint_mode(False)
        self.empty_text = self.tr("Train the model (or press \"Look at the current "
                                  "weights\") to see what it answers at every spot.")
        self.set_status(self.empty_text)

    # ------------------------------------------------------------------ data
    def set_dataset(self, dataset: Any, painted: list[list[float]]) -> None:
        """Points of the dataset (its training split without the painted points) and the
        painted points, drawn separately so they can be edited."""
        same_data = self.dataset is not None and self.dataset.name == dataset.name
        self.dataset = dataset
        self.points = [list(p) for p in painted]
        classification = dataset.task in ("binary", "multiclass")
        self.paint_class.clear()
        for i, name in enumerate(dataset.class_names):
            self.paint_class.addItem(name, i)
        self.paint_class.setVisible(classification)
        self.paint_value.setVisible(not classification)
        self._paint_mode(self.paint.isChecked())
        self._redraw_points()
        if not same_data:  # keep the user's zoom while painting / retraining
            x0, x1, y0, y1 = grid_for_points(dataset_points(dataset)).extent
            self.view_box.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def set_boundary(self, result: BoundaryGrid) -> None:
        """Show a new picture: uploaded into the same image item, then placed over the
        grid's extent, coloured already when the result brings its pictures."""
        self.result = result
        self._redraw_boundary()
        if self.status_label.isVisible():
            self.set_status("")

    def clear(self) -> None:
        self.result = None
        self.dataset = None
        self.image.clear()
        for item in (self.train_points, self.test_points, self.painted):
            item.setData(pos=np.zeros((0, 2)))  # no dots of the previous project's data
        self.legend.clear()
        super().clear()

    def _redraw_boundary(self) -> None:
        result = self.result
        if result is None:
            return
        discrete = self.discretize.isChecked()
        picture = result.rgba_discrete if discrete else result.rgba
        if picture is None:  # a result made without its pictures (e.g. by a test)
            picture = boundary_rgba(result, discrete)
        self.image.setImage(picture, autoLevels=False)
        # Placed after the upload, every time: setRect scales by the picture's size in
        # pixels, which an empty item (first picture, after clear()) does not have yet,
        # and which changes when the grid's resolution does. A transform costs nothing.
        x0, x1, y0, y1 = result.grid.extent
        self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))

    def _value_range(self) -> tuple[float, float] | None:
        if self.dataset is None or self.dataset.is_classification:
            return None
        y = np.asarray(self.dataset.y_train, dtype=np.float64)
        return float(y.min()), float(y.max())

    def _redraw_points(self) -> None:
        ds = self.dataset
        if ds is None:
            return
        n_painted = len(self.points)
        n_train = len(ds.x_train) - int((ds.extras or {}).get("painted", 0))
        x, y = ds.x_train[:n_train], ds.y_train[:n_train]
        value_range = self._value_range()
        self.train_points.setData(pos=x, brush=[pg.mkBrush(*c) for c in
                                                target_colors(y, ds.task, value_range)])
        has_test = ds.x_test is not None and len(ds.x_test) and self.show_test.isChecked()
        if has_test:
            self.test_points.setData(pos=ds.x_test, brush=[
                pg.mkBrush(*c) for c in target_colors(ds.y_test, ds.task, value_range)])
        else:
            self.test_points.setData(pos=np.zeros((0, 2)))
        if n_painted:
            arr = np.asarray(self.points, dtype=np.float64)
            self.painted.setData(pos=arr[:, :2], brush=[
                pg.mkBrush(*c) for c in target_colors(arr[:, 2], ds.task, value_range)])
        else:
            self.painted.setData(pos=np.zeros((0, 2)))
        self.legend.setText(self.tr("{0} training points (white rim), {1} test points (black "
                                    "rim), {2} painted (squares)").format(
            n_train, len(ds.x_test) if has_test else 0, n_painted))

    # --------------------------------------------------------------- painting
    def _paint_mode(self, on: bool) -> None:
        self.view_box.painting = on
        self.view_box.setMouseEnabled(not on, not on)
        self.paint_class.setEnabled(on)
        self.paint_value.setEnabled(on)

    def _paint_target(self) -> float:
        if self.dataset is not None and self.dataset.is_classification:
            return float(self.paint_class.currentData() or 0)
        return float(self.paint_value.value())

    def _spacing(self) -> float:
        rect = self.view_box.viewRect()
        return max(rect.width(), rect.height()) / 60.0

    def _paint_at(self, x: float, y: float) -> None:
        if self.dataset is None:
            return
        new = add_point(self.points, x, y, self._paint_target(), min_distance=self._spacing())
        if new is not self.points:
            self.points = new
            self._stroke_changed = True
            self._redraw_points()

    def _erase_at(self, x: float, y: float) -> None:
        new = erase_near(self.points, x, y, self._spacing() * 1.5)
        if len(new) != len(self.points):
            self.points = new
            self._stroke_changed = True
            self._redraw_points()

    def _stroke_finished(self) -> None:
        if self._stroke_changed:
            self._stroke_changed = False
            self.pointsEdited.emit([list(p) for p in self.points])
