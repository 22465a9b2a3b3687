"""Live training curves (pyqtgraph): loss per batch (raw and smoothed) and per epoch,
validation per epoch, one plot per metric, hover readout, log scale, CSV/PNG export, and
earlier runs as faded overlays.

Points go into reusable growing buffers (:mod:`playground.training.curve_data`); a 50 ms timer
hands the buffers to pyqtgraph only when something changed, so however fast batches
arrive the plots redraw at most 20 times a second. The x axis spans the planned epochs
from the start, so only the y axis is re-laid out as points arrive (painting is the UI
thread's main cost while training). Curves downsample (peak mode) and clip
to the view, so long runs stay smooth.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QFileDialog, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout, QWidget)

from playground.training.curve_data import (GrowingSeries, SmoothedSeries, batch_positions,
                                            curves_csv, finite_bounds, run_label,
                                            steady_range)
from playground.training.events import EpochEnded, StepsDone
from ui.last_folder import remember, start_folder

MAX_OVERLAY_RUNS = 5
# Each batch's raw loss is faint noise under the smoothed line that carries the trend.
COLORS = {"batch": (120, 160, 220, 70), "smoothed": (40, 90, 200), "train": (20, 60, 160),
          "val": (220, 110, 20)}
PLOT_COLUMNS = 2   # loss and metric side by side: a wide, low panel under the canvas
OVERLAY_COLORS = [(110, 110, 110, 90), (150, 90, 160, 90), (90, 150, 90, 90),
                  (160, 120, 60, 90), (60, 140, 160, 90)]


def _curve(plot: pg.PlotItem, name: str, pen: Any, symbol: str | None = None) -> Any:
    item = plot.plot(name=name, pen=pen, symbol=symbol, symbolSize=5,
                     symbolBrush=pen.color() if symbol else None, symbolPen=None)
    item.setDownsampling(auto=True, method="peak")
    item.setClipToView(True)
    return item


# Keras's metric keys as plot titles (translations keep the key beside the name).
METRIC_TITLES = {"accuracy": QT_TRANSLATE_NOOP("TrainingCurves", "accuracy"),
                 "mae": QT_TRANSLATE_NOOP("TrainingCurves", "mae"),
                 "mse": QT_TRANSLATE_NOOP("TrainingCurves", "mse")}


class EpochAxis(pg.AxisItem):
    """An x axis of whole epochs: ticks only at integers, written without decimals."""

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:  # noqa: N802,N803
        levels = [(spacing, [v for v in values if float(v).is_integer()])
                  for spacing, values in super().tickValues(minVal, maxVal, size)
                  if spacing >= 1]
        levels = [(spacing, values) for spacing, values in levels if values]
        if not levels:  # a range shorter than the spacing pyqtgraph picks: every epoch
            first, last = int(np.ceil(minVal)), int(np.floor(maxVal))
            levels = [(1.0, [float(v) for v in range(first, last + 1)])]
        return levels

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        return [str(int(round(v))) for v in values]


class TrainingCurves(QWidget):
    """The plots of the current run plus faded overlays of earlier ones."""

    readoutChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._series: dict[str, GrowingSeries] = {}
        self._curves: dict[str, Any] = {}
        self._plots: dict[str, pg.PlotItem] = {}
        self._overlay_items: list[Any] = []
        self._past_runs: list[dict[str, Any]] = []
        self._first_run_number = 1   # number of the first run in _past_runs
        self._metrics: list[str] = []
        self._dirty = False

        self.log_scale = QCheckBox(self.tr("Log scale"), self)
        self.log_scale.setToolTip(self.tr("Show the loss on a logarithmic scale, so small "
                                          "late improvements stay visible."))
        self.log_scale.toggled.connect(self.set_log_scale)
        csv_button = QPushButton(self.tr("Export CSV…"), self)
        csv_button.clicked.connect(self._ask_export_csv)
        png_button = QPushButton(self.tr("Export PNG…"), self)
        png_button.clicked.connect(self._ask_export_png)
        self.readout = QLabel(self.tr("Point at a curve to read its values."), self)
        self.readout.setWordWrap(True)
        self.runs_label = QLabel(self)  # a short line; the runs' details in its tooltip
        self.runs_label.setWordWrap(True)
        self.runs_label.setVisible(False)

        tools = QHBoxLayout()
        tools.addWidget(self.log_scale)
        tools.addStretch(1)
        tools.addWidget(csv_button)
        tools.addWidget(png_button)
        self.graphics = pg.GraphicsLayoutWidget(self)
        self.graphics.setBackground("w")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(self.runs_label)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.readout)

        self._mouse_proxy = pg.SignalProxy(self.graphics.scene().sigMouseMoved, rateLimit=30,
                                           slot=self._on_mouse_moved)
        self._timer = QTimer(self)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._redraw)
        self._timer.start()
        self.begin_run([])

    # ------------------------------------------------------------------ building
    def _add_plot(self, key: str, title: str, y_label: str) -> pg.PlotItem:
        # Plots side by side, each with its legend in a row of its own above it, so the
        # legend never covers a curve.
        index = len(self._plots)
        row, col = 2 * (index // PLOT_COLUMNS), index % PLOT_COLUMNS
        plot = self.graphics.addPlot(row=row + 1, col=col, title=title,
                                     axisItems={"bottom": EpochAxis("bottom")})
        # No grid: pyqtgraph draws grid lines as part of the axes, which then repaint with
        # every curve update (the axes' text is the costliest thing to paint).
        plot.setLabel("bottom", self.tr("epoch"))
        plot.setLabel("left", y_label)
        for axis in ("left", "bottom"):  # "loss (x0.001)" puzzles a beginner: plain numbers
            plot.getAxis(axis).enableAutoSIPrefix(False)
        legend = pg.LegendItem(colCount=2, labelTextSize="8pt", verSpacing=-5)
        self.graphics.addItem(legend, row=row, col=col)
        self.graphics.ci.layout.setColumnStretchFactor(col, 1)  # equal widths
        plot.legend = legend   # plot.plot(name=...) puts each curve in it
        plot.enableAutoRange(y=False)  # ranged by _keep_in_view: a still axis paints less
        line = pg.InfiniteLine(angle=90, movable=False,
                               pen=pg.mkPen((80, 80, 80, 120), style=pg.QtCore.Qt.DashLine))
        line.setVisible(False)
        plot.addItem(line, ignoreBounds=True)
        plot.crosshair = line
        if self._plots:
            plot.setXLink(next(iter(self._plots.values())))
        self._plots[key] = plot
        return plot

    def begin_run(self, metrics: list[str], epochs: int | None = None) -> None:
        """Start empty plots for a run reporting ``metrics`` (besides the loss).

        Plots are kept and only emptied when the metrics are the same as last time:
        building pyqtgraph plots costs tens of milliseconds on the UI thread.
        """
        metrics = [m for m in metrics if m != "loss"]
        if self._plots and metrics == self._metrics:
            self.clear_data()
            self._draw_overlays()
            self._set_epoch_range(epochs)
            self._show_empty_hint()
            return
        self.graphics.clear()
        self._plots.clear()
        self._curves.clear()
        self._overlay_items.clear()
        self._metrics = metrics
        self._series = {"batch_loss": GrowingSeries(), "batch_loss_smoothed": SmoothedSeries(),
                        "loss": GrowingSeries(), "val_loss": GrowingSeries()}
        loss_plot = self._add_plot("loss", self.tr("Loss"), self.tr("loss"))
        self._curves["batch_loss"] = _curve(loss_plot, self.tr("each batch"),
                                            pg.mkPen(COLORS["batch"], width=1))
        self._curves["batch_loss_smoothed"] = _curve(
            loss_plot, self.tr("smoothed"), pg.mkPen(COLORS["smoothed"], width=2))
        self._curves["loss"] = _curve(loss_plot, self.tr("each epoch"),
                                      pg.mkPen(COLORS["train"], width=2), "o")
        self._curves["val_loss"] = _curve(loss_plot, self.tr("validation"),
                                          pg.mkPen(COLORS["val"], width=2), "s")
        for metric in self._metrics:
            # Title translated; the axis keeps the short Keras key (a long label is cut).
            plot = self._add_plot(metric, self.tr(METRIC_TITLES.get(metric, metric)), metric)
            self._series[metric] = GrowingSeries()
            self._series[f"val_{metric}"] = GrowingSeries()
            self._curves[metric] = _curve(plot, self.tr("training"),
                                          pg.mkPen(COLORS["train"], width=2), "o")
            self._curves[f"val_{metric}"] = _curve(plot, self.tr("validation"),
                                                   pg.mkPen(COLORS["val"], width=2), "s")
        self.set_log_scale(self.log_scale.isChecked())
        self._draw_overlays()
        self._set_epoch_range(epochs)
        self.empty_hint = pg.TextItem(self.tr("The loss of each batch and of each epoch is "
                                              "drawn here as the model learns (press Train)."),
                                      color=(110, 110, 110), anchor=(0.5, 0.5))
        self.empty_hint.setParentItem(loss_plot.vb)  # in the plot's pixels, not its data
        loss_plot.vb.sigResized.connect(self._place_empty_hint)
        self._place_empty_hint()
        self._show_empty_hint()
        self._dirty = True

    def _place_empty_hint(self) -> None:
        box = self.empty_hint.parentItem().boundingRect()
        self.empty_hint.setTextWidth(max(120.0, box.width() * 0.8))
        self.empty_hint.setPos(box.center())

    def _show_empty_hint(self) -> None:
        """Said until the first loss arrives (an empty plot could look broken)."""
        self.empty_hint.setVisible(not len(self._series["batch_loss"])
                                   and not len(self._series["loss"]))

    def _set_epoch_range(self, epochs: int | None) -> None:
        plot = self._plots.get("loss")
        if plot is None:
            return
        if epochs:
            plot.setXRange(0, epochs, padding=0.02)
        else:
            plot.enableAutoRange(x=True)

    def clear_data(self) -> None:
        """Empty every curve of the current run (plots and overlays stay)."""
        for series in self._series.values():
            series.clear()
        for plot in self._plots.values():
            # the last run's (maybe tiny) range would read "1.7296776771545" until data comes
            plot.setYRange(0, 1, padding=0)
        self._dirty = True

    def clear_run(self) -> None:
        """Forget the current run's curves (another project was opened)."""
        if not self._plots:
            return
        self.clear_data()
        self._show_empty_hint()

    # ------------------------------------------------------------------ data in
    def add_progress(self, steps: StepsDone) -> None:
        """A merged batch update from the controller (every raw loss since the last)."""
        losses = steps.batch_losses
        if not losses:
            return
        spe = steps.progress.steps_per_epoch or 1
        xs = np.concatenate([batch_positions(epoch, step, count, spe)
                             for epoch, step, count in steps.pieces])
        self._series["batch_loss"].extend(xs, losses)
        self._series["batch_loss_smoothed"].extend(xs, losses)
        self._dirty = True

    def add_epoch(self, epoch: EpochEnded) -> None:
        x = float(epoch.progress.epoch)
        for key, value in epoch.logs.items():
            series = self._series.get(key)
            if series is not None:
                series.append(x, value)
        self._dirty = True

    def set_past_runs(self, entries: list[dict[str, Any]]) -> None:
        """Earlier runs (``project.history`` entries), drawn faded under the current one."""
        self._past_runs = list(entries)[-MAX_OVERLAY_RUNS:]
        # Runs keep their number in the whole history: with 8 runs, the 5 shown are 4-8.
        self._first_run_number = max(0, len(entries) - MAX_OVERLAY_RUNS) + 1
        self._draw_overlays()

    def _draw_overlays(self) -> None:
        for plot, item in self._overlay_items:
            plot.removeItem(item)
        self._overlay_items = []
        labels = []
        for offset, entry in enumerate(self._past_runs):
            index = self._first_run_number + offset
            color = OVERLAY_COLORS[offset % len(OVERLAY_COLORS)]
            labels.append(run_label(index, entry))
            history = entry.get("history", {})
            for key, plot in self._plots.items():
                for name in (key, f"val_{key}"):
                    values = history.get(name)
                    if not values:
                        continue
                    style = pg.QtCore.Qt.DashLine if name.startswith("val_") \
                        else pg.QtCore.Qt.DotLine
                    item = pg.PlotDataItem(np.arange(1, len(values) + 1), values,
                                           pen=pg.mkPen(color, width=1.5, style=style))
                    item.setZValue(-10)
                    plot.addItem(item)
                    self._overlay_items.append((plot, item))
        self.runs_label.setVisible(bool(labels))
        self.runs_label.setText(self.tr("Earlier runs drawn faded (dotted = training, dashed = "
                                        "validation); point here for their settings."))
        self.runs_label.setToolTip("\n".join(labels))

    # ------------------------------------------------------------------ drawing
    def _redraw(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        for key, curve in self._curves.items():
            series = self._series[key]
            curve.setData(series.x, series.y)
        self._keep_in_view()
        if self.empty_hint.isVisible():
            self._show_empty_hint()

    def _plot_series(self, key: str) -> list[str]:
        return ["batch_loss", "batch_loss_smoothed", "loss", "val_loss"] if key == "loss" \
            else [key, f"val_{key}"]

    def _keep_in_view(self) -> None:
        for key, plot in self._plots.items():
            log = key == "loss" and self.log_scale.isChecked()
            bounds = finite_bounds((self._series[name].y for name in self._plot_series(key)
                                    if name in self._series), log=log)
            y_range = steady_range(tuple(plot.vb.viewRange()[1]), bounds)
            if y_range is not None:
                plot.setYRange(*y_range, padding=0)

    def flush(self) -> None:
        """Draw pending points now (tests, export)."""
        self._dirty = True
        self._redraw()

    def set_log_scale(self, on: bool) -> None:
        plot = self._plots.get("loss")
        if plot is not None:
            plot.setLogMode(x=False, y=bool(on))
            plot.setYRange(0, 1)  # re-ranged in the new units on the next redraw
            self._dirty = True

    def series(self) -> dict[str, GrowingSeries]:
        return {k: v for k, v in self._series.items() if len(v)}

    # ------------------------------------------------------------------ readout
    def readout_at(self, key: str, x: float) -> str:
        """Exact values of the plot ``key``'s curves nearest to epoch position ``x``."""
        parts = [self.tr("epoch %1").replace("%1", f"{x:.2f}")]
        for name in self._plot_series(key):
            series = self._series.get(name)
            if series is None or not len(series):
                continue
            i = int(np.clip(np.searchsorted(series.x, x), 0, len(series) - 1))
            if i > 0 and abs(series.x[i - 1] - x) < abs(series.x[i] - x):
                i -= 1
            parts.append(self.tr("%1 %2 (at epoch %3)").replace("%1", self._series_title(name))
                         .replace("%2", f"{series.y[i]:.5g}")
                         .replace("%3", f"{series.x[i]:.2f}"))
        return " · ".join(parts)

    def _series_title(self, name: str) -> str:
        titles = {"batch_loss": self.tr("batch loss"),
                  "batch_loss_smoothed": self.tr("smoothed loss"),
                  "loss": self.tr("training loss"), "val_loss": self.tr("validation loss")}
        if name in titles:
            return titles[name]
        if name.startswith("val_"):
            return self.tr("validation %1").replace("%1", name[4:])
        return self.tr("training %1").replace("%1", name)

    def _on_mouse_moved(self, args: tuple[Any, ...]) -> None:
        pos = args[0]
        for key, plot in self._plots.items():
            inside = plot.sceneBoundingRect().contains(pos)
            plot.crosshair.setVisible(inside)
            if inside:
                x = plot.vb.mapSceneToView(pos).x()
                plot.crosshair.setPos(x)
                text = self.readout_at(key, x)
                self.readout.setText(text)
                self.readoutChanged.emit(text)

    # ------------------------------------------------------------------ export
    def export_csv(self, path: str | Path) -> None:
        from playground.files.fileio import atomic_write_text

        atomic_write_text(path, curves_csv(self.series()))

    def export_png(self, path: str | Path) -> None:
        from pyqtgraph.exporters import ImageExporter

        self.flush()
        ImageExporter(self.graphics.ci).export(str(path))

    def _ask_export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export curves as CSV"),
                                              str(Path(start_folder()) / "curves.csv"),
                                              self.tr("CSV files (*.csv)"))
        remember(path)
        if path:
            self.export_csv(path)

    def _ask_export_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export curves as PNG"),
                                              str(Path(start_folder()) / "curves.png"),
                                              self.tr("PNG images (*.png)"))
        remember(path)
        if path:
            self.export_png(path)
