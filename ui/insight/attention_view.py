"""Attention: for a chosen test sample, each attention layer's scores as a tokens × tokens
heat map per head (numbers and colours from playground.insight.attention)."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from ui.background import BackgroundRunner
from ui.insight.common import InsightView, rgba_to_qimage


class HeatMap(QWidget):
    """One head's scores: rows = the query's tokens (who looks), columns = the keys'
    tokens (looked at), darker blue = more attention."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setMinimumSize(120, 100)
        self.rgba: Any = None
        self.scores: Any = None
        self.rows: list[str] = []
        self.columns: list[str] = []

    def set_map(self, rgba: Any, scores: Any, rows: list[str], columns: list[str]) -> None:
        self.rgba, self.scores, self.rows, self.columns = rgba, scores, rows, columns
        self.update()

    def _grid(self) -> QRectF:
        metrics = QFontMetricsF(self.font())
        left = max((metrics.horizontalAdvance(t) for t in self.rows), default=0) + 8
        top = max((metrics.horizontalAdvance(t) for t in self.columns), default=0) + 8
        side = min(self.width() - left - 4, self.height() - top - 4)
        return QRectF(left, top, max(side, 10), max(side, 10))

    def paintEvent(self, event) -> None:  # noqa: N802
        if self.rgba is None:
            return
        painter = QPainter(self)
        grid = self._grid()
        n_rows, n_cols = len(self.rows), len(self.columns)
        cell_w, cell_h = grid.width() / max(n_cols, 1), grid.height() / max(n_rows, 1)
        painter.drawImage(grid, rgba_to_qimage(self.rgba))
        painter.setPen(QPen(self.palette().text().color()))
        for i, token in enumerate(self.rows):
            y = grid.top() + (i + 0.5) * cell_h
            painter.drawText(QRectF(0, y - cell_h / 2, grid.left() - 4, cell_h),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             token)
        for j, token in enumerate(self.columns):  # written upwards above the columns
            x = grid.left() + (j + 0.5) * cell_w
            painter.save()
            painter.translate(QPointF(x, grid.top() - 4))
            painter.rotate(-90)
            painter.drawText(QRectF(0, -cell_w / 2, grid.top(), cell_w),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             token)
            painter.restore()
        painter.end()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self.scores is None:
            return
        grid = self._grid()
        pos = event.position()
        if not grid.contains(pos):
            self.setToolTip("")
            return
        j = int((pos.x() - grid.left()) / grid.width() * len(self.columns))
        i = int((pos.y() - grid.top()) / grid.height() * len(self.rows))
        if 0 <= i < len(self.rows) and 0 <= j < len(self.columns):
            self.setToolTip(self.tr("“%1” looks at “%2”: %3 of its attention")
                            .replace("%1", self.rows[i]).replace("%2", self.columns[j])
                            .replace("%3", f"{self.scores[i, j]:.0%}"))


class AttentionView(InsightView):
    """``sampleChanged(int)``: another sample picked; with a computer set
    (:meth:`set_computer`) its snapshot is computed off the UI thread."""

    sampleChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Attention"), self.tr(
            "Where each word looks: row = the word that looks, column = the word it looks "
            "at; darker blue = more attention (each row adds up to 100%). Each head learns "
            "its own way of looking."), parent)
        self.sample_box = QSpinBox(self)
        self.sample_box.setPrefix(self.tr("sample "))
        self.sample_box.setToolTip(self.tr("Which test sentence (or sequence) to look at"))
        self.layer_box = QComboBox(self)
        self.layer_box.setToolTip(self.tr("Which attention layer"))
        self.head_box = QSpinBox(self)
        self.head_box.setPrefix(self.tr("head "))
        self.head_box.setMinimum(1)
        for widget in (self.sample_box, self.layer_box, self.head_box):
            self.toolbar.addWidget(widget)
        self.heat = HeatMap(self)
        self.body.addWidget(self.heat, 1)
        self.sample_box.valueChanged.connect(self.sampleChanged)
        self.sample_box.valueChanged.connect(self._sample_chosen)
        self.layer_box.currentIndexChanged.connect(lambda _i: self._show())
        self.head_box.valueChanged.connect(lambda _h: self._show())
        self._compute: Callable[[int], Any] | None = None
        self._runner = BackgroundRunner("insight-attention", self)
        self._runner.done.connect(self.set_snapshot)
        self._runner.failed.connect(self.set_status)
        self.snapshot: Any = None
        self.titles: dict[str, str] = {}
        self.empty_text = self.tr("Train a model with an attention layer (MultiHeadAttention, "
                                  "Attention) to see where it looks.")
        self.set_status(self.empty_text)

    def set_computer(self, compute: Callable[[int], Any] | None) -> None:
        self._compute = compute
        if compute is None:
            self._runner.cancel()

    def _sample_chosen(self, index: int) -> None:
        compute = self._compute
        if compute is not None:
            self._runner.request(lambda: compute(index))

    @property
    def busy(self) -> bool:
        return self._runner.busy

    def wait(self, timeout: float | None = None) -> None:
        self._runner.wait(timeout)

    def shutdown(self) -> None:
        self._runner.shutdown()

    def set_sample_count(self, count: int) -> None:
        self.sample_box.setRange(0, max(0, count - 1))

    def set_snapshot(self, snapshot: Any) -> None:
        """A :class:`playground.insight.attention.AttentionSnapshot`."""
        self.snapshot = snapshot
        names = [m.layer_name for m in snapshot.maps]
        if [self.layer_box.itemData(i) for i in range(self.layer_box.count())] != names:
            self.layer_box.blockSignals(True)
            self.layer_box.clear()
            for name in names:
                self.layer_box.addItem(self.titles.get(name, name), name)
            self.layer_box.blockSignals(False)
        self._show()

    def current_map(self) -> Any:
        if self.snapshot is None or not self.snapshot.maps:
            return None
        return self.snapshot.maps[max(self.layer_box.currentIndex(), 0)]

    def _show(self) -> None:
        found = self.current_map()
        if found is None:
            return
        reason = getattr(found, "reason", None)
        self.heat.setEnabled(reason is None)
        self.head_box.setEnabled(reason is None)
        if reason is not None:  # this layer's scores cannot be read: say why, draw nothing
            self.heat.set_map(None, None, [], [])
            self.set_status(reason)
            return
        heads = found.scores.shape[0]
        self.head_box.setRange(1, heads)
        head = self.head_box.value() - 1
        self.set_status(self.tr("Sample %1: %2").replace("%1", str(self.snapshot.sample_index))
                        .replace("%2", self.snapshot.sample_text)
                        if self.snapshot.sample_text else "")
        self.heat.set_map(self.snapshot.rgba[found.layer_name][head], found.scores[head],
                          found.query_tokens, found.key_tokens)

    def clear(self) -> None:
        self.snapshot = None
        self.heat.set_map(None, None, [], [])
        super().clear()
