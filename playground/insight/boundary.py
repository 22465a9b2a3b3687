"""Decision boundary (classification) or predicted surface (regression) over a 2-D grid.

For datasets whose examples are two numbers (x, y), the model is evaluated on a regular
grid covering the data; the UI paints it as a heatmap behind the points.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from playground.i18n import _
from playground.insight._model import (InsightError, class_probabilities, output_activation,
                                       run_model)

DEFAULT_RESOLUTION = 60


@dataclass(frozen=True)
class GridSpec:
    """A regular grid: ``xs`` (nx,) and ``ys`` (ny,) centre coordinates."""

    xs: np.ndarray
    ys: np.ndarray

    @property
    def points(self) -> np.ndarray:
        """All grid points as (ny*nx, 2) float32, row-major over y then x."""
        gx, gy = np.meshgrid(self.xs, self.ys)
        return np.stack([gx.ravel(), gy.ravel()], axis=1).astype(np.float32)

    @property
    def extent(self) -> tuple[float, float, float, float]:
        """(x_min, x_max, y_min, y_max) of the cells' outer edges, for placing an image."""
        dx = (self.xs[-1] - self.xs[0]) / max(len(self.xs) - 1, 1)
        dy = (self.ys[-1] - self.ys[0]) / max(len(self.ys) - 1, 1)
        return (float(self.xs[0] - dx / 2), float(self.xs[-1] + dx / 2),
                float(self.ys[0] - dy / 2), float(self.ys[-1] + dy / 2))


@dataclass(frozen=True)
class BoundaryGrid:
    """Model output over a grid.

    ``values`` (ny, nx): probability of class 1 (binary), probability of the winning
    class (multiclass) or the predicted value (regression). ``classes`` (ny, nx): winning
    class id, None for regression. ``probabilities`` (ny, nx, k) for classification.
    ``rgba`` and ``rgba_discrete`` (ny, nx, 4) uint8 are the pictures of both, when they
    were coloured already (off the UI thread, see ``colors.with_pictures``).
    """

    grid: GridSpec
    task: str
    values: np.ndarray
    classes: np.ndarray | None
    probabilities: np.ndarray | None
    rgba: np.ndarray | None = field(default=None, repr=False, compare=False)
    rgba_discrete: np.ndarray | None = field(default=None, repr=False, compare=False)

    def discretized(self) -> np.ndarray:
        """The "discretize output" view: hard class ids, or regression values rounded
        to 8 bands between their min and max (keeps the colour scale)."""
        if self.classes is not None:
            return self.classes.astype(np.float64)
        lo, hi = float(self.values.min()), float(self.values.max())
        if hi - lo < 1e-12:
            return self.values.copy()
        step = (hi - lo) / 8
        return lo + np.round((self.values - lo) / step) * step


def is_2d_input(input_shape: tuple[int, ...] | None) -> bool:
    return tuple(input_shape or ()) == (2,)


def grid_for_points(points: np.ndarray, resolution: int = DEFAULT_RESOLUTION,
                    margin: float = 0.1) -> GridSpec:
    """A square-celled grid covering ``points`` (n, 2) plus a margin on every side."""
    pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    pts = pts[np.all(np.isfinite(pts), axis=1)]
    if len(pts) == 0:
        lo, hi = np.array([-1.0, -1.0]), np.array([1.0, 1.0])
    else:
        lo, hi = pts.min(axis=0), pts.max(axis=0)
    span = np.maximum(hi - lo, 1e-6)
    lo, hi = lo - margin * span, hi + margin * span
    if resolution < 2:
        raise InsightError((_("The grid needs at least 2 cells per side. Received: {resolution}.")
                              .format(resolution=resolution)))
    return GridSpec(xs=np.linspace(lo[0], hi[0], resolution),
                    ys=np.linspace(lo[1], hi[1], resolution))


def dataset_points(dataset: Any) -> np.ndarray:
    """Every 2-D input point of a dataset (train, validation, test) stacked, for ranges."""
    parts = [np.asarray(a).reshape(-1, 2) for a in
             (dataset.x_train, getattr(dataset, "x_val", None), getattr(dataset, "x_test", None))
             if a is not None and np.asarray(a).size]
    if not parts:
        return np.zeros((0, 2))
    return np.concatenate(parts, axis=0)


def boundary_grid(model: Any, grid: GridSpec, task: str) -> BoundaryGrid:
    """Evaluate ``model`` on every grid point."""
    return grid_result(run_model(model, grid.points), grid, task, output_activation(model))


def grid_result(raw: np.ndarray, grid: GridSpec, task: str,
                activation: str | None) -> BoundaryGrid:
    """A :class:`BoundaryGrid` from the model's raw outputs on ``grid.points``."""
    n_y, n_x = len(grid.ys), len(grid.xs)
    if task in ("regression", "sequence"):
        values = raw.reshape(len(raw), -1)[:, 0].reshape(n_y, n_x)
        return BoundaryGrid(grid, task, values.astype(np.float64), None, None)
    probs = class_probabilities(raw, activation)
    classes = probs.argmax(axis=1)
    if probs.shape[1] == 2:
        values = probs[:, 1]
    else:
        values = probs.max(axis=1)
    k = probs.shape[1]
    return BoundaryGrid(grid, task, values.reshape(n_y, n_x), classes.reshape(n_y, n_x),
                        probs.reshape(n_y, n_x, k))


def dataset_boundary(model: Any, dataset: Any,
                     resolution: int = DEFAULT_RESOLUTION) -> BoundaryGrid:
    """:func:`boundary_grid` on a grid covering the dataset's points."""
    if not is_2d_input(tuple(dataset.input_shape)):
        raise InsightError(
            (_("The decision boundary is drawn only for datasets of 2-D points (input "
               "shape (2,)); this one has input shape {input_shape}.")
               .format(input_shape=tuple(dataset.input_shape))))
    return boundary_grid(model, grid_for_points(dataset_points(dataset), resolution),
                         dataset.task)
