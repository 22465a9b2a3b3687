"""Painted points ("paint your own data") on 2-D datasets, stored in the project as the
dataset setting ``extra_points: [[x, y, target], ...]``; the dataset loader appends them
to the training split, so training and the boundary follow.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from playground.i18n import _
from playground.insight._model import InsightError

MAX_PAINTED = 5000


def painted_points(dataset_choice: dict[str, Any] | None) -> list[list[float]]:
    params = (dataset_choice or {}).get("params") or {}
    return [list(map(float, p)) for p in params.get("extra_points") or []]


def with_points(dataset_choice: dict[str, Any], points: list[list[float]]) -> dict[str, Any]:
    """A copy of the dataset choice with ``extra_points`` replaced (JSON-able floats)."""
    if len(points) > MAX_PAINTED:
        raise InsightError((_("At most {MAX_PAINTED} painted points are kept; erase some (right-click) "
                              "before painting more.")
                              .format(MAX_PAINTED=MAX_PAINTED)))
    choice = dict(dataset_choice or {})
    params = dict(choice.get("params") or {})
    params["extra_points"] = [[float(x), float(y), float(t)] for x, y, t in points]
    choice["params"] = params
    return choice


def check_target(target: float, task: str, classes: int) -> float:
    if task in ("binary", "multiclass"):
        if target != int(target) or not 0 <= target < classes:
            raise InsightError((_("Painted points need a class from 0 to {value}; received {target:g}.")
                                  .format(value=classes - 1, target=target)))
        return float(int(target))
    if not np.isfinite(target):
        raise InsightError(_("A painted value must be a number."))
    return float(target)


def add_point(points: list[list[float]], x: float, y: float, target: float,
              min_distance: float = 0.0) -> list[list[float]]:
    """``points`` plus (x, y, target), unless a point already lies within ``min_distance``
    (a slow drag would otherwise stack many points on one spot)."""
    if min_distance > 0 and points:
        arr = np.asarray(points, dtype=np.float64)[:, :2]
        if np.min(np.hypot(arr[:, 0] - x, arr[:, 1] - y)) < min_distance:
            return points
    return [*points, [float(x), float(y), float(target)]]


def erase_near(points: list[list[float]], x: float, y: float,
               radius: float) -> list[list[float]]:
    """``points`` without those within ``radius`` of (x, y)."""
    if not points:
        return points
    arr = np.asarray(points, dtype=np.float64)[:, :2]
    keep = np.hypot(arr[:, 0] - x, arr[:, 1] - y) > radius
    return [p for p, k in zip(points, keep) if k]
