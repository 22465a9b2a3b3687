"""Time series windows: from the last ``window`` values, predict the next one.

The series is split in time (the test part comes after the training part), as a real
forecast would be judged. The naive forecast "repeat the last value" gives the baseline a
sequence model must beat: :func:`naive_last_value_mse`.
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
    seed_param,
    test_fraction_param,
)
from playground.errors import DatasetError
from playground.i18n import N_, _

# Values stored in projects; N_ marks them so the app shows them translated.
WAVES = (N_("sine"), N_("two sines"), N_("sawtooth"))


def make_series(length, wave, period, noise, rng):
    """A wave of ``length`` steps repeating every ``period`` steps, plus Gaussian noise."""
    t = np.arange(length, dtype=np.float64)
    phase = 2 * np.pi * t / period
    if wave == "sine":
        values = np.sin(phase)
    elif wave == "two sines":
        values = 0.7 * np.sin(phase) + 0.3 * np.sin(3.3 * phase)
    else:  # sawtooth: rises evenly, then drops back
        values = 2.0 * ((t / period) % 1.0) - 1.0
    values = values + rng.normal(0.0, noise, length)
    return values.astype(np.float32)


def make_windows(values, window):
    """Inputs: every run of ``window`` values (shape n × window × 1); target: the next."""
    n = len(values) - window
    idx = np.arange(window)[None, :] + np.arange(n)[:, None]
    x = values[idx][:, :, None].astype(np.float32)
    y = values[window:].reshape(-1, 1).astype(np.float32)
    return x, y


def split_in_time(x, y, test_fraction):
    """Training windows come first in time; the test windows are the latest ones."""
    n_test = max(1, int(round(len(x) * test_fraction)))
    return x[:-n_test], y[:-n_test], x[-n_test:], y[-n_test:]


def naive_last_value_mse(x: np.ndarray, y: np.ndarray) -> float:
    """Mean squared error of the forecast "the next value equals the last one seen"."""
    return float(np.mean((x[:, -1, :].reshape(y.shape) - y) ** 2))


INFO = DatasetInfo(
    "sine", _("Sine wave forecast"),
    _("A wavy signal cut into windows: from the last few values, predict the next one. "
      "The naive guess \"same as the last value\" is the baseline to beat."),
    "Series", ("sequence",),
    (DatasetParam("samples", "int", 1200, _("Length of the whole signal in time steps."),
                  minimum=50, maximum=200_000),
     DatasetParam("window", "int", 20, _("How many past values the model sees to predict "
                    "the next one."), minimum=2, maximum=500),
     DatasetParam("wave", "choice", "sine", _("Shape of the signal."), choices=WAVES),
     DatasetParam("period", "float", 40.0, _("Steps per repeat of the wave: shorter periods "
                    "change faster and are harder to guess naively."), minimum=3.0,
                  maximum=10_000.0),
     noise_param(0.05, maximum=1.0, help=_("Random jitter added to every value.")),
     test_fraction_param(0.2), seed_param()))


def load(params: dict[str, Any]) -> Dataset:
    if params["samples"] <= params["window"] + 4:
        raise DatasetError((_("Dataset sine: the signal ({samples} steps) must be longer than the "
                              "window ({window}) plus a few steps. Raise the length or shorten the "
                              "window.")
                              .format(samples=params['samples'], window=params['window'])))
    rng = np.random.default_rng(params["seed"])
    values = make_series(params["samples"], params["wave"], params["period"],
                         params["noise"], rng)
    x, y = make_windows(values, params["window"])
    x_train, y_train, x_test, y_test = split_in_time(x, y, params["test_fraction"])
    return Dataset("sine", INFO.title, INFO.description, "sequence", x_train, y_train,
                   None, None, x_test, y_test, (params["window"], 1), [],
                   extras={"series": values, "test_start": params["window"] + len(x_train),
                           "naive_test_mse": naive_last_value_mse(x_test, y_test)})


def snippet(params: dict[str, Any]) -> str:
    lines = ["import numpy as np", "", "",
             *function_sources(make_series, make_windows, split_in_time),
             f"rng = np.random.default_rng({params['seed']})",
              f"values = make_series({params['samples']}, {params['wave']!r}, "
              f"{params['period']!r}, {params['noise']!r}, rng)",
              f"x, y = make_windows(values, {params['window']})",
              "x_train, y_train, x_test, y_test = split_in_time(x, y, "
              f"{params['test_fraction']!r})",
              "x_val, y_val = None, None  # validation comes from validation_split"]
    return "\n".join(lines) + "\n"


def entries() -> list[DatasetEntry]:
    return [DatasetEntry(INFO, load, snippet)]
