"""Classification results: confusion matrix, accuracy per class and the misclassified
samples (pictures for image data, coordinates otherwise) with predicted and true labels."""
from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QWidget

from playground.insight.classification import ConfusionResult
from playground.insight.colors import greys
from ui.insight.common import InsightView, rgba_pixmap

GALLERY_SIZE = 72


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


class ResultsView(InsightView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Results"), self.tr(
            "Rows are the true classes, columns what the model answered: the diagonal counts "
            "the right answers. Below: samples the model got wrong, most confident first."),
            parent)
        row = QHBoxLayout()
        self.matrix_plot = pg.PlotWidget(self)
        self.matrix_plot.setBackground("w")
        self.matrix_plot.invertY(True)
        self.matrix_plot.setLabel("left", self.tr("true class"))
        self.matrix_plot.setLabel("bottom", self.tr("predicted class"))
        self.matrix_image = pg.ImageItem(axisOrder="row-major")
        self.matrix_plot.addItem(self.matrix_image)
        self.accuracy_plot = pg.PlotWidget(self)
        self.accuracy_plot.setBackground("w")
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
        self._texts: list[pg.TextItem] = []
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
        for t in self._texts:
            self.matrix_plot.removeItem(t)
        self._texts = []
        if k <= 12:
            for i in range(k):
                for j in range(k):
                    text = pg.TextItem(str(int(result.matrix[i, j])), color="k", anchor=(0.5, 0.5))
                    text.setPos(j, i)
                    self.matrix_plot.addItem(text)
                    self._texts.append(text)
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

    def _fill_gallery(self, result: ConfusionResult, dataset: Any) -> None:
        self.gallery.clear()
        x = {"test": getattr(dataset, "x_test", None), "val": getattr(dataset, "x_val", None),
             "train": getattr(dataset, "x_train", None)}.get(result.split)
        names = result.class_names
        for index, pred, true, conf in zip(result.misclassified, result.predicted, result.true,
                                           result.confidence):
            caption = self.tr("said {0} ({1:.0%})\nwas {2}").format(names[pred], conf, names[true])
            item = QListWidgetItem(caption)
            sample = None if x is None else np.asarray(x[index])
            if sample is not None and sample.ndim >= 2:
                picture = sample[..., 0] if sample.ndim == 3 else sample
                item.setIcon(QIcon(rgba_pixmap(greys(picture), GALLERY_SIZE)))
            elif sample is not None:
                item.setText(caption + "\n" + ", ".join(f"{v:.2f}" for v in sample.ravel()[:4]))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.gallery.addItem(item)

    def clear(self) -> None:
        self.result = None
        self.matrix_image.clear()
        for t in self._texts:
            self.matrix_plot.removeItem(t)
        self._texts = []
        self.accuracy_bars.setOpts(x=[], height=[])
        self.summary.clear()
        self.gallery.clear()
        super().clear()
