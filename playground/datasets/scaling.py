"""Input scaling: none, [0, 1] or standardize, always with statistics of the training split.

Why it matters: a network starts with small random weights that expect inputs of about
size 1. Inputs in the hundreds (pixel values 0-255, temperatures, prices) make the first
steps huge and training unstable or slow; inputs rescaled to a similar, small range let
every feature count and let the usual learning rates work.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground.errors import DatasetError
from playground.i18n import _

SCALINGS = ("none", "unit", "standardize")

SCALING_TITLES = {
    "none": _("None (use the numbers as they are)"),
    "unit": "Range [0, 1]",
    "standardize": _("Standardize (mean 0, spread 1)"),
}

SCALING_WHY = {
    "none": _("Keeps the raw numbers: fine when they are already small (about -1 to 1); "
              "large raw numbers make training slow or unstable."),
    "unit": _("Squeezes every input into 0 to 1 using its smallest and largest value "
              "(for pixels 0 and 255): the usual choice for pictures."),
    "standardize": _("Shifts and stretches each input so the training data has mean 0 and "
                     "spread 1: the usual choice for measurements on different scales."),
}

SCALING_HELP = (_("How inputs are rescaled before training. Networks learn best when inputs "
                  "are small and on similar scales; statistics come from the training split "
                  "only, so the test data stays unseen."))


@dataclass(frozen=True)
class Scaler:
    """``x' = (x - offset) / scale``, fitted on training data only."""

    method: str
    offset: np.ndarray | float
    scale: np.ndarray | float

    def apply(self, x: np.ndarray | None) -> np.ndarray | None:
        if x is None:
            return None
        if self.method == "none":
            return x.astype(np.float32, copy=False)
        return ((x.astype(np.float32) - self.offset) / self.scale).astype(np.float32)

    def to_dict(self) -> dict[str, object]:
        return {"method": self.method, "offset": np.asarray(self.offset).tolist(),
                "scale": np.asarray(self.scale).tolist()}


def fit_scaler(x_train: np.ndarray, method: str, per_feature: bool = True,
               known_range: tuple[float, float] | None = None) -> Scaler:
    """Fit a scaler on the training inputs.

    ``per_feature`` False uses one statistic for all values (images: one brightness scale
    for every pixel). ``known_range`` fixes [0, 1] scaling to a known range, e.g. (0, 255)
    for 8-bit pixels, so a dark subset does not get stretched differently.
    """
    if method not in SCALINGS:
        raise DatasetError((_("Input scaling must be one of {SCALINGS}; received {method!r}.")
                              .format(SCALINGS=', '.join(SCALINGS), method=method)))
    if method == "none":
        return Scaler("none", 0.0, 1.0)
    if len(x_train) == 0:
        raise DatasetError(_("Cannot fit input scaling: the training split is empty."))
    x = x_train.astype(np.float32, copy=False)
    axis = 0 if per_feature else None
    if method == "unit":
        if known_range is not None:
            low, high = known_range
            return Scaler("unit", np.float32(low), np.float32(high - low))
        low = np.min(x, axis=axis)
        span = np.max(x, axis=axis) - low
        return Scaler("unit", low, np.where(span > 0, span, 1.0).astype(np.float32))
    mean = np.mean(x, axis=axis, dtype=np.float64).astype(np.float32)
    std = np.std(x, axis=axis, dtype=np.float64).astype(np.float32)
    # A constant feature has spread 0: leave it centred rather than divide by zero.
    return Scaler("standardize", mean, np.where(std > 0, std, 1.0).astype(np.float32))


def scale_splits(method: str, x_train: np.ndarray, *others: np.ndarray | None,
                 per_feature: bool = True,
                 known_range: tuple[float, float] | None = None
                 ) -> tuple[Scaler, list[np.ndarray | None]]:
    """Fit on ``x_train``, apply to it and to every other split (None stays None)."""
    scaler = fit_scaler(x_train, method, per_feature, known_range)
    return scaler, [scaler.apply(x_train), *(scaler.apply(o) for o in others)]
