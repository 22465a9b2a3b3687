"""Small, plain-array pictures of a dataset for the UI (no Qt here)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from playground.i18n import _

if TYPE_CHECKING:
    from playground.datasets.base import Dataset

SERIES_STEPS_SHOWN = 300


def make_preview(ds: "Dataset", max_items: int = 500) -> dict[str, Any]:
    """A small picture of the data for the UI, by kind:

    - ``points``: ``x`` (n, 2), ``y`` (n,), ``split`` (n,) of "train"/"test", for 2-D
      inputs; ``task`` and ``class_names`` say how to colour ``y``.
    - ``images``: ``images`` (k, h, w[, c]) in [0, 1], ``labels`` (k,) of text.
    - ``series``: ``x`` and ``y`` 1-D arrays with ``x_label`` / ``y_label``.
    - ``table``: ``columns`` and ``rows`` (first rows of the features, as text).
    """
    common = {"task": ds.task, "class_names": list(ds.class_names), "title": ds.title,
              "summary": ds.summary()}
    if ds.x_train.dtype.kind in "UO":  # raw text (sentences, category names)
        return {"kind": "table", **common, **_table(ds, max_items)}
    if ds.input_shape == (2,):
        return {"kind": "points", **common, **_points(ds, max_items)}
    if len(ds.input_shape) == 3 or (len(ds.input_shape) == 2 and ds.task != "sequence"):
        return {"kind": "images", **common, **_images(ds, max_items)}
    if ds.task == "sequence":
        return {"kind": "series", **common, **_series(ds, max_items)}
    if ds.input_shape == (1,):
        return {"kind": "series", **common, "x": ds.x_train[:max_items, 0].astype(np.float32),
                "y": np.asarray(ds.y_train[:max_items], np.float32).reshape(-1),
                "x_label": ds.extras.get("feature_names", ["input"])[0],
                "y_label": ds.extras.get("target_name", "target"), "style": "scatter"}
    return {"kind": "table", **common, **_table(ds, max_items)}


def _points(ds: "Dataset", max_items: int) -> dict[str, Any]:
    xs = [ds.x_train]
    ys = [np.asarray(ds.y_train).reshape(len(ds.y_train), -1)[:, 0]]
    split = ["train"] * len(ds.x_train)
    if ds.x_test is not None and ds.y_test is not None:
        xs.append(ds.x_test)
        ys.append(np.asarray(ds.y_test).reshape(len(ds.y_test), -1)[:, 0])
        split += ["test"] * len(ds.x_test)
    x = np.concatenate(xs)
    y = np.concatenate(ys)
    split_arr = np.asarray(split)
    if len(x) > max_items:
        # An even sample across the data, so both splits stay visible.
        keep = np.linspace(0, len(x) - 1, max_items).astype(int)
        x, y, split_arr = x[keep], y[keep], split_arr[keep]
    return {"x": x.astype(np.float32), "y": y, "split": split_arr}


def _images(ds: "Dataset", max_items: int) -> dict[str, Any]:
    count = min(max_items, len(ds.x_train), 64)
    images = ds.x_train[:count].astype(np.float32)
    low, high = float(images.min(initial=0.0)), float(images.max(initial=1.0))
    if low < 0 or high > 1:  # standardized or raw pixels: bring back to [0, 1] to show
        images = (images - low) / max(high - low, 1e-6)
    if images.ndim == 4 and images.shape[-1] == 1:
        images = images[..., 0]
    labels = [ds.class_names[int(c)] if ds.class_names else str(c)
              for c in ds.y_train[:count]]
    return {"images": images, "labels": labels}


def _series(ds: "Dataset", max_items: int) -> dict[str, Any]:
    values = ds.extras.get("series")
    if values is None:  # windows only: stitch the first value of each window
        values = np.concatenate([ds.x_train[:, 0, 0], ds.x_train[-1, 1:, 0]])
    values = np.asarray(values, dtype=np.float32)
    t = np.arange(len(values), dtype=np.float32)
    test_start = ds.extras.get("test_start")
    # A long series drawn whole is a blur: show a stretch that one can read, around where
    # the test part begins.
    shown = min(len(values), SERIES_STEPS_SHOWN, max(max_items, 2))
    centre = test_start if test_start is not None else shown // 2
    start = int(np.clip(centre - shown * 2 // 3, 0, len(values) - shown))
    part = slice(start, start + shown)
    return {"x": t[part], "y": values[part], "x_label": _("time step"),
            "y_label": "value", "style": "line", "test_start": test_start}


def _table(ds: "Dataset", max_items: int) -> dict[str, Any]:
    names = ds.extras.get("feature_names") or \
        [f"x{i + 1}" for i in range(int(np.prod(ds.input_shape)))]
    rows = ds.x_train[:min(max_items, 50)].reshape(-1, len(names))
    target = ds.extras.get("target_name", "target")
    y = ds.y_train[:len(rows)]
    ys = [ds.class_names[int(v)] for v in y] if ds.is_classification else \
        [f"{float(np.ravel(v)[0]):.4g}" for v in y]
    return {"columns": [*names, target],
            "rows": [[_cell(v) for v in row] + [t] for row, t in zip(rows, ys)]}


def _cell(value: Any) -> str:
    return str(value) if isinstance(value, str) else f"{value:.4g}"


def montage(images: np.ndarray, columns: int = 8, gap: int = 1) -> np.ndarray:
    """Tile images (k, h, w[, c]) in rows of ``columns`` with a ``gap`` of 1.0 (white)
    between them, for showing a preview grid as one picture."""
    images = np.asarray(images, dtype=np.float32)
    if images.ndim == 3:
        images = images[..., None]
    k, h, w, c = images.shape
    columns = max(1, min(columns, k))
    rows = -(-k // columns)
    out = np.ones((rows * (h + gap) - gap, columns * (w + gap) - gap, c), np.float32)
    for i in range(k):
        r, col = divmod(i, columns)
        out[r * (h + gap):r * (h + gap) + h, col * (w + gap):col * (w + gap) + w] = images[i]
    return out[..., 0] if c == 1 else out
