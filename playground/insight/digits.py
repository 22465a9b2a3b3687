"""The "draw a digit" pad: a 28x28 ink image painted with a soft brush, turned into a
model input exactly the way MNIST training images are.

MNIST digits are white ink on black, 8-bit (0-255), size-normalised to fit a 20x20 box
and centred by their centre of mass in the 28x28 frame. A drawing gets the same
treatment, then the dataset's own input scaling (fitted on the training split and stored
in ``dataset.extras["scaling"]``) and reshape, so the model sees what it was trained on.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.i18n import _
from playground.insight._model import (InsightError, class_probabilities, output_activation,
                                       run_model)

SIZE = 28
BOX = 20  # MNIST fits each digit into a 20x20 box inside the 28x28 frame


class DigitPad:
    """A 28x28 float image in [0, 1] (1 = ink) that strokes are painted into."""

    def __init__(self, brush_radius: float = 1.3) -> None:
        self.image = np.zeros((SIZE, SIZE), dtype=np.float32)
        self.brush_radius = brush_radius
        self._yy, self._xx = np.mgrid[0:SIZE, 0:SIZE].astype(np.float32) + 0.5

    def clear(self) -> None:
        self.image[:] = 0.0

    def is_empty(self) -> bool:
        return float(self.image.max()) <= 0.0

    def dab(self, x: float, y: float) -> None:
        """Ink a soft round dot centred at pad coordinates (x, y) in [0, 28)."""
        d2 = (self._xx - x) ** 2 + (self._yy - y) ** 2
        ink = np.clip(1.5 - np.sqrt(d2) / self.brush_radius, 0.0, 1.0)
        np.maximum(self.image, ink, out=self.image)

    def stroke(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """Ink a line from (x0, y0) to (x1, y1) as dabs a quarter pixel apart."""
        steps = max(1, int(np.hypot(x1 - x0, y1 - y0) * 4))
        for t in np.linspace(0.0, 1.0, steps + 1):
            self.dab(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)


def center_like_mnist(image: np.ndarray) -> np.ndarray:
    """Scale the ink's bounding box to fit 20x20 (keeping its shape) and move its centre
    of mass to the centre of a 28x28 frame, as the MNIST images were made."""
    from PIL import Image

    img = np.asarray(image, dtype=np.float32)
    if img.ndim != 2:
        raise InsightError((_("Expected a 2-D drawing. Received shape {shape}.")
                              .format(shape=img.shape)))
    rows = np.flatnonzero(img.max(axis=1) > 0.05)
    cols = np.flatnonzero(img.max(axis=0) > 0.05)
    if rows.size == 0:
        return np.zeros((SIZE, SIZE), dtype=np.float32)
    crop = img[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    h, w = crop.shape
    factor = BOX / max(h, w)
    new_h, new_w = max(1, round(h * factor)), max(1, round(w * factor))
    resized = Image.fromarray(crop, mode="F").resize((new_w, new_h), Image.BILINEAR)
    small = np.clip(np.asarray(resized, dtype=np.float32), 0.0, 1.0)
    frame = np.zeros((SIZE, SIZE), dtype=np.float32)
    top, left = (SIZE - new_h) // 2, (SIZE - new_w) // 2
    frame[top:top + new_h, left:left + new_w] = small
    total = frame.sum()
    yy, xx = np.mgrid[0:SIZE, 0:SIZE]
    cy, cx = (yy * frame).sum() / total, (xx * frame).sum() / total
    shift_y, shift_x = int(round(SIZE / 2 - 0.5 - cy)), int(round(SIZE / 2 - 0.5 - cx))
    return _shift(frame, shift_y, shift_x)


def _shift(img: np.ndarray, dy: int, dx: int) -> np.ndarray:
    out = np.zeros_like(img)
    h, w = img.shape
    src_y = slice(max(0, -dy), min(h, h - dy))
    src_x = slice(max(0, -dx), min(w, w - dx))
    dst_y = slice(max(0, dy), min(h, h + dy))
    dst_x = slice(max(0, dx), min(w, w + dx))
    out[dst_y, dst_x] = img[src_y, src_x]
    return out


def apply_dataset_scaling(pixels_0_255: np.ndarray, dataset: Any) -> np.ndarray:
    """Apply the dataset's input scaling (``extras["scaling"]``: method, offset, scale)
    to raw 0-255 pixels; without recorded scaling the pixels are used as they are."""
    scaling = (getattr(dataset, "extras", None) or {}).get("scaling")
    x = np.asarray(pixels_0_255, dtype=np.float32)
    if not scaling or scaling.get("method", "none") == "none":
        return x
    offset = np.asarray(scaling["offset"], dtype=np.float32)
    scale = np.asarray(scaling["scale"], dtype=np.float32)
    if offset.size > 1:  # per-pixel statistics: same layout as one flattened image
        offset = offset.reshape(-1)
        scale = scale.reshape(-1)
        flat = x.reshape(-1)
        if flat.size != offset.size:
            raise InsightError((_("The dataset's scaling has {size} values but the drawing has {size2} "
                                  "pixels.")
                                  .format(size=offset.size, size2=flat.size)))
        return ((flat - offset) / scale).reshape(x.shape).astype(np.float32)
    return ((x - offset) / scale).astype(np.float32)


def drawing_to_input(image: np.ndarray, dataset: Any, center: bool = True) -> np.ndarray:
    """A (1, *input_shape) model input from a pad image in [0, 1] (1 = ink)."""
    img = center_like_mnist(image) if center else np.asarray(image, dtype=np.float32)
    pixels = np.round(np.clip(img, 0.0, 1.0) * 255.0)  # 8-bit like the MNIST files
    x = apply_dataset_scaling(pixels, dataset)
    shape = tuple(dataset.input_shape)
    if int(np.prod(shape)) != SIZE * SIZE:
        raise InsightError((_("The drawing pad makes 28x28 images; this dataset's inputs have shape "
                              "{shape}. Use MNIST-shaped data (28x28 or 784 values).")
                              .format(shape=shape)))
    return x.reshape((1, *shape))


@dataclass(frozen=True)
class DigitPrediction:
    probabilities: np.ndarray  # (k,)
    class_names: list[str]
    model_input: np.ndarray    # what the model saw, (1, *input_shape)

    @property
    def best(self) -> int:
        return int(np.argmax(self.probabilities))


def predict_drawing(model: Any, image: np.ndarray, dataset: Any,
                    center: bool = True) -> DigitPrediction:
    x = drawing_to_input(image, dataset, center)
    probs = class_probabilities(run_model(model, x), output_activation(model))[0]
    names = list(getattr(dataset, "class_names", []) or [str(i) for i in range(len(probs))])
    return DigitPrediction(probs, names, x)


def is_digit_dataset(dataset: Any) -> bool:
    shape = tuple(getattr(dataset, "input_shape", ()))
    return getattr(dataset, "task", "") == "multiclass" and \
        int(np.prod(shape or (0,))) == SIZE * SIZE and \
        shape in ((SIZE, SIZE), (SIZE, SIZE, 1), (SIZE * SIZE,))
