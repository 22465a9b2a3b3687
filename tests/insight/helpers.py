"""Tiny models and datasets for the insight tests (made here, no downloads)."""
from __future__ import annotations

import numpy as np

from playground.datasets.base import Dataset
from playground.kerasenv import keras


def points_dataset(task: str = "binary", n: int = 120, seed: int = 0,
                   classes: int = 2) -> Dataset:
    rng = np.random.default_rng(seed)
    x = rng.uniform(-3, 3, size=(n, 2)).astype(np.float32)
    if task == "regression":
        y = (x[:, 0] * 0.5 - x[:, 1]).astype(np.float32)
        names: list[str] = []
    elif classes == 2:
        y = (x[:, 0] * x[:, 1] > 0).astype(np.int64)
        names = ["blue", "orange"]
    else:
        y = (np.floor((np.arctan2(x[:, 1], x[:, 0]) + np.pi) / (2 * np.pi) * classes)
             .astype(np.int64) % classes)
        names = [f"c{i}" for i in range(classes)]
    cut = n * 3 // 4
    return Dataset("points", "Points", "", task, x[:cut], y[:cut], None, None, x[cut:], y[cut:],
                   (2,), names)


def mlp(units: tuple[int, ...] = (4, 3), out: int = 1, out_activation: str = "sigmoid",
        activation: str = "tanh", inputs: int = 2, seed: int = 1):
    k = keras()
    k.utils.set_random_seed(seed)
    x = k.Input((inputs,))
    h = x
    for i, u in enumerate(units):
        h = k.layers.Dense(u, activation=activation, name=f"hidden{i}")(h)
    y = k.layers.Dense(out, activation=out_activation, name="out")(h)
    return k.Model(x, y)
