"""Data behind the live curves: growable buffers, smoothing, run labels, CSV export.

Kept out of the UI so it is testable without a display; the curves widget only hands
these arrays to pyqtgraph.
"""
from __future__ import annotations

import csv
import io
from typing import Any, Iterable

import numpy as np
from playground.i18n import _


class GrowingSeries:
    """An (x, y) series appended to in place; capacity doubles so appends are amortised
    O(1) and the arrays handed to the plot are views, not copies."""

    def __init__(self, capacity: int = 1024):
        self._x = np.empty(capacity, dtype=np.float64)
        self._y = np.empty(capacity, dtype=np.float64)
        self._n = 0

    def __len__(self) -> int:
        return self._n

    def clear(self) -> None:
        self._n = 0

    def extend(self, xs: Iterable[float], ys: Iterable[float]) -> None:
        xs = np.asarray(list(xs) if not isinstance(xs, np.ndarray) else xs, dtype=np.float64)
        ys = np.asarray(list(ys) if not isinstance(ys, np.ndarray) else ys, dtype=np.float64)
        need = self._n + len(xs)
        if need > len(self._x):
            capacity = max(need, 2 * len(self._x))
            self._x = np.resize(self._x, capacity)
            self._y = np.resize(self._y, capacity)
        self._x[self._n:need] = xs
        self._y[self._n:need] = ys
        self._n = need

    def append(self, x: float, y: float) -> None:
        self.extend([x], [y])

    @property
    def x(self) -> np.ndarray:
        return self._x[:self._n]

    @property
    def y(self) -> np.ndarray:
        return self._y[:self._n]


class SmoothedSeries(GrowingSeries):
    """Exponential moving average of the values appended (TensorBoard-style smoothing)."""

    def __init__(self, weight: float = 0.9, capacity: int = 1024):
        super().__init__(capacity)
        self.weight = weight
        self._last: float | None = None
        self._steps = 0

    def clear(self) -> None:
        super().clear()
        self._last = None
        self._steps = 0

    def extend(self, xs: Iterable[float], ys: Iterable[float]) -> None:
        out = []
        last = 0.0 if self._last is None else self._last
        for value in ys:
            value = float(value)
            if not np.isfinite(value):
                out.append(value)
                continue
            self._steps += 1
            last = self.weight * last + (1.0 - self.weight) * value
            # Debias the start (the average begins at 0) as Adam does.
            out.append(last / (1.0 - self.weight ** self._steps))
        self._last = last
        super().extend(xs, out)


def batch_positions(epoch: int, step_end: int, count: int, steps_per_epoch: int
                    ) -> np.ndarray:
    """x positions, in epochs, of ``count`` steps ending at ``step_end`` of ``epoch``."""
    steps = np.arange(step_end - count + 1, step_end + 1, dtype=np.float64)
    return (epoch - 1) + steps / max(steps_per_epoch, 1)


def run_label(index: int, entry: dict[str, Any]) -> str:
    """One line describing a past run: its settings and how it ended."""
    s = entry.get("settings", {})
    final = entry.get("final", {})
    end = ", ".join(f"{k} {v:.3g}" for k, v in final.items()
                    if k in ("loss", "val_loss", "val_accuracy", "accuracy")
                    and isinstance(v, (int, float)))
    return ((_("Run {index}: {value} lr {value2}, batch {value3}, {value4} epochs")
               .format(index=index, value=s.get('optimizer', '?'), value2=s.get('learning_rate', '?'), value3=s.get('batch_size', '?'), value4=entry.get('epochs_done', '?')))
            + (f" → {end}" if end else ""))


def curves_csv(series: dict[str, GrowingSeries]) -> str:
    """CSV with one (name, x, y) row per point: long format, easy to load anywhere."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["series", "epoch", "value"])
    for name, data in series.items():
        for x, y in zip(data.x, data.y):
            writer.writerow([name, f"{x:.6g}", f"{y:.8g}"])
    return out.getvalue()


def finite_bounds(arrays: Iterable[np.ndarray], log: bool = False
                  ) -> tuple[float, float] | None:
    """(min, max) of the finite values (log10 of the positive ones when ``log``)."""
    lo, hi = np.inf, -np.inf
    for values in arrays:
        if log:
            values = values[values > 0]
            values = np.log10(values) if values.size else values
        values = values[np.isfinite(values)]
        if values.size:
            lo, hi = min(lo, float(values.min())), max(hi, float(values.max()))
    return (lo, hi) if lo <= hi else None


def steady_range(current: tuple[float, float], bounds: tuple[float, float] | None,
                 margin: float = 0.06) -> tuple[float, float] | None:
    """A new y range only when the data left the current one or fills under half of it.

    Re-ranging on every new point makes the axis (costly to paint) redraw every frame;
    this keeps the axis still for most frames while every point stays in view.
    """
    if bounds is None:
        return None
    lo, hi = bounds
    span = hi - lo if hi > lo else max(abs(hi) * 0.1, 1e-6)
    c_lo, c_hi = current
    if lo < c_lo or hi > c_hi or span < 0.5 * (c_hi - c_lo):
        return lo - margin * span, hi + margin * span
    return None
