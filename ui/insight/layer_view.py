"""One layer, for the inspector: its activation function's curve and histograms of its
weights and biases (updated each epoch while training)."""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from playground.errors import InsightError
from playground.insight.activations import activation_curve
from playground.insight.weights import Histogram, LayerHistograms
from ui.insight.common import InsightView
from ui.theme import PLOT_FOREGROUND, style_plot


def _plot(parent: QWidget, title: str) -> pg.PlotWidget:
    plot = pg.PlotWidget(parent)
    plot.setTitle(title, size="9pt")
    style_plot(plot)
    plot.setMinimumHeight(140)
    return plot


class LayerView(InsightView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Layer"), "", parent)
        self.activation_plot = _plot(self, self.tr("Activation"))
        self.activation_plot.showGrid(x=True, y=True, alpha=0.2)
        self.curve = self.activation_plot.plot(pen=pg.mkPen((8, 119, 189), width=2))
        self.slope = self.activation_plot.plot(pen=pg.mkPen((245, 147, 34), width=1,
                                                            style=pg.QtCore.Qt.PenStyle.DashLine))
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.kernel_plot = _plot(self, self.tr("Weights"))
        self.bias_plot = _plot(self, self.tr("Biases"))
        self.kernel_bars = pg.BarGraphItem(x=[], height=[], width=1, brush=(8, 119, 189))
        self.bias_bars = pg.BarGraphItem(x=[], height=[], width=1, brush=(245, 147, 34))
        self.kernel_plot.addItem(self.kernel_bars)
        self.bias_plot.addItem(self.bias_bars)
        self.histogram_label = QLabel(self)
        self.histogram_label.setWordWrap(True)
        self.body.addWidget(self.activation_plot, 1)
        self.body.addWidget(self.description)
        row = QHBoxLayout()
        row.addWidget(self.kernel_plot)
        row.addWidget(self.bias_plot)
        self.body.addLayout(row, 1)
        self.body.addWidget(self.histogram_label)
        self.activation_name: str | None = None

    def set_layer(self, title: str, activation: str | None) -> None:
        """Which layer is shown (the inspector's selection) and its activation name."""
        self.title_label.setText(f"<b>{title}</b>")
        self.activation_name = activation
        self.activation_plot.setVisible(activation is not None)
        self.description.setVisible(activation is not None)
        if activation is None:
            return
        try:
            curve = activation_curve(activation)
        except InsightError as error:
            self.curve.setData([], [])
            self.slope.setData([], [])
            self.description.setText(str(error))
            return
        self.curve.setData(curve.x, curve.y)
        self.slope.setData(curve.x, curve.slope)
        self.activation_plot.setTitle(self.tr("Activation: {0} (dashed: its slope)").format(
            curve.name), color=PLOT_FOREGROUND, size="9pt")
        self.description.setText(curve.description)

    def clear(self) -> None:
        self.set_histograms(None)
        super().clear()

    def set_histograms(self, histograms: LayerHistograms | None) -> None:
        self.kernel_plot.setVisible(histograms is not None and histograms.kernel is not None)
        self.bias_plot.setVisible(histograms is not None and histograms.bias is not None)
        if histograms is None:
            self.histogram_label.setText(self.tr("Weight histograms appear once the model "
                                                 "has been built for training."))
            return
        texts = []
        for hist, bars, name in ((histograms.kernel, self.kernel_bars, self.tr("weights")),
                                 (histograms.bias, self.bias_bars, self.tr("biases"))):
            if hist is None:
                continue
            _set_bars(bars, hist)
            texts.append(self.tr("{0}: mean {1:.3g}, spread {2:.3g}").format(
                name, hist.mean, hist.std))
        self.histogram_label.setText("; ".join(texts))


def _set_bars(bars: pg.BarGraphItem, hist: Histogram) -> None:
    centres = 0.5 * (hist.edges[:-1] + hist.edges[1:])
    width = float(hist.edges[1] - hist.edges[0])
    bars.setOpts(x=centres, height=hist.counts, width=width)
