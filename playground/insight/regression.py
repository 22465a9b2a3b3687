"""Regression and sequences: predictions against the truth, the learned line for Celsius,
and the forecast along the real series."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.i18n import _
from playground.insight._model import InsightError, activation_name, model_layers, run_model, to_numpy
from playground.insight.classification import evaluation_split

MAX_POINTS = 2000


@dataclass(frozen=True)
class PredictionVsTruth:
    split: str
    truth: np.ndarray       # (n,) first target value of each sample
    prediction: np.ndarray  # (n,)
    mae: float
    r2: float               # 1 = perfect, 0 = as good as always guessing the mean


def prediction_vs_truth(model: Any, dataset: Any, max_points: int = MAX_POINTS
                        ) -> PredictionVsTruth:
    if dataset.task not in ("regression", "sequence"):
        raise InsightError((_("Prediction-vs-truth is for number-predicting datasets; '{name}' is a "
                              "{task} task.")
                              .format(name=dataset.name, task=dataset.task)))
    split, x, y = evaluation_split(dataset)
    x, y = x[:max_points], y[:max_points]
    pred = run_model(model, x).reshape(len(x), -1)[:, 0].astype(np.float64)
    truth = np.asarray(y, dtype=np.float64).reshape(len(y), -1)[:, 0]
    err = pred - truth
    total = float(((truth - truth.mean()) ** 2).sum())
    r2 = 1.0 - float((err ** 2).sum()) / total if total > 0 else float("nan")
    return PredictionVsTruth(split, truth, pred, float(np.abs(err).mean()), r2)


@dataclass(frozen=True)
class LinearFit:
    """The model reduced to ``output = weight * input + bias`` (when it is linear)."""

    weight: float
    bias: float
    expected_weight: float
    expected_bias: float


def linear_fit(model: Any, expected_weight: float = 1.8,
               expected_bias: float = 32.0) -> LinearFit:
    """Collapse a chain of linear Dense layers (1 input, 1 output) into one weight and bias.

    For the Celsius lesson (F = 1.8·C + 32) the learned numbers appear next to the formula.
    A nonlinear activation makes the model a curve, not a line: that is refused with why.
    """
    weight = np.eye(1)
    bias = np.zeros(1)
    for layer in model_layers(model):
        kind = type(layer).__name__
        if kind in ("Flatten", "Reshape", "Dropout", "Identity"):
            continue
        if kind != "Dense":
            raise InsightError((_("Layer '{name}' ({kind}) is not a Dense layer, so the model is not one "
                                  "straight line.")
                                  .format(name=layer.name, kind=kind)))
        if activation_name(layer) not in (None, "linear"):
            raise InsightError((_("Layer '{name}' uses the '{layer}' activation, so the model draws a "
                                  "curve, not one line. Set it to 'linear' to read a weight and a bias.")
                                  .format(name=layer.name, layer=activation_name(layer))))
        kernel = to_numpy(layer.kernel).astype(np.float64)
        b = to_numpy(layer.bias).astype(np.float64) if layer.bias is not None \
            else np.zeros(kernel.shape[1])
        weight, bias = weight @ kernel, bias @ kernel + b
    if weight.shape != (1, 1):
        raise InsightError((_("The learned line needs a model with one input and one output; this one "
                              "maps {shape} to {shape2} numbers.")
                              .format(shape=weight.shape[0], shape2=weight.shape[1])))
    return LinearFit(float(weight[0, 0]), float(bias[0]), expected_weight, expected_bias)


def celsius_fit(model: Any, dataset: Any) -> LinearFit:
    """:func:`linear_fit` in the dataset's own units: if inputs/targets were rescaled for
    training (``extras["scaling"]`` / ``extras["target_scaling"]``), undo it so the
    numbers compare with 1.8 and 32."""
    extras = getattr(dataset, "extras", None) or {}
    fit = linear_fit(model, float(extras.get("true_weight", 1.8)),
                     float(extras.get("true_bias", 32.0)))
    w, b = fit.weight, fit.bias
    xs = extras.get("scaling")
    if xs and xs.get("method", "none") != "none":
        off, sc = float(np.ravel(xs["offset"])[0]), float(np.ravel(xs["scale"])[0])
        # y = w * (c - off) / sc + b  ->  y = (w / sc) c + (b - w off / sc)
        w, b = w / sc, b - w * off / sc
    ys = extras.get("target_scaling")
    if ys and ys.get("method", "none") != "none":
        off, sc = float(np.ravel(ys["offset"])[0]), float(np.ravel(ys["scale"])[0])
        w, b = w * sc, b * sc + off
    return LinearFit(w, b, fit.expected_weight, fit.expected_bias)


@dataclass(frozen=True)
class SequenceForecast:
    split: str
    steps: np.ndarray       # (n,) position of each predicted value along the series
    truth: np.ndarray       # (n,) the real next value
    forecast: np.ndarray    # (n,) the model's one-step-ahead forecast
    history: np.ndarray     # (w,) inputs of the first window (the context before step 0)

    @property
    def mae(self) -> float:
        """Mean absolute error of the forecasts: the typical error shown with the plot."""
        return float(np.mean(np.abs(self.forecast - self.truth))) if len(self.truth) else 0.0


def sequence_forecast(model: Any, dataset: Any, max_points: int = MAX_POINTS
                      ) -> SequenceForecast:
    """One-step-ahead forecasts over the evaluation split's windows, in order."""
    if dataset.task != "sequence":
        raise InsightError(_("'{name}' is not a sequence dataset.").format(name=dataset.name))
    split, x, y = evaluation_split(dataset)
    x, y = x[:max_points], y[:max_points]
    pred = run_model(model, x).reshape(len(x), -1)[:, 0]
    truth = np.asarray(y, dtype=np.float64).reshape(len(y), -1)[:, 0]
    first = np.asarray(x[0], dtype=np.float64)
    history = first.reshape(first.shape[0], -1)[:, 0] if first.ndim >= 1 else first
    return SequenceForecast(split, np.arange(len(truth)), truth, pred.astype(np.float64),
                            history)
