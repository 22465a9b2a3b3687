"""Celsius to Fahrenheit: one input, one output, F = 1.8 × C + 32.

The lesson: a single neuron (Dense with one unit, no activation) computes w × x + b, so
after training its weight should be 1.8 and its bias 32. Scaling defaults to "none" on
purpose: rescaled inputs would make the learned weight a different number.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from playground.datasets.base import (
    Dataset,
    DatasetEntry,
    DatasetInfo,
    DatasetParam,
    function_sources,
    noise_param,
    scaling_param,
    seed_param,
    split_train_test,
    test_fraction_param,
)
from playground.datasets.scaling import scale_splits
from playground.i18n import _

WEIGHT, BIAS = 1.8, 32.0


def celsius_table(samples, noise, rng):
    """Temperatures from -40 °C to 100 °C and the same in °F (plus optional noise)."""
    celsius = rng.uniform(-40.0, 100.0, samples)
    fahrenheit = 1.8 * celsius + 32.0 + rng.normal(0.0, noise, samples)
    return celsius.reshape(-1, 1).astype(np.float32), fahrenheit.astype(np.float32)


INFO = DatasetInfo(
    "celsius", _("Celsius to Fahrenheit"),
    _("Pairs of temperatures in °C and °F. One neuron can learn the rule F = 1.8 × C + 32: "
      "its weight and bias become 1.8 and 32."),
    "Numbers", ("regression",),
    (DatasetParam("samples", "int", 100, _("How many temperature pairs to make."),
                  minimum=3, maximum=100_000),
     noise_param(0.0, maximum=20.0, help=_("Measurement error added to °F, in degrees: with "
                   "noise the learned numbers come out close to, not exactly, 1.8 and 32.")),
     test_fraction_param(0.2), scaling_param("none"), seed_param()))


def load(params: dict[str, Any]) -> Dataset:
    rng = np.random.default_rng(params["seed"])
    x, y = celsius_table(params["samples"], params["noise"], rng)
    x_train, y_train, x_test, y_test = split_train_test(x, y, params["test_fraction"], rng)
    scaler, (x_train, x_test) = scale_splits(params["scaling"], x_train, x_test)
    return Dataset("celsius", INFO.title, INFO.description, "regression", x_train, y_train,
                   None, None, x_test, y_test, (1,), [],
                   extras={"feature_names": ["°C"], "target_name": "°F",
                           "true_weight": WEIGHT, "true_bias": BIAS,
                           "scaling": scaler.to_dict()})


def snippet(params: dict[str, Any]) -> str:
    lines = ["import numpy as np", "", "", *function_sources(celsius_table, split_train_test),
             f"rng = np.random.default_rng({params['seed']})",
             f"x, y = celsius_table({params['samples']}, {params['noise']!r}, rng)",
             "x_train, y_train, x_test, y_test = split_train_test(x, y, "
             f"{params['test_fraction']!r}, rng)"]
    from playground.datasets.scaling_snippet import scaling_lines

    lines += scaling_lines(params["scaling"], per_feature=True)
    lines.append("x_val, y_val = None, None  # validation comes from validation_split")
    return "\n".join(lines) + "\n"


def entries() -> list[DatasetEntry]:
    return [DatasetEntry(INFO, load, snippet)]
