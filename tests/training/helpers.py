"""Tiny datasets and models for the training tests (fast: a few hundred examples)."""
from __future__ import annotations

import numpy as np

from playground.datasets.base import Dataset


def blobs(n: int = 200, seed: int = 0, with_test: bool = True) -> Dataset:
    """Two well separated 2-D blobs: a tiny model learns them in a few epochs."""
    rng = np.random.default_rng(seed)
    y = (np.arange(n) % 2).astype(np.int32)
    x = (rng.normal(size=(n, 2)) * 0.5 + np.where(y[:, None] == 1, 1.5, -1.5)).astype(
        np.float32)
    xt, yt = (x[:40], y[:40]) if with_test else (None, None)
    return Dataset("blobs", "Blobs", "two blobs", "binary", x, y, None, None, xt, yt,
                   (2,), ["a", "b"])


def three_classes(n: int = 150) -> Dataset:
    rng = np.random.default_rng(1)
    y = (np.arange(n) % 3).astype(np.int32)
    x = (rng.normal(size=(n, 2)) * 0.3 + y[:, None]).astype(np.float32)
    return Dataset("three", "Three", "", "multiclass", x, y, None, None, None, None, (2,),
                   ["a", "b", "c"])


def regression(n: int = 100, scale: float = 1.0) -> Dataset:
    rng = np.random.default_rng(2)
    x = (rng.normal(size=(n, 2)) * scale).astype(np.float32)
    y = (x.sum(axis=1) * scale).astype(np.float32)
    return Dataset("reg", "Sums", "", "regression", x, y, None, None, None, None, (2,), [])


def mlp(inputs: int = 2, units: int = 1, activation: str = "sigmoid", hidden: int = 8):
    from playground.kerasenv import keras

    k = keras()
    i = k.Input((inputs,))
    h = k.layers.Dense(hidden, activation="tanh")(i)
    return k.Model(i, k.layers.Dense(units, activation=activation)(h))


def xor_project(samples: int = 200, epochs: int = 3, batch_size: int = 10):
    """A real project: Input(2) -> Dense(8, tanh) -> Dense(1, sigmoid) on the XOR dataset."""
    from playground.network.chains import chain_graph
    from playground.files.project import Project

    graph = chain_graph([("Input", {"batch_shape": [None, 2]}),
                         ("Dense", {"units": 8, "activation": "tanh"}),
                         ("Dense", {"units": 1, "activation": "sigmoid"})])
    return Project(graph=graph, dataset={"name": "xor", "params": {"samples": samples}},
                   training={"epochs": epochs, "batch_size": batch_size,
                             "learning_rate": 0.03, "seed": 1})
