"""The arrays a run trains and validates on, taken from a Dataset and the settings."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from playground.errors import TrainingError
from playground.i18n import _

if TYPE_CHECKING:
    from playground.datasets.base import Dataset


@dataclass
class RunData:
    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray | None
    y_val: np.ndarray | None
    x_test: np.ndarray | None
    y_test: np.ndarray | None
    validation_source: str          # "dataset" | "split" | "none"


def _inputs(x: np.ndarray) -> np.ndarray:
    if x.dtype.kind in "UO":  # raw text for a string Input: kept as text
        return x.astype(np.str_, copy=False)
    return x if np.issubdtype(x.dtype, np.integer) else x.astype(np.float32, copy=False)


def _targets(y: np.ndarray, classification: bool) -> np.ndarray:
    return y.astype(np.int32, copy=False) if classification \
        else y.astype(np.float32, copy=False)


def prepare_data(dataset: "Dataset", validation_split: float,
                 seed: int | None) -> RunData:
    """Training/validation/test arrays in the dtypes Keras wants.

    Uses the dataset's own validation split when it has one; otherwise keeps a random
    ``validation_split`` share of the training examples aside (shuffled first, because
    generated datasets are often ordered by class and Keras's own split takes the tail).
    """
    cls = dataset.is_classification
    x, y = _inputs(dataset.x_train), _targets(dataset.y_train, cls)
    if len(x) == 0:
        raise TrainingError(_("The dataset '{title}' has no training examples: raise its number of "
                              "samples.").format(title=dataset.title))
    if len(x) != len(y):
        raise TrainingError((_("The dataset '{title}' has {x} inputs but {y} targets; reload or fix the "
                               "dataset.")
                               .format(title=dataset.title, x=len(x), y=len(y))))
    x_val = y_val = None
    source = "none"
    if dataset.x_val is not None and dataset.y_val is not None and len(dataset.x_val):
        x_val, y_val = _inputs(dataset.x_val), _targets(dataset.y_val, cls)
        source = "dataset"
    elif validation_split > 0:
        n_val = int(round(len(x) * validation_split))
        if n_val >= len(x):
            raise TrainingError((_("A validation split of {validation_split:g} leaves no training examples: "
                                   "lower it.")
                                   .format(validation_split=validation_split)))
        if n_val > 0:
            order = np.random.default_rng(seed).permutation(len(x))
            val_idx, train_idx = order[:n_val], order[n_val:]
            x_val, y_val = x[val_idx], y[val_idx]
            x, y = x[train_idx], y[train_idx]
            source = "split"
    x_test = y_test = None
    if dataset.x_test is not None and dataset.y_test is not None and len(dataset.x_test):
        x_test, y_test = _inputs(dataset.x_test), _targets(dataset.y_test, cls)
    return RunData(x, y, x_val, y_val, x_test, y_test, source)


def prepare_stream(dataset: "Dataset", validation_split: float,
                   seed: int | None) -> RunData:
    """The streamed splits of a dataset read from disk (``dataset.stream``): x_* are
    StreamSplit objects (file lists with ``len``), y_* the same objects. Validation files
    are chosen by a hash of their names, so the choice is stable as the folder grows."""
    stream = dataset.stream
    train, val, source = stream.train, None, "none"
    if len(train) == 0:
        raise TrainingError(_("The dataset '{title}' has no training examples: raise its number of "
                              "samples.").format(title=dataset.title))
    if validation_split > 0:
        rest, held = train.split(validation_split, seed)
        if len(rest) == 0:
            raise TrainingError((_("A validation split of {validation_split:g} leaves no training examples: "
                                   "lower it.")
                                   .format(validation_split=validation_split)))
        if len(held):
            train, val, source = rest, held, "split"
    test = stream.test if stream.test is not None and len(stream.test) else None
    return RunData(train, train, val, val, test, test, source)
