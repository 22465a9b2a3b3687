"""Colours for the pictures, as numpy RGBA arrays (the UI only wraps them in images).

Two-sided values (class 0 vs class 1, negative vs positive weights) use orange for the
low/negative side and blue for the high/positive side, fading to white in the middle, as
in the TensorFlow Playground; classes beyond two get distinct hues.
"""
from __future__ import annotations

import numpy as np

from playground.insight.boundary import BoundaryGrid

NEGATIVE = (245, 147, 34)   # orange
POSITIVE = (8, 119, 189)    # blue
MIDDLE = (232, 234, 235)    # near white
CLASS_COLORS = [(245, 147, 34), (8, 119, 189), (76, 175, 80), (206, 57, 104),
                (142, 92, 194), (121, 85, 72), (0, 150, 136), (96, 96, 96)]


def class_color(index: int) -> tuple[int, int, int]:
    return CLASS_COLORS[int(index) % len(CLASS_COLORS)]


def _diverging_table(steps: int = 1024) -> np.ndarray:
    """(steps, 3) uint8: the diverging scale sampled evenly from -1 to +1."""
    t = np.linspace(-1.0, 1.0, steps)[:, None]
    mid = np.array(MIDDLE, np.float64)
    neg, pos = np.array(NEGATIVE, np.float64), np.array(POSITIVE, np.float64)
    return np.round(np.where(t < 0, mid + (neg - mid) * -t, mid + (pos - mid) * t)
                    ).astype(np.uint8)


# Looked up rather than blended per pixel: live pictures are coloured ~25 times a second.
# 1024 steps differ from the exact blend by at most one level of 255.
_DIVERGING = _diverging_table()


def diverging(values: np.ndarray, limit: float | None = None, alpha: int = 255) -> np.ndarray:
    """(…, 4) uint8: -limit -> orange, 0 -> white, +limit -> blue. ``limit`` defaults to
    the largest absolute value (so the picture always uses the whole scale)."""
    v = np.asarray(values, dtype=np.float64)
    finite = np.isfinite(v)
    if limit is None:
        limit = float(np.abs(v[finite]).max()) if finite.any() else 1.0
    t = np.clip(np.where(finite, v, 0.0) / (limit if limit > 0 else 1.0), -1.0, 1.0)
    index = np.rint((t + 1.0) * (0.5 * (len(_DIVERGING) - 1))).astype(np.intp)
    out = np.empty(v.shape + (4,), np.uint8)
    out[..., :3] = _DIVERGING[index]
    out[..., 3] = alpha
    return out


def weights_heat(values: np.ndarray) -> np.ndarray:
    """(…, 4) uint8 for shares from 0 to 1 (attention scores): 0 white, 1 the views' blue."""
    t = np.clip(np.nan_to_num(np.asarray(values, dtype=np.float64)), 0.0, 1.0)[..., None]
    white, blue = np.array([255.0, 255.0, 255.0]), np.array([8.0, 119.0, 189.0])
    rgb = np.rint(white + (blue - white) * t).astype(np.uint8)
    return np.concatenate([rgb, np.full(rgb.shape[:-1] + (1,), 255, np.uint8)], axis=-1)


def greys(values: np.ndarray) -> np.ndarray:
    """(…, 4) uint8: the smallest value black, the largest white (feature maps, digits)."""
    v = np.asarray(values, dtype=np.float64)
    lo, hi = float(np.nanmin(v)), float(np.nanmax(v))
    t = (v - lo) / (hi - lo) if hi > lo else np.zeros_like(v)
    g = np.round(np.nan_to_num(t) * 255).astype(np.uint8)
    return np.stack([g, g, g, np.full_like(g, 255)], axis=-1)


def boundary_rgba(result: BoundaryGrid, discretize: bool = False, alpha: int = 200) -> np.ndarray:
    """The boundary heatmap as (ny, nx, 4) uint8.

    Binary: probability of class 1 around 0.5. Multi-class: each cell in its winning
    class's colour, paler where the model is unsure. Regression: value around the middle
    of the predicted range.
    """
    if result.classes is None:
        values = result.discretized() if discretize else result.values
        centre = 0.5 * (float(values.max()) + float(values.min()))
        return diverging(values - centre, alpha=alpha)
    if result.probabilities is not None and result.probabilities.shape[-1] == 2:
        p = result.classes.astype(np.float64) if discretize else result.values
        return diverging((p - 0.5) * 2.0, limit=1.0, alpha=alpha)
    colours = np.array(CLASS_COLORS, np.float64)[result.classes % len(CLASS_COLORS)]
    k = result.probabilities.shape[-1] if result.probabilities is not None else 2
    # confidence 1/k (a guess) -> white, 1 -> full colour
    strength = np.ones_like(result.values) if discretize else \
        np.clip((result.values - 1.0 / k) / (1.0 - 1.0 / k), 0.0, 1.0)
    mid = np.array(MIDDLE, np.float64)
    rgb = mid + (colours - mid) * (0.25 + 0.75 * strength)[..., None]
    out = np.empty(result.values.shape + (4,), np.uint8)
    out[..., :3] = np.round(rgb).astype(np.uint8)
    out[..., 3] = alpha
    return out


def target_colors(targets: np.ndarray, task: str, value_range: tuple[float, float] | None = None
                  ) -> np.ndarray:
    """(n, 4) uint8 colours of data points: class colours, or values on the diverging scale."""
    t = np.asarray(targets).reshape(len(targets), -1)[:, 0]
    if task in ("binary", "multiclass"):
        out = np.array([(*class_color(int(c)), 255) for c in t], np.uint8).reshape(-1, 4)
        if task == "binary":  # match the binary heatmap: class 0 orange, class 1 blue
            out[:, :3] = np.where(t[:, None] > 0.5, POSITIVE, NEGATIVE)
        return out
    lo, hi = value_range if value_range is not None else (float(t.min()), float(t.max()))
    centre, half = 0.5 * (lo + hi), max(0.5 * (hi - lo), 1e-9)
    return diverging((t - centre) / half, limit=1.0)


def with_pictures(result: BoundaryGrid) -> BoundaryGrid:
    """``result`` with its pictures (plain and discretized) coloured in, so the UI thread
    only uploads them."""
    from dataclasses import replace

    return replace(result, rgba=boundary_rgba(result), rgba_discrete=boundary_rgba(result, True))


def neuron_pictures(maps: np.ndarray) -> np.ndarray:
    """(units, ny, nx) outputs -> (units, ny, nx, 4) pictures, each on its own scale, rows
    flipped so y grows upwards as in the boundary plot."""
    v = np.asarray(maps, dtype=np.float64)[:, ::-1]
    finite = np.where(np.isfinite(v), np.abs(v), 0.0)
    limit = finite.reshape(len(v), -1).max(axis=1) if v.size else np.ones(len(v))
    return diverging(v / np.where(limit > 0, limit, 1.0)[:, None, None], limit=1.0)
