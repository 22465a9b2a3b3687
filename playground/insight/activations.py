"""Activation function curves for the inspector.

The common activations are computed with numpy (the inspector may draw before TensorFlow
has finished importing); a test checks every formula against ``keras.activations``.
Other names fall back to Keras itself once it is loaded.
"""
from __future__ import annotations

from dataclasses import dataclass
from math import erf, sqrt
from typing import Callable

import numpy as np

from playground import kerasenv
from playground.i18n import _
from playground.insight._model import InsightError, to_numpy

_SELU_ALPHA = 1.6732632423543772848170429916717
_SELU_SCALE = 1.0507009873554804934193349852946


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


_erf = np.vectorize(erf)

FORMULAS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "linear": lambda x: x,
    "relu": lambda x: np.maximum(x, 0.0),
    "relu6": lambda x: np.clip(x, 0.0, 6.0),
    "sigmoid": _sigmoid,
    "tanh": np.tanh,
    "softplus": lambda x: np.logaddexp(0.0, x),
    "softsign": lambda x: x / (1.0 + np.abs(x)),
    "elu": lambda x: np.where(x > 0, x, np.expm1(np.minimum(x, 0.0))),
    "selu": lambda x: _SELU_SCALE * np.where(x > 0, x, _SELU_ALPHA * np.expm1(np.minimum(x, 0))),
    "gelu": lambda x: 0.5 * x * (1.0 + _erf(x / sqrt(2.0))),
    "silu": lambda x: x * _sigmoid(x),
    "swish": lambda x: x * _sigmoid(x),
    "leaky_relu": lambda x: np.where(x > 0, x, 0.2 * x),
    "exponential": np.exp,
    "hard_sigmoid": lambda x: np.clip(x / 6.0 + 0.5, 0.0, 1.0),
    "hard_silu": lambda x: x * np.clip(x / 6.0 + 0.5, 0.0, 1.0),
    "mish": lambda x: x * np.tanh(np.logaddexp(0.0, x)),
    # softmax normalises across units; for one unit against another at 0 it is a sigmoid
    "softmax": _sigmoid,
}

PLAIN_WORDS = {
    "linear": _("Passes the number through unchanged: the layer can only draw straight lines."),
    "relu": _("Keeps positive numbers, turns negatives into 0. Fast and the usual choice."),
    "relu6": _("Like ReLU, but never above 6."),
    "sigmoid": _("Squeezes any number into 0..1: good for a yes/no probability at the end."),
    "tanh": _("Squeezes any number into -1..1, centred on 0."),
    "softplus": _("A smooth ReLU: never exactly 0."),
    "softsign": _("Like tanh, but approaches -1 and 1 more slowly."),
    "elu": _("Like ReLU, but negatives curve smoothly down to -1 instead of stopping at 0."),
    "selu": _("A scaled ELU that keeps signals at a steady size through deep stacks."),
    "gelu": _("A smooth ReLU used in modern networks (transformers)."),
    "silu": _("x times sigmoid(x): a smooth ReLU that dips slightly below 0."),
    "swish": _("x times sigmoid(x): a smooth ReLU that dips slightly below 0."),
    "leaky_relu": _("Like ReLU, but negatives keep a small slope so units never fully die."),
    "exponential": _("e to the power x: grows very fast."),
    "hard_sigmoid": _("A cheap straight-line version of sigmoid."),
    "hard_silu": _("A cheap straight-line version of SiLU."),
    "mish": _("A smooth ReLU-like curve, slightly below 0 for small negatives."),
    "softmax": _("Turns the layer's numbers into probabilities that add up to 1 "
                 "(shown: one unit against another fixed at 0)."),
}


@dataclass(frozen=True)
class ActivationCurve:
    name: str
    x: np.ndarray
    y: np.ndarray
    slope: np.ndarray  # derivative: where it is ~0 the unit stops learning
    description: str


def activation_curve(name: str | None, x_min: float = -5.0, x_max: float = 5.0,
                     points: int = 201) -> ActivationCurve:
    """Values and slope of activation ``name`` over [x_min, x_max]."""
    key = (name or "linear").lower()
    x = np.linspace(x_min, x_max, points)
    formula = FORMULAS.get(key)
    if formula is not None:
        y = np.asarray(formula(x), dtype=np.float64)
    elif kerasenv.is_loaded():
        keras = kerasenv.keras()
        try:
            fn = keras.activations.get(key)
        except ValueError as exc:
            raise InsightError((_("Unknown activation '{name}'. Pick one of: {FORMULAS}.")
                                  .format(name=name, FORMULAS=', '.join(sorted(FORMULAS))))) from exc
        y = to_numpy(fn(x.astype(np.float32))).astype(np.float64)
    else:
        raise InsightError((_("The curve of '{name}' can be drawn once TensorFlow has loaded.")
                              .format(name=name)))
    slope = np.gradient(y, x)
    return ActivationCurve(key, x, y, slope, PLAIN_WORDS.get(key, ""))
