"""Draw a digit: a 28x28 pad (drawn with the mouse, shown enlarged) and the model's live
prediction bars, with exactly the preprocessing the training images had."""
from __future__ import annotations

from typing import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRect, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
                               QVBoxLayout, QWidget)

from playground.insight.colors import greys
from playground.insight.digits import SIZE, DigitPad, DigitPrediction
from ui.background import BackgroundRunner
from ui.insight.common import InsightView, rgba_pixmap
from ui.theme import style_plot

PAD_PIXELS = 280
MIN_PAD_PIXELS = 5 * SIZE   # the pad shrinks (square) when the panel is low


class PadWidget(QWidget):
    """Shows a :class:`DigitPad` enlarged; mouse strokes paint into it (``changed``)."""

    changed = Signal()

    def __init__(self, pad: DigitPad, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pad = pad
        self.setMinimumSize(MIN_PAD_PIXELS, MIN_PAD_PIXELS)
        self.setMaximumSize(PAD_PIXELS, PAD_PIXELS)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._last: QPointF | None = None

    def _square(self) -> int:
        """Side of the (square) drawing area: the pad keeps its shape when resized."""
        return min(self.width(), self.height())

    def _to_pad(self, pos: QPointF) -> tuple[float, float]:
        side = self._square()
        return pos.x() * SIZE / side, pos.y() * SIZE / side

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt name)
        self._last = event.position()
        self.pad.dab(*self._to_pad(self._last))
        self.update()
        self.changed.emit()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._last is None:
            return
        pos = event.position()
        self.pad.stroke(*self._to_pad(self._last), *self._to_pad(pos))
        self._last = pos
        self.update()
        self.changed.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._last = None

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        grey = np.ascontiguousarray(np.round(self.pad.image * 255).astype(np.uint8))
        image = QImage(grey.data, SIZE, SIZE, SIZE, QImage.Format.Format_Grayscale8)
        painter = QPainter(self)
        side = self._square()
        painter.drawImage(QRect(0, 0, side, side), image)
        painter.setPen(QColor(80, 80, 80))
        painter.drawRect(QRect(0, 0, side - 1, side - 1))
        painter.end()


class DigitView(InsightView):
    """``predict`` is set by the panel: fn(image, center) -> DigitPrediction."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Draw a digit"), self.tr(
            "Draw a digit with the mouse: the bars show how sure the model is of each answer, "
            "live. Your drawing is centred and scaled like the MNIST pictures."), parent)
        self.pad = DigitPad()
        self.pad_widget = PadWidget(self.pad, self)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.center = QCheckBox(self.tr("Centre like MNIST"), self)
        self.center.setChecked(True)
        self.center.setToolTip(self.tr("MNIST digits are scaled to 20x20 pixels and centred; "
                                       "doing the same to your drawing helps the model."))
        self.toolbar.addWidget(self.center)
        self.toolbar.addWidget(self.clear_button)
        self.bars_plot = pg.PlotWidget(self)
        style_plot(self.bars_plot)
        self.bars_plot.setYRange(0, 1, padding=0.02)
        self.bars_plot.setMouseEnabled(False, False)
        self.bars_plot.hideButtons()
        self.bars_plot.setLabel("left", self.tr("probability"))
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=(8, 119, 189))
        self.bars_plot.addItem(self.bars)
        self.answer = QLabel(self)
        self.seen = QLabel(self)  # what the model receives after centring and scaling
        self.seen.setFixedSize(84, 84)
        self.seen.setToolTip(self.tr("What the model sees: your drawing centred and scaled "
                                     "like the MNIST pictures"))
        seen_box = QVBoxLayout()
        seen_box.addWidget(QLabel(self.tr("The model sees:"), self))
        seen_box.addWidget(self.seen)
        seen_box.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.pad_widget, 2)   # as big as it may be (up to PAD_PIXELS)
        row.addLayout(seen_box)
        row.addWidget(self.bars_plot, 1)
        self.body.addLayout(row, 1)
        self.body.addWidget(self.answer)
        self.predict: Callable[[np.ndarray, bool], DigitPrediction] | None = None
        self.last: DigitPrediction | None = None
        # The model runs off the UI thread, one drawing at a time; strokes made meanwhile
        # are answered by one more run with the newest drawing (older answers are dropped).
        self._predictor = BackgroundRunner("digit-pad", self)
        self._predictor.done.connect(self.show_prediction)
        self._predictor.failed.connect(self.set_status)
        self.pad_widget.changed.connect(self.refresh)
        self.center.toggled.connect(self.refresh)
        self.clear_button.clicked.connect(self._clear)
        self.empty_text = self.tr("Train a model on MNIST to try it with your own drawing.")
        self.set_status(self.empty_text)

    def set_predictor(self, predict: Callable[[np.ndarray, bool], DigitPrediction] | None
                      ) -> None:
        self.predict = predict
        self.set_status("" if predict else self.empty_text)
        self.refresh()

    def _clear(self) -> None:
        self.pad.clear()
        self.pad_widget.update()
        self.refresh()

    def refresh(self) -> None:
        if self.predict is None or self.pad.is_empty():
            self._predictor.cancel()
            self.bars.setOpts(x=[], height=[])
            self.answer.setText("")
            self.seen.clear()
            self.last = None
            return
        predict, image, center = self.predict, self.pad.image.copy(), self.center.isChecked()
        self._predictor.request(lambda: predict(image, center))

    @property
    def busy(self) -> bool:
        """True until the prediction for the drawing as it is now has been shown."""
        return self._predictor.busy

    def wait(self, timeout: float | None = None) -> None:
        self._predictor.wait(timeout)

    def shutdown(self) -> None:
        """Start nothing more; wait for the running computation."""
        self._predictor.shutdown()

    def show_prediction(self, result: DigitPrediction) -> None:
        self.last = result
        seen = np.asarray(result.model_input).reshape(SIZE, SIZE)
        self.seen.setPixmap(rgba_pixmap(greys(seen), 84))
        k = len(result.probabilities)
        brushes = [pg.mkBrush(245, 147, 34) if i == result.best else pg.mkBrush(8, 119, 189)
                   for i in range(k)]
        self.bars.setOpts(x=np.arange(k), height=result.probabilities, brushes=brushes)
        self.bars_plot.getAxis("bottom").setTicks(
            [[(i, name) for i, name in enumerate(result.class_names[:k])]])
        self.answer.setText(self.tr("The model says: {0} ({1:.0%} sure)").format(
            result.class_names[result.best], float(result.probabilities[result.best])))

    def clear(self) -> None:
        self.set_predictor(None)
        self._clear()
