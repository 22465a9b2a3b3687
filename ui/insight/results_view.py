"""Classification results: confusion matrix, accuracy per class and the misclassified
samples (pictures for image data, coordinates otherwise) with predicted and true labels."""
from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QTransform
from PySide6.QtWidgets import (QGraphicsItem, QGraphicsSimpleTextItem, QHBoxLayout, QLabel,
                               QListWidget, QListWidgetItem, QWidget)

from playground.insight.classification import ConfusionResult
from ui.insight.common import InsightView, rgba_pixmap
from ui.theme import style_plot

GALLERY_SIZE = 72
MAX_COUNTED_CLASSES = 12    # more cells than this: colours only, counts unreadable


def confusion_rgba(matrix: np.ndarray) -> np.ndarray:
    """Row-normalised counts as blue shades (each row: how one true class was answered)."""
    rows = matrix.sum(axis=1, keepdims=True)
    share = np.where(rows > 0, matrix / np.maximum(rows, 1), 0.0)
    out = np.empty(matrix.shape + (4,), np.uint8)
    out[..., 0] = np.round(255 - share * (255 - 8)).astype(np.uint8)
    out[..., 1] = np.round(255 - share * (255 - 119)).astype(np.uint8)
    out[..., 2] = np.round(255 - share * (255 - 189)).astype(np.uint8)
    out[..., 3] = 255
    return out


def dark_cells(matrix: np.ndarray) -> np.ndarray:
    """Which cells :func:`confusion_rgba` paints dark enough to need white text."""
    rows = matrix.sum(axis=1, keepdims=True)
    return np.where(rows > 0, matrix / np.maximum(rows, 1), 0.0) > 0.55


class ResultsView(InsightView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Results"), self.tr(
            "Rows are the true classes, columns what the model answered: the diagonal counts "
            "the right answers. Below: samples the model got wrong, most confident first."),
            parent)
        row = QHBoxLayout()
        self.matrix_plot = pg.PlotWidget(self)
        style_plot(self.matrix_plot)
        self.matrix_plot.invertY(True)
        self.matrix_plot.setLabel("left", self.tr("true class"))
        self.matrix_plot.setLabel("bottom", self.tr("predicted class"))
        self.matrix_image = pg.ImageItem(axisOrder="row-major")
        self.matrix_plot.addItem(self.matrix_image)
        self.accuracy_plot = pg.PlotWidget(self)
        style_plot(self.accuracy_plot)
        self.accuracy_plot.setLabel("left", self.tr("accuracy per class"))
        self.accuracy_plot.setYRange(0, 1)
        self.accuracy_bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=(8, 119, 189))
        self.accuracy_plot.addItem(self.accuracy_bars)
        row.addWidget(self.matrix_plot, 3)
        row.addWidget(self.accuracy_plot, 2)
        self.body.addLayout(row, 3)
        self.summary = QLabel(self)
        self.body.addWidget(self.summary)
        self.gallery = QListWidget(self)
        self.gallery.setViewMode(QListWidget.ViewMode.IconMode)
        self.gallery.setIconSize(QSize(GALLERY_SIZE, GALLERY_SIZE))
        self.gallery.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.gallery.setMovement(QListWidget.Movement.Static)
        self.body.addWidget(self.gallery, 2)
        self._texts: list[QGraphicsSimpleTextItem] = []
        self.result: ConfusionResult | None = None
        self.empty_text = self.tr("Train a classifier to see its results.")
        self.set_status(self.empty_text)

    def set_result(self, result: ConfusionResult, dataset: Any) -> None:
        self.result = result
        self.set_status("")
        k = len(result.class_names)
        self.matrix_image.setImage(confusion_rgba(result.matrix), autoLevels=False)
        self.matrix_image.setRect(QRectF(-0.5, -0.5, k, k))
        self.matrix_plot.setRange(xRange=(-0.5, k - 0.5), yRange=(-0.5, k - 0.5), padding=0.02)
        self._show_counts(result.matrix if k <= MAX_COUNTED_CLASSES else None)
        ticks = [[(i, name) for i, name in enumerate(result.class_names)]]
        for axis in ("left", "bottom"):
            self.matrix_plot.getAxis(axis).setTicks(ticks)
        acc = np.nan_to_num(result.per_class_accuracy, nan=0.0)
        self.accuracy_bars.setOpts(x=np.arange(k), height=acc)
        self.accuracy_plot.getAxis("bottom").setTicks(ticks)
        split = {"test": self.tr("test"), "val": self.tr("validation"),
                 "train": self.tr("training")}.get(result.split, result.split)
        self.summary.setText(self.tr("Accuracy on the {0} data: {1:.1%} ({2} of {3} wrong)")
                             .format(split, result.accuracy, int(result.matrix.sum()
                                                                 - np.trace(result.matrix)),
                                     int(result.matrix.sum())))
        self._fill_gallery(result, dataset)

    def _show_counts(self, matrix: np.ndarray | None) -> None:
        """The count in each cell. Plain text items that keep their size whatever the zoom,
        kept from epoch to epoch (only changed counts are set): creating 100 pyqtgraph
        TextItems each epoch took ~40 ms of the UI thread."""
        k = 0 if matrix is None else len(matrix)
        if len(self._texts) != k * k:
            for t in self._texts:
                self.matrix_plot.removeItem(t)
            self._texts = []
            for i in range(k):
                for j in range(k):
                    text = QGraphicsSimpleTextItem()
                    text.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
                    text.setPos(j, i)
                    self.matrix_plot.addItem(text)
                    self._texts.append(text)
        if matrix is None:
            return
        for text, count, dark in zip(self._texts, matrix.ravel(),
                                     dark_cells(matrix).ravel()):
            label = str(int(count))
            if text.text() != label:
                text.setText(label)
                box = text.boundingRect()   # centred on the cell (device pixels)
                text.setTransform(QTransform.fromTranslate(-box.width() / 2,
                                                           -box.height() / 2))
            colour = QColor(Qt.GlobalColor.white if dark else Qt.GlobalColor.black)
            if text.brush().color() != colour:
                text.setBrush(colour)   # readable on the dark blue of a full cell

    def _fill_gallery(self, result: ConfusionResult, dataset: Any) -> None:
        x = {"test": getattr(dataset, "x_test", None), "val": getattr(dataset, "x_val", None),
             "train": getattr(dataset, "x_train", None)}.get(result.split)
        names = result.class_names
        count = len(result.misclassified)
        self.gallery.setUpdatesEnabled(False)
        try:
            while self.gallery.count() > count:      # items are reused between epochs
                self.gallery.takeItem(self.gallery.count() - 1)
            for row, (index, pred, true, conf) in enumerate(zip(
                    result.misclassified, result.predicted, result.true, result.confidence)):
                caption = self.tr("said {0} ({1:.0%})\nwas {2}").format(names[pred], conf,
                                                                        names[true])
                item = self.gallery.item(row)
                if item is None:
                    item = QListWidgetItem()
                    item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
                    self.gallery.addItem(item)
                if result.pictures is not None:
                    item.setIcon(QIcon(rgba_pixmap(result.pictures[row], GALLERY_SIZE)))
                else:
                    item.setIcon(QIcon())
                    if x is not None:
                        values = np.asarray(x[index]).ravel()[:4]
                        if values.dtype.kind in "UO":   # a sentence: the start of it
                            caption += "\n" + str(values[0])[:40]
                        else:
                            caption += "\n" + ", ".join(f"{v:.2f}" for v in values)
                item.setText(caption)
        finally:
            self.gallery.setUpdatesEnabled(True)

    def clear(self) -> None:
        self.result = None
        self.matrix_image.clear()
        self._show_counts(None)
        self.accuracy_bars.setOpts(x=[], height=[])
        self.summary.clear()
        self.gallery.clear()
        super().clear()
