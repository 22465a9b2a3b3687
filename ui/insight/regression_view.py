"""Numbers: predictions against the truth, the learned line next to F = 1.8·C + 32, and
for sequences the forecast along the real series."""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QWidget

from playground.insight.probes import Unavailable
from playground.insight.regression import LinearFit, PredictionVsTruth, SequenceForecast
from ui.insight.common import InsightView
from ui.theme import style_plot


class RegressionView(InsightView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Predictions"), self._points_hint(), parent)
        self.plot = pg.PlotWidget(self)
        style_plot(self.plot)
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.diagonal = pg.PlotDataItem(pen=pg.mkPen((120, 120, 120), width=1, style=pg.QtCore.Qt.PenStyle.DashLine))
        self.points = pg.ScatterPlotItem(size=6, brush=pg.mkBrush(8, 119, 189, 160), pen=None)
        self.truth_curve = pg.PlotDataItem(pen=pg.mkPen((60, 60, 60), width=2), name="real")
        self.forecast_curve = pg.PlotDataItem(pen=pg.mkPen((245, 147, 34), width=2),
                                              name="forecast")
        for item in (self.diagonal, self.points, self.truth_curve, self.forecast_curve):
            self.plot.addItem(item)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.line_label = QLabel(self)
        self.line_label.setWordWrap(True)
        self.line_label.setVisible(False)
        self.body.addWidget(self.line_label)
        self.body.addWidget(self.plot, 1)
        self.body.addWidget(self.summary)
        self.empty_text = self.tr("Train a model that predicts numbers to compare its answers "
                                  "with the truth.")
        self.set_status(self.empty_text)

    def clear_line(self) -> None:
        """Forget the learned line (another dataset or model is shown)."""
        self.line_label.clear()
        self.line_label.setVisible(False)

    def _points_hint(self) -> str:
        return self.tr("Each dot is one example: across, the true value; up, the model's "
                       "answer. On the diagonal line the answer is exactly right.")

    def set_prediction(self, result: PredictionVsTruth) -> None:
        self.set_status("")
        self.hint_label.setText(self._points_hint())
        self.truth_curve.setData([], [])
        self.forecast_curve.setData([], [])
        self.plot.setLabel("bottom", self.tr("true value"))
        self.plot.setLabel("left", self.tr("predicted value"))
        self.points.setData(result.truth, result.prediction)
        lo = float(min(result.truth.min(), result.prediction.min()))
        hi = float(max(result.truth.max(), result.prediction.max()))
        self.diagonal.setData([lo, hi], [lo, hi])
        self.summary.setText(self.tr("Typical error: {0:.3g}. Fit score R²: {1:.3f} (1 is "
                                     "perfect, 0 is no better than always guessing the "
                                     "average).").format(result.mae, result.r2))

    def set_line(self, fit: LinearFit | Unavailable) -> None:
        self.line_label.setVisible(True)
        if isinstance(fit, Unavailable):
            self.line_label.setText(fit.reason)
            return
        self.line_label.setText(self.tr(
            "<b>Learned:</b> F = {0:.4f} · C + {1:.3f} &nbsp;&nbsp; <b>Real rule:</b> "
            "F = {2:g} · C + {3:g}").format(fit.weight, fit.bias, fit.expected_weight,
                                            fit.expected_bias))

    def set_forecast(self, result: SequenceForecast) -> None:
        self.set_status("")
        self.clear_line()
        self.hint_label.setText(self.tr(
            "The real series and the model's forecast of each next value, made from the "
            "values just before it."))
        self.points.setData([], [])
        self.diagonal.setData([], [])
        self.plot.setLabel("bottom", self.tr("step"))
        self.plot.setLabel("left", self.tr("value"))
        self.truth_curve.setData(result.steps, result.truth)
        self.forecast_curve.setData(result.steps, result.forecast)
        self.summary.setText(self.tr("Grey: the real series. Orange: the model's forecast of "
                                     "each next value from the values before it. Typical "
                                     "error: {0:.3g}.").format(result.mae))

    def clear(self) -> None:
        for item in (self.diagonal, self.truth_curve, self.forecast_curve):
            item.setData([], [])
        self.points.setData([], [])
        self.summary.clear()
        self.clear_line()
        super().clear()
